// marsad watch [--db FILE] SOURCE... | --status
// SOURCE: an RSS/Atom feed URL, a sitemap (or sitemap index) URL, a folder,
// or @FILE listing sources one per line. Runs until SIGINT/SIGTERM.
#include <csignal>
#include <iostream>

#include "marsad/store.h"
#include "src/facts/lexicon.h"
#include "src/pipeline/resources.h"
#include "src/server/kept_answers.h"
#include "src/watch/alerts.h"
#include "src/watch/watch.h"
#include "tools/marsad/commands.h"
#include "tools/marsad/print.h"

namespace marsad {

namespace {
std::atomic<bool> g_stop{false};
void OnSignal(int) { g_stop = true; }

// Keeps the answers of the stories of the reports stored after *upto and
// moves *upto on; a failure is said and the watch goes on (the server then
// computes those answers on first view).
void KeepAfterCycle(const std::string& db, const FactsLexicon& lexicon,
                    int64_t* upto) {
  auto store = OpenStoreOrPrint(db, /*read_only=*/false);
  if (!store) return;
  auto max = store->MaxArticleId();
  auto kept = KeepAnswersSince(store.get(), lexicon, *upto, AnswerMaker());
  if (!kept.ok() || !max.ok()) {
    std::cerr << "marsad watch: answers not kept: "
              << (kept.ok() ? max.status() : kept.status()).ToString() << "\n";
    return;
  }
  *upto = *max;
  if (*kept > 0)
    std::cout << "kept the answers of " << *kept << " stories" << std::endl;
}
}  // namespace

void AddWatchCommand(CLI::App& app, CommandFn* run) {
  auto* cmd = app.add_subcommand(
      "watch", "Keep the store current from feeds, sitemaps and folders");
  auto o = std::make_shared<WatchOptions>();
  o->db = DefaultDbPath();
  auto status = std::make_shared<bool>(false);
  cmd->add_option("--db", o->db, "Database file");
  cmd->add_flag("--status", *status, "Show each source's health and exit");
  cmd->add_option("--interval", o->interval_s,
                  "Seconds between polls (default 300)");
  cmd->add_option("--cycles", o->cycles,
                  "Stop after this many polls (0: run until stopped)");
  cmd->add_option("--alerts-out", o->alerts_out,
                  "JSON Lines file for saved-search alerts");
  cmd->add_option("--webhook", o->webhook, "POST alerts to this URL");
  cmd->add_option(
      "--host-delay-ms",
      [o](const std::vector<std::string>& v) {
        o->fetch.host_delay = std::chrono::milliseconds(std::stol(v[0]));
        return true;
      },
      "Minimum delay between requests to one host (default 1000)");
  cmd->add_option("--timeout", o->fetch.timeout_s,
                  "Seconds allowed for one request (default 20)");
  cmd->add_option("--max-redirects", o->fetch.max_redirects,
                  "Redirects followed (default 5)");
  cmd->add_option("--max-bytes", o->fetch.max_bytes,
                  "Largest page or feed accepted, in bytes (default 20 MiB)");
  auto fields = std::make_shared<std::vector<std::string>>();
  cmd->add_option(
      "--field", *fields,
      "TARGET=NAME: the JSONL/CSV field holding outlet, date, text, title, url "
      "or author (repeatable), e.g. --field outlet=src");
  cmd->add_option("SOURCE", o->sources,
                  "Feed or sitemap URLs, folders, @list files");
  cmd->callback([=] {
    *run = [=]() -> int {
      auto field_map = FieldMap::Parse(*fields);
      if (!field_map.ok()) return PrintError(field_map.status());
      o->fields = std::move(*field_map);
      if (*status) {
        std::string out;
        Status st = PrintWatchStatus(o->db, &out);
        if (!st.ok()) return PrintError(st);
        std::cout << (out.empty() ? "no sources watched yet\n" : out);
        return 0;
      }
      if (o->sources.empty()) {
        std::cerr << "marsad watch: give at least one SOURCE (or --status)\n";
        return 2;
      }
      // Loaded once for the watch's ingests and the answers kept after them.
      auto resources = Resources::LoadDefault();
      if (!resources.ok()) return PrintError(resources.status());
      o->resources = resources->get();
      std::signal(SIGINT, OnSignal);
      std::signal(SIGTERM, OnSignal);
      // The answers of the stories each cycle touched are kept for the
      // server, as after `marsad ingest` (src/server/kept_answers.h).
      int64_t kept_upto = -1;
      if (auto store = OpenStoreOrPrint(o->db, /*read_only=*/false)) {
        if (auto max = store->MaxArticleId(); max.ok()) kept_upto = *max;
      }
      Status st = RunWatch(*o, g_stop, [&](const CycleSummary& s) {
        std::cout << "poll: " << s.sources << " sources (" << s.failed_sources
                  << " failed), " << s.fetched << " fetched, " << s.not_modified
                  << " not modified, " << s.skipped_robots
                  << " forbidden by robots.txt, " << s.stored
                  << " new reports, " << s.alerts << " alerts" << std::endl;
        if (s.stored > 0 && kept_upto >= 0)
          KeepAfterCycle(o->db, *(*resources)->facts_lexicon(), &kept_upto);
      });
      return st.ok() ? 0 : PrintError(st);
    };
  });
}

void AddAlertCommand(CLI::App& app, CommandFn* run) {
  auto* cmd =
      app.add_subcommand("alert", "Saved searches that alert on new matches");
  cmd->require_subcommand(1);
  auto db = std::make_shared<std::string>(DefaultDbPath());
  cmd->add_option("--db", *db, "Database file");
  auto s = std::make_shared<SavedSearch>();
  auto words = std::make_shared<std::vector<std::string>>();
  auto* add = cmd->add_subcommand("add",
                                  "Save a search: NAME QUERY [filters]; with "
                                  "--contradictions, alert on new "
                                  "positions on contested points (of --story, "
                                  "or of stories matching QUERY)");
  add->add_option("NAME", s->name)->required();
  add->add_option("QUERY", *words);
  auto contradictions = std::make_shared<bool>(false);
  add->add_flag("--contradictions", *contradictions,
                "Fire when a story gains a new position on a contested point "
                "(a new figure, "
                "a new denial), not on new words");
  add->add_option("--story", s->request.story, "Only this story (N)");
  add->add_option("--outlet", s->request.outlet);
  add->add_option("--from", s->request.from);
  add->add_option("--to", s->request.to);
  add->add_option("--entity", s->request.entity);
  add->add_option("--event-type", s->request.event_type);
  auto* list = cmd->add_subcommand("list", "List saved searches");
  auto* remove = cmd->add_subcommand("remove", "Remove a saved search: NAME");
  auto name = std::make_shared<std::string>();
  remove->add_option("NAME", *name)->required();
  auto open = [db]() -> OpenedStore {
    return OpenStoreOrPrint(*db, /*read_only=*/false);
  };
  add->callback([=] {
    *run = [=]() -> int {
      for (const std::string& w : *words)
        s->request.query += (s->request.query.empty() ? "" : " ") + w;
      if (*contradictions) s->kind = "positions";
      if (!*contradictions && s->request.query.empty()) {
        std::cerr << "marsad alert add: give a QUERY (or --contradictions)\n";
        return 2;
      }
      auto store = open();
      if (!store) return 1;
      Status st = AddSavedSearch(store.get(), *s);
      if (!st.ok()) return PrintError(st);
      if (*contradictions) {
        std::string what = s->request.story
                               ? "القصة " + std::to_string(s->request.story)
                           : s->request.query.empty()
                               ? "كل القصص"
                               : "القصص المطابقة لـ«" + s->request.query + "»";
        std::cout << "تنبيه '" << s->name
                  << "': عند كل موقف جديد في نقطة خلاف في " << what << "\n";
        return 0;
      }
      std::cout << "saved search '" << s->name
                << "': alerts on new reports matching " << s->request.query
                << "\n";
      return 0;
    };
  });
  list->callback([=] {
    *run = [=]() -> int {
      auto store = open();
      if (!store) return 1;
      auto all = ListSavedSearches(store.get());
      if (!all.ok()) return PrintError(all.status());
      for (const SavedSearch& x : *all) {
        std::cout << x.name << "\t"
                  << (x.kind == "positions" ? "[contradictions] " : "")
                  << x.request.query
                  << (x.request.story
                          ? " story " + std::to_string(x.request.story)
                          : "")
                  << "\t(reported up to article " << x.last_article_id << ")\n";
      }
      return 0;
    };
  });
  remove->callback([=] {
    *run = [=]() -> int {
      auto store = open();
      if (!store) return 1;
      Status st = RemoveSavedSearch(store.get(), *name);
      return st.ok() ? 0 : PrintError(st);
    };
  });
}

}  // namespace marsad
