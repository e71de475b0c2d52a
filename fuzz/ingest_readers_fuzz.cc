// libFuzzer target for the input readers (src/ingest): a JSON Lines stream
// read through ReadInput (the block line reader, NUL bytes, over-long lines,
// gzip), a CSV export (libcsv: quoting, records over many lines, bad rows),
// single JSON records, a WARC file, HTTP responses and the encoding
// detector, on arbitrary bytes. Invariants: every record read is valid
// UTF-8 and within the limit; nothing is read from beyond the input.
// Run: ./build-fuzz/fuzz/ingest_readers_fuzz -max_len=65536
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

#include "src/base/utf8.h"
#include "src/ingest/decode.h"
#include "src/ingest/reader.h"
#include "src/ingest/warc.h"

namespace {

std::string TempPath(const char* ext) {
  return "/tmp/marsad_ingest_fuzz_" + std::to_string(::getpid()) + ext;
}

void ReadAsFile(std::string_view in, const char* ext) {
  const std::string path = TempPath(ext);
  std::ofstream(path, std::ios::binary)
      .write(in.data(), static_cast<std::streamsize>(in.size()));
  marsad::ReadCallbacks cb;
  cb.limits.max_document_bytes = 4096;
  cb.on_document = [&](marsad::Document&& d) {
    if (d.raw.size() > cb.limits.max_document_bytes) abort();
    if (!marsad::IsValidUtf8(d.raw)) abort();
  };
  cb.on_reject = [](const std::string&, const marsad::Status& why) {
    if (why.ok()) abort();
  };
  marsad::ReadStats stats;
  (void)marsad::ReadInput(path, cb, &stats);
  std::remove(path.c_str());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  ReadAsFile(in, ".jsonl");
  ReadAsFile(in, ".csv");
  ReadAsFile(in, ".warc");
  marsad::Document doc;
  if (marsad::ParseJsonRecord(in, &doc).ok() && !marsad::IsValidUtf8(doc.raw))
    abort();
  (void)marsad::DocumentFromHttpResponse(in);
  for (bool html : {false, true}) {
    auto d = marsad::DecodeToUtf8(in, html);
    if (d.ok() && !marsad::IsValidUtf8(d->text)) abort();
  }
  return 0;
}
