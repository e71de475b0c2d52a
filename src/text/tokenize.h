// Tokens and sentences with byte spans.
//
// A token is a maximal run of one class: Arabic or Latin letters (with
// combining marks and tatweel inside words), numbers (digits of any script
// with inner separators: 1,500  ٢٥٫٥  10-15 is three tokens), URLs, e-mail
// addresses, hashtags, punctuation (one character each), other symbols.
// Works on display or raw text; spans index the given text.
//
// Thread safety: pure functions.
#ifndef MARSAD_TEXT_TOKENIZE_H_
#define MARSAD_TEXT_TOKENIZE_H_

#include <string_view>
#include <vector>

#include "marsad/document.h"

namespace marsad {

enum class TokenKind { kWord, kNumber, kLatin, kUrl, kEmail, kHashtag, kPunct, kSymbol };

struct Token {
  Span span;
  TokenKind kind = TokenKind::kWord;
};

// Appends the tokens of `text` to *out (cleared first).
void Tokenize(std::string_view text, std::vector<Token>* out);

// Sentence spans (trimmed of surrounding whitespace) into *out (cleared
// first). Splits at . ! ? ؟ and line breaks; not inside numbers, after
// single-letter abbreviations (د. ب. أ.), or inside agency credits in
// parentheses such as (د ب أ) and (أ ف ب).
void SplitSentences(std::string_view text, std::vector<Span>* out);

// True for code points that are letters of the Arabic script.
bool IsArabicLetter(char32_t cp);

}  // namespace marsad

#endif  // MARSAD_TEXT_TOKENIZE_H_
