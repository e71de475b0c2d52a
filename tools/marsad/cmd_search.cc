// marsad search [--db FILE] [--json] QUERY [filters]: full-text search with
// marsad's Arabic analysis. Query syntax: words (AND), "phrases", prefix*,
// -excluded; a Latin name also finds its Arabic spellings.
#include <fmt/core.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "src/base/document_json.h"
#include "tools/marsad/commands.h"
#include "tools/marsad/print.h"

namespace marsad {

namespace {

// The snippet with matched words marked «like this» for a terminal.
std::string MarkedSnippet(const SearchHit& h) {
  std::string out;
  size_t pos = h.snippet_span.begin;
  for (const Span& s : h.highlights) {
    if (s.begin < pos || s.end > h.snippet_span.end) continue;
    out += h.snippet.substr(pos - h.snippet_span.begin, s.begin - pos);
    out +=
        "«" + h.snippet.substr(s.begin - h.snippet_span.begin, s.size()) + "»";
    pos = s.end;
  }
  out += h.snippet.substr(pos - h.snippet_span.begin);
  for (char& c : out) {
    if (c == '\n') c = ' ';
  }
  return out;
}

nlohmann::json HitToJson(const SearchHit& h) {
  nlohmann::json hl = nlohmann::json::array();
  for (const Span& s : h.highlights) hl.push_back(SpanToJson(s));
  return {{"article_id", h.article_id},
          {"story_id", h.story_id},
          {"title", h.title},
          {"outlet", h.outlet},
          {"published", h.published},
          {"score", h.score},
          {"snippet", h.snippet},
          {"snippet_span", SpanToJson(h.snippet_span)},
          {"highlights", hl}};
}

}  // namespace

void AddSearchCommand(CLI::App& app, CommandFn* run) {
  auto* cmd =
      app.add_subcommand("search", "Search articles (Arabic-aware, BM25)");
  auto db = std::make_shared<std::string>(DefaultDbPath());
  auto json_out = std::make_shared<bool>(false);
  auto req = std::make_shared<SearchRequest>();
  req->page.limit = 20;
  auto query = std::make_shared<std::vector<std::string>>();
  cmd->add_option("--db", *db, "Database file");
  cmd->add_flag("--json", *json_out, "Print JSON");
  cmd->add_option("--outlet", req->outlet, "Only this outlet");
  cmd->add_option("--from", req->from, "From this ISO date");
  cmd->add_option("--to", req->to, "Up to this ISO date");
  cmd->add_option("--story", req->story, "Only this story id");
  cmd->add_option("--entity", req->entity,
                  "Only articles mentioning this entity id");
  cmd->add_option("--event-type", req->event_type,
                  "Only articles with this PLOVER event type");
  cmd->add_option("--limit", req->page.limit, "Results per page");
  cmd->add_option("--offset", req->page.offset, "Skip this many results");
  cmd->add_option("QUERY", *query, "Words, \"phrases\", prefix*, -excluded");
  cmd->callback([=] {
    *run = [=]() -> int {
      std::string q;
      for (const std::string& w : *query) q += (q.empty() ? "" : " ") + w;
      req->query = q;
      auto store = OpenStoreOrPrint(*db, true);
      if (!store) return 1;
      auto res = store->Search(*req);
      if (!res.ok()) {
        if (res.status().code() == StatusCode::kInvalidArgument) {
          std::cerr << "marsad search: " << res.status().message() << "\n";
          return 2;
        }
        return PrintError(res.status());
      }
      if (*json_out) {
        nlohmann::json items = nlohmann::json::array();
        for (const SearchHit& h : res->hits) items.push_back(HitToJson(h));
        std::cout << nlohmann::json{{"query", q},
                                    {"total", res->total},
                                    {"items", items}}
                         .dump(2)
                  << "\n";
        return 0;
      }
      std::cout << fmt::format("{} result{}\n", res->total,
                               res->total == 1 ? "" : "s");
      for (const SearchHit& h : res->hits) {
        std::cout << fmt::format(
            "\na{} (story s{}) {} — {} {}\n  {}\n", h.article_id, h.story_id,
            h.title.empty() ? "(untitled)" : h.title, h.outlet,
            h.published.substr(0, 10), MarkedSnippet(h));
      }
      return 0;
    };
  });
}

}  // namespace marsad
