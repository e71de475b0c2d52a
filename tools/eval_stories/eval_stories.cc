// eval_stories: measures marsad's near-duplicate detection and story grouping
// on the SaudiNewsNet corpus against the gold sets in tests/gold/stories/,
// and writes the idf table the story features use (--write-idf).
//
// The corpus is streamed in arrival order (date_extracted) through exactly
// what the ingest pipeline does: clean, analyse, fingerprint, DuplicateIndex,
// then StoryIndex (duplicates join their first copy's story).
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <unordered_map>

#include "src/base/data.h"
#include "src/dedup/duplicate_index.h"
#include "src/story/story_index.h"
#include "src/story/story_tables.h"
#include "src/story/terms.h"
#include "src/story/threads.h"
#include "src/text/tables.h"
#include "tools/eval_stories/corpus.h"
#include "tools/eval_stories/eval_gold.h"

namespace marsad {
namespace {

// Each story's thread (src/story/threads.h): its first report is its anchor,
// its related links those StoryIndex made; `attach` is ThreadBuilder's
// attachment score (>= threshold: no attachment).
void AssignThreads(const std::map<int64_t, std::vector<int64_t>>& related,
                   double threshold, double attach, Run* run) {
  std::map<int64_t, size_t> first;
  for (size_t i = 0; i < run->story.size(); ++i)
    first.try_emplace(run->story[i], i);
  ThreadBuilder threads(threshold, attach);
  for (const auto& [story, i] : first) {
    auto it = related.find(story);
    threads.AddStory(story, run->features[i],
                     it == related.end() ? std::vector<int64_t>{} : it->second);
  }
  run->thread.clear();
  for (int64_t story : run->story)
    run->thread.push_back(threads.ThreadOf(story));
}

Run Stream(const StoryTables& tables, const std::vector<CorpusReport>& reports,
           const StoryOptions& options,
           double thread_threshold = kThreadThreshold,
           double thread_attach = kThreadAttachThreshold) {
  Run run;
  DuplicateIndex dups;
  StoryIndex stories(tables.text(), options);
  const size_t n = reports.size();
  run.dup_of.assign(n, 0);
  run.story.assign(n, 0);
  run.jaccard.assign(n, 0);
  run.score.assign(n, 0);
  std::map<int64_t, std::vector<int64_t>> related;
  // Stories merged into others (StoryIndex merging): id -> the story it
  // joined, kept after the index forgets the story.
  std::unordered_map<int64_t, int64_t> merged_into;
  auto resolve = [&](int64_t id) {
    for (auto it = merged_into.find(id); it != merged_into.end();
         it = merged_into.find(id))
      id = it->second;
    return id;
  };
  for (size_t i = 0; i < n; ++i) {
    const Document& doc = reports[i].doc;
    TextAnalysis analysis;
    analysis.Build(doc.text, tables.text());
    Fingerprint fp = ComputeFingerprint(analysis);
    run.features.push_back(ComputeStoryFeatures(tables, doc, analysis));
    auto m = dups.FindOrAddDetailed(i + 1, fp, doc.published);
    if (m) {
      run.dup_of[i] = m->first_id;
      run.jaccard[i] = m->jaccard;
      run.story[i] = resolve(run.story[m->first_id - 1]);
      stories.Join(i + 1, run.story[i], doc.published, run.features[i]);
    } else {
      Assignment a = stories.Add(i + 1, doc, run.features[i]);
      run.story[i] = a.story_id;
      run.score[i] = a.score;
      for (int64_t gone : a.merged) merged_into[gone] = a.story_id;
      for (int64_t other : a.related) {
        related[a.story_id].push_back(other);
        related[other].push_back(a.story_id);
      }
    }
  }
  if (!merged_into.empty()) {
    for (int64_t& story : run.story) story = resolve(story);
    std::map<int64_t, std::vector<int64_t>> resolved;
    for (const auto& [story, others] : related) {
      for (int64_t other : others) {
        int64_t a = resolve(story), b = resolve(other);
        if (a != b) resolved[a].push_back(b);
      }
    }
    related = std::move(resolved);
    std::printf("stories merged: %zu\n", merged_into.size());
  }
  AssignThreads(related, thread_threshold, thread_attach, &run);
  return run;
}

int WriteIdf(const TextTables& tables, const std::vector<CorpusReport>& reports,
             const std::string& out) {
  std::unordered_map<std::string, int> df;
  std::vector<std::string> stems;
  for (const CorpusReport& r : reports) {
    std::set<std::string> seen;
    ExtractStems(tables, r.doc.title, &stems);
    seen.insert(stems.begin(), stems.end());
    ExtractStems(tables, r.doc.text, &stems);
    seen.insert(stems.begin(), stems.end());
    for (const std::string& s : seen) ++df[s];
  }
  std::vector<std::pair<int, std::string>> rows;
  for (const auto& [s, c] : df) {
    if (c >= 3) rows.push_back({-c, s});
  }
  std::sort(rows.begin(), rows.end());
  std::ofstream f(out);
  f << "# Document frequencies of story terms (src/story StoryStem: the "
       "segmenter's\n# clitic-free form, light-stemmed)\n"
       "# in titles + cleaned bodies of the SaudiNewsNet corpus (31,030 "
       "articles,\n"
       "# github.com/inparallel/SaudiNewsNet, CC BY-NC-SA 4.0; this derived "
       "table\n"
       "# carries the same licence). Stems with df >= 3 only. Regenerate with\n"
       "# `eval_stories --write-idf data/story/idf.tsv` after a stemmer "
       "change.\n"
       "# stem\tdf\n";
  f << "__N__\t" << reports.size() << "\n";
  for (const auto& [c, s] : rows) f << s << '\t' << -c << '\n';
  std::printf("idf: %zu stems written to %s\n", rows.size(), out.c_str());
  return 0;
}

// Exact-duplicate groups: bodies equal after trimming whitespace at both ends.
void ReportExactGroups(const std::vector<CorpusReport>& reports,
                       const Run& run) {
  std::map<std::string, std::vector<size_t>> groups;
  for (size_t i = 0; i < reports.size(); ++i) {
    std::string_view c = reports[i].content;
    size_t b = c.find_first_not_of(" \t\n\r\xc2\xa0");
    std::string key =
        b == std::string_view::npos ? "" : std::string(Trim(c.substr(b)));
    groups[key].push_back(i);
  }
  int total = 0, linked = 0, empty_linked = -1;
  for (const auto& [key, members] : groups) {
    if (members.size() < 2) continue;
    ++total;
    std::set<int64_t> roots;
    for (size_t i : members)
      roots.insert(run.dup_of[i] ? run.dup_of[i] : i + 1);
    bool ok = roots.size() == 1;
    linked += ok;
    if (key.empty()) empty_linked = ok;
  }
  int dups = 0, exact = 0;
  for (size_t i = 0; i < reports.size(); ++i) {
    dups += run.dup_of[i] != 0;
    exact += run.dup_of[i] != 0 && run.jaccard[i] == 1.0;
  }
  std::printf(
      "exact-duplicate body groups: %d, fully linked: %d (empty-body group "
      "linked: %d)\n",
      total, linked, empty_linked);
  std::printf(
      "reports marked duplicate: %d (jaccard 1.0 incl. exact: %d, near: %d)\n",
      dups, exact, dups - exact);
}

}  // namespace
}  // namespace marsad

int main(int argc, char** argv) {
  using namespace marsad;
  CLI::App app{"Evaluate marsad near-duplicates and stories on a corpus"};
  std::string corpus =
      std::string(MARSAD_SHARED_DIR) + "/data/corpus/saudinewsnet.jsonl.gz";
  std::string idf_out, pairs_gold, groups_gold, near_sample, near_gold,
      candidates, stories_out;
  app.add_option("--corpus", corpus, "JSONL(.gz) corpus");
  app.add_option("--write-idf", idf_out, "write the idf table and exit");
  app.add_option("--pairs", pairs_gold,
                 "gold pairs TSV: url_a url_b same|related|different");
  app.add_option("--groups", groups_gold, "gold groups TSV: url group");
  app.add_option("--near-dup-sample", near_sample,
                 "write near-duplicate pairs to judge");
  app.add_option("--near-dup-gold", near_gold,
                 "judged near-duplicate pairs TSV");
  app.add_option("--candidates", candidates,
                 "write candidate pairs for labelling");
  app.add_option(
      "--stories-out", stories_out,
      "write url, story, dup_of, title, join score, thread per report (TSV)");
  StoryOptions story_options;
  app.add_option("--join-threshold", story_options.join_threshold,
                 "StoryIndex join threshold (default: the calibrated one)");
  app.add_option("--window-days", story_options.window_days,
                 "StoryIndex window");
  app.add_option("--anchor-members", story_options.anchor_members,
                 "compare with a story's first reports (1) or latest (0)");
  app.add_option("--profile-reports", story_options.profile_reports,
                 "reports making a story's profile (0: all)");
  app.add_option("--max-span-days", story_options.max_span_days,
                 "days after a story's first report a report may join it");
  app.add_option("--kept-members", story_options.kept_members,
                 "reports of a story compared one by one");
  app.add_option("--max-candidates", story_options.max_candidates,
                 "stories scored in full per report");
  app.add_option("--query-terms", story_options.query_terms,
                 "heaviest report terms used to find candidates");
  app.add_option("--merge-threshold", story_options.merge_threshold,
                 "score against two stories that merges them (0: never)");
  app.add_option("--merge-floor", story_options.merge_floor,
                 "least anchor-to-anchor score of two stories merged");
  app.add_option("--merge-max-reports", story_options.merge_max_reports,
                 "most reports of the smaller of two stories merged (0: any)");
  app.add_option("--index-terms", story_options.index_terms,
                 "heaviest story terms that point to the story");
  app.add_option("--profile-lift", story_options.profile_lift,
                 "how far a story's profile may score above its best member "
                 "(negative: no limit)");
  std::string analysis_cache;
  app.add_option(
      "--analysis-cache", analysis_cache,
      "file of the corpus's analyses: read if it matches the corpus, "
      "else written (delete it after a change to the analysis)");
  std::vector<std::string> splits = {""};
  app.add_option("--split", splits,
                 "score only the --groups rows of these splits (4th column: "
                 "dev, test); repeatable")
      ->expected(1, 4);
  std::string pair_features, pair_parts;
  app.add_option("--pair-parts", pair_parts,
                 "write the similarity parts of the --pairs gold's pairs");
  app.add_option(
      "--pair-features", pair_features,
      "write the similarity parts of gold report pairs (see eval_gold.h)");
  double thread_threshold = kThreadThreshold;
  app.add_option("--thread-threshold", thread_threshold,
                 "anchor score joining two related stories into a thread");
  double thread_attach = kThreadAttachThreshold;
  app.add_option("--thread-attach", thread_attach,
                 "anchor score attaching a lone story to a related story's "
                 "thread (1: none)");
  std::vector<double> thread_sweep;
  app.add_option(
      "--thread-sweep", thread_sweep,
      "thread thresholds to try: thread BCubed on --groups for each");
  std::vector<double> sweep;
  app.add_option(
      "--sweep", sweep,
      "join thresholds to try after the main run: BCubed on --groups for each "
      "(the corpus is analysed once)");
  CLI11_PARSE(app, argc, argv);

  auto t0 = std::chrono::steady_clock::now();
  int skipped = 0;
  StatusOr<std::vector<CorpusReport>> reports =
      LoadCorpus(corpus, true, &skipped, analysis_cache);
  if (!reports.ok()) {
    std::cerr << "eval_stories: " << reports.status().ToString() << "\n";
    return 1;
  }
  auto t1 = std::chrono::steady_clock::now();
  std::printf(
      "corpus: %zu reports (%d lines skipped), load+clean+analyse %.1fs\n",
      reports->size(), skipped, std::chrono::duration<double>(t1 - t0).count());
  auto text_tables = TextTables::Load(DataDir());
  if (!text_tables.ok()) {
    std::cerr << "eval_stories: " << text_tables.status().ToString() << "\n";
    return 1;
  }
  if (!idf_out.empty()) return WriteIdf(**text_tables, *reports, idf_out);
  auto tables = StoryTables::Load(DataDir(), **text_tables);
  if (!tables.ok()) {
    std::cerr << "eval_stories: " << tables.status().ToString() << "\n";
    return 1;
  }
  Run run = Stream(**tables, *reports, story_options, thread_threshold,
                   thread_attach);
  auto t2 = std::chrono::steady_clock::now();
  std::printf("dedup+features+stories: %.1fs\n",
              std::chrono::duration<double>(t2 - t1).count());
  ReportExactGroups(*reports, run);
  std::set<int64_t> distinct(run.story.begin(), run.story.end());
  std::printf("stories: %zu for %zu reports\n", distinct.size(),
              reports->size());
  int rc = 0;
  if (!stories_out.empty()) WriteStories(*reports, run, stories_out);
  if (!near_sample.empty()) WriteNearDupSample(*reports, run, near_sample);
  if (!candidates.empty()) WriteCandidates(*reports, run, candidates);
  if (!near_gold.empty()) rc |= EvalNearDup(*reports, run, near_gold);
  if (!pairs_gold.empty()) rc |= EvalPairs(*reports, run, pairs_gold);
  if (!pairs_gold.empty() && !pair_parts.empty())
    WriteJudgedPairParts(*reports, run, pairs_gold, pair_parts);
  for (const std::string& split : splits) {
    if (!groups_gold.empty())
      rc |= EvalGroups(*reports, run, groups_gold, split);
    if (!groups_gold.empty())
      rc |= EvalThreads(*reports, run, groups_gold, split);
  }
  for (double t : thread_sweep) {
    Run r = Stream(**tables, *reports, story_options, t, thread_attach);
    std::printf("== thread threshold %.3f\n", t);
    for (const std::string& split : splits) {
      if (!groups_gold.empty())
        rc |= EvalThreads(*reports, r, groups_gold, split);
    }
  }
  if (!pair_features.empty() && !groups_gold.empty()) {
    WritePairFeatures(*reports, run, groups_gold, splits.back(), pair_features);
  }
  for (double t : sweep) {
    StoryOptions o = story_options;
    o.join_threshold = t;
    Run r = Stream(**tables, *reports, o);
    std::printf("== join threshold %.3f\n", t);
    for (const std::string& split : splits) {
      if (!groups_gold.empty())
        rc |= EvalGroups(*reports, r, groups_gold, split);
    }
  }
  return rc;
}
