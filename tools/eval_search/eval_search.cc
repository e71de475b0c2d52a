// eval_search: search quality of `marsad search` on the SaudiNewsNet corpus
// against the query set of tests/gold/search.
//
//   eval_search --corpus ../shared/data/corpus/saudinewsnet.jsonl.gz
//               [--db FILE] [--gold tests/gold/search] [--verbose]
//
// The store: with --db naming an existing store, it is opened read-only and
// reused; otherwise the corpus is ingested (the same Ingestor as `marsad
// ingest`, a couple of minutes) into --db, or into a temporary file that is
// removed at the end. Each query then goes through Store::Search, the code
// path of `marsad search` and of the API (/api/search).
//
// The gold files hold no press text, only article URLs:
//
//  * queries.tsv: id, query, kind (topic, name-variant, phrase, prefix,
//    filter), notes. A query may carry filters as --outlet=X, --from=DATE,
//    --to=DATE words, which become SearchRequest fields. A name-variant
//    query names its variant group in the notes as "group=NAME".
//  * judgements.tsv: id, url, relevance (0/1), judged by reading titles and
//    leads of the top ten results.
//  * variants.tsv: group, allow_al (1 when the forms carry the article and
//    "لل" stands for "ل" + "ال"), and the spellings of the name or word.
//
// Figures:
//
//  * P@10 per query and mean per kind: relevant results among the top ten
//    divided by 10 (a query with fewer than ten results is not rewarded for
//    it). For topic, phrase, prefix and filter queries relevance comes from
//    judgements.tsv; an unjudged result in the top ten counts as
//    non-relevant and is reported (column "unj") so that the judgements can
//    be completed. For name-variant queries a result is relevant when it
//    contains one of its group's spellings (below): the question those
//    queries ask is "does searching one spelling find the name".
//  * Recall of name-variant queries: the gold relevant set of a group is
//    found by an independent method, not marsad's analysis: a scan of each
//    article's title and clean text, split into words at anything that is
//    not a letter, each word with diacritics and tatweel removed and
//    أ إ آ ٱ folded to ا (only that: ى/ي, ة/ه, غ/ج/ك stay distinct, so each
//    spelling is listed in variants.tsv), then compared, whole, with each
//    listed spelling after removing at most one proclitic group (و ف ب ل ك
//    and their pairs; "لل" for "ل" + "ال" when allow_al). Recall = relevant
//    articles found by the query (all pages) / relevant articles. "extra"
//    counts results outside the gold set (other inflections such as the
//    feminine, or false matches of the skeleton key); they are listed with
//    --verbose.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "marsad/store.h"
#include "src/base/data.h"
#include "src/base/utf8.h"
#include "src/clean/lexicon.h"
#include "src/ingest/reader.h"
#include "src/pipeline/pipeline.h"
#include "src/pipeline/resources.h"
#include "src/text/tables.h"

namespace marsad {
namespace {

struct Query {
  std::string id, text, kind, notes, group;
  SearchRequest request;
};

struct Group {
  bool allow_al = false;
  std::vector<std::string> forms;  // normalised
};

// The scan's normalisation (see the header): drop diacritics and tatweel,
// fold the hamza-carrying alefs.
std::string ScanNorm(std::string_view w) {
  std::string out;
  size_t i = 0;
  while (i < w.size()) {
    char32_t cp = DecodeUtf8(w, &i);
    if ((cp >= 0x064B && cp <= 0x0652) || cp == 0x0670 || cp == 0x0640)
      continue;
    if (cp == U'أ' || cp == U'إ' || cp == U'آ' || cp == U'ٱ') cp = U'ا';
    AppendUtf8(cp, &out);
  }
  return out;
}

bool IsLetter(char32_t cp) {
  return (cp >= 0x0621 && cp <= 0x064A) || (cp >= 0x064B && cp <= 0x0652) ||
         cp == 0x0670 || cp == 0x0640 || (cp >= 0x0671 && cp <= 0x06D3) ||
         (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

void ScanWords(std::string_view text, std::unordered_set<std::string>* words) {
  size_t i = 0, start = 0;
  bool in_word = false;
  while (i <= text.size()) {
    size_t at = i;
    char32_t cp = i < text.size() ? DecodeUtf8(text, &i) : 0;
    if (at == text.size()) ++i;
    bool letter = cp != 0 && IsLetter(cp);
    if (letter && !in_word) {
      start = at;
      in_word = true;
    } else if (!letter && in_word) {
      words->insert(ScanNorm(text.substr(start, at - start)));
      in_word = false;
    }
  }
}

// True when `word` is one of the group's forms behind at most one
// proclitic group.
bool GroupMatches(const Group& g, const std::string& word) {
  static const char* kProclitics[] = {"",   "و",  "ف",  "ب",  "ل",  "ك",
                                      "وب", "ول", "فب", "فل", "وك", "فك"};
  for (const char* p : kProclitics) {
    std::string pre(p);
    if (word.compare(0, pre.size(), pre) != 0) continue;
    std::string rest = word.substr(pre.size());
    for (const std::string& f : g.forms) {
      if (rest == f) return true;
      // ل + ال is written لل: للأمريكي.
      if (g.allow_al && f.compare(0, 4, "ال") == 0 && rest == "ل" + f.substr(2))
        return true;
    }
  }
  return false;
}

// Splits --outlet=X, --from=D, --to=D out of a query.
SearchRequest ParseRequest(const std::string& q) {
  SearchRequest r;
  std::stringstream ss(q);
  std::string w, words;
  while (ss >> w) {
    auto value = [&](const char* flag) -> std::string* {
      std::string f = std::string(flag) + "=";
      if (w.compare(0, f.size(), f) != 0) return nullptr;
      static std::string v;
      v = w.substr(f.size());
      return &v;
    };
    if (std::string* v = value("--outlet")) {
      r.outlet = *v;
    } else if (std::string* v2 = value("--from")) {
      r.from = *v2;
    } else if (std::string* v3 = value("--to")) {
      r.to = *v3;
    } else {
      words += (words.empty() ? "" : " ") + w;
    }
  }
  r.query = words;
  return r;
}

Status Ingest(const std::string& corpus, const std::string& db) {
  std::fprintf(stderr, "eval_search: ingesting %s into %s ...\n",
               corpus.c_str(), db.c_str());
  ASSIGN_OR_RETURN(std::unique_ptr<const Resources> resources,
                   Resources::LoadDefault());
  ASSIGN_OR_RETURN(
      std::unique_ptr<Store> store,
      Store::Open(db, {.text_tables = &resources->text_tables(),
                       .clean_lexicon = &resources->clean_lexicon()}));
  ASSIGN_OR_RETURN(std::unique_ptr<Ingestor> ing,
                   Ingestor::Create(store.get(), *resources, {}));
  ReadCallbacks learn;
  learn.on_document = [&](Document&& d) { ing->Observe(d); };
  learn.on_reject = [](const std::string&, const Status&) {};
  ReadStats stats;
  RETURN_IF_ERROR(ReadInput(corpus, learn, &stats));
  Status failure;
  ReadCallbacks cb;
  cb.on_document = [&](Document&& d) {
    if (failure.ok()) failure = ing->Add(std::move(d));
  };
  cb.on_reject = [&](const std::string& s, const Status& why) {
    ing->Reject(s, why);
  };
  RETURN_IF_ERROR(ReadInput(corpus, cb, &stats));
  RETURN_IF_ERROR(failure);
  RETURN_IF_ERROR(ing->Flush());
  std::fprintf(stderr, "eval_search: %llu articles stored\n",
               static_cast<unsigned long long>(ing->summary().stored));
  return Status::OK();
}

struct Article {
  std::string url, title, lead;
};

int Main(int argc, char** argv) {
  std::string corpus = MARSAD_SHARED_DIR "/data/corpus/saudinewsnet.jsonl.gz";
  std::string gold = MARSAD_SOURCE_DIR "/tests/gold/search";
  std::string db;
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--verbose") {
      verbose = true;
    } else if (i + 1 < argc && a == "--corpus") {
      corpus = argv[++i];
    } else if (i + 1 < argc && a == "--db") {
      db = argv[++i];
    } else if (i + 1 < argc && a == "--gold") {
      gold = argv[++i];
    } else {
      std::fprintf(stderr,
                   "usage: eval_search [--corpus FILE] [--db FILE] [--gold "
                   "DIR] [--verbose]\n");
      return 2;
    }
  }
  std::string temp;
  if (db.empty()) {
    temp = (std::filesystem::temp_directory_path() /
            ("eval_search_" + std::to_string(::getpid()) + ".db"))
               .string();
    db = temp;
  }
  if (!std::filesystem::exists(db)) {
    if (!std::filesystem::exists(corpus)) {
      std::printf("eval_search: %s not found; skipped\n", corpus.c_str());
      return 0;
    }
    auto t0 = std::chrono::steady_clock::now();
    Status st = Ingest(corpus, db);
    if (!st.ok()) {
      std::fprintf(stderr, "eval_search: %s\n", st.ToString().c_str());
      return 1;
    }
    std::printf(
        "ingested the corpus in %.0f s\n",
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
            .count());
  }
  auto tables = TextTables::Load(DataDir());  // the queries' terms
  if (!tables.ok()) {
    std::fprintf(stderr, "eval_search: %s\n",
                 tables.status().ToString().c_str());
    return 1;
  }
  auto outlets = CleanLexicon::Load(DataDir());  // the outlet filter's names
  if (!outlets.ok()) {
    std::fprintf(stderr, "eval_search: %s\n",
                 outlets.status().ToString().c_str());
    return 1;
  }
  StoreOptions ro;
  ro.read_only = true;
  ro.text_tables = tables->get();
  ro.clean_lexicon = outlets->get();
  auto store = Store::Open(db, ro);
  if (!store.ok()) {
    std::fprintf(stderr, "eval_search: %s\n",
                 store.status().ToString().c_str());
    return 1;
  }

  // Gold files.
  StatusOr<TsvRows> query_rows = ReadTsv(gold + "/queries.tsv");
  StatusOr<TsvRows> judgement_rows = ReadTsv(gold + "/judgements.tsv");
  StatusOr<TsvRows> variant_rows = ReadTsv(gold + "/variants.tsv");
  for (const auto* rows : {&query_rows, &judgement_rows, &variant_rows}) {
    if (!rows->ok()) {
      std::fprintf(stderr, "eval_search: %s\n",
                   rows->status().ToString().c_str());
      return 1;
    }
  }
  std::vector<Query> queries;
  for (const auto& c : *query_rows) {
    if (c.size() < 3) continue;
    Query q{c[0], c[1], c[2], c.size() > 3 ? c[3] : ""};
    size_t g = q.notes.find("group=");
    if (g != std::string::npos) {
      size_t e = q.notes.find_first_of(" ;,", g);
      q.group = q.notes.substr(
          g + 6, e == std::string::npos ? std::string::npos : e - g - 6);
    }
    q.request = ParseRequest(q.text);
    q.request.page.limit = 10;
    queries.push_back(std::move(q));
  }
  std::map<std::string, std::map<std::string, int>>
      judged;  // query -> url -> rel
  for (const auto& c : *judgement_rows) {
    if (c.size() >= 3) judged[c[0]][c[1]] = std::stoi(c[2]);
  }
  std::map<std::string, Group> groups;
  for (const auto& c : *variant_rows) {
    if (c.size() < 3) continue;
    Group& g = groups[c[0]];
    g.allow_al = c[1] == "1";
    for (size_t i = 2; i < c.size(); ++i) {
      if (!c[i].empty()) g.forms.push_back(ScanNorm(c[i]));
    }
  }
  if (queries.empty()) {
    std::fprintf(stderr, "eval_search: no queries in %s/queries.tsv\n",
                 gold.c_str());
    return 1;
  }

  // Articles: URL, title and lead for the report, and the independent scan.
  std::unordered_map<int64_t, Article> articles;
  std::map<std::string, std::unordered_set<int64_t>> relevant;  // group -> ids
  Status st = (*store)->ForEachArticle([&](const Document& d) {
    int64_t id = d.id;
    const std::string& text = d.text;
    Article& a = articles[id];
    a.url = d.url;
    a.title = d.title;
    a.lead = text.substr(0, 300);
    std::unordered_set<std::string> words;
    ScanWords(a.title, &words);
    ScanWords(text, &words);
    for (const auto& [name, g] : groups) {
      for (const std::string& w : words) {
        if (GroupMatches(g, w)) {
          relevant[name].insert(id);
          break;
        }
      }
    }
  });
  if (!st.ok()) {
    std::fprintf(stderr, "eval_search: %s\n", st.ToString().c_str());
    return 1;
  }

  std::printf(
      "%zu articles, %zu queries, %zu judged queries, %zu variant groups\n",
      articles.size(), queries.size(), judged.size(), groups.size());
  std::printf(
      "P@10 = relevant among the top ten / 10; unjudged results (unj) count as "
      "non-relevant\n\n");
  std::printf("%-5s %-13s %6s %5s %4s  %s\n", "id", "kind", "total", "P@10",
              "unj", "query");
  std::map<std::string, std::pair<double, int>> per_kind;
  double sum = 0;
  int unjudged_total = 0;
  struct RecallRow {
    std::string id, query, group;
    size_t found, relevant, extra;
  };
  std::vector<RecallRow> recalls;
  for (const Query& q : queries) {
    auto res = (*store)->Search(q.request);
    if (!res.ok()) {
      std::printf("%-5s %-13s error: %s\n", q.id.c_str(), q.kind.c_str(),
                  res.status().ToString().c_str());
      per_kind[q.kind].second++;
      continue;
    }
    bool variant = q.kind == "name-variant";
    if (variant && !groups.count(q.group)) {
      std::fprintf(stderr, "eval_search: %s: unknown group '%s'\n",
                   q.id.c_str(), q.group.c_str());
      return 1;
    }
    const auto& rel_set = relevant[q.group];
    int rel = 0, unj = 0;
    std::vector<std::string> lines;
    for (const SearchHit& h : res->hits) {
      const Article& a = articles[h.article_id];
      int r = -1;
      if (variant) {
        r = rel_set.count(h.article_id) ? 1 : 0;
      } else {
        auto jq = judged.find(q.id);
        if (jq != judged.end()) {
          auto ju = jq->second.find(a.url);
          if (ju != jq->second.end()) r = ju->second;
        }
      }
      if (r == 1) ++rel;
      if (r < 0) ++unj;
      if (verbose) {
        std::string lead = a.lead;
        for (char& c : lead) {
          if (c == '\n' || c == '\t') c = ' ';
        }
        lines.push_back((r < 0 ? "?" : std::to_string(r)) + "\t" + q.id + "\t" +
                        a.url + "\t" + a.title + "\t| " + lead);
      }
    }
    double p = rel / 10.0;
    sum += p;
    unjudged_total += unj;
    per_kind[q.kind].first += p;
    per_kind[q.kind].second++;
    std::printf("%-5s %-13s %6lld %5.2f %4d  %s\n", q.id.c_str(),
                q.kind.c_str(), static_cast<long long>(res->total), p, unj,
                q.text.c_str());
    for (const std::string& l : lines) std::printf("    %s\n", l.c_str());
    if (variant) {
      // Every result, page by page.
      std::unordered_set<int64_t> found;
      SearchRequest all = q.request;
      all.page.limit = 500;
      for (all.page.offset = 0; all.page.offset < res->total;
           all.page.offset += 500) {
        auto page = (*store)->Search(all);
        if (!page.ok()) break;
        for (const SearchHit& h : page->hits) found.insert(h.article_id);
      }
      if (static_cast<int64_t>(found.size()) != res->total) {
        std::printf("    warning: %zu distinct results collected of %lld\n",
                    found.size(), static_cast<long long>(res->total));
      }
      size_t hit = 0, extra = 0;
      std::vector<int64_t> missed, extras;
      for (int64_t id : found) {
        if (rel_set.count(id)) {
          ++hit;
        } else {
          ++extra;
          extras.push_back(id);
        }
      }
      for (int64_t id : rel_set) {
        if (!found.count(id)) missed.push_back(id);
      }
      recalls.push_back({q.id, q.text, q.group, hit, rel_set.size(), extra});
      if (verbose) {
        std::sort(missed.begin(), missed.end());
        std::sort(extras.begin(), extras.end());
        for (size_t i = 0; i < missed.size() && i < 5; ++i) {
          std::printf("    missed a%lld %s\n",
                      static_cast<long long>(missed[i]),
                      articles[missed[i]].url.c_str());
        }
        for (size_t i = 0; i < extras.size() && i < 5; ++i) {
          std::printf("    extra a%lld %s %s\n",
                      static_cast<long long>(extras[i]),
                      articles[extras[i]].url.c_str(),
                      articles[extras[i]].title.c_str());
        }
      }
    }
  }
  std::printf("\nP@10 by kind:\n");
  for (const auto& [kind, v] : per_kind) {
    std::printf("  %-13s %.3f over %d queries\n", kind.c_str(),
                v.first / v.second, v.second);
  }
  std::printf(
      "  %-13s %.3f over %zu queries (%d unjudged results in the top tens)\n",
      "all", sum / queries.size(), queries.size(), unjudged_total);

  std::printf(
      "\nName-variant recall (gold: independent substring scan, see "
      "eval_search.cc)\n");
  std::printf("%-5s %-12s %8s %8s %7s %6s  %s\n", "id", "group", "found",
              "relevant", "recall", "extra", "query");
  std::map<std::string, std::pair<size_t, size_t>> per_group;
  size_t hit_all = 0, rel_all = 0;
  for (const RecallRow& r : recalls) {
    std::printf("%-5s %-12s %8zu %8zu %7.3f %6zu  %s\n", r.id.c_str(),
                r.group.c_str(), r.found, r.relevant,
                r.relevant ? double(r.found) / r.relevant : 0.0, r.extra,
                r.query.c_str());
    per_group[r.group].first += r.found;
    per_group[r.group].second += r.relevant;
    hit_all += r.found;
    rel_all += r.relevant;
  }
  std::printf("\nrecall per group (micro over its spellings' queries):\n");
  for (const auto& [g, v] : per_group) {
    std::printf("  %-12s %.3f (%zu/%zu)\n", g.c_str(),
                v.second ? double(v.first) / v.second : 0, v.first, v.second);
  }
  std::printf("  %-12s %.3f (%zu/%zu)\n", "all",
              rel_all ? double(hit_all) / rel_all : 0, hit_all, rel_all);
  if (!temp.empty()) {
    store->reset();
    std::filesystem::remove(temp);
    std::filesystem::remove(temp + "-wal");
    std::filesystem::remove(temp + "-shm");
  }
  return 0;
}

}  // namespace
}  // namespace marsad

int main(int argc, char** argv) { return marsad::Main(argc, argv); }
