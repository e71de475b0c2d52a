// Internal helpers shared by numbers.cc and dates.cc: tokens with folded
// keys, and phrase tables keyed by folded text.
#ifndef MARSAD_SRC_TEXT_LEXICON_UTIL_H_
#define MARSAD_SRC_TEXT_LEXICON_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

#include "src/text/tokenize.h"

namespace marsad::text_internal {

// A token with its folded key (views into KeyedTokens::buffer).
struct KeyedToken {
  Span span;
  TokenKind kind;
  std::string_view key;
};

// Tokenizes `text` and folds every token. Reuses its buffers.
struct KeyedTokens {
  std::vector<Token> raw;
  std::string buffer;
  std::vector<KeyedToken> toks;
  void Build(std::string_view text);
};

// The keyed tokens of `text`, built once per thread for the last text seen,
// so that FindNumbers and FindDates on one document tokenize it once. The
// reference is valid until the next call on this thread.
const KeyedTokens& KeyedTokensOf(std::string_view text);

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
