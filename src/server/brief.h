// A story brief to hand on, and the claims of its points over time (issue 27).
//
// The comparison (src/facts/compare.h) answers "who says what" for an
// analyst at the screen. Two things follow from it: what an analyst sends an
// editor, and how each position came about in time.
//
//  * The BRIEF is the story, its contested points with every position
//    (source, outlets, report count, earliest report), the agreements in one
//    line each, and the exact quoted words of each position with a link to
//    its report (the report's URL when known, else its id), in Arabic, right
//    to left. Markdown for a ticket or a chat; HTML with inline styles only
//    (no stylesheet, script, font or image to fetch) so that it survives
//    being pasted into an email and prints to PDF as it is. Long stories are
//    capped (positions, quotations, agreements) and say how many more there
//    are: a brief is read, not searched.
//  * The TIMELINE of a point is every report carrying one of its positions,
//    in publication order (undated reports last, in the order they were
//    stored), each marked "first" where its position first appears: a toll
//    that rises over three days in one source and stays flat in another
//    reads off it directly.
//
// Reports without an outlet are named in words ("وسيلة غير معروفة (التقرير
// 4)"), never by a bare number.
//
// Thread safety: pure functions over the dossier; LoadStoryDossier reads the
// store given (one thread at a time, as the store requires).
#ifndef MARSAD_SERVER_BRIEF_H_
#define MARSAD_SERVER_BRIEF_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "marsad/document.h"
#include "marsad/status.h"
#include "marsad/store.h"
#include "src/facts/compare.h"

namespace marsad {

// A story with its reports and their comparison, loaded once.
struct StoryDossier {
  StoryRow story;
  std::vector<Document> reports;  // in the story's order
  Comparison comparison;

  // The report with this id, or nullptr.
  const Document* Report(int64_t id) const;
};

// The story and its reports (with their analysis), compared with the
// comparison's tables in `lexicon` (Resources::facts_lexicon()); nullopt
// when there is no such story.
StatusOr<std::optional<StoryDossier>> LoadStoryDossier(
    Store* store, const FactsLexicon& lexicon, int64_t id);
// The same for a story row already read: its reports read from `store`.
StatusOr<StoryDossier> LoadStoryDossierOf(Store* store,
                                          const FactsLexicon& lexicon,
                                          StoryRow row);

// A report's outlet for readers: its outlet, else its agency, else
// "وسيلة غير معروفة (التقرير N)".
std::string ReadableOutlet(const Document& d);

// A report as a reader names it: "التقرير N".
std::string ReportName(int64_t id);

// One report carrying a position of a point.
struct TimelineEntry {
  std::string at;  // the report's publication time (ISO 8601), "" if undated
  int64_t article = 0;
  std::string outlet;  // ReadableOutlet
  int position = 0;    // index into the point's positions
  bool first = false;  // the position's first report in this order
};

// Every (position, report) pair of `p`, in publication order.
std::vector<TimelineEntry> PointTimeline(const StoryDossier& s,
                                         const ContestedPoint& p);

// Adds "over_time" to each point of `comparison` (ComparisonToJson of
// s.comparison, whose points keep their order): [{at, article, outlet,
// position, first, value, label, source, min, max}]. REQUIRES: `comparison`
// was made from s.comparison.
void AddPointTimelines(const StoryDossier& s, nlohmann::json* comparison);

// GET /api/stories/{id}/points: {story: {id, title}, points
// (ComparisonToJson's, at most max_points, 8 claims a position, outlets
// readable, each with its over_time), points_total, contested_total}.
nlohmann::json PointsJson(const StoryDossier& s, size_t max_points);

// The brief as Markdown (RTL through a <div dir="rtl"> around it) and as a
// standalone HTML page with inline styles only.
std::string BriefMarkdown(const StoryDossier& s);
std::string BriefHtml(const StoryDossier& s);

}  // namespace marsad

#endif  // MARSAD_SERVER_BRIEF_H_
