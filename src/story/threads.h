// Threads: long-running topics as sets of linked stories (issue 20).
//
// A story is one happening; a war, an offensive, a negotiation or a
// tournament is a thread of stories. StoryIndex links a story to the stories
// a report scored above kRelatedThreshold against, which is generous (a
// navigation hint): on a month of international news the related links
// connect more than half of all stories into one component, so a thread is
// not "everything reachable". Two related stories are in one thread when
// their anchors -- the first report of each, the happening as its first
// report told it -- score at least kThreadThreshold against each other with
// time left out (a thread spans weeks); threads are the connected components
// of those links, and a story those links leave alone is counted in the
// thread of the related story it scores best against from
// kThreadAttachThreshold (a story split off one of the thread's happenings).
// Usage:
//   ThreadBuilder threads;
//   threads.AddStory(id, features_of_its_first_report, related_ids);  // each
//   int64_t t = threads.ThreadOf(id);   // smallest story id of its thread
//
// Thread safety: not thread-safe; one owner.
#ifndef MARSAD_SRC_STORY_THREADS_H_
#define MARSAD_SRC_STORY_THREADS_H_

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "src/story/story_features.h"

namespace marsad {

// Anchor-to-anchor score (time left out) from which two related stories are
// one thread. Chosen on the dev windows of tests/gold/stories_ant (thread
// BCubed, eval_stories --threads; docs/RESULTS.md, Stories).
inline constexpr double kThreadThreshold = 0.30;
// A story left alone by the links at kThreadThreshold is counted in the
// thread of the related story its anchor scores best against, from this
// score, when that story is in a thread of two or more (a happening's
// story split off its thread: a strike's report apart from the offensive's
// other stories, a second vote-day report). Only a lone story attaches, and
// it bridges nothing: lowering kThreadThreshold to 0.20 instead chained
// threads (dev windows thread precision 0.98 -> 0.72). Chosen on the dev
// windows and the whole ant2018 stream (docs/RESULTS.md, Stories round 7).
inline constexpr double kThreadAttachThreshold = 0.18;

// The score of two related stories' anchors (first reports) with
// publication and happening days left out: from kThreadThreshold they are
// one thread; from kThreadAttachThreshold a lone one may attach to the
// other's thread. The ingest scores each related link it writes (the store
// keeps threads as ThreadBuilder makes them over a whole archive).
double ThreadScore(const StoryFeatures& anchor_a,
                   const StoryFeatures& anchor_b);

// What a link whose anchors score `s` is to the threads (the store's
// ThreadLink values: 0 none, 1 one thread, 2 near).
inline int ThreadLinkKind(double s) {
  return s >= kThreadThreshold ? 1 : s >= kThreadAttachThreshold ? 2 : 0;
}

class ThreadBuilder {
 public:
  explicit ThreadBuilder(double threshold = kThreadThreshold,
                         double attach = kThreadAttachThreshold)
      : threshold_(threshold), attach_(attach) {}

  // Registers a story with the features of its first report and the stories
  // it is linked to as related. Links to stories not (yet) added are kept
  // and scored once both ends are known. REQUIRES: id > 0, added once.
  void AddStory(int64_t id, const StoryFeatures& anchor,
                std::span<const int64_t> related);

  // The thread of a story: the smallest id of the stories joined to it
  // (its earliest story, as ids count up in arrival order), counting the
  // lone stories attached to it (kThreadAttachThreshold; decided over the
  // links added so far); `id` itself for a story in no thread or not added.
  int64_t ThreadOf(int64_t id);

  // How many added stories the thread of `id` holds (1: in no thread).
  size_t ThreadSize(int64_t id);

 private:
  int64_t Find(int64_t id);
  void Union(int64_t a, int64_t b);
  void Score(int64_t a, int64_t b);
  void Resolve();
  int64_t Root(int64_t id);  // its component's root, or the attached one's

  double threshold_;
  double attach_;
  // Links scoring in [attach_, threshold_), both ways: (score, other story).
  std::unordered_map<int64_t, std::vector<std::pair<double, int64_t>>> near_;
  // Resolve()'s answer, remade after a story is added: lone story -> the
  // root it attaches to, and per root how many attached.
  bool resolved_ = true;
  std::unordered_map<int64_t, int64_t> attached_to_;
  std::unordered_map<int64_t, size_t> attached_count_;
  // A root with attached stories -> the smallest id of its thread.
  std::unordered_map<int64_t, int64_t> thread_id_;
  std::unordered_map<int64_t, StoryFeatures> anchors_;
  std::unordered_map<int64_t, std::vector<int64_t>> pending_;
  std::unordered_map<int64_t, int64_t> parent_;
  std::unordered_map<int64_t, size_t> size_;
};

}  // namespace marsad

#endif  // MARSAD_SRC_STORY_THREADS_H_
