// StoryIndex: online, incremental grouping of reports into stories over a
// sliding time window (single pass; the essay opens story_index.cc).
//
// Usage, one report at a time in arrival order:
//   StoryIndex index(resources.text_tables());
//   Assignment a = index.Add(article_id, doc.published, features);
//   doc.story_id = a.story_id;
// A duplicate (dedup's duplicate_of) should follow its first copy:
//   index.Join(article_id, story_of_first_copy, doc.published, features);
// After a restart, replay the stored reports of the window with Restore(),
// in arrival order; story ids keep counting from the largest restored id.
//
// Thread safety: not thread-safe; one writer owns it.
#ifndef MARSAD_SRC_STORY_STORY_INDEX_H_
#define MARSAD_SRC_STORY_STORY_INDEX_H_

#include <cstdint>
#include <deque>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "marsad/document.h"
#include "src/dedup/days.h"
#include "src/story/story_features.h"
#include "src/story/story_similarity.h"

namespace marsad {

struct StoryOptions {
  // A story is forgotten (its memory freed; its id stays valid in the store)
  // once its newest report is more than window_days from the stream's clock
  // (the median date of recent arrivals: StreamClock) and it has gained no
  // report in the last grace_reports arrivals.
  int window_days = 10;
  int64_t grace_reports = 2000;
  // A story whose reports are all undated has no time to expire by: it is
  // forgotten once this many reports have been added after its latest one.
  int64_t undated_window = 20000;
  double join_threshold = kSameStoryThreshold;
  double related_threshold = kRelatedThreshold;
  // Heaviest report terms used to find candidates. A report's heaviest
  // terms are often its own headline's words, which no live story is posted
  // under (each outlet words its headline its own way); with 12, a
  // reworded report of a topic with many live stories (a week of one
  // crime's reactions) reached its happening's story through 3 of them and
  // ranked it 26th of 141, below the 24 scored (docs/RESULTS.md, Stories
  // round 10; 16 and 20 gave the same figures there, 16 costs less).
  size_t query_terms = 16;
  size_t max_candidates = 24;  // stories scored in full per report
  size_t max_posting = 2048;   // stories remembered per term
  size_t index_terms = 24;     // heaviest story terms that point to the story
  size_t profile_terms = 128;  // terms kept in a story's profile
  size_t kept_members = 4;     // reports compared one by one (see below)
  // true: the story's first kept_members reports (its anchor: the story is
  // the happening its first reports told, and does not drift); false: the
  // most recent ones (a story follows its latest reports, and can chain).
  bool anchor_members = true;
  // How far the profile's score may lie above the best member's (the
  // members being the anchor when anchor_members): a report close to the
  // centroid that all joiners made but to none of the anchor reports is
  // about something the story's later joiners told, not its happening.
  // Negative: no cap (the better of profile and members).
  double profile_lift = 0.10;
  // Reports whose terms make the story's profile (centroid); later reports
  // join the story without moving it. 0: all reports.
  size_t profile_reports = 0;
  // A report dated more than this many days after a story's first report
  // does not join it (it starts a story linked to it: a follow-up); 0: no
  // limit. A happening is reported within days; what comes later is a
  // development of it, and joining it would let a story chain for weeks.
  int max_span_days = 4;
  size_t kept_titles = 8;  // titles a story's title is chosen from
  size_t max_related = 16;
  // Merging: a report that joins story A and also scores at least
  // merge_threshold against another live story B (both within the span)
  // merges the younger of the two into the older when the two stories'
  // anchors score at least merge_floor against each other: one happening's
  // first reports, worded apart, formed two stories that a later report
  // tells both of. The merged story keeps the older id; the other id
  // becomes an alias of it (Resolve). 0: never merge.
  double merge_threshold = 0;
  double merge_floor = 0;
  // The smaller of two merged stories has at most this many reports (one
  // happening's split pieces are small; two stories of a topic, each grown
  // from its own happening, are not). 0: no limit.
  int64_t merge_max_reports = 0;
};

struct Assignment {
  int64_t story_id = 0;
  bool is_new_story = false;
  double score = 0;  // similarity to the joined story; 0 for a new story
  std::vector<int64_t> related;  // other stories this report links to
  // Stories merged into story_id by this report: their reports now belong
  // to story_id (the store relabels them; Resolve maps their ids).
  std::vector<int64_t> merged;
};

// What the index knows about a live story.
struct StoryInfo {
  int64_t id = 0;
  std::string title;
  int64_t reports = 0;
  int32_t first_day = kNoDay, last_day = kNoDay;
  std::vector<int64_t> related;
};

class StoryIndex {
 public:
  // `tables`: the story titles' stems (Info's title, ChooseTitle) are read
  // with them; they must outlive the index.
  explicit StoryIndex(const TextTables& tables, StoryOptions options = {});

  // Puts the report in the best live story scoring >= join_threshold, or
  // starts a new story. `date` is its publication date (ISO 8601); empty or
  // unparseable means "unknown": no time penalty, and the story's dates are
  // left alone. A report dated before the window is still matched against
  // live stories (late arrival); if it starts a story, that story is
  // forgotten at the next Add. `features.day` is ignored in favour of `date`.
  Assignment Add(int64_t article_id, std::string_view date,
                 const StoryFeatures& features);
  Assignment Add(int64_t article_id, const Document& doc,
                 const StoryFeatures& features) {
    return Add(article_id, doc.published, features);
  }

  // Adds the report to story `story_id` without matching (duplicates, and
  // replay after a restart). Creates the story if it is not live.
  // REQUIRES: story_id > 0.
  void Join(int64_t article_id, int64_t story_id, std::string_view date,
            const StoryFeatures& features);
  void Restore(int64_t article_id, int64_t story_id, std::string_view date,
               const StoryFeatures& features,
               std::span<const int64_t> related = {});

  // The live story, or nullopt if unknown or forgotten.
  std::optional<StoryInfo> Info(int64_t story_id) const;
  std::vector<int64_t> LiveStories() const;
  // The features of a live story's first report (its first kept member:
  // the first report when anchor_members, the default), or nullptr.
  const StoryFeatures* FirstReport(int64_t story_id) const;

  // The live story an id now stands for: the story it was merged into
  // (through any chain of merges), or the id itself.
  int64_t Resolve(int64_t story_id) const;

  int64_t next_story_id() const { return next_id_; }
  size_t live_stories() const { return stories_.size(); }
  size_t MemoryBytes() const;

 private:
  struct Story {
    int64_t id = 0;
    int64_t reports = 0;
    int32_t first_day = kNoDay, last_day = kNoDay;
    std::vector<WeightedTerm> sum;  // sum of member term vectors (pruned)
    std::vector<std::pair<uint32_t, int>> title_counts, entity_counts;
    StoryFeatures profile;              // normalized view compared to reports
    std::vector<StoryFeatures> recent;  // ring of kept_members
    size_t recent_next = 0;
    std::vector<std::string> titles;
    std::vector<uint32_t> indexed;  // terms whose posting lists hold it
    std::vector<int64_t> related;
    int64_t last_seq = 0;          // sequence number of its latest report
    std::vector<int64_t> aliases;  // ids merged into it
  };

  int32_t DayOf(std::string_view date) const;
  void Advance(int32_t day);
  void EvictUndated();
  void Evict(int64_t story_id);
  Story& Create(int64_t story_id, int32_t day);
  void Update(Story& s, int32_t day, const StoryFeatures& f);
  void RebuildProfile(Story& s);
  void IndexTerms(Story& s);
  double Score(const Story& s, int32_t day, const StoryFeatures& f) const;
  bool Joinable(const Story& s, int32_t day) const;
  std::vector<int64_t> Candidates(const StoryFeatures& f);
  void Link(int64_t a, int64_t b);
  bool Mergeable(const Story& a, const Story& b) const;
  void Merge(Story& into, int64_t from);

  const TextTables& text_tables_;
  StoryOptions options_;
  int64_t next_id_ = 1;
  StreamClock clock_;
  int64_t seq_ = 0;  // reports added so far
  std::deque<std::pair<int64_t, int64_t>>
      undated_;  // (seq, story) of undated stories
  std::unordered_map<int64_t, Story> stories_;
  std::unordered_map<uint32_t, std::vector<int64_t>> postings_;
  // Merged story id -> the live story it is part of (entries go with that
  // story's eviction).
  std::unordered_map<int64_t, int64_t> alias_;
  using DayId = std::pair<int32_t, int64_t>;
  std::set<DayId> expiry_;  // (last_day, id) of each dated live story
  // Candidates' scratch: partial dot products per story id in an
  // open-addressing table sized for query_terms * max_posting ids, reused
  // across reports (a node-based map cost a malloc per id).
  std::vector<int64_t> acc_keys_;  // 0 = empty (story ids start at 1)
  std::vector<float> acc_vals_;
  std::vector<uint32_t> acc_used_;
};

}  // namespace marsad

#endif  // MARSAD_SRC_STORY_STORY_INDEX_H_
