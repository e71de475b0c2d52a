#include "src/server/story_cache.h"

#include <utility>
#include <vector>

#include "src/base/document_json.h"
#include "src/server/api.h"

namespace marsad {

using json = nlohmann::json;

namespace {

// A cached story still answers for `row` when the story's reports, title,
// dates and outlets are those it was made from (its related links are not
// part of the dossier's answers).
bool SameVersion(const StoryRow& cached, const StoryRow& row) {
  return cached.articles == row.articles && cached.title == row.title &&
         cached.first_seen == row.first_seen &&
         cached.last_seen == row.last_seen && cached.outlets == row.outlets;
}

// One UTF-16 index per report of the story.
std::map<int64_t, std::vector<uint32_t>> ReportIndexes(const StoryDossier& s) {
  std::map<int64_t, std::vector<uint32_t>> idx;
  for (const Document& d : s.reports) idx[d.id] = Utf16Index(d.text);
  return idx;
}

// Adds UTF-16 offsets to every object of `j` that names an "article" of
// `idx` (and to the spans inside it), recursively.
void AddReportUtf16(const std::map<int64_t, std::vector<uint32_t>>& idx,
                    json* j) {
  if (j->is_object()) {
    if (j->contains("article") && (*j)["article"].is_number_integer()) {
      auto it = idx.find((*j)["article"].get<int64_t>());
      if (it != idx.end()) {
        AddUtf16(it->second, j);
        return;
      }
    }
    for (auto& [k, v] : j->items()) AddReportUtf16(idx, &v);
  } else if (j->is_array()) {
    for (auto& v : *j) AddReportUtf16(idx, &v);
  }
}

}  // namespace

json StoryPageComparison(const StoryDossier& s) {
  // A story that ran for months compares hundreds of reports: the page
  // keeps the 30 main points, the 50 main disagreements and 8 claims a cell
  // or position (the totals are in the JSON); `marsad story --json` writes
  // them all.
  json comparison = ComparisonToJson(
      s.comparison,
      {.max_points = 30, .max_disagreements = 50, .max_claims = 8});
  // Each point's claims over time (issue 27), for the page's chart.
  AddPointTimelines(s, &comparison);
  if (comparison.is_object()) AddReportUtf16(ReportIndexes(s), &comparison);
  return comparison;
}

json PointsJsonUtf16(const StoryDossier& s, size_t max_points) {
  json out = PointsJson(s, max_points);
  const auto idx = ReportIndexes(s);
  for (json& point : out["points"]) {
    for (json& pos : point["positions"]) {
      for (json& cl : pos["claims"]) {
        auto it = idx.find(cl.value("article", int64_t{0}));
        if (it != idx.end()) AddUtf16(it->second, &cl);
      }
    }
  }
  return out;
}

CachedStory::CachedStory(StoryDossier dossier)
    : row_(dossier.story), dossier_(std::move(dossier)) {}

CachedStory::CachedStory(StoryRow row, StoryAnswers kept)
    : row_(std::move(row)), kept_(std::move(kept)) {}

// Fills articles_ and page_, from the kept page or the dossier.
void CachedStory::PageLocked() const {
  if (page_) return;
  if (kept_) {
    json page = json::parse(kept_->page, nullptr, false);
    articles_ = page.is_object() ? page["articles"] : json::array();
    page_ = page.is_object() ? page["comparison"] : json();
    return;
  }
  json articles = json::array();
  for (const Document& d : dossier_->reports)
    articles.push_back(MetadataToJson(d));
  articles_ = std::move(articles);
  page_ = StoryPageComparison(*dossier_);
}

const json& CachedStory::Articles() const {
  std::lock_guard<std::mutex> lock(mu_);
  PageLocked();
  return *articles_;
}

const json& CachedStory::PageComparison() const {
  std::lock_guard<std::mutex> lock(mu_);
  PageLocked();
  return *page_;
}

const json& CachedStory::DefaultPoints() const {
  std::lock_guard<std::mutex> lock(mu_);
  if (!points_) {
    points_ = kept_ ? json::parse(kept_->points, nullptr, false)
                    : PointsJsonUtf16(*dossier_, 30);
  }
  return *points_;
}

const std::string& CachedStory::Brief(const std::string& format) const {
  if (kept_) return format == "md" ? kept_->md : kept_->html;
  std::lock_guard<std::mutex> lock(mu_);
  std::optional<std::string>& slot = format == "md" ? md_ : html_;
  if (!slot)
    slot = format == "md" ? BriefMarkdown(*dossier_) : BriefHtml(*dossier_);
  return *slot;
}

const std::map<std::string, OutletPoints>& CachedStory::Outlets() const {
  std::lock_guard<std::mutex> lock(mu_);
  if (!outlets_) {
    outlets_ =
        kept_
            ? OutletPointsFromJson(json::parse(kept_->outlets, nullptr, false))
            : OutletPointsOf(dossier_->comparison);
  }
  return *outlets_;
}

StatusOr<const StoryDossier*> CachedStory::Dossier(
    Store* store, const FactsLexicon& lexicon) const {
  std::lock_guard<std::mutex> lock(mu_);
  if (!dossier_) {
    ASSIGN_OR_RETURN(StoryDossier d, LoadStoryDossierOf(store, lexicon, row_));
    dossier_ = std::move(d);
  }
  return &*dossier_;
}

StoryAnswers CachedStory::Answers() const {
  if (kept_) return *kept_;
  // Dumped as the server dumps a body (src/server/server.cc).
  auto dump = [](const json& j) {
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
  };
  StoryAnswers a;
  a.page =
      dump(json{{"articles", Articles()}, {"comparison", PageComparison()}});
  a.points = dump(DefaultPoints());
  a.md = Brief("md");
  a.html = Brief("html");
  a.outlets = dump(OutletPointsToJson(Outlets()));
  return a;
}

StatusOr<std::shared_ptr<const CachedStory>> LoadCachedStory(
    Store* store, const FactsLexicon& lexicon, const StoryRow& row,
    const std::string& maker) {
  if (std::optional<StoryAnswers> kept = ReadKeptStory(store, row, maker))
    return std::make_shared<const CachedStory>(row, std::move(*kept));
  ASSIGN_OR_RETURN(StoryDossier d, LoadStoryDossierOf(store, lexicon, row));
  return std::make_shared<const CachedStory>(std::move(d));
}

std::shared_ptr<const json> StoreAnswers::Find(const std::string& key,
                                               const Version& version) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.version != version) return nullptr;
  lru_.splice(lru_.begin(), lru_, it->second.lru);
  return it->second.answer;
}

void StoreAnswers::Put(const std::string& key, const Version& version,
                       std::shared_ptr<const json> answer) {
  std::lock_guard<std::mutex> lock(mu_);
  if (auto it = entries_.find(key); it != entries_.end()) {
    lru_.erase(it->second.lru);
    entries_.erase(it);
  }
  lru_.push_front(key);
  entries_[key] = Entry{version, std::move(answer), lru_.begin()};
  while (entries_.size() > max_entries_) {
    entries_.erase(lru_.back());
    lru_.pop_back();
  }
}

StoryCache::StoryCache(size_t max_reports, std::string maker)
    : max_reports_(max_reports), maker_(std::move(maker)) {}

StatusOr<std::shared_ptr<const CachedStory>> StoryCache::Get(
    Store* store, const FactsLexicon& lexicon, int64_t id) {
  ASSIGN_OR_RETURN(std::optional<StoryRow> row, store->GetStory(id));
  if (!row) return std::shared_ptr<const CachedStory>();
  return Get(store, lexicon, *row);
}

StatusOr<std::shared_ptr<const CachedStory>> StoryCache::Get(
    Store* store, const FactsLexicon& lexicon, const StoryRow& row) {
  if (auto hit = Find(row)) return hit;
  // Loaded outside the lock: other stories are answered meanwhile (two
  // threads missing the same story both load it; the later one is kept).
  ASSIGN_OR_RETURN(std::shared_ptr<const CachedStory> story,
                   LoadCachedStory(store, lexicon, row, maker_));
  if (story->kept()) {
    std::lock_guard<std::mutex> lock(mu_);
    ++kept_;
  }
  Put(story);
  return story;
}

std::shared_ptr<const CachedStory> StoryCache::Find(const StoryRow& row) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find(row.id);
  if (it == entries_.end() || !SameVersion(it->second.story->row(), row)) {
    ++misses_;
    return nullptr;
  }
  ++hits_;
  lru_.splice(lru_.begin(), lru_, it->second.lru);
  return it->second.story;
}

// An entry weighs its story's reports (kept answers too: their pages grow
// with them).
void StoryCache::Put(std::shared_ptr<const CachedStory> story) {
  const size_t n = story->row().articles.size();
  if (n > max_reports_) return;
  const int64_t id = story->row().id;
  std::lock_guard<std::mutex> lock(mu_);
  if (auto it = entries_.find(id); it != entries_.end()) {
    reports_ -= it->second.story->row().articles.size();
    lru_.erase(it->second.lru);
    entries_.erase(it);
  }
  lru_.push_front(id);
  entries_[id] = Entry{std::move(story), lru_.begin()};
  reports_ += n;
  EvictLocked();
}

void StoryCache::EvictLocked() {
  while (reports_ > max_reports_ && !lru_.empty()) {
    auto it = entries_.find(lru_.back());
    reports_ -= it->second.story->row().articles.size();
    entries_.erase(it);
    lru_.pop_back();
  }
}

StoryCache::Stats StoryCache::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  return {hits_, misses_, static_cast<int64_t>(entries_.size()),
          static_cast<int64_t>(reports_), kept_};
}

}  // namespace marsad
