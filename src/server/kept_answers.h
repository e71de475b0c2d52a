// Answers kept in the store between runs (issue 27: a story's FIRST view
// under 500 ms on the corpus store).
//
// Why keep answers and not only cache them. The story cache
// (src/server/story_cache.h) makes a story's page, points and briefs once
// per server process; the first view of a story still loaded its reports
// and compared them (0.7-1.0 s for the corpus's 201-report story), and an
// outlet profile compared a hundred stories (1.2-1.7 s). An analyst opens a
// story once, so the first view is the one that counts. `marsad ingest`
// therefore computes, at the end of its run, the answers of every story it
// touched and keeps them through the Store interface (KeptAnswer rows, in
// both stores); the server reads them on a cache miss instead of comparing.
//
// Why answers stay byte for byte what the server would compute. A kept
// answer is the very JSON (or brief) the server makes, dumped as the server
// dumps it; it is valid for one VERSION: the story's row (the ids of its
// reports, its title, dates and outlets: stored reports never change) and
// the MAKER, a hash of the running program's bytes and of the data tables.
// A story that gained a report, a rebuilt marsad or edited data tables give
// another version, and the server computes the answer as before. Stores
// made before kept answers (schema v6 and older), stories too small to keep
// and a store that cannot say are served by computing too.
//
// Which stories are kept: those with two outlets or more (the comparison is
// about outlets, and outlet profiles sample exactly those) and those of
// kKeepFromReports reports or more (a long single-outlet story costs as
// much to compare). The rest cost a few milliseconds to compute.
//
// Thread safety: AnswerMaker may be called from any thread; the rest use
// the given Store (one thread at a time, as the store requires).
#ifndef MARSAD_SERVER_KEPT_ANSWERS_H_
#define MARSAD_SERVER_KEPT_ANSWERS_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "marsad/status.h"
#include "marsad/store.h"
#include "src/facts/compare.h"

namespace marsad {

// Stories of at least this many reports are kept even from one outlet.
inline constexpr size_t kKeepFromReports = 10;

// Whether the answers of a story with this row are kept.
bool KeepsStory(const StoryRow& row);

// The program and data that make answers: a hash of /proc/self/exe and of
// every file under DataDir() (paths and bytes). "" when it cannot be read:
// then nothing is kept or read. Computed once per process.
const std::string& AnswerMaker();

// What a kept story answer is valid for: `maker` and the story's row.
std::string StoryAnswerVersion(const StoryRow& row, const std::string& maker);

// Per outlet of a story's comparison: the points where it holds a position,
// and the contested ones where a position it holds conflicts with one
// another outlet (or report) carries. Outlets holding no position are
// absent.
struct OutletPoints {
  int64_t held = 0, apart = 0;
};
std::map<std::string, OutletPoints> OutletPointsOf(const Comparison& c);
nlohmann::json OutletPointsToJson(const std::map<std::string, OutletPoints>& m);
std::map<std::string, OutletPoints> OutletPointsFromJson(
    const nlohmann::json& j);

// The bodies of a story's kept answers, as the server would send them
// (JSON dumped as the server dumps it; briefs as they are).
struct StoryAnswers {
  std::string page;      // {"articles": [...], "comparison": {...}}
  std::string points;    // GET .../points at the default limit
  std::string md, html;  // the briefs
  std::string outlets;   // OutletPointsToJson
};

// The story's answers kept for `row` by `maker`; nullopt when any is missing
// or of another version, when the maker is "", or when the store cannot
// read them (a failed read is no error: the caller computes).
std::optional<StoryAnswers> ReadKeptStory(Store* store, const StoryRow& row,
                                          const std::string& maker);

// What each outlet holds of the story's points, kept for `row` by `maker`
// (one answer read, not the five); nullopt as ReadKeptStory.
std::optional<std::map<std::string, OutletPoints>> ReadKeptOutletPoints(
    Store* store, const StoryRow& row, const std::string& maker);

// Computes and keeps the answers of `stories` (ids; those KeepsStory
// refuses and those gone are skipped) in transactions of a few stories,
// compared with `lexicon`'s tables (Resources::facts_lexicon()).
// Returns how many stories were kept.
StatusOr<int64_t> KeepStoryAnswers(Store* store, const FactsLexicon& lexicon,
                                   const std::vector<int64_t>& stories,
                                   const std::string& maker);

// The stories of the articles stored after article id `after` (a run of
// `marsad ingest` that began with MaxArticleId() == after) kept, and the
// cites of their outlets (src/server/outlet_cites.h). Returns the stories
// kept.
StatusOr<int64_t> KeepAnswersSince(Store* store, const FactsLexicon& lexicon,
                                   int64_t after, const std::string& maker);

}  // namespace marsad

#endif  // MARSAD_SERVER_KEPT_ANSWERS_H_
