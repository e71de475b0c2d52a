// marsad export [--db FILE] --what
// articles|stories|entities|events|quotes|claims|points
//               [--format jsonl|csv|acled]
// Stable fields, documented in README.md ("Export fields").
//
// Stories carry their related stories with how each relates in time
// (StoryRelation: follow_up, earlier, concurrent, as the API and `marsad
// show` say) and their thread: the smallest story id of the long-running
// topic the story belongs to (src/story/threads.h: related stories whose
// first reports score >= kThreadThreshold against each other, as the ingest
// stored it), its own id when it is in no thread.
//
// Points are the story comparison (src/facts/compare.h) of every story, in
// the shape of the API and `marsad story --json`: JSON Lines has one line per
// point, {story, rank, kind, label, about, scope, contested, timeline,
// sources, positions:[{value, label, slot, min, max, approximate, modality,
// source, outlets, reports, articles, first_seen, first_article, claims}],
// conflicts}, every position and claim included; CSV has one row per
// position, with its first claim's span and words.
#include <fmt/core.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <set>
#include <unordered_map>

#include "src/base/document_json.h"
#include "src/facts/compare.h"
#include "src/facts/lexicon.h"
#include "src/server/api.h"
#include "src/story/threads.h"
#include "tools/marsad/commands.h"
#include "tools/marsad/print.h"

namespace marsad {

namespace {

using json = nlohmann::json;

std::string CsvField(const json& v) {
  std::string s = v.is_string() ? v.get<std::string>()
                  : v.is_null() ? ""
                                : v.dump();
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// Writes rows as JSON Lines or CSV (header from `columns`).
class RowWriter {
 public:
  RowWriter(std::string format, std::vector<std::string> columns)
      : format_(std::move(format)), columns_(std::move(columns)) {
    if (format_ != "jsonl") {
      for (size_t i = 0; i < columns_.size(); ++i) {
        std::cout << (i ? "," : "") << columns_[i];
      }
      std::cout << "\n";
    }
  }
  void Write(const json& row) {
    if (format_ == "jsonl") {
      std::cout << row.dump() << "\n";
      return;
    }
    for (size_t i = 0; i < columns_.size(); ++i) {
      std::cout << (i ? "," : "") << CsvField(row.value(columns_[i], json()));
    }
    std::cout << "\n";
  }

 private:
  std::string format_;
  std::vector<std::string> columns_;
};

std::string Surface(const Document& d, Span s) {
  if (s.end > d.text.size() || s.empty()) return "";
  return std::string(s.In(d.text));
}

json ArticleRow(const Document& d) {
  json j = MetadataToJson(d);
  j["text"] = d.text;
  return j;
}

Status ExportArticles(Store& store, const std::string& format) {
  RowWriter w(format, {"id", "source", "outlet", "title", "published", "url",
                       "author", "agency", "story", "duplicate_of", "text"});
  return store.ForEachArticle(
      [&](const Document& d) { w.Write(ArticleRow(d)); });
}

// Every story row, in id order.
StatusOr<std::vector<StoryRow>> AllStories(Store& store) {
  std::vector<StoryRow> rows;
  for (int offset = 0;; offset += 1000) {
    ASSIGN_OR_RETURN(auto page, store.ListStories(Page{1000, offset}));
    for (StoryRow& s : page) rows.push_back(std::move(s));
    if (page.size() < 1000) break;
  }
  std::sort(rows.begin(), rows.end(),
            [](const StoryRow& a, const StoryRow& b) { return a.id < b.id; });
  return rows;
}

// Every related link of the store, with whether its two stories are one
// thread (ThreadScore of their first reports): what the ingest decides as
// it writes a link, decided again over the whole archive.
StatusOr<std::vector<StoryLink>> ThreadLinksOfStore(Store& store) {
  ASSIGN_OR_RETURN(std::vector<StoryRow> rows, AllStories(store));
  std::unordered_map<int64_t, StoryFeatures> anchors;
  RETURN_IF_ERROR(store.ForEachRecent("", [&](const Document& d) {
    if (!d.story_id || anchors.count(d.story_id)) return;
    auto f = StoryFeatures::Deserialize(d.story_features);
    if (f.ok()) anchors.emplace(d.story_id, std::move(*f));
  }));
  std::vector<StoryLink> links;
  for (const StoryRow& s : rows) {
    auto a = anchors.find(s.id);
    for (int64_t r : s.related) {
      if (r <= s.id) continue;  // each link once, from its smaller end
      auto b = anchors.find(r);
      const double score = a != anchors.end() && b != anchors.end()
                               ? ThreadScore(a->second, b->second)
                               : 0;
      links.push_back({s.id, r, 0, ThreadLink{ThreadLinkKind(score)}, score});
    }
  }
  return links;
}

Status ExportStories(Store& store, const std::string& format) {
  RowWriter w(format,
              {"id", "title", "articles", "outlets", "first_seen", "last_seen",
               "related", "related_stories", "thread", "thread_stories"});
  ASSIGN_OR_RETURN(std::vector<StoryRow> rows, AllStories(store));
  std::unordered_map<int64_t, const StoryRow*> by_id;
  for (const StoryRow& s : rows) by_id[s.id] = &s;
  for (const StoryRow& s : rows) {
    json row = StoryToJson(s);
    json related = json::array();
    for (int64_t r : s.related) {
      auto it = by_id.find(r);
      if (it == by_id.end()) continue;
      const StoryRow& o = *it->second;
      related.push_back({{"id", r},
                         {"relation", StoryRelation(s.first_seen, s.last_seen,
                                                    o.first_seen, o.last_seen)},
                         {"thread", o.thread == s.thread}});
    }
    row["related_stories"] = std::move(related);
    ASSIGN_OR_RETURN(Listing<StorySummary> thread,
                     store.ListThreadStories(s.thread, Page{0, 0}));
    row["thread"] = s.thread;
    row["thread_stories"] = std::max<int64_t>(thread.total, 1);
    w.Write(row);
  }
  return Status::OK();
}

Status ExportEntities(Store& store, const std::string& format) {
  struct Agg {
    std::string name, type;
    std::set<std::string> variants;
    int64_t mentions = 0;
    std::set<int64_t> stories;
    std::optional<double> lat, lon;
  };
  std::map<std::string, Agg> by_id;
  RETURN_IF_ERROR(store.ForEachArticle([&](const Document& d) {
    for (const EntityMention& e : d.entities) {
      if (e.entity_id.empty()) continue;
      Agg& a = by_id[e.entity_id];
      a.name = e.canonical.empty() ? e.text : e.canonical;
      a.type = EntityTypeName(e.type);
      a.variants.insert(e.text);
      ++a.mentions;
      if (d.story_id) a.stories.insert(d.story_id);
      if (e.lat) a.lat = e.lat, a.lon = e.lon;
    }
  }));
  RowWriter w(format, {"id", "name", "type", "variants", "mentions", "stories",
                       "lat", "lon"});
  for (const auto& [id, a] : by_id) {
    w.Write({{"id", id},
             {"name", a.name},
             {"type", a.type},
             {"variants", a.variants},
             {"mentions", a.mentions},
             {"stories", a.stories},
             {"lat", a.lat ? json(*a.lat) : json()},
             {"lon", a.lon ? json(*a.lon) : json()}});
  }
  return Status::OK();
}

Status ExportQuotes(Store& store, const std::string& format) {
  RowWriter w(format, {"article", "story", "outlet", "speaker", "via", "direct",
                       "cue", "content", "begin", "end"});
  return store.ForEachArticle([&](const Document& d) {
    for (const Quote& q : d.quotes) {
      w.Write({{"article", d.id},
               {"story", d.story_id},
               {"outlet", d.outlet},
               {"speaker", q.speaker},
               {"via", q.via},
               {"direct", q.direct},
               {"cue", Surface(d, q.cue)},
               {"content", Surface(d, q.content)},
               {"begin", q.content.begin},
               {"end", q.content.end}});
    }
  });
}

Status ExportClaims(Store& store, const std::string& format) {
  RowWriter w(format,
              {"article", "story", "outlet", "slot", "value", "min", "max",
               "approximate", "speaker", "modality", "begin", "end", "words"});
  return store.ForEachArticle([&](const Document& d) {
    for (const Claim& c : d.claims) {
      w.Write({{"article", d.id},
               {"story", d.story_id},
               {"outlet", d.outlet},
               {"slot", c.slot},
               {"value", c.value},
               {"min", c.min},
               {"max", c.max},
               {"approximate", c.approximate},
               {"speaker", c.speaker},
               {"modality", c.modality},
               {"begin", c.span.begin},
               {"end", c.span.end},
               {"words", Surface(d, c.span)}});
    }
  });
}

// The comparison of one story's reports, as `marsad story` makes it.
StatusOr<Comparison> CompareStoryIn(Store& store, const FactsLexicon& lexicon,
                                    const StoryRow& s) {
  std::vector<Document> docs;
  docs.reserve(s.articles.size());
  for (int64_t a : s.articles) {
    ASSIGN_OR_RETURN(auto d, store.GetArticle(a, false));
    if (d) docs.push_back(std::move(*d));
  }
  std::vector<const Document*> ptrs;
  for (const Document& d : docs) ptrs.push_back(&d);
  return CompareStory(lexicon, ptrs);
}

std::string Joined(const json& list) {
  std::string s;
  for (const json& x : list)
    s += (s.empty() ? "" : "; ") + x.get<std::string>();
  return s;
}

void WritePoints(int64_t story, const json& points, const std::string& format,
                 RowWriter& w) {
  int rank = 0;
  for (const json& p : points) {
    ++rank;
    if (format == "jsonl") {
      json row = {{"story", story}, {"rank", rank}};
      row.update(p);
      w.Write(row);
      continue;
    }
    int k = 0;
    for (const json& pos : p["positions"]) {
      const json& first =
          pos["claims"].empty() ? json::object() : pos["claims"][0];
      json span = first.value("span", json::object());
      w.Write({{"story", story},
               {"rank", rank},
               {"kind", p["kind"]},
               {"label", p["label"]},
               {"about", p["about"]},
               {"scope", p["scope"]},
               {"contested", p["contested"]},
               {"timeline", p["timeline"]},
               {"position", k++},
               {"value", pos["value"]},
               {"value_label", pos["label"]},
               {"modality", pos["modality"]},
               {"source", pos["source"]},
               {"outlets", Joined(pos["outlets"])},
               {"reports", pos["reports"]},
               {"first_seen", pos["first_seen"]},
               {"first_article", pos["first_article"]},
               {"article", first.value("article", json())},
               {"begin", span.value("begin", json())},
               {"end", span.value("end", json())},
               {"words", first.value("text", json())}});
    }
  }
}

Status ExportPoints(Store& store, const std::string& format) {
  ASSIGN_OR_RETURN(auto lexicon, FactsLexicon::Load());
  RowWriter w(format, {"story",         "rank",    "kind",        "label",
                       "about",         "scope",   "contested",   "timeline",
                       "position",      "value",   "value_label", "modality",
                       "source",        "outlets", "reports",     "first_seen",
                       "first_article", "article", "begin",       "end",
                       "words"});
  for (int offset = 0;; offset += 1000) {
    ASSIGN_OR_RETURN(auto page, store.ListStories(Page{1000, offset}));
    for (const StoryRow& s : page) {
      ASSIGN_OR_RETURN(Comparison c, CompareStoryIn(store, *lexicon, s));
      if (c.points.empty()) continue;
      WritePoints(s.id, ComparisonToJson(c)["points"], format, w);
    }
    if (page.size() < 1000) break;
  }
  return Status::OK();
}

int64_t Killed(const Event& e) {
  for (const Casualty& c : e.casualties) {
    if (c.kind == "killed") return static_cast<int64_t>(c.number.min);
  }
  return 0;
}

Status ExportEvents(Store& store, const std::string& format) {
  const bool acled = format == "acled";
  std::vector<std::string> cols =
      acled ? std::vector<std::string>{"event_id_cnty", "event_date",
                                       "event_type",    "sub_event_type",
                                       "actor1",        "actor2",
                                       "location",      "latitude",
                                       "longitude",     "source",
                                       "notes",         "fatalities"}
            : std::vector<std::string>{
                  "article",    "story",      "outlet",        "plover",
                  "mode",       "acled_type", "acled_subtype", "actor",
                  "target",     "location",   "date",          "modality",
                  "casualties", "begin",      "end",           "words"};
  RowWriter w(acled ? "csv" : format, cols);
  return store.ForEachArticle([&](const Document& d) {
    for (size_t i = 0; i < d.events.size(); ++i) {
      const Event& e = d.events[i];
      if (acled) {
        std::optional<double> lat, lon;
        for (const EntityMention& m : d.entities) {
          if (m.lat && !e.location_span.empty() &&
              m.span.begin <= e.location_span.begin &&
              e.location_span.end <= m.span.end) {
            lat = m.lat, lon = m.lon;
          }
        }
        w.Write({{"event_id_cnty", fmt::format("MARSAD{}-{}", d.id, i)},
                 {"event_date",
                  e.date.empty() ? d.published.substr(0, 10) : e.date},
                 {"event_type", e.acled_type},
                 {"sub_event_type", e.acled_subtype},
                 {"actor1", e.actor},
                 {"actor2", e.target},
                 {"location", e.location},
                 {"latitude", lat ? json(*lat) : json()},
                 {"longitude", lon ? json(*lon) : json()},
                 {"source", d.outlet},
                 {"notes", Surface(d, e.sentence)},
                 {"fatalities", Killed(e)}});
        continue;
      }
      json cas = json::array();
      for (const Casualty& c : e.casualties) {
        cas.push_back({{"kind", c.kind},
                       {"min", c.number.min},
                       {"max", c.number.max},
                       {"approximate", c.number.approximate}});
      }
      w.Write({{"article", d.id},
               {"story", d.story_id},
               {"outlet", d.outlet},
               {"plover", e.plover},
               {"mode", e.mode},
               {"acled_type", e.acled_type},
               {"acled_subtype", e.acled_subtype},
               {"actor", e.actor},
               {"target", e.target},
               {"location", e.location},
               {"date", e.date},
               {"modality", e.modality},
               {"casualties", cas},
               {"begin", e.sentence.begin},
               {"end", e.sentence.end},
               {"words", Surface(d, e.sentence)}});
    }
  });
}

}  // namespace

void AddRethreadCommand(CLI::App& app, CommandFn* run) {
  auto* cmd = app.add_subcommand(
      "rethread",
      "Find the threads of the stories already stored (a store ingested "
      "before marsad kept threads, or after a change of the thread rule)");
  auto db = std::make_shared<std::string>(DefaultDbPath());
  cmd->add_option("--db", *db, "Database file or postgresql:// URL");
  cmd->callback([=] {
    *run = [=]() -> int {
      auto store = OpenStoreOrPrint(*db, /*read_only=*/false);
      if (!store) return 1;
      auto links = ThreadLinksOfStore(*store);
      if (!links.ok()) return PrintError(links.status());
      // In batches of links (each its own transaction): a kill leaves whole
      // batches, and a re-run writes the same flags again.
      constexpr size_t kBatch = 2000;
      size_t thread_links = 0;
      for (size_t i = 0; i < links->size(); i += kBatch) {
        std::vector<StoryLink> part(
            links->begin() + i,
            links->begin() + std::min(links->size(), i + kBatch));
        for (const StoryLink& l : part)
          thread_links += l.thread == ThreadLink::kThread;
        Status st = store->WriteBatch({}, {}, part);
        if (!st.ok()) return PrintError(st);
      }
      std::cout << fmt::format("{} related links, {} of them in a thread\n",
                               links->size(), thread_links);
      return 0;
    };
  });
}

void AddExportCommand(CLI::App& app, CommandFn* run) {
  auto* cmd = app.add_subcommand("export", "Export articles, stories or facts");
  auto db = std::make_shared<std::string>(DefaultDbPath());
  auto what = std::make_shared<std::string>("articles");
  auto format = std::make_shared<std::string>("jsonl");
  cmd->add_option("--db", *db, "Database file");
  cmd->add_option("--what", *what, "What to export")
      ->check(CLI::IsMember({"articles", "stories", "entities", "events",
                             "quotes", "claims", "points"}));
  cmd->add_option("--format", *format, "jsonl, csv, or acled (events only)")
      ->check(CLI::IsMember({"jsonl", "csv", "acled"}));
  cmd->callback([=] {
    *run = [=]() -> int {
      if (*format == "acled" && *what != "events") {
        std::cerr << "marsad export: --format acled is for --what events\n";
        return 2;
      }
      auto store = OpenStoreOrPrint(*db, true);
      if (!store) return 1;
      Status st;
      if (*what == "articles")
        st = ExportArticles(*store, *format);
      else if (*what == "stories")
        st = ExportStories(*store, *format);
      else if (*what == "entities")
        st = ExportEntities(*store, *format);
      else if (*what == "events")
        st = ExportEvents(*store, *format);
      else if (*what == "quotes")
        st = ExportQuotes(*store, *format);
      else if (*what == "points")
        st = ExportPoints(*store, *format);
      else
        st = ExportClaims(*store, *format);
      return st.ok() ? 0 : PrintError(st);
    };
  });
}

}  // namespace marsad
