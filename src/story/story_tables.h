// StoryTables: the story features' word tables, loaded once and passed to
// the functions that read them (ComputeStoryFeatures, ExtractTermKeys,
// TermIdf): the inverse document frequencies of story terms
// (data/story/idf.tsv, counted over SaudiNewsNet by `eval_stories
// --write-idf`) and the synonyms folded to one story term
// (data/story/synonyms.tsv). Both are keyed by StoryStem, which reads the
// text core's Normalizer and Segmenter through the TextTables given at
// Load (src/text/tables.h).
//
// Before issue 25's step 5 both tables were read on first use by
// function-local statics, and a missing file quietly gave uniform weights
// or no synonyms (stories grouped differently, without a word). Now
// Resources::Load (src/pipeline/resources.h) loads them and a missing or
// damaged file is a Status naming it.
//
// Thread safety: immutable after Load. Lifetime: keeps a reference to the
// TextTables it was loaded with.
#ifndef MARSAD_SRC_STORY_STORY_TABLES_H_
#define MARSAD_SRC_STORY_STORY_TABLES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "marsad/status.h"
#include "src/text/tables.h"

namespace marsad {

class StoryTables {
 public:
  // Reads data_dir + "/story/idf.tsv" (stem, df; a "__N__" row giving the
  // number of documents) and "/story/synonyms.tsv" (word, canonical word;
  // rows of more than one word are skipped). REQUIRES: `text` outlives the
  // tables.
  static StatusOr<std::unique_ptr<const StoryTables>> Load(
      const std::string& data_dir, const TextTables& text);

  const TextTables& text() const { return text_; }

  // Inverse document frequency of a term hash (TermKey of a story stem);
  // unseen terms count as rare.
  float Idf(uint32_t term) const {
    auto it = idf_.find(term);
    return it == idf_.end() ? unseen_ : it->second;
  }
  // The canonical story stem of `stem`, or null when it has none.
  const std::string* Synonym(const std::string& stem) const {
    auto it = synonyms_.find(stem);
    return it == synonyms_.end() ? nullptr : &it->second;
  }
  // Distinct per instance: tells a per-thread memo whose answers it holds.
  uint64_t id() const { return id_; }

 private:
  explicit StoryTables(const TextTables& text);
  const TextTables& text_;
  std::unordered_map<uint32_t, float> idf_;
  float unseen_ = 1.0f;
  std::unordered_map<std::string, std::string> synonyms_;
  uint64_t id_;
};

}  // namespace marsad

#endif  // MARSAD_SRC_STORY_STORY_TABLES_H_
