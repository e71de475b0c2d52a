// train_ner: trains the NER tagger (src/nlp/tagger.h) on ANERcorp with the
// averaged structured perceptron, and writes data/nlp/ner_model.bin.
//
//   train_ner --data ANERCORP.tsv --out MODEL [--epochs N] [--dev-fraction F]
//             [--min-count K] [--drop P] [--all]
//
// The last F of the sentences (default 0.1) are the development split: each
// epoch is scored on it (entity-level micro F1, conlleval counting) and the
// weights of the best epoch are kept. With --all the dev split is trained on
// too, for the epoch count given (no selection). Features seen fewer than K
// times in training (default 2) are dropped: rare features are mostly the
// surface forms of single sentences and cost model size, not accuracy.
// Deterministic: sentence order is shuffled with a fixed seed.
//
// The perceptron, after Collins (2002): decode each sentence with the
// current weights; where the best path differs from the gold one, add the
// gold path's features and subtract the predicted path's. The averaged
// weights use the usual trick: keep w and u = Σ c·Δ, where c counts
// sentences seen; the average is w − u/c.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <numeric>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "src/base/data.h"
#include "src/base/file.h"
#include "src/nlp/conll.h"
#include "src/nlp/features.h"
#include "src/nlp/gazetteer.h"
#include "src/nlp/tagger.h"

namespace marsad {
namespace {

struct Options {
  std::string data, out;
  int epochs = 20;
  double dev_fraction = 0.1;
  int min_count = 2;
  bool all = false;
  double drop = 0.0;
};

struct Example {
  std::vector<int32_t> feats;  // ids, -1 for dropped; n * kFeaturesPerToken
  std::vector<int> gold;
};

constexpr int T = kNumTags;
constexpr int P = FeatureExtractor::kFeaturesPerToken;
// Template slots of a token's own word identity (see features.cc: slot 0 is
// the bias, then the attributes in order, then the pair templates).
constexpr int kWordIdentity[] = {1 + FeatureExtractor::kSurface, 1 + FeatureExtractor::kFold,
                                 1 + FeatureExtractor::kStem, P - 6, P - 5, P - 4};
static_assert(FeatureExtractor::kSurface == 0 && FeatureExtractor::kStem == 2);

class Perceptron {
 public:
  explicit Perceptron(size_t n_feats)
      : w_(n_feats * T, 0.f), u_(n_feats * T, 0.f), tw_((T + 1) * T, 0.f), tu_((T + 1) * T, 0.f) {}

  // `feats` may differ from ex.feats (word-identity dropout).
  void Train(const Example& ex, const std::vector<int32_t>& feats, TaggerModel::Scratch* s,
             std::vector<int>* pred) {
    size_t n = ex.gold.size();
    emit_.assign(n * T, 0.f);
    for (size_t i = 0; i < n; ++i)
      for (int k = 0; k < P; ++k) {
        int32_t f = feats[i * P + k];
        if (f < 0) continue;
        for (int y = 0; y < T; ++y) emit_[i * T + y] += w_[f * T + y];
      }
    TaggerModel::Viterbi(emit_.data(), n, tw_.data(), s, pred);
    ++c_;
    if (*pred == ex.gold) return;
    for (size_t i = 0; i < n; ++i) {
      int g = ex.gold[i], p = (*pred)[i];
      int gp = i ? ex.gold[i - 1] : -1, pp = i ? (*pred)[i - 1] : -1;
      if (g != p || gp != pp) {
        Bump(tw_, tu_, (gp + 1) * T + g, 1);
        Bump(tw_, tu_, (pp + 1) * T + p, -1);
      }
      if (g == p) continue;
      for (int k = 0; k < P; ++k) {
        int32_t f = feats[i * P + k];
        if (f < 0) continue;
        Bump(w_, u_, f * T + g, 1);
        Bump(w_, u_, f * T + p, -1);
      }
    }
  }
  std::vector<float> Averaged(const std::vector<float>& w, const std::vector<float>& u) const {
    std::vector<float> a(w.size());
    for (size_t i = 0; i < w.size(); ++i) a[i] = w[i] - u[i] / static_cast<float>(c_);
    return a;
  }
  std::vector<float> AveragedWeights() const { return Averaged(w_, u_); }
  std::vector<float> AveragedTransitions() const { return Averaged(tw_, tu_); }

 private:
  void Bump(std::vector<float>& w, std::vector<float>& u, size_t i, float d) {
    w[i] += d;
    u[i] += static_cast<float>(c_) * d;
  }
  std::vector<float> w_, u_, tw_, tu_, emit_;
  long c_ = 1;
};

std::unique_ptr<TaggerModel> BuildModel(const std::vector<uint64_t>& id_to_hash,
                                        const std::vector<float>& w, std::vector<float> trans) {
  std::vector<size_t> order;
  for (size_t f = 0; f < id_to_hash.size(); ++f) {
    bool any = false;
    for (int y = 0; y < T; ++y) any |= std::fabs(w[f * T + y]) > 1e-4f;
    if (any) order.push_back(f);
  }
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return id_to_hash[a] < id_to_hash[b]; });
  std::vector<uint64_t> keys;
  std::vector<float> weights;
  keys.reserve(order.size());
  weights.reserve(order.size() * T);
  for (size_t f : order) {
    keys.push_back(id_to_hash[f]);
    weights.insert(weights.end(), w.begin() + f * T, w.begin() + (f + 1) * T);
  }
  return TaggerModel::FromWeights(std::move(keys), std::move(weights), std::move(trans));
}

NerCounts Evaluate(const TaggerModel& m, const std::vector<std::vector<uint64_t>>& feats,
                   const std::vector<TaggedSentence>& sents) {
  NerCounts c;
  TaggerModel::Scratch s;
  std::vector<int> pred;
  for (size_t i = 0; i < sents.size(); ++i) {
    m.Decode(feats[i].data(), sents[i].tokens.size(), P, &s, &pred);
    c.Add(sents[i].tags, pred);
  }
  return c;
}

std::vector<std::vector<uint64_t>> ExtractAll(const FeatureExtractor& fx,
                                              const std::vector<TaggedSentence>& sents) {
  std::vector<std::vector<uint64_t>> out(sents.size());
  FeatureExtractor::Scratch s;
  std::vector<std::string_view> toks;
  for (size_t i = 0; i < sents.size(); ++i) {
    toks.assign(sents[i].tokens.begin(), sents[i].tokens.end());
    fx.Extract(toks, &s, &out[i]);
  }
  return out;
}

int Run(const Options& o) {
  auto gaz = Gazetteer::Load(DataPath("nlp"));
  if (!gaz.ok()) return std::cerr << "train_ner: " << gaz.status().ToString() << "\n", 1;
  auto text = ReadFile(o.data);
  if (!text.ok()) return std::cerr << "train_ner: " << text.status().ToString() << "\n", 1;
  ConllOptions co;
  co.split_on_final_punct = true;
  co.repair = true;
  auto all = ParseConll(*text, co);
  if (!all.ok()) return std::cerr << "train_ner: " << all.status().ToString() << "\n", 1;
  std::vector<TaggedSentence> train, dev;
  SplitTrainDev(std::move(*all), o.all ? 0.0 : o.dev_fraction, &train, &dev);
  if (o.all) {
    std::vector<TaggedSentence> t2, d2;
    // Same dev sentences as without --all, for reporting only.
    SplitTrainDev(train, o.dev_fraction, &t2, &d2);
    dev = std::move(d2);
  }
  std::cerr << "train_ner: " << train.size() << " training sentences, " << dev.size()
            << " dev sentences\n";
  FeatureExtractor fx(**gaz);
  auto train_feats = ExtractAll(fx, train);
  auto dev_feats = ExtractAll(fx, dev);
  std::unordered_map<uint64_t, int32_t> ids;
  std::vector<uint64_t> id_to_hash;
  {
    std::unordered_map<uint64_t, int> counts;
    for (const auto& f : train_feats)
      for (uint64_t h : f) ++counts[h];
    for (const auto& f : train_feats)
      for (uint64_t h : f)
        if (counts[h] >= o.min_count && ids.emplace(h, static_cast<int32_t>(id_to_hash.size())).second)
          id_to_hash.push_back(h);
  }
  std::cerr << "train_ner: " << id_to_hash.size() << " features\n";
  std::vector<Example> examples(train.size());
  for (size_t i = 0; i < train.size(); ++i) {
    examples[i].gold = train[i].tags;
    examples[i].feats.reserve(train_feats[i].size());
    for (uint64_t h : train_feats[i]) {
      auto it = ids.find(h);
      examples[i].feats.push_back(it == ids.end() ? -1 : it->second);
    }
  }
  train_feats.clear();
  Perceptron p(id_to_hash.size());
  std::vector<size_t> order(examples.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937 rng(1234);
  TaggerModel::Scratch s;
  std::vector<int> pred;
  std::vector<int32_t> dropped;
  std::uniform_real_distribution<double> coin(0, 1);
  std::unique_ptr<TaggerModel> best;
  double best_f1 = -1;
  for (int e = 1; e <= o.epochs; ++e) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t i : order) {
      const Example& ex = examples[i];
      if (o.drop <= 0) {
        p.Train(ex, ex.feats, &s, &pred);
        continue;
      }
      // Word-identity dropout: hide a token's own word features now and
      // then, so that context, clusters and gazetteers learn to carry the
      // names the training data does not repeat.
      dropped = ex.feats;
      for (size_t t = 0; t < ex.gold.size(); ++t) {
        if (coin(rng) >= o.drop) continue;
        for (int k : kWordIdentity) dropped[t * P + k] = -1;
      }
      p.Train(ex, dropped, &s, &pred);
    }
    auto model = BuildModel(id_to_hash, p.AveragedWeights(), p.AveragedTransitions());
    NerCounts c = Evaluate(*model, dev_feats, dev);
    std::fprintf(stderr, "epoch %2d: dev micro F1 %.4f (P %.4f R %.4f)\n", e, c.F1(0),
                 c.Precision(0), c.Recall(0));
    if (o.all || c.F1(0) > best_f1) {
      best_f1 = c.F1(0);
      best = std::move(model);
    }
  }
  std::string bytes = best->Serialize();
  Status st = WriteFileAtomic(o.out, bytes);
  if (!st.ok()) return std::cerr << "train_ner: " << st.ToString() << "\n", 1;
  std::fprintf(stderr, "train_ner: wrote %s: %zu rows, %.1f MB; kept dev F1 %.4f%s\n",
               o.out.c_str(), best->rows(), bytes.size() / 1e6, best_f1,
               o.all ? " (dev was trained on: not a held-out figure)" : "");
  return 0;
}

}  // namespace
}  // namespace marsad

int main(int argc, char** argv) {
  marsad::Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--data") o.data = next();
    else if (a == "--out") o.out = next();
    else if (a == "--epochs") o.epochs = std::stoi(next());
    else if (a == "--dev-fraction") o.dev_fraction = std::stod(next());
    else if (a == "--min-count") o.min_count = std::stoi(next());
    else if (a == "--all") o.all = true;
    else if (a == "--drop") o.drop = std::stod(next());
    else {
      std::cerr << "train_ner: unknown argument " << a << "\n";
      return 2;
    }
  }
  if (o.data.empty() || o.out.empty()) {
    std::cerr << "usage: train_ner --data ANERCORP.tsv --out MODEL [--epochs N] "
                 "[--dev-fraction F] [--min-count K] [--all]\n";
    return 2;
  }
  return marsad::Run(o);
}
