#include "src/server/kept_answers.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>
#include <utility>

#include "src/base/data.h"
#include "src/base/file.h"
#include "src/base/hash.h"
#include "src/server/outlet_cites.h"
#include "src/server/story_cache.h"

namespace marsad {

using json = nlohmann::json;

namespace {

// The kinds of a story's kept answers, each under "story/ID/KIND".
constexpr const char* kKinds[] = {"page", "points", "md", "html", "outlets"};

std::string StoryKey(int64_t id, const char* kind) {
  return "story/" + std::to_string(id) + "/" + kind;
}

std::string* Body(StoryAnswers* a, std::string_view kind) {
  if (kind == "page") return &a->page;
  if (kind == "points") return &a->points;
  if (kind == "md") return &a->md;
  if (kind == "html") return &a->html;
  return &a->outlets;
}

// Hash of every regular file under `dir` (relative path and bytes, in path
// order), chained onto `h`; nullopt when a file cannot be read.
std::optional<uint64_t> HashTree(const std::string& dir, uint64_t h) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->is_regular_file(ec)) files.push_back(it->path());
  }
  if (ec) return std::nullopt;
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    StatusOr<std::string> bytes = ReadFile(f.string());
    if (!bytes.ok()) return std::nullopt;
    h = Hash64(fs::relative(f, dir, ec).string(), h);
    h = Hash64(*bytes, h);
  }
  return h;
}

std::string MakeMaker() {
  StatusOr<std::string> exe = ReadFile("/proc/self/exe");
  if (!exe.ok()) return "";
  // The data tables and the shipped NER model (a retrained model changes the
  // entities a served comparison may read) are part of the version.
  std::optional<uint64_t> data = HashTree(DataDir(), Hash64(*exe));
  StatusOr<std::string> model = ReadFile(ModelPath("ner_model.bin"));
  if (!data || !model.ok()) return "";
  return HashHex(Hash64(*exe)) + HashHex(Hash64(*model, *data));
}

}  // namespace

bool KeepsStory(const StoryRow& row) {
  return row.outlets.size() >= 2 || row.articles.size() >= kKeepFromReports;
}

const std::string& AnswerMaker() {
  static const std::string* maker = new std::string(MakeMaker());
  return *maker;
}

std::string StoryAnswerVersion(const StoryRow& row, const std::string& maker) {
  // Fields joined by a byte that UTF-8 text and decimal ids never hold.
  std::string s = std::to_string(row.id);
  for (int64_t a : row.articles) s += "\x1f" + std::to_string(a);
  s += "\x1e" + row.title + "\x1e" + row.first_seen + "\x1e" + row.last_seen;
  for (const std::string& o : row.outlets) s += "\x1f" + o;
  return maker + "/" + HashHex(Hash64(s));
}

std::map<std::string, OutletPoints> OutletPointsOf(const Comparison& c) {
  std::map<std::string, OutletPoints> out;
  for (const ContestedPoint& p : c.points) {
    std::set<std::string> holding, differing;
    for (const PointPosition& pos : p.positions)
      holding.insert(pos.outlets.begin(), pos.outlets.end());
    if (p.contested) {
      // A conflict sets `o` apart when o holds one side and any other
      // outlet the other.
      auto others = [](const PointPosition& pos, const std::string& o) {
        return std::any_of(pos.outlets.begin(), pos.outlets.end(),
                           [&](const std::string& x) { return x != o; });
      };
      for (auto [i, j] : p.conflicts) {
        if (i < 0 || j < 0 || size_t(i) >= p.positions.size() ||
            size_t(j) >= p.positions.size())
          continue;
        const PointPosition &a = p.positions[i], &b = p.positions[j];
        for (const std::string& o : a.outlets)
          if (others(b, o)) differing.insert(o);
        for (const std::string& o : b.outlets)
          if (others(a, o)) differing.insert(o);
      }
    }
    for (const std::string& o : holding) ++out[o].held;
    for (const std::string& o : differing) ++out[o].apart;
  }
  return out;
}

json OutletPointsToJson(const std::map<std::string, OutletPoints>& m) {
  json j = json::object();
  for (const auto& [outlet, n] : m) j[outlet] = {n.held, n.apart};
  return j;
}

std::map<std::string, OutletPoints> OutletPointsFromJson(const json& j) {
  std::map<std::string, OutletPoints> out;
  if (!j.is_object()) return out;
  for (const auto& [outlet, n] : j.items()) {
    if (n.is_array() && n.size() == 2 && n[0].is_number_integer() &&
        n[1].is_number_integer())
      out[outlet] = {n[0].get<int64_t>(), n[1].get<int64_t>()};
  }
  return out;
}

namespace {

// The body of the story's kept answer `kind`, if kept for `version`.
std::optional<std::string> KeptBody(Store* store, int64_t id, const char* kind,
                                    const std::string& version) {
  StatusOr<std::optional<KeptAnswer>> got =
      store->GetKeptAnswer(StoryKey(id, kind));
  if (!got.ok() || !*got || (*got)->version != version) return std::nullopt;
  return std::move((*got)->body);
}

}  // namespace

std::optional<StoryAnswers> ReadKeptStory(Store* store, const StoryRow& row,
                                          const std::string& maker) {
  if (maker.empty() || !KeepsStory(row)) return std::nullopt;
  const std::string version = StoryAnswerVersion(row, maker);
  StoryAnswers a;
  for (const char* kind : kKinds) {
    std::optional<std::string> body = KeptBody(store, row.id, kind, version);
    if (!body) return std::nullopt;
    *Body(&a, kind) = std::move(*body);
  }
  return a;
}

std::optional<std::map<std::string, OutletPoints>> ReadKeptOutletPoints(
    Store* store, const StoryRow& row, const std::string& maker) {
  if (maker.empty() || !KeepsStory(row)) return std::nullopt;
  std::optional<std::string> body =
      KeptBody(store, row.id, "outlets", StoryAnswerVersion(row, maker));
  if (!body) return std::nullopt;
  return OutletPointsFromJson(json::parse(*body, nullptr, false));
}

StatusOr<int64_t> KeepStoryAnswers(Store* store, const FactsLexicon& lexicon,
                                   const std::vector<int64_t>& stories,
                                   const std::string& maker) {
  if (maker.empty()) return int64_t{0};
  constexpr size_t kStoriesPerTransaction = 20;
  std::vector<KeptAnswer> batch;
  int64_t kept = 0;
  for (int64_t id : stories) {
    ASSIGN_OR_RETURN(std::optional<StoryRow> row, store->GetStory(id));
    if (!row || !KeepsStory(*row)) continue;
    ASSIGN_OR_RETURN(StoryDossier d, LoadStoryDossierOf(store, lexicon, *row));
    StoryAnswers a = CachedStory(std::move(d)).Answers();
    const std::string version = StoryAnswerVersion(*row, maker);
    for (const char* kind : kKinds)
      batch.push_back(
          {StoryKey(id, kind), version, std::move(*Body(&a, kind))});
    if (++kept % kStoriesPerTransaction == 0) {
      RETURN_IF_ERROR(store->PutKeptAnswers(batch));
      batch.clear();
    }
  }
  RETURN_IF_ERROR(store->PutKeptAnswers(batch));
  return kept;
}

StatusOr<int64_t> KeepAnswersSince(Store* store, const FactsLexicon& lexicon,
                                   int64_t after, const std::string& maker) {
  ASSIGN_OR_RETURN(int64_t upto, store->MaxArticleId());
  if (upto <= after) return int64_t{0};
  ASSIGN_OR_RETURN(std::vector<int64_t> stories,
                   store->ListStoriesOfArticles(after, upto, 0));
  // The outlets of the touched stories (a superset of those that gained
  // reports: a profile's cites are kept per outlet).
  std::set<std::string> outlets;
  for (int64_t id : stories) {
    ASSIGN_OR_RETURN(std::optional<StorySummary> s, store->GetStorySummary(id));
    if (s) outlets.insert(s->outlets.begin(), s->outlets.end());
  }
  RETURN_IF_ERROR(
      KeepOutletCites(store, {outlets.begin(), outlets.end()}, maker).status());
  return KeepStoryAnswers(store, lexicon, stories, maker);
}

}  // namespace marsad
