// libFuzzer target for the HTML path of the cleaning stage: any bytes, parsed
// as a page, must clean without crashing, hanging or leaking, and the result
// must be valid UTF-8. Build: cmake -DMARSAD_FUZZ=ON
// -DCMAKE_CXX_COMPILER=clang++
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "src/base/utf8.h"
#include "src/clean/clean.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  marsad::Document doc;
  doc.format = (size > 0 && data[0] & 1) ? "html" : "txt";
  doc.raw.assign(reinterpret_cast<const char*>(data), size);
  if (!marsad::CleanDocument(&doc).ok()) std::abort();  // tables are present
  if (!marsad::IsValidUtf8(doc.text)) std::abort();
  return 0;
}
