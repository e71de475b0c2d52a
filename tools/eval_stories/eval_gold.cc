#include "tools/eval_stories/eval_gold.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <unordered_map>

#include "src/base/data.h"
#include "src/story/story_similarity.h"

namespace marsad {
namespace {

std::unordered_map<std::string, size_t> UrlIndex(
    const std::vector<CorpusReport>& r) {
  std::unordered_map<std::string, size_t> idx;
  for (size_t i = 0; i < r.size(); ++i) idx.emplace(r[i].url, i);
  return idx;
}

double Pearson(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = x.size();
  double mx = 0, my = 0;
  for (size_t i = 0; i < x.size(); ++i) mx += x[i] / n, my += y[i] / n;
  double sxy = 0, sxx = 0, syy = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxx > 0 && syy > 0 ? sxy / std::sqrt(sxx * syy) : 0;
}

// 1 when both leads report a happening of one kind class (lead_kinds).
int SharedKind(const StoryFeatures& a, const StoryFeatures& b) {
  return (a.lead_kinds & b.lead_kinds) != 0;
}

std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

// Reads rows of >= `fields` fields, resolving the first `urls` fields.
bool ReadGold(const std::string& path, size_t fields, size_t urls,
              const std::vector<CorpusReport>& r,
              std::vector<std::vector<std::string>>* rows,
              std::vector<std::vector<size_t>>* ids) {
  StatusOr<TsvRows> tsv = ReadTsv(path);
  if (!tsv.ok()) {
    std::fprintf(stderr, "eval_stories: %s\n", tsv.status().ToString().c_str());
    return false;
  }
  auto idx = UrlIndex(r);
  int missing = 0;
  for (auto& row : *tsv) {
    if (row.size() < fields) continue;
    std::vector<size_t> found;
    for (size_t k = 0; k < urls; ++k) {
      auto it = idx.find(row[k]);
      if (it == idx.end()) break;
      found.push_back(it->second);
    }
    if (found.size() < urls) {
      ++missing;
      continue;
    }
    rows->push_back(row);
    ids->push_back(found);
  }
  if (missing)
    std::printf("  %s: %d rows with urls not in the corpus skipped\n",
                path.c_str(), missing);
  return true;
}

int64_t Root(const Run& run, size_t i) {
  return run.dup_of[i] ? run.dup_of[i] : static_cast<int64_t>(i) + 1;
}

}  // namespace

void WriteStories(const std::vector<CorpusReport>& r, const Run& run,
                  const std::string& path) {
  std::ofstream f(path);
  for (size_t i = 0; i < r.size(); ++i) {
    f << r[i].url << '\t' << run.story[i] << '\t'
      << (run.dup_of[i] ? r[run.dup_of[i] - 1].url : "") << '\t'
      << OneLine(r[i].doc.title) << '\t'
      << (i < run.score.size() ? run.score[i] : 0.0) << '\t'
      << (i < run.thread.size() ? run.thread[i] : 0) << '\n';
  }
}

void WriteNearDupSample(const std::vector<CorpusReport>& r, const Run& run,
                        const std::string& path) {
  std::vector<size_t> near;
  for (size_t i = 0; i < r.size(); ++i) {
    if (run.dup_of[i] && run.jaccard[i] < 1.0) near.push_back(i);
  }
  std::ofstream f(path);
  size_t step = std::max<size_t>(1, near.size() / 150);
  for (size_t k = 0; k < near.size(); k += step) {
    size_t i = near[k];
    f << r[run.dup_of[i] - 1].url << '\t' << r[i].url << '\t' << run.jaccard[i]
      << '\n';
  }
  std::printf("near-duplicates: %zu reports; sample of %zu written to %s\n",
              near.size(), (near.size() + step - 1) / step, path.c_str());
}

void WriteCandidates(const std::vector<CorpusReport>& r, const Run& run,
                     const std::string& path) {
  std::ofstream f(path);
  const size_t n = r.size();
  for (size_t a = 17; a < n; a += 97) {
    if (r[a].doc.text.size() < 300) continue;
    size_t best = n, band = n;
    double best_s = -1;
    for (size_t b = 0; b < n; ++b) {
      if (b == a || Root(run, a) == Root(run, b)) continue;
      double s = Similarity(run.features[a], run.features[b]);
      if (s > best_s) best_s = s, best = b;
      if (band == n && s >= 0.18 && s < 0.30 && (b * 7 + a) % 3 == 0) band = b;
    }
    for (size_t b : {best, band}) {
      if (b == n) continue;
      f << r[a].url << '\t' << r[b].url << '\t'
        << Similarity(run.features[a], run.features[b]) << '\t'
        << (run.story[a] == run.story[b]) << '\t' << OneLine(r[a].doc.title)
        << '\t' << OneLine(r[b].doc.title) << '\n';
    }
  }
}

int EvalNearDup(const std::vector<CorpusReport>& r, const Run& run,
                const std::string& path) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::vector<size_t>> ids;
  if (!ReadGold(path, 3, 2, r, &rows, &ids)) return 1;
  int yes = 0, no = 0;
  for (const auto& row : rows) (row[2] == "yes" ? yes : no)++;
  std::printf("near-duplicate precision: %d/%d = %.3f (judged sample)\n", yes,
              yes + no, yes + no ? double(yes) / (yes + no) : 0.0);
  return 0;
}

int EvalPairs(const std::vector<CorpusReport>& r, const Run& run,
              const std::string& path) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::vector<size_t>> ids;
  if (!ReadGold(path, 3, 2, r, &rows, &ids)) return 1;
  // [gold][predicted] for the pair score and for the clustering.
  std::map<std::string, std::map<std::string, int>> by_score, by_story;
  int tp_s = 0, fp_s = 0, fn_s = 0, tp_c = 0, fp_c = 0, fn_c = 0;
  for (size_t k = 0; k < rows.size(); ++k) {
    size_t a = ids[k][0], b = ids[k][1];
    const std::string& gold = rows[k][2];
    double s = Similarity(run.features[a], run.features[b]);
    std::string pred = s >= kSameStoryThreshold ? "same"
                       : s >= kRelatedThreshold ? "related"
                                                : "different";
    if (Root(run, a) == Root(run, b)) pred = "same";
    by_score[gold][pred]++;
    if (std::getenv("EVAL_STORIES_DEBUG") &&
        (gold == "same") != (pred == "same")) {
      SimilarityParts sp = ExplainSimilarity(run.features[a], run.features[b]);
      std::printf(
          "  MISS gold=%s s=%.2f terms=%.2f title=%.2f num=%d dates=%d gap=%d "
          "| %s | %s\n",
          gold.c_str(), s, sp.terms, sp.title, sp.shared_numbers,
          sp.shared_dates, sp.day_gap, OneLine(r[a].doc.title).c_str(),
          OneLine(r[b].doc.title).c_str());
    }
    bool together = run.story[a] == run.story[b];
    by_story[gold][together ? "same" : "apart"]++;
    bool g = gold == "same";
    tp_s += g && pred == "same", fp_s += !g && pred == "same",
        fn_s += g && pred != "same";
    tp_c += g && together, fp_c += !g && together, fn_c += g && !together;
  }
  auto prf = [](const char* name, int tp, int fp, int fn) {
    double p = tp + fp ? double(tp) / (tp + fp) : 0,
           rc = tp + fn ? double(tp) / (tp + fn) : 0;
    std::printf("  %-28s P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d)\n", name,
                p, rc, p + rc ? 2 * p * rc / (p + rc) : 0, tp, fp, fn);
  };
  std::printf("gold pairs: %zu\n", rows.size());
  // Threshold sweep of the pair score (calibration; see docs/RESULTS.md).
  std::printf("  threshold sweep (pair score >= t means same story):\n");
  for (double t = 0.25; t < 0.66; t += 0.05) {
    int tp = 0, fp = 0, fn = 0;
    for (size_t k = 0; k < rows.size(); ++k) {
      bool g = rows[k][2] == "same";
      bool p =
          Similarity(run.features[ids[k][0]], run.features[ids[k][1]]) >= t ||
          Root(run, ids[k][0]) == Root(run, ids[k][1]);
      tp += g && p, fp += !g && p, fn += g && !p;
    }
    double pr = tp + fp ? double(tp) / (tp + fp) : 0,
           rc = tp + fn ? double(tp) / (tp + fn) : 0;
    std::printf("    t=%.2f  P %.3f  R %.3f  F1 %.3f\n", t, pr, rc,
                pr + rc ? 2 * pr * rc / (pr + rc) : 0);
  }
  // A graded view, like SemEval-2022 Task 8's "same story" scale: Pearson
  // between the score and same 3 / related or followup 2 / different 1.
  std::vector<double> xs, ys;
  for (size_t k = 0; k < rows.size(); ++k) {
    const std::string& g = rows[k][2];
    xs.push_back(Similarity(run.features[ids[k][0]], run.features[ids[k][1]]));
    ys.push_back(g == "same" ? 3 : g == "different" ? 1 : 2);
  }
  std::printf("  Pearson of the score with the graded gold (3/2/1): %.3f\n",
              Pearson(xs, ys));
  prf("same story, pair score:", tp_s, fp_s, fn_s);
  prf("same story, clustering:", tp_c, fp_c, fn_c);
  for (const char* g : {"same", "related", "different"}) {
    std::printf(
        "  gold %-9s score->same %3d related %3d different %3d | clustered "
        "together %3d apart %3d\n",
        g, by_score[g]["same"], by_score[g]["related"],
        by_score[g]["different"], by_story[g]["same"], by_story[g]["apart"]);
  }
  return 0;
}

namespace {

// BCubed P/R/F1 of `pred` (a cluster id per article index) against the gold
// label of each row; prints one line.
void PrintBCubed(const std::vector<std::string>& gold,
                 const std::vector<std::vector<size_t>>& ids,
                 const std::vector<int64_t>& pred, const char* what) {
  const size_t n = gold.size();
  double p_sum = 0, r_sum = 0;
  std::set<std::string> groups(gold.begin(), gold.end());
  for (size_t i = 0; i < n; ++i) {
    int same_pred = 0, same_gold = 0, both = 0;
    for (size_t j = 0; j < n; ++j) {
      bool p = pred[ids[i][0]] == pred[ids[j][0]];
      bool g = gold[i] == gold[j];
      same_pred += p, same_gold += g, both += p && g;
    }
    p_sum += double(both) / same_pred;
    r_sum += double(both) / same_gold;
  }
  double p = n ? p_sum / n : 0, rc = n ? r_sum / n : 0;
  std::printf(
      "BCubed on %zu hand-grouped reports (%zu gold %s): P %.3f R %.3f F1 "
      "%.3f\n",
      n, groups.size(), what, p, rc, p + rc ? 2 * p * rc / (p + rc) : 0);
}

// Reads the gold groups, keeping the rows of `split` (if not empty).
bool ReadGroups(const std::vector<CorpusReport>& r, const std::string& path,
                const std::string& split,
                std::vector<std::vector<std::string>>* rows,
                std::vector<std::vector<size_t>>* ids) {
  if (!ReadGold(path, 2, 1, r, rows, ids)) return false;
  if (split.empty()) return true;
  size_t k = 0;  // a fourth column names the split (stories_ant)
  for (size_t i = 0; i < rows->size(); ++i) {
    if ((*rows)[i].size() > 3 && (*rows)[i][3] != split) continue;
    (*rows)[k] = (*rows)[i];
    (*ids)[k++] = (*ids)[i];
  }
  rows->resize(k);
  ids->resize(k);
  return true;
}

}  // namespace

int EvalGroups(const std::vector<CorpusReport>& r, const Run& run,
               const std::string& path, const std::string& split) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::vector<size_t>> ids;
  if (!ReadGroups(r, path, split, &rows, &ids)) return 1;
  if (!split.empty()) std::printf("split %s: ", split.c_str());
  std::vector<std::string> gold;
  for (const auto& row : rows) gold.push_back(row[1]);
  PrintBCubed(gold, ids, run.story, "stories");
  return 0;
}

int EvalThreads(const std::vector<CorpusReport>& r, const Run& run,
                const std::string& path, const std::string& split) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::vector<size_t>> ids;
  if (!ReadGroups(r, path, split, &rows, &ids)) return 1;
  if (rows.empty() || rows[0].size() < 3) return 0;  // no thread column
  if (!split.empty()) std::printf("split %s: ", split.c_str());
  std::vector<std::string> gold;
  for (const auto& row : rows) {  // "-": a story in no thread
    gold.push_back(row.size() > 2 && row[2] != "-" ? row[2] : "s:" + row[1]);
  }
  PrintBCubed(gold, ids, run.thread, "threads");
  return 0;
}

void WritePairFeatures(const std::vector<CorpusReport>& r, const Run& run,
                       const std::string& gold_path, const std::string& split,
                       const std::string& out_path) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::vector<size_t>> ids;
  if (!ReadGold(gold_path, 2, 1, r, &rows, &ids)) return;
  std::ofstream f(out_path);
  f << "same\tterms\ttitle\tentities\tshared_"
       "entities\tnumbers\tdates\tgap\tscore\ti\tj\tgi\tgj\tevent_gap\n";
  for (size_t i = 0; i < rows.size(); ++i) {
    if (!split.empty() && rows[i].size() > 3 && rows[i][3] != split) continue;
    for (size_t j = i + 1; j < rows.size(); ++j) {
      if (!split.empty() && rows[j].size() > 3 && rows[j][3] != split) continue;
      if (rows[i].size() > 4 && rows[i][4] != rows[j][4]) continue;  // window
      const StoryFeatures& a = run.features[ids[i][0]];
      const StoryFeatures& b = run.features[ids[j][0]];
      SimilarityParts p = ExplainSimilarity(a, b);
      const bool same = rows[i][1] == rows[j][1];
      if (!same && p.score < 0.05) continue;
      f << same << '\t' << p.terms << '\t' << p.title << '\t' << p.entities
        << '\t' << p.shared_entities << '\t' << p.shared_numbers << '\t'
        << p.shared_dates << '\t' << p.day_gap << '\t' << p.score << '\t' << i
        << '\t' << j << '\t' << rows[i][1] << '\t' << rows[j][1] << '\t'
        << p.event_gap << '\t' << SharedKind(a, b) << '\n';
    }
  }
}

void WriteJudgedPairParts(const std::vector<CorpusReport>& r, const Run& run,
                          const std::string& pairs_path,
                          const std::string& out_path) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::vector<size_t>> ids;
  if (!ReadGold(pairs_path, 3, 2, r, &rows, &ids)) return;
  std::ofstream f(out_path);
  f << "label\tsplit\tterms\ttitle\tentities\tshared_entities\tnumbers\t"
       "dates\tgap\tevent_gap\tkind\tscore\ttogether\n";
  for (size_t k = 0; k < rows.size(); ++k) {
    const StoryFeatures& a = run.features[ids[k][0]];
    const StoryFeatures& b = run.features[ids[k][1]];
    SimilarityParts p = ExplainSimilarity(a, b);
    f << rows[k][2] << '\t' << (rows[k].size() > 3 ? rows[k][3] : "-") << '\t'
      << p.terms << '\t' << p.title << '\t' << p.entities << '\t'
      << p.shared_entities << '\t' << p.shared_numbers << '\t' << p.shared_dates
      << '\t' << p.day_gap << '\t' << p.event_gap << '\t' << SharedKind(a, b)
      << '\t' << p.score << '\t'
      << (run.story[ids[k][0]] == run.story[ids[k][1]]) << '\n';
  }
}

}  // namespace marsad
