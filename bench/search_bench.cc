// Search and story-page latency with the whole SaudiNewsNet corpus in a
// store, one thread, in process (no HTTP): the JSON API handlers the server
// runs (src/server/api.h), so the figures include what /api/search and
// /api/stories/ID do beyond the store — snippets, UTF-16 offsets, the
// story's claim comparison — and the JSON serialisation.
//
//  * search: every query of tests/gold/search/queries.tsv (its --outlet=,
//    --from=, --to= words become filters), a page of 20 (the web UI's and
//    `marsad search`'s), --rounds times after one warm-up round; p50, p90,
//    p99 and max. Twice: Store::Search alone (what `marsad search` runs) and
//    the /api/search handler (which also reads each hit's article for
//    UTF-16 offsets).
//  * story page: --stories story ids spread evenly over the store (largest
//    stories included), each fetched --rounds times after a warm-up.
//
// A benchmark, not a timed test (house style): nothing is asserted; the
// figures go to docs/RESULTS.md through scripts/bench.sh, which also loads
// `marsad serve` over HTTP with wrk.
//
// Run: build/bench/search_bench --db STORE [--queries FILE] [--rounds N]
//      [--stories N] [--limit N] [--paths-out FILE]
// --paths-out writes the same requests as URL paths, one a line, for wrk.
#include <sys/resource.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "marsad/store.h"
#include "src/base/data.h"
#include "src/clean/lexicon.h"
#include "src/facts/lexicon.h"
#include "src/server/api.h"
#include "src/text/tables.h"

namespace marsad {
namespace {

using Clock = std::chrono::steady_clock;

struct Stats {
  std::vector<double> ms;
  void Print(const char* what) {
    if (ms.empty()) return;
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) {
      return ms[std::min(ms.size() - 1, size_t(q * ms.size()))];
    };
    double sum = 0;
    for (double m : ms) sum += m;
    std::printf(
        "%-12s %6zu calls  mean %7.2f ms  p50 %7.2f  p90 %7.2f  p99 %7.2f  max "
        "%7.2f ms\n",
        what, ms.size(), sum / ms.size(), at(0.50), at(0.90), at(0.99),
        ms.back());
  }
};

Params ParseQuery(const std::string& q, int limit) {
  Params p;
  std::stringstream ss(q);
  std::string w, words;
  while (ss >> w) {
    bool filter = false;
    for (const char* f : {"outlet", "from", "to"}) {
      std::string flag = std::string("--") + f + "=";
      if (w.compare(0, flag.size(), flag) == 0) {
        p[f] = w.substr(flag.size());
        filter = true;
      }
    }
    if (!filter) words += (words.empty() ? "" : " ") + w;
  }
  p["q"] = words;
  p["limit"] = std::to_string(limit);
  return p;
}

std::string UrlEncode(const std::string& s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

long PeakRssKb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

int Main(int argc, char** argv) {
  std::string db, paths_out,
      queries_file = MARSAD_SOURCE_DIR "/tests/gold/search/queries.tsv";
  int rounds = 3, n_stories = 300, limit = 20;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--db") db = argv[i + 1];
    if (a == "--queries") queries_file = argv[i + 1];
    if (a == "--rounds") rounds = std::stoi(argv[i + 1]);
    if (a == "--stories") n_stories = std::stoi(argv[i + 1]);
    if (a == "--limit") limit = std::stoi(argv[i + 1]);
    if (a == "--paths-out") paths_out = argv[i + 1];
  }
  if (db.empty() || !std::filesystem::exists(db)) {
    std::printf(
        "search_bench: no store (--db FILE with the corpus ingested); "
        "skipped\n");
    return 0;
  }
  std::vector<Params> queries;
  std::ifstream in(queries_file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::stringstream ss(line);
    std::string id, q;
    std::getline(ss, id, '\t');
    std::getline(ss, q, '\t');
    queries.push_back(ParseQuery(q, limit));
  }
  auto tables = TextTables::Load(DataDir());  // the queries' terms
  if (!tables.ok()) {
    std::printf("search_bench: %s\n", tables.status().ToString().c_str());
    return 1;
  }
  auto outlets = CleanLexicon::Load(DataDir());  // the outlet filter's names
  if (!outlets.ok()) {
    std::printf("search_bench: %s\n", outlets.status().ToString().c_str());
    return 1;
  }
  auto store = Store::Open(db, StoreOptions{.read_only = true,
                                            .text_tables = tables->get(),
                                            .clean_lexicon = outlets->get()});
  if (!store.ok()) {
    std::printf("search_bench: %s\n", store.status().ToString().c_str());
    return 1;
  }
  auto lexicon = FactsLexicon::Load();  // the stories' comparison
  if (!lexicon.ok()) {
    std::printf("search_bench: %s\n", lexicon.status().ToString().c_str());
    return 1;
  }
  Api api(std::move(*store), **outlets, lexicon->get());
  auto articles = api.store()->CountArticles();
  std::vector<int64_t> story_ids;
  std::vector<std::pair<size_t, int64_t>> by_size;  // (articles, id)
  // Every n-th story by id, and the largest ones (the slowest pages).
  Status st;
  for (int offset = 0; st.ok(); offset += 1000) {
    auto page = api.store()->ListStories(Page{1000, offset});
    if (!page.ok()) st = page.status();
    if (!page.ok() || page->empty()) break;
    for (const StoryRow& s : *page) {
      story_ids.push_back(s.id);
      by_size.emplace_back(s.articles.size(), s.id);
    }
  }
  std::sort(story_ids.begin(), story_ids.end());
  std::sort(by_size.begin(), by_size.end(), std::greater<>());
  std::vector<int64_t> sample;
  if (st.ok() && !story_ids.empty()) {
    size_t step =
        std::max<size_t>(1, story_ids.size() / std::max(1, n_stories - 20));
    for (size_t i = 0; i < story_ids.size(); i += step)
      sample.push_back(story_ids[i]);
    for (size_t i = 0; i < by_size.size() && i < 20; ++i)
      sample.push_back(by_size[i].second);
  }
  std::printf(
      "%lld articles, %zu stories (%zu sampled), %zu queries, %d rounds, one "
      "thread\n",
      static_cast<long long>(articles.ok() ? *articles : 0), story_ids.size(),
      sample.size(), queries.size(), rounds);

  if (!paths_out.empty()) {
    // The same requests as URL paths, for wrk (scripts/bench.sh).
    std::ofstream out(paths_out);
    for (const Params& p : queries) {
      std::string path = "/api/search?";
      for (const auto& [k, v] : p) path += k + "=" + UrlEncode(v) + "&";
      path.pop_back();
      out << path << "\n";
    }
    for (int64_t id : sample) out << "/api/stories/" << id << "\n";
  }

  Stats store_search, search, story;
  size_t bytes = 0, errors = 0;
  std::vector<double> slowest(queries.size(), 0.0);  // per query, store
  for (int round = 0; round <= rounds; ++round) {
    for (size_t qi = 0; qi < queries.size(); ++qi) {
      const Params& p = queries[qi];
      SearchRequest r;
      r.query = p.at("q");
      if (p.count("outlet")) r.outlet = p.at("outlet");
      if (p.count("from")) r.from = p.at("from");
      if (p.count("to")) r.to = p.at("to");
      r.page.limit = limit;
      auto t0 = Clock::now();
      auto res = api.store()->Search(r);
      double ms =
          std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
      if (!res.ok()) ++errors;
      if (round > 0) store_search.ms.push_back(ms);
      if (round > 0) slowest[qi] = std::max(slowest[qi], ms);
    }
  }
  for (int round = 0; round <= rounds; ++round) {
    for (const Params& p : queries) {
      auto t0 = Clock::now();
      auto j = api.Search(p);
      std::string body = j.ok() ? j->dump() : "";
      double ms =
          std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
      if (!j.ok()) ++errors;
      if (round > 0) search.ms.push_back(ms);
      bytes += body.size();
    }
  }
  for (int round = 0; round <= rounds; ++round) {
    for (int64_t id : sample) {
      auto t0 = Clock::now();
      auto j = api.Story(id);
      std::string body = j.ok() ? j->dump() : "";
      double ms =
          std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
      if (!j.ok()) ++errors;
      if (round > 0) story.ms.push_back(ms);
    }
  }
  store_search.Print("store search");
  search.Print("api search");
  story.Print("story page");
  std::printf("errors %zu, peak RSS %ld KiB\n", errors, PeakRssKb());
  // The slowest queries, by their worst round: where the tail comes from.
  std::vector<size_t> order(queries.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return slowest[a] > slowest[b]; });
  for (size_t i = 0; i < std::min<size_t>(5, order.size()); ++i) {
    std::string desc;
    for (const auto& [k, v] : queries[order[i]])
      if (k != "limit") desc += k + "=" + v + " ";
    std::printf("slowest store search %6.2f ms  %s\n", slowest[order[i]],
                desc.c_str());
  }
  return 0;
}

}  // namespace
}  // namespace marsad

int main(int argc, char** argv) { return marsad::Main(argc, argv); }
