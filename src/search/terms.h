// The terms marsad indexes and searches with — the same analysis at both
// ends, so a query in any spelling meets a document in any other:
//
//  * the stem: folded text, clitics and light suffixes stripped
//    (src/text/stem.h), with final يا/ية unified (سوريا = سورية);
//  * a consonant skeleton, "~" + ASCII letters, for words of four letters or
//    more: vowels, hamza and ʿayn dropped and letters merged into coarse
//    sound classes shared by Arabic and Latin script (غ ج g j → g; ق ك k q
//    c → k; ح ه خ h → h; ...). It makes أمريكا meet أميركا, سيرغي meet سيرجى,
//    and the Latin Ryabkov meet ريابكوف. The skeleton is indexed as a
//    colocated synonym of the stem (FTS5 "synonyms at index time");
//    the key itself is src/text/skeleton.h, which the entity gazetteer
//    shares;
//  * two search-only additions, measured on the query set of
//    tests/gold/search (tools/eval_search):
//    - the alternate stem: the stem of the word after the clitic segmenter
//      (src/text/segment.h) removed its proclitics, when that differs from
//      the light stem. Light stemming keeps a bare ب ك ل (بحث is not ب+حث),
//      the segmenter's lexicon knows better: بسوريا, بجدة, بمكة meet
//      سوريا, جدة, مكة;
//    - the alternate skeleton: ك read as g (إنكلترا, الكونكرس, as written
//      in Iraq and the Levant) for skeletons of four classes or more, where
//      a collision with another word is unlikely (كبير must not meet الجبير);
//      and, when merging repeated classes leaves fewer than three
//      (جوجل → "gl"), the skeleton that merges only adjacent letters
//      (جوجل, غوغل, Google → "ggl"; with two ق read as g, as the Gulf
//      writes loanwords: قوقل → "ggl"). SkeletonKey itself is unchanged: the
//      entity gazetteer keys on it.
//    Both are colocated synonyms like the skeleton, at index and query time.
//  * query only: the Arabic spellings of a short Latin name. A Latin word
//    whose skeleton has fewer than three classes (Kerry "kr", Obama "bm",
//    Bush "bs", Rice "rs") has no skeleton to meet the Arabic one, so the
//    query tries the likely Arabic spellings instead (LatinToArabic: كيري,
//    أوباما, بوش, رايس), as alternatives of the word.
//
// Every function reads the TextTables it is given (src/text/tables.h: its
// Normalizer, Segmenter and name-variant table), never a process-wide one:
// the stores are given theirs at Open (StoreOptions::text_tables).
//
// Thread safety: pure functions of their arguments (PreAnalyze remembers
// the forms of recent words per thread, for the tables it was given).
#ifndef MARSAD_SEARCH_TERMS_H_
#define MARSAD_SEARCH_TERMS_H_

#include <string>
#include <string_view>
#include <vector>

#include "marsad/document.h"
#include "src/text/analysis.h"
#include "src/text/skeleton.h"  // SkeletonKey, the skeleton of one word

namespace marsad {

class TextTables;

struct SearchTerm {
  Span span;             // into the analysed text
  std::string stem;      // never empty
  std::string skeleton;  // "~..." or empty
  std::string alt;  // alternate stem (segmenter's proclitics removed) or empty
  std::string alt_skeleton;  // "~..." or empty
  // Query only (not indexed): the stems of a short Latin name's likely
  // Arabic spellings, when it has no skeleton.
  std::vector<std::string> latin_arabic;
};

// Appends the terms of `text` (words, numbers, Latin words) to *out
// (cleared first). `query`: also the query-only alternatives
// (latin_arabic), which the index and the texts of hits never need.
void SearchTerms(const TextTables& tables, std::string_view text,
                 std::vector<SearchTerm>* out, bool query = false);

// Pre-analyzed form of a text for the index: kPreAnalyzed, then the terms
// separated by spaces, each stem followed by its synonyms: the alternate
// stem marked with a leading kAltStem (the marker is not indexed), the
// skeletons with their own leading "~". Computed where
// documents are processed in parallel, so the single store writer only
// splits on spaces.
inline constexpr char kPreAnalyzed = '\x1f';
inline constexpr char kAltStem = '\x1e';
// Leads a query string whose words must match by their stems only, not by
// their skeletons (the ranking's exact tier, src/search/sqlite_search.cc).
inline constexpr char kStemsOnly = '\x1d';
std::string PreAnalyze(const TextTables& tables, std::string_view text);
// The same from the analysis of a document's text (src/text/analysis.h),
// made once per document by the DocumentProcessor.
std::string PreAnalyze(const TextTables& tables, const TextAnalysis& analysis);

// Likely Arabic spellings of a Latin-script name, most likely first, at
// most `limit`: consonants by their usual Arabic letters (g as غ or ج, c as
// ك or س), vowels written long or dropped inside the word, initial vowels
// on alef (Obama → أوباما as اوباما), final y/i as ي. Unfolded, unstemmed.
std::vector<std::string> LatinToArabic(std::string_view word,
                                       size_t limit = 24);

}  // namespace marsad

#endif  // MARSAD_SEARCH_TERMS_H_
