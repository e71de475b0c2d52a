// Tokenization and sentence splitting over UTF-8 text (normally the display
// text of a document). Spans are byte offsets into the text passed in.
//
// Thread safety: free functions over immutable tables; safe to call
// concurrently with distinct output buffers.
#ifndef MARSAD_SRC_TEXT_TOKENIZE_H_
#define MARSAD_SRC_TEXT_TOKENIZE_H_

#include <string>
#include <string_view>
#include <vector>

#include "marsad/document.h"

namespace marsad {

class TextTables;

enum class TokenKind {
  kWord,     // letters of Arabic or another non-Latin script (with marks)
  kNumber,   // ASCII or Eastern digits with inner separators: 1,500 ٣٫٥
  kLatin,    // Latin letters (and digits after the first letter): F-16
  kUrl,      // http(s)://… or www.…
  kEmail,    // local@domain.tld
  kHashtag,  // #word
  kPunct,    // one punctuation character, or a run of the same one (...)
  kSymbol,   // anything else visible: % $ emoji
};
std::string_view TokenKindName(TokenKind k);

struct Token {
  Span span;
  TokenKind kind;
};

// Appends nothing of its own: *out is cleared, then filled with the tokens of
// `text` in order. Whitespace and invisible controls separate tokens and are
// never part of one. Invalid UTF-8 bytes become kSymbol tokens of one byte.
void Tokenize(std::string_view text, std::vector<Token>* out);

// *out is cleared, then filled with sentence spans (first to last token of
// each sentence, trailing closing quotes and brackets included). A sentence
// ends at . ! ? ؟ … ۔ (not after a single letter or a known abbreviation such
// as `د.`, not inside a number), and at every line break. Agency credits such
// as `(د ب أ)`, `(أ ف ب)`, `(د.ب.أ)` never split a sentence. The
// abbreviations are the tables' (data/text/abbreviations.tsv,
// src/text/tables.h).
void SplitSentences(const TextTables& tables, std::string_view text,
                    std::vector<Span>* out);
// The same, from tokens the caller already has for `text`.
void SplitSentences(const TextTables& tables, std::string_view text,
                    const std::vector<Token>& tokens, std::vector<Span>* out);

// A token with its folded key (Normalizer::FoldKey of the token).
struct FoldedToken {
  Span span;
  TokenKind kind;
  std::string_view key;  // into TextAnalysis::buffer
};

// The tokens, keys and sentences of a whole document: TextAnalysis
// (src/text/analysis.h).

// True if `cp` is a letter of the Arabic script (not a mark or digit).
bool IsArabicLetter(char32_t cp);

}  // namespace marsad

#endif  // MARSAD_SRC_TEXT_TOKENIZE_H_
