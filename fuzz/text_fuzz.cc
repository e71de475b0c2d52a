// libFuzzer target for the text core: normalizer (display and fold, with
// offset-map invariants), tokenizer, sentence splitter, segmenter, numbers
// and dates, on arbitrary bytes (invalid UTF-8 included).
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_tables.h"
#include "src/base/utf8.h"
#include "src/text/dates.h"
#include "src/text/normalize.h"
#include "src/text/numbers.h"
#include "src/text/segment.h"
#include "src/text/tables.h"
#include "src/text/tokenize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  const marsad::TextTables& tables = marsad::FuzzTextTables();
  const marsad::Normalizer& n = tables.normalizer();
  marsad::NormalizedText out;
  for (int mode = 0; mode < 2; ++mode) {
    mode ? n.Fold(in, &out) : n.Display(in, &out);
    if (out.offsets.size() != out.text.size() + 1) abort();
    if (!marsad::IsValidUtf8(out.text)) abort();
    for (size_t i = 1; i < out.offsets.size(); ++i)
      if (out.offsets[i] < out.offsets[i - 1] || out.offsets[i] > size) abort();
  }
  std::vector<marsad::Token> toks;
  marsad::Tokenize(in, &toks);
  uint32_t last = 0;
  for (const auto& t : toks) {
    if (t.span.begin < last || t.span.end <= t.span.begin || t.span.end > size)
      abort();
    last = t.span.end;
  }
  std::vector<marsad::Span> sents;
  marsad::SplitSentences(tables, in, toks, &sents);
  marsad::Segmentation seg;
  for (const auto& t : toks) {
    std::string_view w = t.span.In(in);
    tables.segmenter().Segment(w, &seg);
    uint32_t at = 0;
    for (auto p : seg.parts) {
      if (p.begin != at) abort();
      at = p.end;
    }
    if (at != w.size()) abort();
  }
  std::vector<marsad::NumberMention> nums;
  marsad::FindNumbers(tables, in, &nums);
  std::vector<marsad::DateMention> dates;
  marsad::FindDates(tables, in, "2017-11-14", &dates);
  for (const auto& d : dates)
    if (d.span.end > size) abort();
  return 0;
}
