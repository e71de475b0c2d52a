#include "src/server/api.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <string_view>
#include <vector>

#include "src/base/document_json.h"
#include "src/clean/lexicon.h"
#include "src/dedup/days.h"
#include "src/server/outlet_cites.h"
#include "src/watch/alerts.h"
#if MARSAD_HAVE_FACTS
#include "src/facts/compare.h"
#include "src/server/brief.h"
#include "src/server/story_cache.h"
#endif

namespace marsad {

using json = nlohmann::json;

namespace {

std::string Get(const Params& p, const std::string& key) {
  auto it = p.find(key);
  return it == p.end() ? "" : it->second;
}

StatusOr<int64_t> GetInt(const Params& p, const std::string& key, int64_t def,
                         int64_t lo, int64_t hi) {
  std::string v = Get(p, key);
  if (v.empty()) return def;
  try {
    size_t used = 0;
    int64_t x = std::stoll(v, &used);
    if (used != v.size() || x < lo || x > hi) throw std::out_of_range(key);
    return x;
  } catch (const std::exception&) {
    return InvalidArgumentError(key + " must be an integer in [" +
                                std::to_string(lo) + ", " + std::to_string(hi) +
                                "]");
  }
}

json Opt(const std::string& s) { return s.empty() ? json() : json(s); }

json StorySummaryJson(const StoryRow& s) {
  return {{"id", s.id},
          {"title", s.title},
          {"first_seen", Opt(s.first_seen)},
          {"last_seen", Opt(s.last_seen)},
          {"article_count", s.articles.size()},
          {"outlets", s.outlets},
          {"thread", s.thread ? s.thread : s.id}};
}

json StorySummaryJson(const StorySummary& s) {
  return {{"id", s.id},
          {"title", s.title},
          {"first_seen", Opt(s.first_seen)},
          {"last_seen", Opt(s.last_seen)},
          {"article_count", s.article_count},
          {"outlets", s.outlets},
          {"thread", s.thread ? s.thread : s.id}};
}

json PageJson(int64_t total, int64_t limit, int64_t offset, json items) {
  return {{"total", total},
          {"limit", limit},
          {"offset", offset},
          {"items", std::move(items)}};
}

json SpanJson16(const std::vector<uint32_t>& idx, Span s) {
  json j = SpanToJson(s);
  AddUtf16(idx, &j);
  return j;
}

json NullableDouble(const std::optional<double>& v) {
  return v ? json(*v) : json();
}

json EntityJson(const EntityRow& e) {
  return {{"id", e.id},
          {"name", e.name},
          {"type", e.type},
          {"lat", NullableDouble(e.lat)},
          {"lon", NullableDouble(e.lon)},
          {"mention_count", e.mention_count}};
}

}  // namespace

std::vector<uint32_t> Utf16Index(const std::string& text) {
  std::vector<uint32_t> idx(text.size() + 1);
  uint32_t u = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    idx[i] = u;
    auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80) u += (c >= 0xF0) ? 2 : 1;
  }
  idx[text.size()] = u;
  return idx;
}

void AddUtf16(const std::vector<uint32_t>& idx, json* j) {
  if (j->is_object()) {
    if (j->contains("begin") && j->contains("end") &&
        (*j)["begin"].is_number_unsigned() &&
        (*j)["end"].is_number_unsigned()) {
      size_t b = std::min<size_t>((*j)["begin"].get<size_t>(), idx.size() - 1);
      size_t e = std::min<size_t>((*j)["end"].get<size_t>(), idx.size() - 1);
      (*j)["begin16"] = idx[b];
      (*j)["end16"] = idx[e];
    }
    for (auto& [k, v] : j->items()) AddUtf16(idx, &v);
  } else if (j->is_array()) {
    for (auto& v : *j) AddUtf16(idx, &v);
  }
}

void AddUtf16Offsets(const std::string& text, json* j) {
  AddUtf16(Utf16Index(text), j);
}

Api::Api(std::unique_ptr<Store> store, const CleanLexicon& outlets,
         const FactsLexicon* facts, std::shared_ptr<StoryCache> cache)
    : store_(std::move(store)),
      cache_(std::move(cache)),
      outlets_(outlets),
      facts_(facts) {}
Api::~Api() = default;

StatusOr<json> Api::Health() {
  ASSIGN_OR_RETURN(int64_t n, store_->CountArticles());
  return json{{"ok", true}, {"articles", n}};
}

StatusOr<json> Api::Stories(const Params& p) {
  ASSIGN_OR_RETURN(int64_t limit, GetInt(p, "limit", 50, 1, 200));
  ASSIGN_OR_RETURN(int64_t offset, GetInt(p, "offset", 0, 0, 100000));
  ASSIGN_OR_RETURN(auto rows,
                   store_->ListStories(Page{int(limit), int(offset)}));
  json items = json::array();
  for (const StoryRow& s : rows) items.push_back(StorySummaryJson(s));
  ASSIGN_OR_RETURN(int64_t total, store_->CountStories());
  return PageJson(total, limit, offset, std::move(items));
}

namespace {

#if MARSAD_HAVE_FACTS
// The story of `row` with its comparison: from `cache` when there is one,
// else loaded for this request alone.
StatusOr<std::shared_ptr<const CachedStory>> StoryOf(
    StoryCache* cache, Store* store, const FactsLexicon& lexicon,
    const StoryRow& row) {
  if (cache != nullptr) return cache->Get(store, lexicon, row);
  return LoadCachedStory(store, lexicon, row, AnswerMaker());
}
#endif

}  // namespace

StatusOr<json> Api::Story(int64_t id) {
  ASSIGN_OR_RETURN(auto story, store_->GetStory(id));
  if (!story) return NotFoundError("no story " + std::to_string(id));
  json comparison = nullptr;
  json articles = json::array();
#if MARSAD_HAVE_FACTS
  ASSIGN_OR_RETURN(std::shared_ptr<const CachedStory> cached,
                   StoryOf(cache_.get(), store_.get(), *facts_, *story));
  articles = cached->Articles();
  comparison = cached->PageComparison();
#else
  for (int64_t a : story->articles) {
    ASSIGN_OR_RETURN(auto d, store_->GetArticle(a, false));
    if (d) articles.push_back(MetadataToJson(*d));
  }
#endif
  // Related links accumulate both ways over an archive (a long-running
  // story can gather a thousand); the page shows the newest few, ids being
  // given in order of creation, and says how many there are.
  constexpr size_t kMaxRelated = 24;
  std::vector<int64_t> rel = story->related;
  std::sort(rel.begin(), rel.end(), std::greater<>());
  const size_t related_total = rel.size();
  if (rel.size() > kMaxRelated) rel.resize(kMaxRelated);
  // Their summaries from the stories table alone: reading each related
  // story whole read its articles and its own links too (a thousand for
  // some), for a title and a count.
  auto relation = [&](const std::string& first, const std::string& last) {
    return StoryRelation(story->first_seen, story->last_seen, first, last);
  };
  const int64_t thread_id = story->thread ? story->thread : story->id;
  json related = json::array();
  for (int64_t r : rel) {
    ASSIGN_OR_RETURN(std::optional<StorySummary> row,
                     store_->GetStorySummary(r));
    if (!row) continue;
    json item = StorySummaryJson(*row);
    item["relation"] = relation(row->first_seen, row->last_seen);
    item["in_thread"] = item["thread"] == thread_id;
    related.push_back(std::move(item));
  }
  // The long-running topic the story belongs to (src/story/threads.h): its
  // newest stories, this one among them, when it holds more than this one.
  constexpr int kMaxThread = 24;
  ASSIGN_OR_RETURN(Listing<StorySummary> members,
                   store_->ListThreadStories(thread_id, Page{kMaxThread, 0}));
  json thread = nullptr;
  if (members.total > 1) {
    json stories = json::array();
    for (const StorySummary& m : members.items) {
      json item = StorySummaryJson(m);
      item["relation"] =
          m.id == story->id ? "self" : relation(m.first_seen, m.last_seen);
      stories.push_back(std::move(item));
    }
    thread = {{"id", thread_id},
              {"story_count", members.total},
              {"stories", std::move(stories)}};
  }
  return json{{"story", StorySummaryJson(*story)},
              {"articles", std::move(articles)},
              {"related", std::move(related)},
              {"related_total", related_total},
              {"thread", std::move(thread)},
              {"comparison", std::move(comparison)}};
}

StatusOr<json> Api::Thread(int64_t id, const Params& p) {
  ASSIGN_OR_RETURN(int64_t limit, GetInt(p, "limit", 50, 1, 200));
  ASSIGN_OR_RETURN(int64_t offset, GetInt(p, "offset", 0, 0, 100000));
  // Any story of a thread names it: the thread's id is its earliest story's.
  ASSIGN_OR_RETURN(std::optional<StorySummary> row,
                   store_->GetStorySummary(id));
  if (!row) return NotFoundError("no story " + std::to_string(id));
  const int64_t thread = row->thread ? row->thread : row->id;
  ASSIGN_OR_RETURN(
      Listing<StorySummary> members,
      store_->ListThreadStories(thread, Page{int(limit), int(offset)}));
  json items = json::array();
  for (const StorySummary& m : members.items)
    items.push_back(StorySummaryJson(m));
  json out = PageJson(members.total, limit, offset, std::move(items));
  out["id"] = thread;
  return out;
}

const char* StoryRelation(const std::string& first_seen,
                          const std::string& last_seen,
                          const std::string& other_first,
                          const std::string& other_last) {
  const std::optional<int32_t> first = DayNumber(first_seen),
                               last = DayNumber(last_seen);
  const std::optional<int32_t> a = DayNumber(other_first),
                               b = DayNumber(other_last);
  if (a && last && *a > *last) return "follow_up";
  if (b && first && *b < *first) return "earlier";
  return "concurrent";
}

StatusOr<json> Api::Article(int64_t id) {
  ASSIGN_OR_RETURN(auto d, store_->GetArticle(id, false));
  if (!d) return NotFoundError("no article " + std::to_string(id));
  json j = MetadataToJson(*d);
  j["text"] = d->text;
  json analysis = AnalysisToJson(*d);
  AddUtf16Offsets(d->text, &analysis);
  j["analysis"] = std::move(analysis);
  return j;
}

StatusOr<json> Api::Search(const Params& p) {
  SearchRequest r;
  r.query = Get(p, "q");
  if (r.query.size() > 512)
    return InvalidArgumentError("q is longer than 512 bytes");
  r.outlet = Get(p, "outlet");
  r.from = Get(p, "from");
  r.to = Get(p, "to");
  r.entity = Get(p, "entity");
  r.event_type = Get(p, "event_type");
  ASSIGN_OR_RETURN(r.story, GetInt(p, "story", 0, 0, INT64_MAX));
  ASSIGN_OR_RETURN(int64_t limit, GetInt(p, "limit", 50, 1, 200));
  ASSIGN_OR_RETURN(int64_t offset, GetInt(p, "offset", 0, 0, 100000));
  r.page = Page{int(limit), int(offset)};
  auto start = std::chrono::steady_clock::now();
  ASSIGN_OR_RETURN(SearchResults res, store_->Search(r));
  double took = std::chrono::duration<double, std::milli>(
                    std::chrono::steady_clock::now() - start)
                    .count();
  json items = json::array();
  for (const SearchHit& h : res.hits) {
    auto idx = Utf16Index(h.snippet);
    json hl = json::array(), shl = json::array();
    // UTF-16 offsets of the matches in the whole text, for the reader's #h=.
    std::vector<uint32_t> text_idx;
    if (!h.highlights.empty()) {
      ASSIGN_OR_RETURN(auto doc, store_->GetArticle(h.article_id, false));
      if (doc) text_idx = Utf16Index(doc->text);
    }
    for (const Span& s : h.highlights) {
      hl.push_back(s.end < text_idx.size() ? SpanJson16(text_idx, s)
                                           : SpanToJson(s));
      if (s.begin >= h.snippet_span.begin && s.end <= h.snippet_span.end) {
        shl.push_back(SpanJson16(idx, Span{s.begin - h.snippet_span.begin,
                                           s.end - h.snippet_span.begin}));
      }
    }
    items.push_back({{"article_id", h.article_id},
                     {"story_id", h.story_id ? json(h.story_id) : json()},
                     {"title", h.title},
                     {"outlet", h.outlet},
                     {"published", h.published},
                     {"score", h.score},
                     {"snippet", h.snippet},
                     {"snippet_span", SpanToJson(h.snippet_span)},
                     {"highlights", hl},
                     {"snippet_highlights", shl}});
  }
  json out = PageJson(res.total, limit, offset, std::move(items));
  out["query"] = r.query;
  out["took_ms"] = took;
  return out;
}

namespace {

// Issue 26: the Latin name and country (ISO 3166-1 alpha-2) data/clean/
// outlets.tsv (the outlets of `lex`) gives the outlet stored as `outlet`
// (its display name, else an id or domain); null for an outlet not in the
// table.
void AddOutletNames(const CleanLexicon& lex, const std::string& outlet,
                    json* out) {
  const OutletName* o = lex.OutletByName(outlet);
  if (o == nullptr) o = lex.OutletById(outlet);
  (*out)["latin_name"] = o ? Opt(o->latin) : json();
  (*out)["country"] = o ? Opt(o->country) : json();
}

}  // namespace

StatusOr<json> Api::Outlets() {
  ASSIGN_OR_RETURN(std::vector<OutletCount> outlets, store_->ListOutlets(500));
  json items = json::array();
  for (const OutletCount& o : outlets) {
    json item = {{"outlet", o.outlet}, {"articles", o.articles}};
    AddOutletNames(outlets_, o.outlet, &item);
    items.push_back(std::move(item));
  }
  return json{{"items", std::move(items)}};
}

namespace {

// Minutes since 1970-01-01T00:00Z of an ISO 8601 date or date-time, its
// zone offset applied ("2024-03-05T09:00:00+03:00", "...Z", a bare date is
// midnight UTC); nullopt without a valid date.
std::optional<int64_t> EpochMinutes(std::string_view iso) {
  std::optional<int32_t> day = DayNumber(iso);
  if (!day) return std::nullopt;
  int64_t m = int64_t{*day} * 1440;
  auto digits = [&](size_t at, size_t n) -> std::optional<int> {
    if (iso.size() < at + n) return std::nullopt;
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return std::nullopt;
      v = v * 10 + (iso[i] - '0');
    }
    return v;
  };
  if (iso.size() < 16 || (iso[10] != 'T' && iso[10] != ' ')) return m;
  auto hh = digits(11, 2), mm = digits(14, 2);
  if (!hh || !mm) return m;
  m += *hh * 60 + *mm;
  size_t i = 16;
  while (i < iso.size() &&
         (iso[i] == ':' || iso[i] == '.' || (iso[i] >= '0' && iso[i] <= '9')))
    ++i;
  if (i < iso.size() && (iso[i] == '+' || iso[i] == '-')) {
    auto oh = digits(i + 1, 2);
    size_t at = i + 3 + (i + 3 < iso.size() && iso[i + 3] == ':' ? 1 : 0);
    auto om = digits(at, 2);
    int off = (oh ? *oh * 60 : 0) + (om ? *om : 0);
    m += iso[i] == '+' ? -off : off;
  }
  return m;
}

}  // namespace

// Issue 27: an outlet's profile. Every part reads a bounded sample, said in
// "sampled_stories": the outlet's stories (newest 5,000), the analysis of
// its newest 2,000 reports, the newest 500 stories it shares with another
// outlet for the delay and the newest 100 of those (of at most 200 reports
// each) compared.
StatusOr<json> Api::OutletProfile(const std::string& outlet) {
#if MARSAD_HAVE_FACTS
  // The profile reads the whole store: kept while the store has no new
  // report or story (a profile of the corpus takes 0.5-2 s to make).
  if (cache_ != nullptr) {
    ASSIGN_OR_RETURN(int64_t max_article, store_->MaxArticleId());
    ASSIGN_OR_RETURN(int64_t max_story, store_->MaxStoryId());
    const StoreAnswers::Version version{max_article, max_story};
    if (auto kept = cache_->profiles().Find(outlet, version)) return *kept;
    ASSIGN_OR_RETURN(json profile, MakeOutletProfile(outlet));
    cache_->profiles().Put(outlet, version,
                           std::make_shared<const json>(profile));
    return profile;
  }
#endif
  return MakeOutletProfile(outlet);
}

StatusOr<json> Api::MakeOutletProfile(const std::string& outlet) {
  constexpr int kMaxStories = 5000, kMaxDelayStories = 500, kMaxCompared = 100,
                kMaxReportsCompared = 200;
  Store* db = store_.get();
  ASSIGN_OR_RETURN(OutletSummary summary, db->GetOutletSummary(outlet));
  if (summary.reports == 0) return NotFoundError("no outlet " + outlet);
  ASSIGN_OR_RETURN(std::vector<OutletStory> covered,
                   db->ListOutletStories(outlet, kMaxStories));
  json recent = json::array();
  for (size_t i = 0; i < covered.size() && i < 10; ++i) {
    recent.push_back({{"id", covered[i].story_id},
                      {"title", covered[i].title},
                      {"reports", covered[i].reports},
                      {"last_report", Opt(covered[i].last_report)},
                      {"outlets", covered[i].outlets}});
  }

  // What ingest kept (src/server/kept_answers.h) is read when this program
  // made it.
#if MARSAD_HAVE_FACTS
  const std::string maker = cache_ ? cache_->maker() : AnswerMaker();
#else
  const std::string maker;
#endif
  // Whom it cites (kept at ingest, else read from its newest analyses).
  ASSIGN_OR_RETURN(json cited, OutletCites(db, outlet, summary.reports, maker));
  const int64_t analysed = cited.value("analysed", int64_t{0}),
                quotes = cited.value("quotes", int64_t{0});
  json cites = std::move(cited["cites"]);

  // Reporting delay over its newest stories shared with another outlet.
  std::vector<const OutletStory*> shared;
  for (const OutletStory& c : covered) {
    if (c.outlets >= 2) shared.push_back(&c);
    if (shared.size() >= size_t{kMaxDelayStories}) break;
  }
  std::vector<double> delays;
  for (const OutletStory* c : shared) {
    std::optional<int64_t> story_first, own_first;
    ASSIGN_OR_RETURN(std::vector<Publication> reports,
                     db->ListStoryPublications(c->story_id));
    for (const Publication& r : reports) {
      std::optional<int64_t> t = EpochMinutes(r.published);
      if (!t) continue;
      if (!story_first || *t < *story_first) story_first = t;
      if (!r.outlet.empty() && r.outlet == outlet &&
          (!own_first || *t < *own_first))
        own_first = t;
    }
    if (story_first && own_first)
      delays.push_back(double(*own_first - *story_first) / 60.0);
  }
  json delay = {{"stories", delays.size()},
                {"median_hours", nullptr},
                {"first_reports", 0}};
  if (!delays.empty()) {
    std::sort(delays.begin(), delays.end());
    size_t n = delays.size();
    double median =
        n % 2 ? delays[n / 2] : (delays[n / 2 - 1] + delays[n / 2]) / 2;
    delay["median_hours"] = median;
    delay["first_reports"] = std::count_if(delays.begin(), delays.end(),
                                           [](double d) { return d <= 0; });
  }

  // How often its figures sit apart: over its newest shared stories, the
  // points where it holds a position, and those of them contested where one
  // of its positions conflicts with a position another outlet carries.
  int64_t held = 0, apart = 0, compared = 0, skipped_large = 0;
  json apart_stories = json::array();
#if MARSAD_HAVE_FACTS
  for (const OutletStory* c : shared) {
    if (compared + skipped_large >= kMaxCompared) break;
    if (c->article_count > kMaxReportsCompared) {
      ++skipped_large;
      continue;
    }
    // What the outlet holds of the story's points: from the answers kept at
    // ingest (src/server/kept_answers.h), else the story compared.
    ASSIGN_OR_RETURN(std::optional<StoryRow> row, db->GetStory(c->story_id));
    if (!row) continue;
    ++compared;
    std::optional<std::map<std::string, OutletPoints>> points =
        ReadKeptOutletPoints(db, *row, maker);
    if (!points) {
      ASSIGN_OR_RETURN(StoryDossier dossier,
                       LoadStoryDossierOf(db, *facts_, *row));
      points = OutletPointsOf(dossier.comparison);
    }
    auto mine = points->find(outlet);
    if (mine == points->end()) continue;
    held += mine->second.held;
    apart += mine->second.apart;
    const int64_t story_apart = mine->second.apart;
    if (story_apart > 0 && apart_stories.size() < 10)
      apart_stories.push_back(
          {{"id", c->story_id}, {"title", c->title}, {"points", story_apart}});
  }
#endif
  json figures = {
      {"points_held", held},
      {"points_apart", apart},
      {"share_apart", held ? json(double(apart) / double(held)) : json()},
      {"stories", apart_stories}};

  json profile = {{"outlet", outlet},
                  {"reports", summary.reports},
                  {"first_report", Opt(summary.first_report)},
                  {"last_report", Opt(summary.last_report)},
                  {"stories", summary.stories},
                  {"recent_stories", std::move(recent)},
                  {"cites", std::move(cites)},
                  {"delay", std::move(delay)},
                  {"figures", std::move(figures)},
                  {"sampled_stories",
                   {{"stories_read", covered.size()},
                    {"stories_cap", kMaxStories},
                    {"reports_analysed", analysed},
                    {"quotes", quotes},
                    {"reports_analysed_cap", kMaxCitesAnalyses},
                    {"shared_stories", shared.size()},
                    {"delay_cap", kMaxDelayStories},
                    {"compared", compared},
                    {"compared_cap", kMaxCompared},
                    {"skipped_over_reports", skipped_large},
                    {"reports_per_story_cap", kMaxReportsCompared}}}};
  AddOutletNames(outlets_, outlet, &profile);
  return profile;
}

StatusOr<json> Api::WatchStory(int64_t id, Store* writable) {
  ASSIGN_OR_RETURN(std::optional<StorySummary> story,
                   store_->GetStorySummary(id));
  if (!story) return NotFoundError("no story " + std::to_string(id));
  SavedSearch watch;
  watch.name = "story-" + std::to_string(id);
  watch.kind = "positions";
  watch.request.story = id;
  ASSIGN_OR_RETURN(std::vector<SavedSearch> saved, ListSavedSearches(writable));
  bool known = false;
  for (const SavedSearch& s : saved) {
    if (s.name != watch.name) continue;
    if (s.kind != watch.kind || s.request.story != id ||
        !s.request.query.empty())
      return InvalidArgumentError("an alert named " + watch.name +
                                  " exists and watches something else");
    known = true;
  }
  if (!known) RETURN_IF_ERROR(AddSavedSearch(writable, watch));
  return json{{"name", watch.name},
              {"story", id},
              {"kind", watch.kind},
              {"created", !known}};
}

// Saved searches (`marsad alert`, src/watch/alerts.h) with what they match.
// A store that cannot list them (a read-only store of a schema before
// saved searches) lists none.
StatusOr<json> Api::Alerts() {
  StatusOr<std::vector<SavedSearchRow>> saved = store_->ListSavedSearches();
  json items = json::array();
  if (!saved.ok()) return json{{"items", std::move(items)}};
  for (const SavedSearchRow& a : *saved) {
    json f = json::parse(a.filters, nullptr, false);
    if (!f.is_object()) f = json::object();
    SearchRequest r;
    r.query = a.query;
    r.outlet = f.value("outlet", "");
    r.from = f.value("from", "");
    r.to = f.value("to", "");
    r.story = f.value("story", int64_t{0});
    r.entity = f.value("entity", "");
    r.event_type = f.value("event_type", "");
    r.page = Page{200, 0};
    ASSIGN_OR_RETURN(SearchResults all, store_->Search(r));
    SearchRequest unreported = r;
    unreported.after_id = a.last_article_id;
    unreported.page = Page{1, 0};
    ASSIGN_OR_RETURN(SearchResults fresh, store_->Search(unreported));
    std::sort(all.hits.begin(), all.hits.end(),
              [](const SearchHit& x, const SearchHit& y) {
                return x.article_id > y.article_id;
              });
    json latest = json::array();
    for (size_t i = 0; i < all.hits.size() && i < 5; ++i) {
      const SearchHit& h = all.hits[i];
      latest.push_back({{"article_id", h.article_id},
                        {"story_id", h.story_id ? json(h.story_id) : json()},
                        {"title", h.title},
                        {"outlet", h.outlet},
                        {"published", h.published},
                        {"reported", h.article_id <= a.last_article_id}});
    }
    items.push_back({{"name", a.name},
                     {"query", a.query},
                     {"filters", f},
                     {"created_at", a.created_at},
                     {"reported_up_to", a.last_article_id},
                     {"matches", all.total},
                     {"unreported", fresh.total},
                     {"latest", std::move(latest)}});
  }
  return json{{"items", std::move(items)}};
}

StatusOr<json> Api::Entities(const Params& p) {
  ASSIGN_OR_RETURN(int64_t limit, GetInt(p, "limit", 50, 1, 200));
  ASSIGN_OR_RETURN(int64_t offset, GetInt(p, "offset", 0, 0, 100000));
  ASSIGN_OR_RETURN(Listing<EntityRow> found,
                   store_->ListEntities(Get(p, "q"), Get(p, "type"),
                                        Page{int(limit), int(offset)}));
  json items = json::array();
  for (const EntityRow& e : found.items) items.push_back(EntityJson(e));
  return PageJson(found.total, limit, offset, std::move(items));
}

StatusOr<json> Api::Entity(const std::string& id, const Params& p) {
  ASSIGN_OR_RETURN(int64_t limit, GetInt(p, "limit", 50, 1, 200));
  ASSIGN_OR_RETURN(int64_t offset, GetInt(p, "offset", 0, 0, 100000));
  ASSIGN_OR_RETURN(std::optional<EntityRow> row, store_->GetEntity(id));
  if (!row) return NotFoundError("no entity " + id);
  json entity = EntityJson(*row);
  json variants = json::array();
  ASSIGN_OR_RETURN(std::vector<TextCount> spellings,
                   store_->ListEntityVariants(id, 50));
  for (const TextCount& v : spellings) {
    variants.push_back({{"text", v.text}, {"count", v.count}});
  }
  ASSIGN_OR_RETURN(
      Listing<ArticleMentions> arts,
      store_->ListEntityArticles(id, Page{int(limit), int(offset)}));
  json items = json::array();
  for (const ArticleMentions& a : arts.items) {
    ASSIGN_OR_RETURN(auto d, store_->GetArticle(a.article_id, false));
    if (!d) continue;
    json m = MetadataToJson(*d);
    m["mentions"] = a.mentions;
    items.push_back(std::move(m));
  }
  json related = json::array();
  ASSIGN_OR_RETURN(std::vector<EntityRow> near,
                   store_->ListRelatedEntities(id, 20));
  for (const EntityRow& e : near) {
    json j = EntityJson(e);
    j["shared_articles"] = e.shared_articles;
    related.push_back(std::move(j));
  }
  return json{
      {"entity", entity},
      {"variants", variants},
      {"articles", PageJson(arts.total, limit, offset, std::move(items))},
      {"related", related}};
}

StatusOr<json> Api::Events(const Params& p) {
  ASSIGN_OR_RETURN(int64_t limit, GetInt(p, "limit", 50, 1, 200));
  ASSIGN_OR_RETURN(int64_t offset, GetInt(p, "offset", 0, 0, 100000));
  ASSIGN_OR_RETURN(int64_t story, GetInt(p, "story", 0, 0, INT64_MAX));
  EventFilter filter{Get(p, "type"), Get(p, "from"), Get(p, "to"), story};
  ASSIGN_OR_RETURN(Listing<EventRow> found,
                   store_->ListEvents(filter, Page{int(limit), int(offset)}));
  json items = json::array();
  for (const EventRow& e : found.items) {
    items.push_back({{"article_id", e.article_id},
                     {"idx", e.idx},
                     {"plover", e.plover},
                     {"mode", e.mode},
                     {"date", Opt(e.date)},
                     {"location", Opt(e.location)},
                     {"lat", NullableDouble(e.lat)},
                     {"lon", NullableDouble(e.lon)},
                     {"title", e.title},
                     {"outlet", e.outlet},
                     {"story_id", e.story_id ? json(*e.story_id) : json()}});
  }
  return PageJson(found.total, limit, offset, std::move(items));
}

StatusOr<json> Api::Timeline(const Params& p) {
  ASSIGN_OR_RETURN(int64_t story, GetInt(p, "story", 0, 0, INT64_MAX));
  ASSIGN_OR_RETURN(std::vector<DayCount> days,
                   store_->ListTimeline(
                       EventFilter{"", Get(p, "from"), Get(p, "to"), story}));
  json items = json::array();
  for (const DayCount& d : days) {
    items.push_back(
        {{"date", d.date}, {"articles", d.articles}, {"stories", d.stories}});
  }
  return json{{"bucket", "day"}, {"items", std::move(items)}};
}

StatusOr<json> Api::Places(const Params& p) {
  ASSIGN_OR_RETURN(int64_t limit, GetInt(p, "limit", 500, 1, 2000));
  ASSIGN_OR_RETURN(int64_t story, GetInt(p, "story", 0, 0, INT64_MAX));
  auto point = [](double lon, double lat, json properties) {
    return json{{"type", "Feature"},
                {"geometry", {{"type", "Point"}, {"coordinates", {lon, lat}}}},
                {"properties", std::move(properties)}};
  };
  json features = json::array();
  const EventFilter window{"", Get(p, "from"), Get(p, "to"), story};
  ASSIGN_OR_RETURN(std::vector<PlacePoint> places,
                   store_->ListPlaces(window, int(limit)));
  for (const PlacePoint& s : places) {
    features.push_back(point(s.lon, s.lat,
                             {{"kind", "place"},
                              {"entity_id", s.entity_id},
                              {"name", s.name},
                              {"mentions", s.mentions}}));
  }
  ASSIGN_OR_RETURN(std::vector<EventPoint> events,
                   store_->ListEventPoints(window, int(limit)));
  for (const EventPoint& e : events) {
    features.push_back(point(e.lon, e.lat,
                             {{"kind", "event"},
                              {"article_id", e.article_id},
                              {"plover", e.plover},
                              {"mode", e.mode},
                              {"date", e.date},
                              {"name", e.location}}));
  }
  return json{{"type", "FeatureCollection"}, {"features", std::move(features)}};
}

// Issue 27: the points of a story with their timelines, and its brief.
StatusOr<json> Api::Points(int64_t id, const Params& p) {
#if MARSAD_HAVE_FACTS
  ASSIGN_OR_RETURN(int64_t limit, GetInt(p, "limit", 30, 1, 1000));
  ASSIGN_OR_RETURN(auto story, store_->GetStory(id));
  if (!story) return NotFoundError("no story " + std::to_string(id));
  ASSIGN_OR_RETURN(std::shared_ptr<const CachedStory> cached,
                   StoryOf(cache_.get(), store_.get(), *facts_, *story));
  if (limit == 30) return cached->DefaultPoints();
  ASSIGN_OR_RETURN(const StoryDossier* dossier,
                   cached->Dossier(store_.get(), *facts_));
  return PointsJsonUtf16(*dossier, static_cast<size_t>(limit));
#else
  return UnavailableError("built without the comparison (src/facts)");
#endif
}

StatusOr<std::string> Api::Brief(int64_t id, const std::string& format) {
  if (format != "html" && format != "md")
    return InvalidArgumentError("format must be html or md");
#if MARSAD_HAVE_FACTS
  ASSIGN_OR_RETURN(auto story, store_->GetStory(id));
  if (!story) return NotFoundError("no story " + std::to_string(id));
  ASSIGN_OR_RETURN(std::shared_ptr<const CachedStory> cached,
                   StoryOf(cache_.get(), store_.get(), *facts_, *story));
  return cached->Brief(format);
#else
  return UnavailableError("built without the comparison (src/facts)");
#endif
}

}  // namespace marsad
