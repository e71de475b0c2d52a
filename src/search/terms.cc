#include "src/search/terms.h"

#include <unordered_map>

#include "src/base/utf8.h"
#include "src/text/normalize.h"
#include "src/text/stem.h"
#include "src/text/tokenize.h"

namespace marsad {

namespace {

// Sound class of a folded Arabic letter: 0 = dropped (vowel letters, hamza,
// ʿayn); else an ASCII class letter.
char ArabicClass(char32_t cp) {
  switch (cp) {
    case U'ب': return 'b';
    case U'ت': case U'ط': case U'ث': return 't';
    case U'ج': case U'غ': return 'g';
    case U'ح': case U'ه': case U'خ': return 'h';
    case U'د': case U'ض': case U'ذ': return 'd';
    case U'ر': return 'r';
    case U'ز': case U'ظ': return 'z';
    case U'س': case U'ص': case U'ش': return 's';
    case U'ف': case U'ڤ': return 'f';
    case U'ق': case U'ك': return 'k';
    case U'ل': return 'l';
    case U'م': return 'm';
    case U'ن': return 'n';
    default: return 0;  // ا و ي ء ع ة and the rest
  }
}

std::string LatinSkeleton(std::string_view w) {
  std::string out;
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    char n = i + 1 < w.size() ? static_cast<char>(w[i + 1] | 0x20) : 0;
    char k = 0;
    switch (c) {
      case 'b': case 'p': k = 'b'; break;
      case 't': k = 't'; if (n == 'h' || n == 's') ++i; break;
      case 'd': k = 'd'; if (n == 'h') ++i; break;
      case 'r': k = 'r'; break;
      case 'z': k = 'z'; break;
      case 's': k = 's'; if (n == 'h') ++i; break;
      case 'c': k = (n == 'h') ? (++i, 's') : (n == 'e' || n == 'i') ? 's' : 'k'; break;
      case 'k': k = (n == 'h') ? (++i, 'h') : 'k'; break;
      case 'q': k = 'k'; break;
      case 'g': case 'j': k = 'g'; break;
      case 'h': k = 'h'; break;
      case 'f': case 'v': k = 'f'; break;
      case 'l': k = 'l'; break;
      case 'm': k = 'm'; break;
      case 'n': k = 'n'; break;
      case 'x': out += "ks"; break;
      default: break;  // vowels, w, y, apostrophes
    }
    if (k && (out.empty() || out.back() != k)) out.push_back(k);
  }
  return out;
}

std::string ArabicSkeleton(std::string_view folded) {
  std::string out;
  size_t i = 0;
  size_t letters = Utf8Length(folded);
  size_t idx = 0;
  while (i < folded.size()) {
    char32_t cp = DecodeUtf8(folded, &i);
    ++idx;
    if (cp == U'ه' && idx == letters) continue;  // final ة/ه
    char k = ArabicClass(cp);
    if (k && (out.empty() || out.back() != k)) out.push_back(k);
  }
  return out;
}

std::string SearchStem(std::string_view word) {
  std::string s = LightStem(word);
  // سوريا / سورية: unify the final -iya spellings before comparing.
  static const std::string kYa = "يا";
  if (s.size() > 6 && s.compare(s.size() - kYa.size(), kYa.size(), kYa) == 0) {
    s.resize(s.size() - kYa.size());
  }
  return s;
}

}  // namespace

std::string SkeletonKey(std::string_view word) {
  bool latin = !word.empty() && static_cast<unsigned char>(word[0]) < 0x80;
  std::string sk;
  if (latin) {
    if (word.size() < 4) return "";
    sk = LatinSkeleton(word);
  } else {
    std::string stem = LemmaKey(word);
    // The future prefix س is a verb's; names (سيرجى, سيمونوف) keep their س.
    std::string folded = Normalizer::Default().FoldKey(word);
    if (folded.size() == stem.size() + 2 && folded.compare(0, 2, "س") == 0 &&
        folded.compare(2, std::string::npos, stem) == 0)
      stem = std::move(folded);
    if (Utf8Length(stem) < 4) return "";
    sk = ArabicSkeleton(stem);
  }
  if (sk.size() < 3) return "";
  return "~" + sk;
}

std::string PreAnalyze(std::string_view text) {
  std::vector<SearchTerm> terms;
  SearchTerms(text, &terms);
  std::string out(1, kPreAnalyzed);
  out.reserve(text.size() / 2);
  for (const SearchTerm& t : terms) {
    out += t.stem;
    out += ' ';
    if (!t.skeleton.empty()) {
      out += t.skeleton;
      out += ' ';
    }
  }
  return out;
}

void SearchTerms(std::string_view text, std::vector<SearchTerm>* out) {
  out->clear();
  std::vector<Token> toks;
  Tokenize(text, &toks);
  const Normalizer& norm = Normalizer::Default();
  for (const Token& t : toks) {
    std::string_view w = t.span.In(text);
    SearchTerm term;
    term.span = t.span;
    switch (t.kind) {
      case TokenKind::kWord:
        term.stem = SearchStem(w);
        term.skeleton = SkeletonKey(w);
        break;
      case TokenKind::kLatin:
        term.stem = norm.FoldKey(w);
        term.skeleton = SkeletonKey(w);
        break;
      case TokenKind::kNumber:
        term.stem = norm.FoldKey(w);
        break;
      case TokenKind::kHashtag:
        term.stem = SearchStem(w.substr(1));
        break;
      default:
        continue;
    }
    if (term.stem.empty()) continue;
    if (term.skeleton == "~" + term.stem) term.skeleton.clear();
    out->push_back(std::move(term));
  }
}

}  // namespace marsad
