// Sentence splitting over tokens (see tokenize.h for the contract).
//
// A sentence-final token (. ! ? ؟ … ۔ or a run of them) closes the sentence
// together with any closing quotes or brackets right after it. A period after
// a lone letter is an abbreviation (initials, `د.`, the letters of `د.ب.أ`)
// unless that letter completes an agency credit or an era letter listed in
// data/text/abbreviations.tsv (TextTables, passed in). Line breaks always close
// a sentence: the clean text puts paragraphs on their own lines, and a headline
// has no period.
#include <string>
#include <unordered_map>
#include <vector>

#include "src/base/utf8.h"
#include "src/text/normalize.h"
#include "src/text/tables.h"
#include "src/text/tokenize.h"

namespace marsad {
namespace {

char32_t FirstCp(std::string_view s) {
  size_t i = 0;
  return s.empty() ? 0 : DecodeUtf8(s, &i);
}

bool IsEnder(std::string_view tok) {
  char32_t c = FirstCp(tok);
  return c == '.' || c == '!' || c == '?' || c == 0x061F || c == 0x2026 ||
         c == 0x06D4;
}

bool IsCloser(std::string_view tok) {
  char32_t c = FirstCp(tok);
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' ||
         c == 0x00BB || c == 0x201D || c == 0x2019 || c == 0x203A;
}

bool IsLoneLetter(std::string_view text, const Token& t) {
  if (t.kind != TokenKind::kWord && t.kind != TokenKind::kLatin) return false;
  std::string_view w = t.span.In(text);
  if (w == "هـ") return true;
  return Utf8Length(w) == 1;
}

// True if the period token at `k` (a plain ".") is an abbreviation point.
bool IsAbbreviationPoint(const TextTables& tables, std::string_view text,
                         const std::vector<Token>& toks, size_t k) {
  if (k == 0 || toks[k].span.size() != 1 || text[toks[k].span.begin] != '.')
    return false;
  const Token& prev = toks[k - 1];
  if (prev.span.end != toks[k].span.begin || !IsLoneLetter(text, prev))
    return false;
  // Does a known agency credit or era letter end at prev?
  const text_internal::Abbreviations& ab = tables.abbreviations();
  const Normalizer& norm = tables.normalizer();
  std::string key, letter;
  size_t letters = 0;
  for (size_t p = k; p-- > 0 && letters < ab.max_letters;) {
    if (toks[p].kind == TokenKind::kPunct && text[toks[p].span.begin] == '.')
      continue;
    if (!IsLoneLetter(text, toks[p])) break;
    norm.FoldKey(toks[p].span.In(text), &letter);
    key.insert(0, letter);
    ++letters;
    auto it = ab.kinds.find(key);
    if (it == ab.kinds.end()) continue;
    if (it->second == "agency") return false;
    // An era letter ends a sentence only right after a number.
    if (it->second == "era" && p > 0 && toks[p - 1].kind == TokenKind::kNumber)
      return false;
  }
  return true;
}

bool NewlineBetween(std::string_view text, uint32_t a, uint32_t b) {
  return text.substr(a, b - a).find('\n') != std::string_view::npos;
}

}  // namespace

void SplitSentences(const TextTables& tables, std::string_view text,
                    const std::vector<Token>& toks, std::vector<Span>* out) {
  out->clear();
  size_t start = 0, n = toks.size();
  auto close = [&](size_t last) {
    out->push_back(Span{toks[start].span.begin, toks[last].span.end});
    start = last + 1;
  };
  for (size_t k = 0; k < n; ++k) {
    if (k > start &&
        NewlineBetween(text, toks[k - 1].span.end, toks[k].span.begin)) {
      close(k - 1);
    }
    const Token& t = toks[k];
    if (t.kind != TokenKind::kPunct || !IsEnder(t.span.In(text))) continue;
    if (IsAbbreviationPoint(tables, text, toks, k)) continue;
    size_t last = k;
    while (last + 1 < n && toks[last + 1].kind == TokenKind::kPunct &&
           toks[last].span.end == toks[last + 1].span.begin &&
           (IsEnder(toks[last + 1].span.In(text)) ||
            IsCloser(toks[last + 1].span.In(text))))
      ++last;
    close(last);
    k = last;
  }
  if (start < n) close(n - 1);
}

void SplitSentences(const TextTables& tables, std::string_view text,
                    std::vector<Span>* out) {
  std::vector<Token> toks;
  Tokenize(text, &toks);
  SplitSentences(tables, text, toks, out);
}

}  // namespace marsad
