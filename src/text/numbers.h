// Numbers in Arabic text: digits of any script with separators, number
// words in their gender and case forms (ثلاثة، خمسين، أحد عشر، مئة/مائة،
// ألفين), duals of counted nouns (قتيلان، مرتين), vague quantities
// (العشرات، مئات), approximations and bounds (نحو، حوالي، قرابة، أكثر من،
// ما لا يقل عن) and ranges (بين 10 و15). Each mention has value, min, max,
// an approximate flag, and its span in the text (the bound words included).
//
// Thread safety: pure function over immutable tables.
#ifndef MARSAD_TEXT_NUMBERS_H_
#define MARSAD_TEXT_NUMBERS_H_

#include <string_view>
#include <vector>

#include "marsad/document.h"

namespace marsad {

// Appends the numbers of `text` to *out (cleared first), in text order.
void FindNumbers(std::string_view text, std::vector<NumberMention>* out);

}  // namespace marsad

#endif  // MARSAD_TEXT_NUMBERS_H_
