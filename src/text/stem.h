// Light stemming (after Larkey's light10) for search, and a lemma-like key
// for matching names and triggers. Both return folded text.
//
// Thread safety: pure functions over immutable tables.
#ifndef MARSAD_TEXT_STEM_H_
#define MARSAD_TEXT_STEM_H_

#include <string>
#include <string_view>

namespace marsad {

// Folds `word`, strips proclitics (و, ف, ب, ك, ل, ال, لل and their
// combinations) and common suffixes (ات ون ين ان ها هم ية يه ه ة ي), keeping
// at least three letters.
std::string LightStem(std::string_view word);

// Folds `word` and strips only the conjunction و/ف, prepositions and the
// article: the key under which `والرئيس`, `بالرئيس` and `الرئيس` meet, while
// inflection that distinguishes words is kept.
std::string LemmaKey(std::string_view word);

}  // namespace marsad

#endif  // MARSAD_TEXT_STEM_H_
