// Internal helpers shared by numbers.cc and dates.cc: tokens with folded
// keys, and phrase tables keyed by folded text.
#ifndef MARSAD_SRC_TEXT_LEXICON_UTIL_H_
#define MARSAD_SRC_TEXT_LEXICON_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

#include "src/text/analysis.h"

namespace marsad::text_internal {

// Tokens with folded keys: TextAnalysis::folded (src/text/analysis.h).
using KeyedToken = FoldedToken;

// Strips one conjunction/preposition proclitic and/or the article from a
// folded key: و ف ب ل then ال (or لل). Returns the remainder (may be `key`).
std::string_view StripProclitics(std::string_view key, bool* had_wa);

// Parses a number token's folded key ("1,500" "3.5" "٣٫٥" folded): returns
// false if it does not parse.
bool ParseDigits(std::string_view key, double* value);

inline bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}
inline bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

}  // namespace marsad::text_internal

#endif  // MARSAD_SRC_TEXT_LEXICON_UTIL_H_
