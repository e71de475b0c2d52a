// Words for story features, through the text stage (folding, tokenizing,
// light stemming).
#ifndef MARSAD_SRC_STORY_TERMS_H_
#define MARSAD_SRC_STORY_TERMS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "src/story/story_tables.h"
#include "src/text/analysis.h"
#include "src/text/tables.h"

namespace marsad {

// The story term of one word: the segmenter's clitic-free form (LemmaKey:
// "بغارة" and "الغارة" both give "غاره") light-stemmed (LightStem: "غارات"
// and "غارة" meet). LightStem alone keeps a bare proclitic ب/ل/ك on words
// without the article ("بغارة" -> "بغار", "غارة" -> "غار").
// With the tables' Normalizer and Segmenter (src/text/tables.h).
std::string StoryStem(const TextTables& tables, std::string_view word);

// The story terms (StoryStem) of the words (Arabic and Latin) of `text`, in
// order, into *stems (cleared first). Numbers, punctuation and one-letter words
// are skipped. Thread-safe.
void ExtractStems(const TextTables& tables, std::string_view text,
                  std::vector<std::string>* stems);

// The term keys (TermKey of the story stem, after the tables' synonyms) of
// the words of `text`, into *keys (cleared first). Stems are cached per
// thread (bounded, and emptied when other tables are given), so that
// frequent words are stemmed once. Thread-safe.
void ExtractTermKeys(const StoryTables& tables, std::string_view text,
                     std::vector<uint32_t>* keys);
// The same over the tokens of a document's analysis (src/text/analysis.h).
void ExtractTermKeys(const StoryTables& tables, const TextAnalysis& analysis,
                     std::vector<uint32_t>* keys);
// The same, with the byte offset in analysis.text where each key's word
// begins, into *begins (cleared first; one per key).
void ExtractTermKeys(const StoryTables& tables, const TextAnalysis& analysis,
                     std::vector<uint32_t>* keys,
                     std::vector<uint32_t>* begins);

// The folded key of a short text (an entity surface): spelling variants,
// diacritics and tatweel erased, by the tables' Normalizer.
std::string FoldForKey(const TextTables& tables, std::string_view text);

// A stand-in title for a report without one: its first words (at most 12),
// cut at the end of the first sentence.
std::string LeadTitle(std::string_view text);
// The same from the analysis of the text.
std::string LeadTitle(const TextAnalysis& analysis);

}  // namespace marsad

#endif  // MARSAD_SRC_STORY_TERMS_H_
