// Threads as connected components of strong related links (see threads.h).
//
// Union-find over story ids, path-halving, the smaller id as the root so that
// a thread's id is its earliest story whatever order links arrive in. A link
// is scored when the second of its two stories is added (a story may link to
// one added after it: the related list is written both ways). The score is
// Similarity of the two anchors with publication and happening days cleared:
// the day penalty separates happenings, which is the story's job, while a
// thread is what the happenings are about.
#include "src/story/threads.h"

#include "src/story/story_similarity.h"

namespace marsad {

void ThreadBuilder::AddStory(int64_t id, const StoryFeatures& anchor,
                             std::span<const int64_t> related) {
  StoryFeatures& a = anchors_[id];
  a = anchor;
  a.day = kNoDay;
  a.event_day = kNoDay;
  parent_.try_emplace(id, id);
  size_.try_emplace(id, 1);
  for (int64_t other : related) {
    if (other == id) continue;
    if (anchors_.count(other)) {
      Score(id, other);
    } else {
      pending_[other].push_back(id);
    }
  }
  auto it = pending_.find(id);
  if (it == pending_.end()) return;
  for (int64_t other : it->second) Score(id, other);
  pending_.erase(it);
}

void ThreadBuilder::Score(int64_t a, int64_t b) {
  if (Find(a) == Find(b)) return;
  if (Similarity(anchors_.at(a), anchors_.at(b)) >= threshold_) Union(a, b);
}

int64_t ThreadBuilder::Find(int64_t id) {
  auto it = parent_.find(id);
  if (it == parent_.end()) return id;
  while (it->second != id) {
    auto up = parent_.find(it->second);
    it->second = up->second;  // path halving
    id = it->second;
    it = parent_.find(id);
  }
  return id;
}

void ThreadBuilder::Union(int64_t a, int64_t b) {
  a = Find(a), b = Find(b);
  if (a == b) return;
  if (b < a) std::swap(a, b);
  parent_[b] = a;
  size_[a] += size_[b];
}

int64_t ThreadBuilder::ThreadOf(int64_t id) { return Find(id); }

size_t ThreadBuilder::ThreadSize(int64_t id) {
  auto it = size_.find(Find(id));
  return it == size_.end() ? 1 : it->second;
}

}  // namespace marsad
