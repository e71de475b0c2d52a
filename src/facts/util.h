// Small helpers shared by the fact finders (spans over word ranges, display
// strings). Internal to src/facts.
#ifndef MARSAD_SRC_FACTS_UTIL_H_
#define MARSAD_SRC_FACTS_UTIL_H_

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/document.h"
#include "src/facts/lexicon.h"

namespace marsad {

// Byte span of words [b, e). REQUIRES: b < e <= words.size().
inline Span SpanOfWords(const std::vector<Word>& words, size_t b, size_t e) {
  return Span{words[b].span.begin, words[e - 1].span.end};
}

// True for a word token (Arabic or Latin letters), not a number or mark.
inline bool IsWordTok(const Word& w) {
  return w.kind == TokenKind::kWord || w.kind == TokenKind::kLatin;
}

// Index of the first word of `words` starting at or after `byte` (words are
// in text order): the word a span begins with.
inline size_t WordAt(const std::vector<Word>& words, uint32_t byte) {
  auto it = std::lower_bound(
      words.begin(), words.end(), byte,
      [](const Word& x, uint32_t b) { return x.span.begin < b; });
  return static_cast<size_t>(it - words.begin());
}

// The words of `s` in `text` for display: Arabic and ASCII commas dropped,
// runs of spaces collapsed, ends trimmed.
std::string DisplayOf(std::string_view text, Span s);

// True if `key` (folded) starts with `prefix`.
inline bool KeyStarts(std::string_view key, std::string_view prefix) {
  return key.substr(0, prefix.size()) == prefix;
}

// A phrase written after the proclitic ل as it reads without it: للمرصد →
// المرصد (ل + ال), لوزارة → وزارة. REQUIRES: `s` starts with ل (the caller
// knows it is the proclitic, not a root ل as in لبنان).
inline std::string WithoutLam(std::string_view s) {
  if (KeyStarts(s, "\xD9\x84\xD9\x84"))
    return "\xD8\xA7" + std::string(s.substr(2));  // لل → ال
  return std::string(s.substr(2));
}

// Scratch of the count-phrase reader (count_phrase.h), reused across the
// sentences of a document: the sentence's number spans, a word's form.
struct CountScratch {
  std::vector<Span> numbers;
  std::string form;
};

// One document as the finders read it: the lexicon, the document's word
// table, and the scratch reused across its sentences. Made by the
// FactsFinder running the document (facts.h); lives while it does.
struct FinderContext {
  const FactsLexicon& lex;
  const WordTable& table;
  CountScratch* count_scratch;
};

// A casualty figure found in a sentence: kind, number (from the text core)
// and the span of the whole phrase (cue + number + counted noun).
struct CasualtyFound {
  std::string kind;
  NumberMention number;
  Span span;
};
// Casualty figures in words [b, e) of the document's word table (cx.table).
std::vector<CasualtyFound> FindCasualties(const Document& doc,
                                          const FinderContext& cx, size_t b,
                                          size_t e);

// Index of the quotation whose content (else whole span) contains s, or -1.
int QuoteContaining(const Document& doc, Span s);
// Modality of quotation q's cue (asserted for q < 0); t is doc's word table.
std::string_view QuoteModality(const FactsLexicon& lex, const WordTable& t,
                               const Document& doc, int q);

// Folded Arabic strings used by the finders (كان، عن، على، ال ...).
namespace fk {
inline constexpr std::string_view kAl = "\xD8\xA7\xD9\x84";  // ال
inline constexpr std::string_view kLam = "\xD9\x84";         // ل
inline constexpr std::string_view kAn = "\xD8\xB9\xD9\x86";  // عن
inline constexpr std::string_view kAla =
    "\xD8\xB9\xD9\x84\xD9\x8A";  // علي (على)
inline constexpr std::string_view kIla =
    "\xD8\xA7\xD9\x84\xD9\x8A";  // الي (إلى)
inline constexpr std::string_view kKana = "\xD9\x83\xD8\xA7\xD9\x86";  // كان
inline constexpr std::string_view kKanat =
    "\xD9\x83\xD8\xA7\xD9\x86\xD8\xAa";  // كانت
inline constexpr std::string_view kFih = "\xD9\x81\xD9\x8A\xD9\x87";  // فيه
inline constexpr std::string_view kFiha =
    "\xD9\x81\xD9\x8A\xD9\x87\xD8\xA7";                       // فيها
inline constexpr std::string_view kMin = "\xD9\x85\xD9\x86";  // من
inline constexpr std::string_view kQibal = "\xD9\x82\xD8\xA8\xD9\x84";  // قبل
inline constexpr std::string_view kDidd = "\xD8\xB6\xD8\xAF";           // ضد
inline constexpr std::string_view kFi = "\xD9\x81\xD9\x8A";             // في
}  // namespace fk

}  // namespace marsad

#endif  // MARSAD_SRC_FACTS_UTIL_H_
