// Reading speed of the input readers (src/ingest) on one core: records/s and
// MB/s of input for each FILE given (JSONL, CSV, plain or .gz), reading only
// (no cleaning, no store), the median of three runs.
// Run: build/bench/read_bench FILE...
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "src/ingest/reader.h"

namespace marsad {
namespace {

struct Run {
  double secs = 0;
  uint64_t records = 0, rejected = 0, bytes = 0;
};

Run ReadOnce(const std::string& path) {
  Run run;
  ReadCallbacks cb;
  cb.on_document = [&](Document&& d) { run.records += !d.raw.empty(); };
  cb.on_reject = [&](const std::string&, const Status&) { ++run.rejected; };
  ReadStats stats;
  const auto start = std::chrono::steady_clock::now();
  (void)ReadInput(path, cb, &stats);
  run.secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  run.bytes = stats.bytes;
  return run;
}

}  // namespace
}  // namespace marsad

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::vector<marsad::Run> runs;
    for (int k = 0; k < 3; ++k) runs.push_back(marsad::ReadOnce(argv[i]));
    std::sort(runs.begin(), runs.end(),
              [](const auto& a, const auto& b) { return a.secs < b.secs; });
    const marsad::Run& m = runs[1];
    std::printf(
        "%s: %llu records, %llu rejected, %.1f MB in %.3f s: "
        "%.0f records/s, %.1f MB/s (median of 3, one core)\n",
        argv[i], static_cast<unsigned long long>(m.records),
        static_cast<unsigned long long>(m.rejected), m.bytes / 1e6, m.secs,
        m.records / m.secs, m.bytes / 1e6 / m.secs);
  }
  return 0;
}
