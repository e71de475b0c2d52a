// Scoring a corpus run against the hand-made gold sets of tests/gold/stories.
#ifndef MARSAD_TOOLS_EVAL_STORIES_EVAL_GOLD_H_
#define MARSAD_TOOLS_EVAL_STORIES_EVAL_GOLD_H_

#include <string>
#include <vector>

#include "src/story/story_features.h"
#include "tools/eval_stories/corpus.h"

namespace marsad {

// What the pipeline decided for each report (index i = article id i + 1).
struct Run {
  std::vector<int64_t> dup_of;  // 0, or the first copy's article id
  std::vector<int64_t> story;
  std::vector<int64_t> thread;  // ThreadBuilder's thread of the story
  std::vector<StoryFeatures> features;
  std::vector<double> jaccard;  // of the duplicate match (1 for exact)
  std::vector<double> score;    // join score (0: new story or duplicate)
};

void WriteStories(const std::vector<CorpusReport>& r, const Run& run,
                  const std::string& path);
// Every 1-in-k near (non-exact) duplicate pair, up to 150, for judging.
void WriteNearDupSample(const std::vector<CorpusReport>& r, const Run& run,
                        const std::string& path);
// Pairs worth labelling: for sampled anchors, the most similar other report
// and one in the uncertain band, with scores and titles.
void WriteCandidates(const std::vector<CorpusReport>& r, const Run& run,
                     const std::string& path);
// Each prints its figures; returns 0, or 1 if the gold file is unusable.
int EvalNearDup(const std::vector<CorpusReport>& r, const Run& run,
                const std::string& path);
int EvalPairs(const std::vector<CorpusReport>& r, const Run& run,
              const std::string& path);
// Writes, for every pair of gold-grouped reports (of `split`, if given)
// whose similarity is above 0.05 or that share a gold story, the parts of
// their similarity and the gold label: the data the pair scorer is fitted on.
void WritePairFeatures(const std::vector<CorpusReport>& r, const Run& run,
                       const std::string& gold_path, const std::string& split,
                       const std::string& out_path);
// Writes the parts of the similarity of every judged pair of `pairs_path`
// (url_a url_b label [split]) with its label and whether the run put the two
// in one story: the data a learned score is fitted and cross-validated on.
void WriteJudgedPairParts(const std::vector<CorpusReport>& r, const Run& run,
                          const std::string& pairs_path,
                          const std::string& out_path);
// `split` (if not empty) keeps the gold rows whose 4th column equals it.
int EvalGroups(const std::vector<CorpusReport>& r, const Run& run,
               const std::string& path, const std::string& split = "");
// The same BCubed for threads: the gold's third column (thread id; "-" = the
// story alone) against Run::thread.
int EvalThreads(const std::vector<CorpusReport>& r, const Run& run,
                const std::string& path, const std::string& split = "");

}  // namespace marsad

#endif  // MARSAD_TOOLS_EVAL_STORIES_EVAL_GOLD_H_
