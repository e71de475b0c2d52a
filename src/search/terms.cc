#include "src/search/terms.h"

#include <algorithm>
#include <span>
#include <unordered_map>
#include <vector>

#include "src/base/hash.h"
#include "src/base/utf8.h"
#include "src/text/analysis.h"
#include "src/text/normalize.h"
#include "src/text/skeleton.h"
#include "src/text/stem.h"
#include "src/text/tables.h"

namespace marsad {

namespace {

std::string SearchStem(const Normalizer& normalizer, std::string_view word) {
  std::string s = LightStem(normalizer, word);
  // سوريا / سورية: unify the final -iya spellings before comparing.
  static const std::string kYa = "يا";
  if (s.size() > 6 && s.compare(s.size() - kYa.size(), kYa.size(), kYa) == 0) {
    s.resize(s.size() - kYa.size());
  }
  return s;
}

bool IsLatinVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

}  // namespace

std::vector<std::string> LatinToArabic(std::string_view word, size_t limit) {
  std::string w;
  for (char c : word) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c < 'a' || c > 'z') continue;
    if (!w.empty() && w.back() == c && !IsLatinVowel(c)) continue;  // rr → r
    w.push_back(c);
  }
  // The word as units, each with its Arabic options, most likely first.
  std::vector<std::vector<std::string>> units;
  const size_t n = w.size();
  size_t i = 0;
  auto at = [&](size_t k) { return k < n ? w[k] : '\0'; };
  while (i < n) {
    const bool initial = i == 0;
    char c = w[i], d = at(i + 1);
    // Vowels (a vowel pair is one sound): class a, i, u or the diphthong ai.
    if (IsLatinVowel(c) || (c == 'y' && !initial && !IsLatinVowel(d))) {
      char cls = c == 'e' || c == 'y' ? 'i' : c == 'o' ? 'u' : c;
      size_t len = 1;
      if ((c == 'a' || c == 'e') && (d == 'i' || d == 'y')) {
        cls = 'd';  // ai, ay, ei, ey
        len = 2;
      } else if ((c == 'e' && (d == 'e' || d == 'a')) ||
                 (c == 'i' && d == 'e')) {
        cls = 'i';  // ee, ea, ie
        len = 2;
      } else if ((c == 'o' && (d == 'u' || d == 'o')) ||
                 (c == 'u' && d == 'e')) {
        cls = 'u';  // ou, oo
        len = 2;
      } else if (c == 'a' && d == 'u') {
        cls = 'u';
        len = 2;
      }
      const bool at_end = i + len == n;
      std::vector<std::string> opt;
      if (initial) {
        if (cls == 'a')
          opt = {"ا"};
        else if (cls == 'i')
          opt = c == 'e' ? std::vector<std::string>{"ا", "اي"}
                         : std::vector<std::string>{"اي", "ا"};
        else if (cls == 'u')
          opt = {"او"};
        else
          opt = {"اي"};
      } else if (at_end) {
        if (cls == 'a')
          opt = {"ا", "ه"};
        else if (cls == 'i')
          opt = c == 'e' && len == 1 ? std::vector<std::string>{"", "ي"}
                                     : std::vector<std::string>{"ي"};
        else if (cls == 'u')
          opt = {"و"};
        else
          opt = {"اي", "ي"};
      } else {
        if (cls == 'a')
          opt = {"ا", ""};
        else if (cls == 'i')
          opt = c == 'i' ? std::vector<std::string>{"ي", "", "اي"}
                         : std::vector<std::string>{"ي", ""};
        else if (cls == 'u')
          opt = {"و", ""};
        else
          opt = {"اي", "ي"};
      }
      units.push_back(std::move(opt));
      i += len;
      continue;
    }
    std::vector<std::string> opt;
    size_t len = 1;
    if (d == 'h' && (c == 's' || c == 'c' || c == 'k' || c == 'g' || c == 't' ||
                     c == 'p' || c == 'z')) {
      len = 2;
      switch (c) {
        case 's':
          opt = {"ش"};
          break;
        case 'c':
          opt = {"تش", "ش"};
          break;
        case 'k':
          opt = {"خ"};
          break;
        case 'g':
          opt = {"غ"};
          break;
        case 't':
          opt = {"ث", "ت"};
          break;
        case 'p':
          opt = {"ف"};
          break;
        default:
          opt = {"ج", "ز"};
          break;  // zh
      }
    } else if (c == 'c' && d == 'k') {
      len = 2;
      opt = {"ك"};
    } else {
      switch (c) {
        case 'b':
        case 'p':
          opt = {"ب"};
          break;
        case 'c':
          opt = (d == 'e' || d == 'i' || d == 'y')
                    ? std::vector<std::string>{"س"}
                    : std::vector<std::string>{"ك"};
          break;
        case 'd':
          opt = {"د"};
          break;
        case 'f':
        case 'v':
          opt = {"ف"};
          break;
        case 'g':
          opt = {"غ", "ج"};
          break;
        case 'h':
          opt = i + 1 == n ? std::vector<std::string>{"", "ه"}
                           : std::vector<std::string>{"ه"};
          break;
        case 'j':
          opt = {"ج"};
          break;
        case 'k':
        case 'q':
          opt = {"ك"};
          break;
        case 'l':
          opt = {"ل"};
          break;
        case 'm':
          opt = {"م"};
          break;
        case 'n':
          opt = {"ن"};
          break;
        case 'r':
          opt = {"ر"};
          break;
        case 's':
          opt = {"س"};
          break;
        case 't':
          opt = {"ت"};
          break;
        case 'w':
          opt = {"و"};
          break;
        case 'x':
          opt = {"كس"};
          break;
        case 'y':
          opt = {"ي"};
          break;
        case 'z':
          opt = {"ز"};
          break;
        default:
          break;
      }
    }
    if (!opt.empty()) units.push_back(std::move(opt));
    i += len;
  }
  // Expand, most likely first: breadth over units, truncated at `limit`.
  std::vector<std::string> out = {""};
  for (const std::vector<std::string>& opts : units) {
    std::vector<std::string> next;
    for (const std::string& prefix : out) {
      for (const std::string& o : opts) {
        if (next.size() >= limit) break;
        next.push_back(prefix + o);
      }
    }
    out = std::move(next);
  }
  out.erase(std::remove(out.begin(), out.end(), std::string()), out.end());
  return out;
}

namespace {

// Appends the pre-analyzed form of one term (see PreAnalyze) to *out.
void AppendPreAnalyzed(const SearchTerm& t, std::string* out) {
  *out += t.stem;
  *out += ' ';
  if (!t.alt.empty()) {
    *out += kAltStem;
    *out += t.alt;
    *out += ' ';
  }
  for (const std::string* sk : {&t.skeleton, &t.alt_skeleton}) {
    if (sk->empty()) continue;
    *out += *sk;
    *out += ' ';
  }
}

// The term of token `t` of `text` into *term; false when the token makes
// none (punctuation, symbols, a word whose stem is empty). A pure function
// of the token's kind and surface.
bool TermOf(const TextTables& tables, std::string_view text, const Token& t,
            bool query, SearchTerm* term) {
  const Normalizer& norm = tables.normalizer();
  std::string_view w = t.span.In(text);
  *term = SearchTerm();
  term->span = t.span;
  switch (t.kind) {
    case TokenKind::kWord: {
      term->stem = SearchStem(norm, w);
      std::string lemma = LemmaKey(tables, w);
      term->skeleton = SkeletonKeyOf(tables, w, lemma);
      term->alt_skeleton = AltSkeletonKey(tables, w, lemma, term->skeleton);
      if (!lemma.empty()) {
        std::string alt = SearchStem(norm, lemma);
        if (alt != term->stem && Utf8Length(alt) >= 2)
          term->alt = std::move(alt);
      }
      break;
    }
    case TokenKind::kLatin:
      term->stem = norm.FoldKey(w);
      term->skeleton = SkeletonKey(tables, w);
      term->alt_skeleton = AltSkeletonKey(tables, w, "", term->skeleton);
      if (query && term->skeleton.empty() && term->alt_skeleton.empty() &&
          w.size() >= 3) {
        for (const std::string& a : LatinToArabic(w)) {
          std::string stem = SearchStem(norm, a);
          // Two letters would meet too many words.
          if (Utf8Length(stem) < 3) continue;
          if (std::find(term->latin_arabic.begin(), term->latin_arabic.end(),
                        stem) == term->latin_arabic.end())
            term->latin_arabic.push_back(std::move(stem));
        }
      }
      break;
    case TokenKind::kNumber:
      term->stem = norm.FoldKey(w);
      break;
    case TokenKind::kHashtag:
      term->stem = SearchStem(norm, w.substr(1));
      break;
    default:
      return false;
  }
  if (term->stem.empty()) return false;
  if (term->skeleton == "~" + term->stem) term->skeleton.clear();
  if (term->alt_skeleton == "~" + term->stem) term->alt_skeleton.clear();
  return true;
}

// The terms of `toks`, tokens of `text` (see SearchTerms).
void TermsOfTokens(const TextTables& tables, std::string_view text,
                   std::span<const Token> toks, std::vector<SearchTerm>* out,
                   bool query) {
  out->clear();
  SearchTerm term;
  for (const Token& t : toks) {
    if (TermOf(tables, text, t, query, &term)) out->push_back(std::move(term));
  }
}

// The pre-analyzed form of one token (its term's, or "" when it makes
// none), remembered per thread: news vocabulary is Zipfian, so most words
// of a report were analysed for an earlier one (the stem, lemma and two
// skeletons of a word cost some thousand instructions; a lookup a hundred).
// Keyed by the token's kind and surface, of which the term is a function
// given the tables; bounded (emptied when full), as the segmenter's memo,
// and emptied when other tables are given (TextTables::id()).
std::string_view PreAnalyzedToken(const TextTables& tables,
                                  std::string_view text, const Token& t) {
  constexpr size_t kMaxWords = 1 << 18;
  thread_local std::unordered_map<std::string, std::string, StringHash,
                                  std::equal_to<>>
      memo;
  thread_local uint64_t memo_of = 0;  // TextTables::id() of its answers
  if (memo_of != tables.id()) {
    memo.clear();
    memo_of = tables.id();
  }
  thread_local std::string key;  // the memo's probe, kept with it
  key.assign(1, static_cast<char>(t.kind));
  key += t.span.In(text);
  auto it = memo.find(key);
  if (it != memo.end()) return it->second;
  if (memo.size() >= kMaxWords) memo.clear();
  std::string form;
  SearchTerm term;
  if (TermOf(tables, text, t, /*query=*/false, &term))
    AppendPreAnalyzed(term, &form);
  return memo.emplace(key, std::move(form)).first->second;
}

}  // namespace

std::string PreAnalyze(const TextTables& tables, std::string_view text) {
  std::vector<SearchTerm> terms;
  SearchTerms(tables, text, &terms);
  std::string out(1, kPreAnalyzed);
  out.reserve(text.size() / 2);
  for (const SearchTerm& t : terms) AppendPreAnalyzed(t, &out);
  return out;
}

std::string PreAnalyze(const TextTables& tables, const TextAnalysis& analysis) {
  std::string out(1, kPreAnalyzed);
  out.reserve(analysis.text.size() / 2);
  for (const Token& t : analysis.tokens) {
    if (t.kind == TokenKind::kPunct || t.kind == TokenKind::kSymbol ||
        t.kind == TokenKind::kUrl || t.kind == TokenKind::kEmail)
      continue;
    out += PreAnalyzedToken(tables, analysis.text, t);
  }
  return out;
}

void SearchTerms(const TextTables& tables, std::string_view text,
                 std::vector<SearchTerm>* out, bool query) {
  std::vector<Token> toks;
  Tokenize(text, &toks);
  TermsOfTokens(tables, text, toks, out, query);
}

}  // namespace marsad
