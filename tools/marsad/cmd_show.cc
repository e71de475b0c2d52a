// marsad show [--db FILE] [--json] ID: one story (its reports) or one article
// (metadata and clean text). IDs are "s12"/"a34", or a bare number, which is
// a story if one has that id, else an article.
#include <fmt/core.h>

#include <iostream>

#include "src/base/document_json.h"
#include "src/server/api.h"
#include "tools/marsad/commands.h"
#include "tools/marsad/print.h"

namespace marsad {

namespace {

int ShowArticle(Store& store, int64_t id, bool json_out) {
  auto a = store.GetArticle(id, false);
  if (!a.ok()) return PrintError(a.status());
  if (!a->has_value())
    return PrintError(NotFoundError("no article " + std::to_string(id)));
  const Document& d = **a;
  if (json_out) {
    nlohmann::json j = MetadataToJson(d);
    j["text"] = d.text;
    j["analysis"] = AnalysisToJson(d);
    std::cout << j.dump(2) << "\n";
    return 0;
  }
  std::cout << fmt::format("article {}\n", d.id);
  auto field = [](const char* name, const std::string& v) {
    if (!v.empty()) std::cout << fmt::format("  {:<11} {}\n", name, v);
  };
  field("title", d.title);
  field("outlet", d.outlet);
  field("agency", d.agency);
  field("author", d.author);
  field("published", d.published);
  field("url", d.url);
  field("source", d.source);
  if (d.story_id) field("story", std::to_string(d.story_id));
  if (d.duplicate_of) field("copy of", std::to_string(d.duplicate_of));
  std::cout << "\n" << d.text << "\n";
  return 0;
}

struct RelatedLine {
  int64_t id = 0;
  std::string title, relation, label;
  int64_t reports = 0;
  bool in_thread = false;
};

std::string RelationLabel(const std::string& relation) {
  return relation == "follow_up" ? "تطور لاحق"
         : relation == "earlier" ? "سبقها"
                                 : "في الوقت نفسه";
}

std::vector<RelatedLine> RelatedLines(Store& store, const StoryRow& s) {
  std::vector<RelatedLine> out;
  for (int64_t r : s.related) {
    auto row = store.GetStorySummary(r);
    if (!row.ok() || !row->has_value()) continue;
    const StorySummary& o = **row;
    RelatedLine line{
        o.id,
        o.title,
        StoryRelation(s.first_seen, s.last_seen, o.first_seen, o.last_seen),
        "",
        o.article_count,
        o.thread == (s.thread ? s.thread : s.id)};
    line.label = RelationLabel(line.relation);
    out.push_back(std::move(line));
  }
  return out;
}

// The newest stories of the story's thread (itself among them), and how
// many it holds; empty when the story is in no thread.
constexpr int kThreadLines = 24;
Listing<StorySummary> ThreadOf(Store& store, const StoryRow& s) {
  auto t = store.ListThreadStories(s.thread ? s.thread : s.id,
                                   Page{kThreadLines, 0});
  if (!t.ok() || t->total < 2) return {};
  return std::move(*t);
}

int ShowStory(Store& store, const StoryRow& s, bool json_out) {
  const Listing<StorySummary> thread = ThreadOf(store, s);
  if (json_out) {
    nlohmann::json j = StoryToJson(s);
    nlohmann::json rel = nlohmann::json::array();
    for (const RelatedLine& r : RelatedLines(store, s)) {
      rel.push_back({{"id", r.id},
                     {"title", r.title},
                     {"reports", r.reports},
                     {"relation", r.relation},
                     {"in_thread", r.in_thread}});
    }
    j["related_stories"] = rel;
    nlohmann::json members = nlohmann::json::array();
    for (const StorySummary& m : thread.items) {
      members.push_back({{"id", m.id},
                         {"title", m.title},
                         {"reports", m.article_count},
                         {"first_seen", m.first_seen},
                         {"last_seen", m.last_seen}});
    }
    j["thread_stories"] = thread.total ? thread.total : 1;
    j["thread_members"] = members;
    nlohmann::json arts = nlohmann::json::array();
    for (int64_t id : s.articles) {
      auto a = store.GetArticle(id, false);
      if (a.ok() && a->has_value()) arts.push_back(MetadataToJson(**a));
    }
    j["reports"] = arts;
    std::cout << j.dump(2) << "\n";
    return 0;
  }
  PrintStoryLine(s, std::cout);
  for (int64_t id : s.articles) {
    auto a = store.GetArticle(id, false);
    if (!a.ok() || !a->has_value()) continue;
    const Document& d = **a;
    std::cout << fmt::format(
        "  a{:<6} {:<10} {:<22} {}{}\n", d.id, d.published.substr(0, 10),
        d.outlet.empty() ? "-" : d.outlet, d.title,
        d.duplicate_of ? fmt::format(" (copy of a{})", d.duplicate_of) : "");
  }
  // Related stories with how they relate in time, in the web UI's words: a
  // follow-up (began after this one ended), an earlier story, or the same
  // thread (they overlap).
  if (!s.related.empty()) std::cout << "  related stories:\n";
  for (const RelatedLine& r : RelatedLines(store, s)) {
    std::cout << fmt::format("    s{:<6} {:<14} {} ({}){}\n", r.id, r.label,
                             r.title, r.reports,
                             r.in_thread ? " [thread]" : "");
  }
  // The long-running topic: its stories, newest first, this one marked.
  if (thread.total > 1) {
    std::cout << fmt::format(
        "  thread t{} ({} stories{}):\n", s.thread ? s.thread : s.id,
        thread.total,
        thread.total > int64_t(thread.items.size())
            ? fmt::format(", newest {} shown", thread.items.size())
            : "");
    for (const StorySummary& m : thread.items) {
      std::cout << fmt::format(
          "    s{:<6} {:<10} {} ({}){}\n", m.id, m.last_seen.substr(0, 10),
          m.title, m.article_count, m.id == s.id ? " <- this story" : "");
    }
  }
  return 0;
}

}  // namespace

void AddShowCommand(CLI::App& app, CommandFn* run) {
  auto* cmd = app.add_subcommand("show", "Show one story or one article");
  auto db = std::make_shared<std::string>(DefaultDbPath());
  auto json_out = std::make_shared<bool>(false);
  auto id = std::make_shared<std::string>();
  cmd->add_option("--db", *db, "Database file");
  cmd->add_flag("--json", *json_out, "Print JSON");
  cmd->add_option("ID", *id, "s<N> for a story, a<N> for an article, or N")
      ->required();
  cmd->callback([=] {
    *run = [=]() -> int {
      char kind = 0;
      std::string digits = *id;
      if (!digits.empty() && (digits[0] == 's' || digits[0] == 'a')) {
        kind = digits[0];
        digits.erase(0, 1);
      }
      int64_t n = 0;
      try {
        n = std::stoll(digits);
      } catch (...) {
        std::cerr << "marsad show: bad ID '" << *id << "'\n";
        return 2;
      }
      auto store = OpenStoreOrPrint(*db, true);
      if (!store) return 1;
      if (kind != 'a') {
        auto s = store->GetStory(n);
        if (!s.ok()) return PrintError(s.status());
        if (s->has_value()) return ShowStory(*store, **s, *json_out);
        if (kind == 's') return PrintError(NotFoundError("no story " + digits));
      }
      return ShowArticle(*store, n, *json_out);
    };
  });
}

}  // namespace marsad
