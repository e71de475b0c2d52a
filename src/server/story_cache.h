// What the API computes per story, computed once per story version and kept
// in memory across requests and server threads (issue 27: the story page,
// its points and its brief under 500 ms on the corpus store).
//
// Why a cache and not a faster comparison: a story of 201 reports costs
// 0.4-0.8 s to answer, nearly all of it reading the reports' analyses and
// running CompareStory over them (perf: the comparison's normalization and
// source keys, then JSON parsing and allocation); the page, its points, its
// brief and every outlet profile that samples the story each did it again.
// Stored reports never change (stores are append-only: ingest adds reports
// and re-derives the stories they join), so a story's comparison is a pure
// function of its row: the ids of its reports, its title, dates and outlets.
// The cache keys each entry by story id and checks that row on every use;
// a story that gained, lost or changed a report is loaded and compared
// again, so an answer from the cache is byte for byte what a fresh
// computation gives (tests: StoryCacheTest.*).
//
// Memory is bounded by the reports held (least recently used stories go
// first), not by stories: one long story holds as much as a hundred short
// ones.
//
// Thread safety: every method may be called from any thread at once; each
// caller passes its own Store (a Store is used by one thread at a time).
#ifndef MARSAD_SERVER_STORY_CACHE_H_
#define MARSAD_SERVER_STORY_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>

#include "marsad/status.h"
#include "marsad/store.h"
#include "src/server/brief.h"

namespace marsad {

// A story's dossier and the answers derived from it, each made on first
// use. Immutable once made (the derived answers are filled under a lock).
class CachedStory {
 public:
  explicit CachedStory(StoryDossier dossier);

  const StoryDossier& dossier() const { return dossier_; }

  // GET /api/stories/{id}'s "comparison": ComparisonToJson capped for the
  // page, each point's over_time, UTF-16 offsets beside every span of a
  // report's claim.
  const nlohmann::json& PageComparison() const;
  // GET /api/stories/{id}/points at the default limit (30).
  const nlohmann::json& DefaultPoints() const;
  // The brief: `format` "md" or "html" (REQUIRES: one of them).
  const std::string& Brief(const std::string& format) const;

 private:
  const StoryDossier dossier_;
  mutable std::mutex mu_;
  mutable std::optional<nlohmann::json> page_, points_;
  mutable std::optional<std::string> md_, html_;
};

// The page's comparison of a dossier (what PageComparison caches).
nlohmann::json StoryPageComparison(const StoryDossier& s);
// Points JSON with UTF-16 offsets on each claim (GET .../points).
nlohmann::json PointsJsonUtf16(const StoryDossier& s, size_t max_points);

// Answers that depend on the whole store (an outlet's profile), kept while
// the store is unchanged: `version` is what the store says of its contents
// (its largest report and story ids: stores only grow), a different version
// drops the answer. At most `max_entries` answers, least recently used
// first out.
class StoreAnswers {
 public:
  using Version = std::pair<int64_t, int64_t>;
  explicit StoreAnswers(size_t max_entries = 64) : max_entries_(max_entries) {}
  // The answer kept for `key` at `version`, or nullptr.
  std::shared_ptr<const nlohmann::json> Find(const std::string& key,
                                             const Version& version);
  void Put(const std::string& key, const Version& version,
           std::shared_ptr<const nlohmann::json> answer);

 private:
  struct Entry {
    Version version;
    std::shared_ptr<const nlohmann::json> answer;
    std::list<std::string>::iterator lru;
  };
  const size_t max_entries_;
  std::mutex mu_;
  std::map<std::string, Entry> entries_;
  std::list<std::string> lru_;  // most recently used first
};

class StoryCache {
 public:
  // Holds stories of at most `max_reports` reports in all; a story larger
  // than that alone is answered but not kept.
  explicit StoryCache(size_t max_reports = 3000);

  // The story `row` (as the store holds it now) with its reports and
  // comparison: the cached entry when its row is unchanged, else loaded
  // from `store`, compared and kept.
  StatusOr<std::shared_ptr<const CachedStory>> Get(Store* store,
                                                   const StoryRow& row);
  // The same for story `id`; nullptr when there is no such story.
  StatusOr<std::shared_ptr<const CachedStory>> Get(Store* store, int64_t id);

  struct Stats {
    int64_t hits = 0, misses = 0, stories = 0, reports = 0;
  };
  Stats stats() const;

  // Outlet profiles (Api::OutletProfile), by outlet name.
  StoreAnswers& profiles() { return profiles_; }

 private:
  struct Entry {
    std::shared_ptr<const CachedStory> story;
    std::list<int64_t>::iterator lru;  // position in lru_
  };
  // The entry of `row.id` if its row matches; marks it used.
  std::shared_ptr<const CachedStory> Find(const StoryRow& row);
  void Put(std::shared_ptr<const CachedStory> story);
  void EvictLocked();

  const size_t max_reports_;
  mutable std::mutex mu_;
  std::map<int64_t, Entry> entries_;
  std::list<int64_t> lru_;  // most recently used first
  size_t reports_ = 0;
  int64_t hits_ = 0, misses_ = 0;
  StoreAnswers profiles_;
};

}  // namespace marsad

#endif  // MARSAD_SERVER_STORY_CACHE_H_
