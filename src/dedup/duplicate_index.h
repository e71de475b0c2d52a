// DuplicateIndex: online exact + near-duplicate lookup over a sliding time
// window of fingerprints (MinHash LSH; see fingerprint.cc for the essay).
//
// Usage, one report at a time in arrival order:
//   DuplicateIndex index;
//   std::optional<int64_t> first = index.FindOrAdd(id, fingerprint, date);
//   doc.duplicate_of = first.value_or(0);
// After a restart, replay the stored reports of the window with Restore().
//
// Thread safety: not thread-safe; one writer (the ingest pipeline) owns it.
#ifndef MARSAD_SRC_DEDUP_DUPLICATE_INDEX_H_
#define MARSAD_SRC_DEDUP_DUPLICATE_INDEX_H_

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "src/dedup/days.h"
#include "src/dedup/fingerprint.h"

namespace marsad {

struct DuplicateOptions {
  // Two reports can be copies only if their dates are at most window_days
  // apart. Each report is compared within the window around its own date, so
  // an archive may be back-filled in any order. Memory: a day of reports is
  // forgotten once it lies more than window_days from the stream's clock
  // (the median date of recent arrivals, see StreamClock) and no report has
  // been added to it in the last grace_reports arrivals.
  int window_days = 30;
  int64_t grace_reports = 2000;
  // A near-duplicate has estimated shingle Jaccard >= min_jaccard, or is a
  // truncated copy: containment of the smaller report >= min_containment
  // while the smaller has at least min_shingles_contained shingles.
  double min_jaccard = 0.6;
  double min_containment = 0.9;
  uint32_t min_shingles_contained = 40;
};

struct DuplicateMatch {
  int64_t first_id = 0;    // the first copy (root of its duplicate group)
  int64_t matched_id = 0;  // the report that matched (may itself be a copy)
  bool exact = false;
  double jaccard = 1.0;  // estimated; 1 for exact matches
};

class DuplicateIndex {
 public:
  explicit DuplicateIndex(DuplicateOptions options = {});

  // If `fp` is an exact or near-duplicate of a report in the window, returns
  // the id of that report's first copy; otherwise nullopt. The report is then
  // remembered (a near-duplicate under its first copy, so later copies point
  // to the same first copy), unless it is an exact copy (nothing new to
  // remember). `date` is an ISO 8601 date (prefix YYYY-MM-DD); an empty or
  // unparseable date means "now" (the stream's clock). Re-adding an id already
  // present is answered as for a new report but never returns the report's own
  // id.
  std::optional<int64_t> FindOrAdd(int64_t article_id, const Fingerprint& fp,
                                   std::string_view date);
  // As FindOrAdd, with the evidence.
  std::optional<DuplicateMatch> FindOrAddDetailed(int64_t article_id,
                                                  const Fingerprint& fp,
                                                  std::string_view date);

  // Rebuilds state after a restart: remembers a stored report whose
  // duplicate_of (0 if none) was already decided. Call in arrival order.
  void Restore(int64_t article_id, int64_t duplicate_of, const Fingerprint& fp,
               std::string_view date);

  size_t size() const { return entries_.size() - free_.size(); }
  // Calls fn(root) for the first copy of every report in the window (a root
  // may be called more than once). FindOrAdd only ever returns one of
  // these, so what a caller keeps per first copy (ingest: its story) may be
  // dropped for any other id without changing an answer.
  template <typename Fn>
  void ForEachLiveRoot(Fn&& fn) const {
    for (const Entry& e : entries_) {
      if (e.id != 0) fn(e.root);
    }
  }
  // Approximate heap bytes held (entries, buckets, day lists).
  size_t MemoryBytes() const;

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  struct Entry {
    int64_t id = 0;
    int64_t root = 0;
    int32_t day = 0;
    Fingerprint fp;
    std::array<uint32_t, kLshBands> next;  // chain per band bucket
  };

  struct DayBucket {
    std::vector<uint32_t> slots;
    int64_t last_seq = 0;  // arrival number of its latest report
  };

  // The report's day; reports with a date also move the clock.
  int32_t Arrive(std::string_view date);
  void Evict();
  bool InWindow(int32_t a, int32_t b) const;
  std::optional<DuplicateMatch> Find(int64_t article_id, const Fingerprint& fp,
                                     int32_t day);
  void Insert(int64_t id, int64_t root, int32_t day, const Fingerprint& fp);
  void Remove(uint32_t slot);
  static uint64_t BandKey(const Fingerprint& fp, int band);

  DuplicateOptions options_;
  std::vector<Entry> entries_;
  std::vector<uint32_t> free_;
  std::unordered_map<uint64_t, uint32_t> exact_;  // content hash -> slot
  std::unordered_map<uint64_t, uint32_t> heads_;  // band key -> first slot
  std::map<int32_t, DayBucket> by_day_;
  StreamClock clock_;
  int64_t seq_ = 0;             // reports seen so far
  std::vector<uint32_t> seen_;  // scratch: candidate stamps
  uint32_t stamp_ = 0;
};

}  // namespace marsad

#endif  // MARSAD_SRC_DEDUP_DUPLICATE_INDEX_H_
