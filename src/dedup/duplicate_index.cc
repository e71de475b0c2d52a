// DuplicateIndex: an exact-hash map plus 16 LSH band tables over a sliding
// window of days.
//
// Each remembered report lives in a slot of `entries_`; each band table maps
// a band key (hash of 4 signature rows and the band number) to the first slot
// of an intrusive chain threaded through Entry::next[band]. A lookup walks the
// 16 chains of the new report's band keys, verifies each distinct candidate
// dated within the window around the report's own date on the full 64-slot
// signature, and keeps the most similar one. Slots are grouped by day so that
// whole days are evicted in O(evicted) time once they are far from the
// stream's clock (a robust median of recent dates, not the newest date ever
// seen: one stray 2099 date must not switch matching off). Memory is bounded
// by the reports in the window plus the last grace_reports arrivals, never by
// the archive.
#include "src/dedup/duplicate_index.h"

#include <cstdlib>

#include "src/base/hash.h"
#include "src/dedup/days.h"

namespace marsad {

DuplicateIndex::DuplicateIndex(DuplicateOptions options) : options_(options) {}

uint64_t DuplicateIndex::BandKey(const Fingerprint& fp, int band) {
  const uint32_t* rows = fp.minhash.data() + band * kLshRows;
  return Hash64(std::string_view(reinterpret_cast<const char*>(rows),
                                 sizeof(uint32_t) * kLshRows),
                static_cast<uint64_t>(band) + 1);
}

int32_t DuplicateIndex::Arrive(std::string_view date) {
  ++seq_;
  std::optional<int32_t> day = DayNumber(date);
  if (!day) return clock_.Now().value_or(0);
  clock_.Observe(*day);
  return *day;
}

bool DuplicateIndex::InWindow(int32_t a, int32_t b) const {
  return std::abs(int64_t{a} - b) <= options_.window_days;
}

void DuplicateIndex::Evict() {
  std::optional<int32_t> now = clock_.Now();
  if (!now) return;
  auto stale = [&](const auto& it) {
    return it->second.last_seq + options_.grace_reports < seq_ &&
           !InWindow(it->first, *now);
  };
  auto drop = [&](auto it) {
    for (uint32_t slot : it->second.slots) Remove(slot);
    by_day_.erase(it);
  };
  while (!by_day_.empty() && stale(by_day_.begin())) drop(by_day_.begin());
  while (!by_day_.empty() && stale(std::prev(by_day_.end())))
    drop(std::prev(by_day_.end()));
}

std::optional<DuplicateMatch> DuplicateIndex::Find(int64_t article_id,
                                                   const Fingerprint& fp,
                                                   int32_t day) {
  if (auto it = exact_.find(fp.exact); it != exact_.end()) {
    const Entry& e = entries_[it->second];
    if (e.id != article_id && InWindow(e.day, day)) {
      return DuplicateMatch{e.root, e.id, true, 1.0};
    }
  }
  if (fp.num_shingles == 0) return std::nullopt;
  if (seen_.size() < entries_.size()) seen_.resize(entries_.size(), 0);
  ++stamp_;
  std::optional<DuplicateMatch> best;
  for (int b = 0; b < kLshBands; ++b) {
    auto head = heads_.find(BandKey(fp, b));
    if (head == heads_.end()) continue;
    for (uint32_t s = head->second; s != kNone; s = entries_[s].next[b]) {
      if (seen_[s] == stamp_) continue;
      seen_[s] = stamp_;
      const Entry& e = entries_[s];
      if (e.id == article_id || !InWindow(e.day, day)) continue;
      double j = EstimateJaccard(fp, e.fp);
      bool near = j >= options_.min_jaccard;
      if (!near && std::min(fp.num_shingles, e.fp.num_shingles) >=
                       options_.min_shingles_contained) {
        near = EstimateContainment(fp, e.fp) >= options_.min_containment;
      }
      if (near && (!best || j > best->jaccard)) {
        best = DuplicateMatch{e.root, e.id, false, j};
      }
    }
  }
  return best;
}

void DuplicateIndex::Insert(int64_t id, int64_t root, int32_t day,
                            const Fingerprint& fp) {
  uint32_t slot;
  if (!free_.empty()) {
    slot = free_.back();
    free_.pop_back();
  } else {
    slot = static_cast<uint32_t>(entries_.size());
    entries_.emplace_back();
  }
  Entry& e = entries_[slot];
  e.id = id;
  e.root = root;
  e.day = day;
  e.fp = fp;
  e.next.fill(kNone);
  // The newest copy answers for its content: an older one out of this
  // report's window must not hide it.
  exact_.insert_or_assign(fp.exact, slot);
  if (fp.num_shingles > 0) {
    for (int b = 0; b < kLshBands; ++b) {
      auto [it, inserted] = heads_.try_emplace(BandKey(fp, b), slot);
      if (!inserted) {
        e.next[b] = it->second;
        it->second = slot;
      }
    }
  }
  DayBucket& bucket = by_day_[day];
  bucket.slots.push_back(slot);
  bucket.last_seq = seq_;
}

void DuplicateIndex::Remove(uint32_t slot) {
  Entry& e = entries_[slot];
  if (auto it = exact_.find(e.fp.exact);
      it != exact_.end() && it->second == slot) {
    exact_.erase(it);
  }
  if (e.fp.num_shingles > 0) {
    for (int b = 0; b < kLshBands; ++b) {
      auto head = heads_.find(BandKey(e.fp, b));
      if (head == heads_.end()) continue;
      if (head->second == slot) {
        if (e.next[b] == kNone) {
          heads_.erase(head);
        } else {
          head->second = e.next[b];
        }
        continue;
      }
      for (uint32_t s = head->second; s != kNone; s = entries_[s].next[b]) {
        if (entries_[s].next[b] == slot) {
          entries_[s].next[b] = e.next[b];
          break;
        }
      }
    }
  }
  e.id = 0;
  free_.push_back(slot);
}

std::optional<DuplicateMatch> DuplicateIndex::FindOrAddDetailed(
    int64_t article_id, const Fingerprint& fp, std::string_view date) {
  const int32_t day = Arrive(date);
  std::optional<DuplicateMatch> match = Find(article_id, fp, day);
  if (!(match && match->exact)) {
    Insert(article_id, match ? match->first_id : article_id, day, fp);
  }
  Evict();
  return match;
}

std::optional<int64_t> DuplicateIndex::FindOrAdd(int64_t article_id,
                                                 const Fingerprint& fp,
                                                 std::string_view date) {
  std::optional<DuplicateMatch> m = FindOrAddDetailed(article_id, fp, date);
  if (!m) return std::nullopt;
  return m->first_id;
}

void DuplicateIndex::Restore(int64_t article_id, int64_t duplicate_of,
                             const Fingerprint& fp, std::string_view date) {
  const int32_t day = Arrive(date);
  auto same = exact_.find(fp.exact);
  const bool exact_copy = duplicate_of != 0 && same != exact_.end() &&
                          InWindow(entries_[same->second].day, day);
  if (!exact_copy) {
    Insert(article_id, duplicate_of != 0 ? duplicate_of : article_id, day, fp);
  }
  Evict();
}

size_t DuplicateIndex::MemoryBytes() const {
  size_t bytes = entries_.capacity() * sizeof(Entry) +
                 free_.capacity() * sizeof(uint32_t) +
                 seen_.capacity() * sizeof(uint32_t);
  // unordered_map: a node (key, value, next pointer, cached hash) + bucket.
  bytes += (exact_.size() + heads_.size()) * 40 +
           (exact_.bucket_count() + heads_.bucket_count()) * sizeof(void*);
  for (const auto& [day, bucket] : by_day_) {
    bytes += 72 + bucket.slots.capacity() * sizeof(uint32_t);
  }
  return bytes;
}

}  // namespace marsad
