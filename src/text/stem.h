// Light stemming for search and a lemma-like key for matching.
//
// Thread safety: pure functions over immutable tables, which the caller
// gives (its Resources' or TextTables', src/text/tables.h).
#ifndef MARSAD_SRC_TEXT_STEM_H_
#define MARSAD_SRC_TEXT_STEM_H_

#include <string>
#include <string_view>

namespace marsad {

class Normalizer;
class Segmenter;
class TextTables;

// Folded word with proclitics (و ف ب ل ك), the article, enclitic pronouns and
// light suffixes (ات ون ين ان ية ه ي) stripped, never below two letters.
// For search indexing: over-conflates on purpose.
std::string LightStem(const Normalizer& normalizer, std::string_view word);

// Folded word with clitics and the article removed (as the segmenter decides)
// but inflection kept: `والأمريكى` and `الأمريكي` give the same key.
// For matching names and triggers.
std::string LemmaKey(const Normalizer& normalizer, const Segmenter& segmenter,
                     std::string_view word);
// With the tables' Normalizer and Segmenter (src/text/tables.h).
std::string LemmaKey(const TextTables& tables, std::string_view word);

}  // namespace marsad

#endif  // MARSAD_SRC_TEXT_STEM_H_
