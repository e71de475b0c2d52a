// libFuzzer target for the search query parser and the highlighter
// (src/search): arbitrary query bytes (NUL, quotes, operators, invalid
// UTF-8) against an arbitrary text. Invariants: every unit has text, and
// every highlight lies inside the text.
// Run: MARSAD_DATA_DIR=data ./build-fuzz/fuzz/search_query_fuzz -max_len=4096
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz/fuzz_tables.h"
#include "src/search/query.h"
#include "src/text/tables.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string all(reinterpret_cast<const char*>(data), size);
  const size_t cut = all.find('\n');
  std::string q = all.substr(0, cut);
  std::string text = cut == std::string::npos ? "" : all.substr(cut + 1);
  std::vector<marsad::QueryUnit> units =
      marsad::ParseQuery(marsad::FuzzTextTables(), q);
  for (const auto& u : units) {
    if (u.text.empty()) abort();
  }
  marsad::SearchHit hit;
  marsad::Highlight(marsad::FuzzTextTables(), text, units, &hit);
  for (const marsad::Span& h : hit.highlights) {
    if (h.begin > h.end || h.end > text.size()) abort();
  }
  return 0;
}
