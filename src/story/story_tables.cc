// The story features' tables (story_tables.h), read from data/story.
#include "src/story/story_tables.h"

#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "src/base/data.h"
#include "src/story/story_features.h"
#include "src/story/terms.h"

namespace marsad {
namespace {

std::atomic<uint64_t> next_id{1};

// A whole field as a number, or an error naming it.
Status ParseCount(const std::string& field, double* v) {
  char* end = nullptr;
  errno = 0;
  *v = std::strtod(field.c_str(), &end);
  if (field.empty() || end != field.c_str() + field.size() || errno != 0)
    return CorruptionError("\"" + field + "\" is not a number");
  return Status::OK();
}

}  // namespace

StoryTables::StoryTables(const TextTables& text)
    : text_(text), id_(next_id.fetch_add(1)) {}

StatusOr<std::unique_ptr<const StoryTables>> StoryTables::Load(
    const std::string& data_dir, const TextTables& text) {
  std::unique_ptr<StoryTables> t(new StoryTables(text));
  // idf.tsv: the document count first (any row "__N__"), then ln((N+1) /
  // (df+1)) for every stem; a stem the table never saw counts as df = 2.5
  // (the table keeps df >= 3).
  const std::string idf_path = data_dir + "/story/idf.tsv";
  ASSIGN_OR_RETURN(TsvRows rows, ReadTsv(idf_path));
  double n = 0;
  for (const auto& r : rows) {
    if (r.size() >= 2 && r[0] == "__N__")
      RETURN_IF_ERROR(ParseCount(r[1], &n).WithContext(idf_path));
  }
  if (n <= 0)
    return CorruptionError(idf_path + ": no __N__ row with a document count");
  RETURN_IF_ERROR(ForEachTsvRow(idf_path, 2, [&](const auto& r) {
    if (r[0] == "__N__") return Status::OK();
    double df;
    RETURN_IF_ERROR(ParseCount(r[1], &df));
    t->idf_[TermKey(r[0])] = static_cast<float>(std::log((n + 1) / (df + 1)));
    return Status::OK();
  }));
  t->unseen_ = static_cast<float>(std::log((n + 1) / 3.5));
  // synonyms.tsv: single words only, both sides as story stems.
  RETURN_IF_ERROR(
      ForEachTsvRow(data_dir + "/story/synonyms.tsv", 2, [&](const auto& r) {
        if (r[0].find(' ') == std::string::npos)
          t->synonyms_[StoryStem(text, r[0])] = StoryStem(text, r[1]);
        return Status::OK();
      }));
  return std::unique_ptr<const StoryTables>(std::move(t));
}

}  // namespace marsad
