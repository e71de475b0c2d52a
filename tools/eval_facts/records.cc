#include "tools/eval_facts/records.h"

#include <zlib.h>

#include <vector>

namespace marsad {

StatusOr<std::map<int, nlohmann::json>> ReadRecords(
    const std::string& path, const std::set<int>& wanted) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return NotFoundError("cannot open " + path);
  std::map<int, nlohmann::json> out;
  std::string line;
  std::vector<char> buf(1 << 16);
  int n = 0;
  while (gzgets(f, buf.data(), static_cast<int>(buf.size()))) {
    line += buf.data();
    if (line.empty() || line.back() != '\n') continue;
    if (wanted.count(n)) out[n] = nlohmann::json::parse(line, nullptr, false);
    line.clear();
    if (++n > *wanted.rbegin()) break;
  }
  gzclose(f);
  return out;
}

}  // namespace marsad
