// Light stemming for search and a lemma-like key for matching.
//
// Thread safety: pure functions over immutable tables.
#ifndef MARSAD_SRC_TEXT_STEM_H_
#define MARSAD_SRC_TEXT_STEM_H_

#include <string>
#include <string_view>

namespace marsad {

// Folded word with proclitics (و ف ب ل ك), the article, enclitic pronouns and
// light suffixes (ات ون ين ان ية ه ي) stripped, never below two letters.
// For search indexing: over-conflates on purpose.
std::string LightStem(std::string_view word);

// Folded word with clitics and the article removed (as the segmenter decides)
// but inflection kept: `والأمريكى` and `الأمريكي` give the same key.
// For matching names and triggers.
std::string LemmaKey(std::string_view word);

}  // namespace marsad

#endif  // MARSAD_SRC_TEXT_STEM_H_
