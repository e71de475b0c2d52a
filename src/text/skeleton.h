// Consonant skeletons of words: a key that survives the ways Arabic and
// Latin script spell the same name (أمريكا = أميركا, سيرغي = سيرجى,
// Ryabkov = ريابكوف). Vowel letters, hamza and ʿayn are dropped and letters
// merge into coarse sound classes shared by both scripts (غ ج g j → g;
// ق ك k q c → k; ح ه خ h → h; ...); repeated classes merge.
//
// The search index keys on it (src/search/terms.h, as a colocated synonym
// of the stem) and so does the entity gazetteer (src/nlp/gazetteer.h,
// Gazetteer::SkeletonId): it lives in the text core so that both use it
// without src/nlp reaching up to src/search (moved here, unchanged, from
// src/search/terms.cc for issue 25's layering).
//
// Issue 23 (after the move): the Latin rule reads gh as one g (Ghouta =
// غوطة, Mogherini = موغيريني), ph as f and ts as two letters (Tsipras =
// تسيبراس), which raised the share of held-out transliteration pairs with
// one key (docs/RESULTS.md, Entities); Latin words the rule still keys
// apart from their Arabic spellings are looked up in the name-variant
// table, data/nlp/name_variants.tsv.
//
// Thread safety: pure functions over the immutable tables they are given
// (the folding, the segmenter's lemma and the name-variant table of a
// TextTables, src/text/tables.h).
#ifndef MARSAD_SRC_TEXT_SKELETON_H_
#define MARSAD_SRC_TEXT_SKELETON_H_

#include <string>
#include <string_view>

namespace marsad {

class TextTables;

// The skeleton key of one word, "~" + ASCII class letters, or "" when the
// word is too short to be useful (an Arabic base under four letters, a
// Latin word under four bytes, or fewer than three classes). A Latin word
// of the name-variant table (data/nlp/name_variants.tsv: Mogherini, whose
// gh the press writes غ) takes the table's skeleton, that of its Arabic
// spellings (موغيريني, موجيريني: "~mgrn"; TextTables::name_variants()).
std::string SkeletonKey(const TextTables& tables, std::string_view word);

// The rule alone, without the name-variant table (the table's build step).
std::string RuleSkeletonKey(const TextTables& tables, std::string_view word);

// SkeletonKey(word) when `lemma` is LemmaKey(tables, word)
// (src/text/stem.h), without computing the lemma again.
std::string SkeletonKeyOf(const TextTables& tables, std::string_view word,
                          const std::string& lemma);

// The search-only alternate skeleton of `word` (see src/search/terms.h), or
// "": for a Latin word keyed by the name-variant table, the rule's skeleton;
// ك read as g for Arabic skeletons of four classes or more; for words
// whose skeleton is empty, the skeleton merging only adjacent letters (with
// two ق read as g). `skeleton` is the word's SkeletonKey; `lemma` its
// LemmaKey ("" for a Latin word).
std::string AltSkeletonKey(const TextTables& tables, std::string_view word,
                           const std::string& lemma,
                           const std::string& skeleton);

}  // namespace marsad

#endif  // MARSAD_SRC_TEXT_SKELETON_H_
