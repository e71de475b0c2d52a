// Threads as connected components of strong related links (see threads.h).
//
// Union-find over story ids, path-halving, the smaller id as the root so that
// a thread's id is its earliest story whatever order links arrive in. A link
// is scored when the second of its two stories is added (a story may link to
// one added after it: the related list is written both ways). The score is
// TimelessSimilarity of the two anchors (publication and happening days left
// out): the day penalty separates happenings, which is the story's job, while a
// thread is what the happenings are about. A story no link at threshold_
// joined attaches, when the thread is asked for, to the component of its
// closest link from attach_ (Resolve); attachments change no component.
#include "src/story/threads.h"

#include <algorithm>

#include "src/story/story_similarity.h"

namespace marsad {

double ThreadScore(const StoryFeatures& anchor_a,
                   const StoryFeatures& anchor_b) {
  return TimelessSimilarity(anchor_a, anchor_b);
}

void ThreadBuilder::AddStory(int64_t id, const StoryFeatures& anchor,
                             std::span<const int64_t> related) {
  anchors_[id] = anchor;
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
  resolved_ = false;
  auto it = pending_.find(id);
  if (it == pending_.end()) return;
  for (int64_t other : it->second) Score(id, other);
  pending_.erase(it);
}

void ThreadBuilder::Score(int64_t a, int64_t b) {
  if (Find(a) == Find(b)) return;
  const double s = ThreadScore(anchors_.at(a), anchors_.at(b));
  if (s >= threshold_) {
    Union(a, b);
  } else if (s >= attach_) {
    near_[a].push_back({s, b});
    near_[b].push_back({s, a});
  }
}

// Each story alone in its component attaches to the component of its
// closest near link that holds two or more stories (ties: the smaller id).
// Components are those of the links at threshold_ only, so an attached
// story never carries another story or thread with it.
void ThreadBuilder::Resolve() {
  if (resolved_) return;
  attached_to_.clear();
  attached_count_.clear();
  thread_id_.clear();
  for (const auto& [id, links] : near_) {
    if (size_[Find(id)] != 1) continue;
    double best = -1;
    int64_t to = 0;
    for (const auto& [score, other] : links) {
      const int64_t root = Find(other);
      if (size_[root] < 2) continue;
      if (score > best || (score == best && root < to)) best = score, to = root;
    }
    if (to == 0) continue;
    attached_to_[id] = to;
    ++attached_count_[to];
    auto [it, fresh] = thread_id_.try_emplace(to, to);
    it->second = std::min(it->second, id);
  }
  resolved_ = true;
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

int64_t ThreadBuilder::Root(int64_t id) {
  Resolve();
  auto it = attached_to_.find(id);
  return it == attached_to_.end() ? Find(id) : it->second;
}

int64_t ThreadBuilder::ThreadOf(int64_t id) {
  const int64_t root = Root(id);
  auto it = thread_id_.find(root);
  return it == thread_id_.end() ? root : it->second;
}

size_t ThreadBuilder::ThreadSize(int64_t id) {
  const int64_t root = Root(id);
  auto it = size_.find(root);
  if (it == size_.end()) return 1;
  auto extra = attached_count_.find(root);
  return it->second + (extra == attached_count_.end() ? 0 : extra->second);
}

}  // namespace marsad
