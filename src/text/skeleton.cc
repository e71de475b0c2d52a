#include "src/text/skeleton.h"

#include <unordered_map>

#include "src/base/data.h"
#include "src/base/utf8.h"
#include "src/text/normalize.h"
#include "src/text/stem.h"
#include "src/text/tables.h"

namespace marsad {

namespace {

// Sound class of a folded Arabic letter: 0 = dropped (vowel letters, hamza,
// ʿayn); else an ASCII class letter.
char ArabicClass(char32_t cp) {
  switch (cp) {
    case U'ب':
      return 'b';
    case U'ت':
    case U'ط':
    case U'ث':
      return 't';
    case U'ج':
    case U'غ':
      return 'g';
    case U'ح':
    case U'ه':
    case U'خ':
      return 'h';
    case U'د':
    case U'ض':
    case U'ذ':
      return 'd';
    case U'ر':
      return 'r';
    case U'ز':
    case U'ظ':
      return 'z';
    case U'س':
    case U'ص':
    case U'ش':
      return 's';
    case U'ف':
    case U'ڤ':
      return 'f';
    case U'ق':
    case U'ك':
      return 'k';
    case U'ل':
      return 'l';
    case U'م':
      return 'm';
    case U'ن':
      return 'n';
    default:
      return 0;  // ا و ي ء ع ة and the rest
  }
}

std::string LatinSkeleton(std::string_view w, bool adjacent_only = false) {
  std::string out;
  bool gap = false;
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    char n = i + 1 < w.size() ? static_cast<char>(w[i + 1] | 0x20) : 0;
    char k = 0;
    switch (c) {
      case 'b':
        k = 'b';
        break;
      case 'p':
        k = n == 'h' ? (++i, 'f') : 'b';  // Adolph = أدولف
        break;
      case 't':
        k = 't';
        if (n == 'h') ++i;  // ts stays two (Tsipras = تسيبراس)
        break;
      case 'd':
        k = 'd';
        if (n == 'h') ++i;
        break;
      case 'r':
        k = 'r';
        break;
      case 'z':
        k = 'z';
        break;
      case 's':
        k = 's';
        if (n == 'h') ++i;
        break;
      case 'c':
        k = (n == 'h') ? (++i, 's') : (n == 'e' || n == 'i') ? 's' : 'k';
        break;
      case 'k':
        k = (n == 'h') ? (++i, 'h') : 'k';
        break;
      case 'q':
        k = 'k';
        break;
      case 'g':
        k = 'g';
        if (n == 'h') ++i;  // one sound: Ghouta = غوطة, Mogherini
        break;
      case 'j':
        k = 'g';
        break;
      case 'h':
        k = 'h';
        break;
      case 'f':
      case 'v':
        k = 'f';
        break;
      case 'l':
        k = 'l';
        break;
      case 'm':
        k = 'm';
        break;
      case 'n':
        k = 'n';
        break;
      case 'x':
        out += "ks";
        break;
      default:
        gap = true;
        break;  // vowels, w, y, apostrophes
    }
    if (k && (out.empty() || out.back() != k || (adjacent_only && gap)))
      out.push_back(k);
    if (k) gap = false;
  }
  return out;
}

// `kaf_as_g`: ك in the g class (إنكلترا = إنجلترا). `adjacent_only`: a
// repeated class is merged only when nothing was dropped between (جوجل →
// "ggl" rather than "gl").
std::string ArabicSkeleton(std::string_view folded, bool kaf_as_g = false,
                           bool adjacent_only = false, bool qaf_as_g = false) {
  std::string out;
  size_t i = 0;
  size_t letters = Utf8Length(folded);
  size_t idx = 0;
  bool gap = false;
  while (i < folded.size()) {
    char32_t cp = DecodeUtf8(folded, &i);
    ++idx;
    if (cp == U'ه' && idx == letters) continue;  // final ة/ه
    char k = (kaf_as_g && cp == U'ك') || (qaf_as_g && cp == U'ق')
                 ? 'g'
                 : ArabicClass(cp);
    if (!k) {
      gap = true;
      continue;
    }
    if (out.empty() || out.back() != k || (adjacent_only && gap))
      out.push_back(k);
    gap = false;
  }
  return out;
}

// The word SkeletonKey reads: LemmaKey, keeping an initial س (the future
// prefix is a verb's; names such as سيرجى, سيمونوف keep their س).
std::string SkeletonBase(const Normalizer& normalizer, std::string_view word,
                         std::string lemma) {
  std::string folded = normalizer.FoldKey(word);
  if (folded.size() == lemma.size() + 2 && folded.compare(0, 2, "س") == 0 &&
      folded.compare(2, std::string::npos, lemma) == 0)
    return folded;
  return lemma;
}

// The name-variant table is the tables' (data/nlp/name_variants.tsv,
// TextTables::name_variants()): a Latin word, lower case, and the skeleton
// of the Arabic name it writes, for the words where the Latin rule misses
// it.
std::string SkeletonOf(const TextTables& tables, std::string_view word,
                       const std::string* lemma, bool variants = true) {
  bool latin = !word.empty() && static_cast<unsigned char>(word[0]) < 0x80;
  std::string sk;
  if (latin) {
    if (word.size() < 4) return "";
    if (variants) {
      std::string lower(word);
      for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      auto it = tables.name_variants().find(lower);
      if (it != tables.name_variants().end()) return it->second;
    }
    sk = LatinSkeleton(word);
  } else {
    std::string base = SkeletonBase(tables.normalizer(), word,
                                    lemma ? *lemma : LemmaKey(tables, word));
    if (Utf8Length(base) < 4) return "";
    sk = ArabicSkeleton(base);
  }
  if (sk.size() < 3) return "";
  return "~" + sk;
}

}  // namespace

std::string SkeletonKey(const TextTables& tables, std::string_view word) {
  return SkeletonOf(tables, word, nullptr);
}

std::string SkeletonKeyOf(const TextTables& tables, std::string_view word,
                          const std::string& lemma) {
  return SkeletonOf(tables, word, &lemma);
}

std::string RuleSkeletonKey(const TextTables& tables, std::string_view word) {
  return SkeletonOf(tables, word, nullptr, /*variants=*/false);
}

std::string AltSkeletonKey(const TextTables& tables, std::string_view word,
                           const std::string& lemma,
                           const std::string& skeleton) {
  bool latin = !word.empty() && static_cast<unsigned char>(word[0]) < 0x80;
  std::string sk;
  if (latin) {
    if (word.size() < 4) return "";
    if (!skeleton.empty()) {
      // A skeleton from the name-variant table: the rule's stays a synonym,
      // so a spelling the table's majority did not choose is still met.
      std::string rule = RuleSkeletonKey(tables, word);
      return rule == skeleton ? "" : rule;
    }
    sk = LatinSkeleton(word, /*adjacent_only=*/true);
  } else {
    std::string base = SkeletonBase(tables.normalizer(), word, lemma);
    if (Utf8Length(base) < 4) return "";
    if (skeleton.empty()) {
      // ق for g, as the Gulf writes loanwords (قوقل = Google): only here,
      // in a short word with two ق, where it meets little else.
      size_t qafs = 0;
      for (size_t at = base.find("ق"); at != std::string::npos;
           at = base.find("ق", at + 1))
        ++qafs;
      sk = ArabicSkeleton(base, false, /*adjacent_only=*/true,
                          /*qaf_as_g=*/qafs >= 2);
    } else if (skeleton.size() >= 5 && base.find("ك") != std::string::npos) {
      sk = ArabicSkeleton(base, /*kaf_as_g=*/true);
    }
  }
  if (sk.size() < 3 || "~" + sk == skeleton) return "";
  return "~" + sk;
}

}  // namespace marsad
