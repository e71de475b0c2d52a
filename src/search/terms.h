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
//    colocated synonym of the stem (FTS5 "synonyms at index time").
//
// Thread safety: pure functions.
#ifndef MARSAD_SEARCH_TERMS_H_
#define MARSAD_SEARCH_TERMS_H_

#include <string>
#include <string_view>
#include <vector>

#include "marsad/document.h"

namespace marsad {

struct SearchTerm {
  Span span;             // into the analysed text
  std::string stem;      // never empty
  std::string skeleton;  // "~..." or empty
};

// Appends the terms of `text` (words, numbers, Latin words) to *out
// (cleared first).
void SearchTerms(std::string_view text, std::vector<SearchTerm>* out);

// Pre-analyzed form of a text for the index: kPreAnalyzed, then the terms
// separated by spaces, each skeleton right after its stem. Computed where
// documents are processed in parallel, so the single store writer only
// splits on spaces.
inline constexpr char kPreAnalyzed = '\x1f';
std::string PreAnalyze(std::string_view text);

// The skeleton key of one word ("" when too short to be useful).
std::string SkeletonKey(std::string_view word);

}  // namespace marsad

#endif  // MARSAD_SEARCH_TERMS_H_
