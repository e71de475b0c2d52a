// Numbers in Arabic news text: digits (ASCII, Eastern), number words in every
// gender and case, duals of counted nouns, scale words, approximations,
// bounds and ranges.
//
// Thread safety: pure functions over immutable tables (TextTables,
// src/text/tables.h, passed in).
#ifndef MARSAD_SRC_TEXT_NUMBERS_H_
#define MARSAD_SRC_TEXT_NUMBERS_H_

#include <string_view>
#include <vector>

#include "marsad/document.h"
#include "src/text/analysis.h"
#include "src/text/tables.h"

namespace marsad {

// *out is cleared, then filled in text order. Spans are byte offsets into
// `text` and cover the cue (نحو, أكثر من, بين ... و) and the number.
// Lower bounds have max = +infinity; vague plurals (عشرات) give their range
// with value = min and approximate = true. `unit` is "percent", "km", ... or
// the lemma key of the counted noun that follows, when there is one.
void FindNumbers(const TextTables& tables, std::string_view text,
                 std::vector<NumberMention>* out);
// The same from the document's analysis (src/text/analysis.h) of the text.
void FindNumbers(const TextTables& tables, const TextAnalysis& analysis,
                 std::vector<NumberMention>* out);

}  // namespace marsad

#endif  // MARSAD_SRC_TEXT_NUMBERS_H_
