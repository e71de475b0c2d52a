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
#include "src/server/kept_answers.h"

namespace marsad {

// A story's answers, made on first use from its dossier (its reports and
// their comparison), or read from the answers kept in the store for its
// version (src/server/kept_answers.h), in which case the dossier is loaded
// only if an answer not kept is asked for (points beyond the default
// limit). Immutable once made (answers are filled under a lock).
class CachedStory {
 public:
  explicit CachedStory(StoryDossier dossier);
  CachedStory(StoryRow row, StoryAnswers kept);

  // The story's row this entry answers for.
  const StoryRow& row() const { return row_; }
  // Whether the answers come from the store's kept answers.
  bool kept() const { return kept_.has_value(); }

  // GET /api/stories/{id}'s "articles": MetadataToJson of each report.
  const nlohmann::json& Articles() const;
  // GET /api/stories/{id}'s "comparison": ComparisonToJson capped for the
  // page, each point's over_time, UTF-16 offsets beside every span of a
  // report's claim.
  const nlohmann::json& PageComparison() const;
  // GET /api/stories/{id}/points at the default limit (30).
  const nlohmann::json& DefaultPoints() const;
  // The brief: `format` "md" or "html" (REQUIRES: one of them).
  const std::string& Brief(const std::string& format) const;
  // What each outlet holds of the story's points (outlet profiles).
  const std::map<std::string, OutletPoints>& Outlets() const;
  // The dossier; loaded from `store` and compared with `lexicon` on first
  // use when the entry was made from kept answers (REQUIRES: `store` holds
  // the story's reports).
  StatusOr<const StoryDossier*> Dossier(Store* store,
                                        const FactsLexicon& lexicon) const;
  // Every answer, as kept in the store (made from the dossier).
  StoryAnswers Answers() const;

 private:
  const StoryRow row_;
  const std::optional<StoryAnswers> kept_;
  mutable std::mutex mu_;
  mutable std::optional<StoryDossier> dossier_;
  mutable std::optional<nlohmann::json> articles_, page_, points_;
  mutable std::optional<std::string> md_, html_;
  mutable std::optional<std::map<std::string, OutletPoints>> outlets_;

  void PageLocked() const;
};

// The story of `row`: from the answers `maker` kept in `store` for its
// version, else its dossier loaded and compared with `lexicon`.
StatusOr<std::shared_ptr<const CachedStory>> LoadCachedStory(
    Store* store, const FactsLexicon& lexicon, const StoryRow& row,
    const std::string& maker);

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
  // than that alone is answered but not kept. A story not held is read from
  // the answers `maker` kept in the store (AnswerMaker(): this program's),
  // else compared.
  explicit StoryCache(size_t max_reports = 3000,
                      std::string maker = AnswerMaker());

  // The story `row` (as the store holds it now) with its answers: the
  // cached entry when its row is unchanged, else LoadCachedStory's, held.
  StatusOr<std::shared_ptr<const CachedStory>> Get(Store* store,
                                                   const FactsLexicon& lexicon,
                                                   const StoryRow& row);
  // The same for story `id`; nullptr when there is no such story.
  StatusOr<std::shared_ptr<const CachedStory>> Get(Store* store,
                                                   const FactsLexicon& lexicon,
                                                   int64_t id);

  struct Stats {
    int64_t hits = 0, misses = 0, stories = 0, reports = 0;
    int64_t kept = 0;  // misses answered from kept answers
  };
  Stats stats() const;

  // Outlet profiles (Api::OutletProfile), by outlet name.
  StoreAnswers& profiles() { return profiles_; }
  const std::string& maker() const { return maker_; }

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
  const std::string maker_;
  mutable std::mutex mu_;
  std::map<int64_t, Entry> entries_;
  std::list<int64_t> lru_;  // most recently used first
  size_t reports_ = 0;
  int64_t hits_ = 0, misses_ = 0, kept_ = 0;
  StoreAnswers profiles_;
};

}  // namespace marsad

#endif  // MARSAD_SERVER_STORY_CACHE_H_
