// The similarity marsad uses to decide whether two reports tell one story.
#ifndef MARSAD_SRC_STORY_STORY_SIMILARITY_H_
#define MARSAD_SRC_STORY_STORY_SIMILARITY_H_

#include <span>
#include <string>

#include "src/story/story_features.h"

namespace marsad {

// Chosen on tests/gold/stories and the dev windows of tests/gold/stories_ant
// (see docs/RESULTS.md, "Stories"): a pair scoring >= kSameStoryThreshold is
// put in one story; a report scoring >= kRelatedThreshold against a story it
// does not join links the two stories as related.
inline constexpr double kSameStoryThreshold = 0.39;
inline constexpr double kRelatedThreshold = 0.15;

// The parts of the score, for explanation (`marsad similarity --json`).
struct SimilarityParts {
  double terms = 0;      // cosine of the weighted term vectors
  double title = 0;      // overlap of title words (Ochiai)
  double entities = -1;  // overlap of entities, -1 when either has too few
  int shared_numbers = 0;
  int shared_dates = 0;
  int shared_entities = 0;
  int day_gap = -1;    // |publication days| apart, -1 when a date is unknown
  int event_gap = -1;  // |happening days| apart (event_day), -1 if unknown
  double score = 0;    // the combined score in [0, 1]
};

// The score subtracted for reports `gap_days` apart (0 within two days).
double DayGapPenalty(int gap_days);

// Symmetric score in [0, 1]. Thread-safe, no allocation.
double Similarity(const StoryFeatures& a, const StoryFeatures& b);
// The same with the publication and happening days left out (threads span
// weeks: src/story/threads.h). Thread-safe, no allocation.
double TimelessSimilarity(const StoryFeatures& a, const StoryFeatures& b);
SimilarityParts ExplainSimilarity(const StoryFeatures& a,
                                  const StoryFeatures& b);

// Picks a story's title from its reports' titles: the most central one (the
// title sharing most words with the others), the earliest on ties; empty
// input gives "". Words are compared by their story stems (ExtractStems)
// with `tables`.
std::string ChooseTitle(const TextTables& tables,
                        std::span<const std::string> titles);

}  // namespace marsad

#endif  // MARSAD_SRC_STORY_STORY_SIMILARITY_H_
