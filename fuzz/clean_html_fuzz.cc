// libFuzzer target for the HTML path of the cleaning stage: any bytes, parsed
// as a page, must clean without crashing, hanging or leaking, and the result
// must be valid UTF-8. Build: cmake -DMARSAD_FUZZ=ON
// -DCMAKE_CXX_COMPILER=clang++
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "src/base/data.h"
#include "src/base/utf8.h"
#include "src/clean/clean.h"

namespace {

// The clean stage's tables of DataDir(), loaded once for the run; the
// fuzzer stops at once when one is missing.
const marsad::CleanTables& Tables() {
  static const marsad::CleanTables* const tables = [] {
    auto t = marsad::CleanTables::Load(marsad::DataDir());
    if (!t.ok()) std::abort();
    return new marsad::CleanTables(std::move(*t));
  }();
  return *tables;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const marsad::CleanTables& tables = Tables();
  marsad::Document doc;
  doc.format = (size > 0 && data[0] & 1) ? "html" : "txt";
  doc.raw.assign(reinterpret_cast<const char*>(data), size);
  if (!marsad::CleanDocument(*tables.lexicon, *tables.normalizer, &doc).ok())
    std::abort();
  if (!marsad::IsValidUtf8(doc.text)) std::abort();
  return 0;
}
