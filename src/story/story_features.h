// StoryFeatures: what makes two reports the same story, extracted once per
// report and compared many times (see story_similarity.cc for the essay).
#ifndef MARSAD_SRC_STORY_STORY_FEATURES_H_
#define MARSAD_SRC_STORY_STORY_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/document.h"
#include "marsad/status.h"
#include "src/story/story_tables.h"
#include "src/text/analysis.h"
#include "src/text/tables.h"

namespace marsad {

inline constexpr int32_t kNoDay = INT32_MIN;

struct WeightedTerm {
  uint32_t term = 0;  // hash of a stemmed, folded word
  float weight = 0;
  friend bool operator==(const WeightedTerm&, const WeightedTerm&) = default;
};

// A plain value. All vectors are sorted ascending by key and duplicate-free.
struct StoryFeatures {
  // The report's most informative stemmed terms (title and lead boosted),
  // tf-idf weighted, L2-normalized; at most kMaxStoryTerms.
  std::vector<WeightedTerm> terms;
  // Stemmed content words of the title (stop-like words dropped).
  std::vector<uint32_t> title_terms;
  // Entities and places: hashes of entity_id (or of the folded surface when
  // no id was assigned).
  std::vector<uint32_t> entities;
  // Day-precision dates the text mentions, as month * 32 + day (the year is
  // often unwritten in news text: "7 فبراير").
  std::vector<uint16_t> dates;
  // Distinctive numbers the text mentions (not 0-10, not years).
  std::vector<float> numbers;
  // Publication day (days since 1970-01-01), kNoDay when unknown.
  int32_t day = kNoDay;
  // The happening's day as the lead tells it (days since 1970-01-01): the
  // first day-precision date in the first kLeadBytes of the text, relative
  // words resolved against the publication date ("أمس", "السبت", "7 شباط"),
  // a yearless date given the publication year; kNoDay when the lead names
  // no day.
  int32_t event_day = kNoDay;
  // The kinds of happening the lead reports (LeadKinds: bits of kind classes
  // of the facts stage's events whose trigger lies in the first kLeadBytes);
  // 0 when the lead holds no event.
  uint16_t lead_kinds = 0;
  // Display title (the report's title, or the first words of its text).
  std::string title;

  // Binary, versioned, little-endian; Deserialize() rejects truncated or
  // foreign data with Corruption.
  std::string Serialize() const;
  static StatusOr<StoryFeatures> Deserialize(std::string_view data);

  friend bool operator==(const StoryFeatures&, const StoryFeatures&) = default;
};

inline constexpr size_t kMaxStoryTerms = 64;
// How far into the text the lead (where a report dates its happening) runs.
inline constexpr size_t kLeadBytes = 600;

// Computes the features of a cleaned document from doc.text, doc.title,
// doc.published, doc.entities, doc.dates and doc.numbers (whatever earlier
// stages filled; empty fields simply contribute nothing), its terms
// weighted by the tables' idf after their synonyms (src/story/
// story_tables.h); doc.text is analysed with tables.text() first.
// Thread-safe.
StoryFeatures ComputeStoryFeatures(const StoryTables& tables,
                                   const Document& doc);
// The same with the analysis of doc.text (src/text/analysis.h) made once
// per document. REQUIRES: analysis.IsOf(doc.text).
StoryFeatures ComputeStoryFeatures(const StoryTables& tables,
                                   const Document& doc,
                                   const TextAnalysis& analysis);

// The term hash of a stemmed, folded word (what `terms` keys are).
uint32_t TermKey(std::string_view stem);

}  // namespace marsad

#endif  // MARSAD_SRC_STORY_STORY_FEATURES_H_
