// train_ner: trains the NER tagger (src/nlp/tagger.h) on ANERcorp with the
// averaged structured perceptron, and writes models/ner_model.bin.
//
//   train_ner --data ANERCORP.tsv --out MODEL [--epochs N] [--dev-fraction F]
//             [--min-count K] [--drop P] [--seed S] [--all]
//             [--corpus NEWS.jsonl.gz ... [--corpus-docs D] [--folds K]
//              [--lexicon-out corpus_labels.tsv] [--lexicon-min M]
//              [--patterns-out pattern_labels.tsv]]
//             [--doc-beta B] [--dev-block K/N] [--ensemble N] [--no-patterns]
//             [--net-hidden H [--net-epochs E] [--net-weight W]
//              [--net-lr R] [--net-dropout D] [--net-average]]
//             [--self-corpus NEWS.jsonl.gz ... [--self-docs D]
//              [--self-weight W] [--self-min-occ M] [--self-beta B]
//              [--self-skip-misc] [--self-max S] [--self-dump PATH]]
//             [--extra FORMAT:PATH[:W[:MISC[:HOLD]]] ... [--extra-domain]]
//
// The last F of the sentences (default 0.1) are the development split (or,
// with --dev-block K/N for cross-validation, the K-th of N contiguous
// blocks; experiments only, the dev split of 412 sentences and 1,086 names
// being too small to tell half a point from seed noise): each
// epoch is scored on it (entity-level micro F1, conlleval counting) and the
// weights of the best epoch are kept. With --all the dev split is trained on
// too, for the epoch count given (no selection). Features seen fewer than K
// times in training (default 2) are dropped: rare features are mostly the
// surface forms of single sentences and cost model size, not accuracy.
// Deterministic: sentence order is shuffled with a fixed seed.
//
// The document pass (src/nlp/tagger.h) adds `beta` to a type's scores at a
// word tagged that type a few sentences away; beta is in the units of the
// trained weights, so it is chosen here on the dev split from a grid (after
// the epoch) and written into the model, unless --doc-beta gives it (as
// with --all, where the dev split is no guide; 0 turns the pass off).
//
// With --net-hidden H, a feed-forward net with H hidden units (TaggerNet,
// SparseMlp below) is trained after the perceptron on the same features
// (with the same word-identity dropout), its epoch chosen by its own dev
// score (the last of E with --all), then added to the perceptron's scores
// with the weight W that scores best on the dev split (a grid, unless
// given). The document pass's beta is chosen after that, on the sum.
//
// With --corpus (given once per file; make train-ner gives the three news
// corpora), the corpus attribute (src/nlp/lexicon.h) is learned first:
// models without it tag the untagged corpus and count each word's tags. The
// training text is cut into K contiguous folds; fold k's sentences get the
// lexicon of a model trained on the other folds, the dev split (and run
// time, via --lexicon-out) that of a model trained on all of them. Words
// seen fewer than M times (default 2) or never tagged an entity are left out.
// Before that, the pattern lexicon is counted over the same corpus (see
// MinePatterns; no labels involved, so no folds) and, with --patterns-out,
// written for run time.
//
// Self-training (--self-corpus; an experiment of issue 23's round 6,
// docs/RESULTS.md, not part of make train-ner): a model of the training
// sentences alone (its last epoch) tags D documents spread over the files,
// with the document pass at B; a sentence whose every name is tagged alike
// at each of the at least M occurrences of its words in the document is
// trained on with weight W, after the other gold corpora. They count as
// training text for the features and the perceptron, not for the seen /
// unseen table the trainer prints last.
//
// The perceptron, after Collins (2002): decode each sentence with the
// current weights; where the best path differs from the gold one, add the
// gold path's features and subtract the predicted path's. The averaged
// weights use the usual trick: keep w and u = Σ c·Δ, where c counts
// sentences seen; the average is w − u/c.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <numeric>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "src/base/data.h"
#include "src/base/file.h"
#include "src/base/utf8.h"
#include "src/nlp/conll.h"
#include "src/nlp/features.h"
#include "src/nlp/gazetteer.h"
#include "src/nlp/lexicon.h"
#include "src/nlp/tagger.h"
#include "src/text/normalize.h"
#include "src/text/segment.h"
#include "src/text/tables.h"
#include "src/text/tokenize.h"
#include "tools/train_ner/gold_corpora.h"

namespace marsad {
namespace {

struct Options {
  std::string data, out;
  int epochs = 20;
  double dev_fraction = 0.1;
  // Cross-validation: with dev_blocks > 0, the dev split is block dev_block
  // of dev_blocks contiguous blocks of sentences instead of the last part.
  int dev_block = 0, dev_blocks = 0;
  int min_count = 2;
  bool all = false;
  double drop = 0.0;
  uint32_t seed = 1234;
  int folds = 3;
  std::vector<std::string> corpus;  // read in this order, as one corpus
  std::string lexicon_out;
  size_t corpus_docs = SIZE_MAX;  // all
  int lexicon_min = 2;
  float doc_beta = -1;  // <0: chosen on the dev split
  std::string patterns_out;
  bool no_patterns = false;  // experiments: the pattern attribute unknown
  int ensemble = 1;
  // The net over the same features (TaggerNet): hidden units (0: none),
  // epochs (the best on dev is kept, unless --all), its weight against the
  // perceptron's scores (<0: chosen on the dev split), Adagrad's rate and
  // the hidden layer's dropout.
  int net_hidden = 0, net_epochs = 10;
  float net_weight = -1;
  double net_lr = 0.05, net_dropout = 0.2;
  bool net_average = false;  // experiment: average the net over epochs
  int net_levels = 7;        // the net's rows as integers in [-L, L]
  // Other gold corpora trained on with ANERcorp's training part
  // (tools/train_ner/gold_corpora.h), never part of the dev split.
  std::vector<GoldCorpusSpec> extra;
  // Feature augmentation (experiment, issue 23 round 7; Daume 2007): each
  // extra corpus's sentences also fire a copy of every feature of their
  // own, trained beside the shared one and left out of the model, so that
  // the copy can absorb what the corpus does unlike ANERcorp.
  bool extra_domain = false;
  // Self-training (experiment, issue 23 round 6): a model of the training
  // sentences (no dev selection) tags `self_docs` documents spread over the
  // files `self_corpus`, with the document pass at `self_beta`; sentences
  // whose every name is tagged alike at each of its occurrences in the
  // document, and occurs there at least `self_min_occ` times, are trained on
  // with weight `self_weight` (at most `self_max` of them).
  std::vector<std::string> self_corpus;
  size_t self_docs = 5000, self_max = SIZE_MAX;
  float self_weight = 0.3f, self_beta = 80;
  int self_min_occ = 2;
  bool self_skip_misc = false;  // no sentence with a MISC name
  std::string self_dump;        // write the kept sentences here (token<TAB>tag)
};

struct Example {
  std::vector<int32_t> feats;  // ids, -1 for dropped; n * kFeaturesPerToken
  // --extra-domain: ids of the corpus's own copies of feats (same layout),
  // or empty.
  std::vector<int32_t> dom;
  std::vector<int> gold;       // BILOU model tags (src/nlp/tags.h)
  std::vector<uint8_t> links;  // FeatureExtractor::Link, per token
  // Times trained on per epoch (--extra's weight; a fraction is a chance).
  float weight = 1;
};

// The sentences of one epoch: `order` (shuffled in place, as it always was,
// so that runs without weights other than 1 are unchanged), each sentence as
// many times as its weight says, a fraction of a time by chance.
void EpochOrder(const std::vector<Example>& examples,
                std::vector<size_t>* order, std::mt19937* rng,
                std::vector<size_t>* out) {
  std::shuffle(order->begin(), order->end(), *rng);
  out->clear();
  std::uniform_real_distribution<float> coin(0, 1);
  for (size_t i : *order) {
    float w = examples[i].weight;
    if (w == 1) {
      out->push_back(i);
      continue;
    }
    int copies = static_cast<int>(w);
    if (coin(*rng) < w - copies) ++copies;
    for (int c = 0; c < copies; ++c) out->push_back(i);
  }
}

constexpr int T = kNumModelTags;
constexpr int P = FeatureExtractor::kFeaturesPerToken;
// Template slots of a token's own word identity (see features.cc: slot 0 is
// the bias, then the attributes in order, then the pair templates).
constexpr int kWordIdentity[] = {
    1 + FeatureExtractor::kSurface,       1 + FeatureExtractor::kFold,
    1 + FeatureExtractor::kStem,          FeatureExtractor::kFirstPairSlot,
    FeatureExtractor::kFirstPairSlot + 1, FeatureExtractor::kFirstPairSlot + 2};
static_assert(FeatureExtractor::kSurface == 0 && FeatureExtractor::kStem == 2);

class Perceptron {
 public:
  explicit Perceptron(size_t n_feats)
      : w_(n_feats * T, 0.f),
        u_(n_feats * T, 0.f),
        tw_(TaggerModel::kTransitionSize, 0.f),
        tu_(TaggerModel::kTransitionSize, 0.f) {}

  // `feats` may differ from ex.feats (word-identity dropout).
  void Train(const Example& ex, const std::vector<int32_t>& feats,
             TaggerModel::Scratch* s, std::vector<int>* pred) {
    size_t n = ex.gold.size();
    emit_.assign(n * T, 0.f);
    const bool dom = !ex.dom.empty();
    for (size_t i = 0; i < n; ++i)
      for (int k = 0; k < P; ++k) {
        int32_t f = feats[i * P + k];
        if (f < 0) continue;
        for (int y = 0; y < T; ++y) emit_[i * T + y] += w_[f * T + y];
        int32_t d = dom ? ex.dom[i * P + k] : -1;
        if (d < 0) continue;
        for (int y = 0; y < T; ++y) emit_[i * T + y] += w_[d * T + y];
      }
    TaggerModel::Viterbi(emit_.data(), n, tw_.data(), ex.links.data(), s, pred);
    ++c_;
    if (*pred == ex.gold) return;
    for (size_t i = 0; i < n; ++i) {
      int g = ex.gold[i], p = (*pred)[i];
      int gp = i ? ex.gold[i - 1] : -1, pp = i ? (*pred)[i - 1] : -1;
      if (g != p || gp != pp) {
        // Block 0, and the token's link class's block if it has one.
        auto bump = [&](size_t base) {
          Bump(tw_, tu_, base + (gp + 1) * T + g, 1);
          Bump(tw_, tu_, base + (pp + 1) * T + p, -1);
        };
        bump(0);
        if (ex.links[i] != 0) bump(ex.links[i] * TaggerModel::kTransitionBlock);
      }
      if (g == p) continue;
      for (int k = 0; k < P; ++k) {
        int32_t f = feats[i * P + k];
        if (f < 0) continue;
        Bump(w_, u_, f * T + g, 1);
        Bump(w_, u_, f * T + p, -1);
        int32_t d = dom ? ex.dom[i * P + k] : -1;
        if (d < 0) continue;
        Bump(w_, u_, d * T + g, 1);
        Bump(w_, u_, d * T + p, -1);
      }
    }
  }
  std::vector<float> Averaged(const std::vector<float>& w,
                              const std::vector<float>& u) const {
    std::vector<float> a(w.size());
    for (size_t i = 0; i < w.size(); ++i)
      a[i] = w[i] - u[i] / static_cast<float>(c_);
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
                                        const std::vector<float>& w,
                                        std::vector<float> trans) {
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
  return TaggerModel::FromWeights(std::move(keys), std::move(weights),
                                  std::move(trans));
}

// Word-identity dropout: *out is ex's features with each token's own word
// features hidden with probability `drop`, so that context, clusters,
// gazetteers and the corpus lexicon learn to carry the names the training
// data does not repeat. Both the perceptron and the net train on it.
void DropWordIdentity(const Example& ex, double drop, std::mt19937* rng,
                      std::vector<int32_t>* out) {
  std::uniform_real_distribution<double> coin(0, 1);
  *out = ex.feats;
  for (size_t t = 0; drop > 0 && t < ex.gold.size(); ++t) {
    if (coin(*rng) >= drop) continue;
    for (int k : kWordIdentity) (*out)[t * P + k] = -1;
  }
}

// The feed-forward net over the tagger's sparse features (TaggerNet, Botha
// et al. 2017): h = ReLU(b + sum of the active features' rows of V), then a
// softmax over the BILOU tags. Its hidden layer can conjoin features the
// perceptron only adds. Trained with Adagrad on the per-token cross-entropy,
// with dropout on h.
class SparseMlp {
 public:
  SparseMlp(size_t n_feats, int hidden, uint32_t seed)
      : H_(hidden),
        v_(n_feats * hidden),
        gv_(n_feats * hidden, 0.f),
        b_(hidden, 0.f),
        gb_(hidden, 0.f),
        u_(hidden * T),
        gu_(hidden * T, 0.f),
        c_(T, 0.f),
        gc_(T, 0.f),
        rng_(seed) {
    std::normal_distribution<float> n1(0.f, 0.5f / std::sqrt(float(P))),
        n2(0.f, 1.f / std::sqrt(float(hidden)));
    for (float& x : v_) x = n1(rng_);
    for (float& x : u_) x = n2(rng_);
  }
  // Log-probabilities of the tags of token `t` (feature ids, -1 skipped).
  void Forward(const int32_t* f, float* z, float* logp) const {
    SumRows(f, z);
    for (int j = 0; j < H_; ++j) z[j] = z[j] > 0 ? z[j] : 0;
    float o[T];
    Output(z, o);
    float mx = o[0];
    for (int y = 1; y < T; ++y) mx = std::max(mx, o[y]);
    float sum = 0;
    for (int y = 0; y < T; ++y) sum += std::exp(o[y] - mx);
    float lz = mx + std::log(sum);
    for (int y = 0; y < T; ++y) logp[y] = o[y] - lz;
  }
  void Train(const int32_t* f, int gold, double lr, double dropout) {
    std::vector<float>& z = z_;
    z.resize(H_);
    SumRows(f, z.data());
    h_.resize(H_);
    std::uniform_real_distribution<float> coin(0, 1);
    float keep = 1.f - float(dropout);
    for (int j = 0; j < H_; ++j) {
      float h = z[j] > 0 ? z[j] : 0;
      if (dropout > 0) h = coin(rng_) < keep ? h / keep : 0;
      h_[j] = h;
    }
    float o[T];
    Output(h_.data(), o);
    float mx = o[0];
    for (int y = 1; y < T; ++y) mx = std::max(mx, o[y]);
    float sum = 0;
    for (int y = 0; y < T; ++y) sum += (o[y] = std::exp(o[y] - mx));
    for (int y = 0; y < T; ++y) o[y] = o[y] / sum - (y == gold ? 1.f : 0.f);
    // dh, then updates.
    dz_.assign(H_, 0.f);
    for (int j = 0; j < H_; ++j) {
      if (h_[j] == 0) continue;
      float* uj = &u_[size_t(j) * T];
      float* gj = &gu_[size_t(j) * T];
      float d = 0;
      for (int y = 0; y < T; ++y) {
        d += uj[y] * o[y];
        float g = h_[j] * o[y];
        gj[y] += g * g;
        uj[y] -= lr * g / std::sqrt(gj[y] + 1e-6f);
      }
      dz_[j] = d / keep;
    }
    for (int y = 0; y < T; ++y) {
      gc_[y] += o[y] * o[y];
      c_[y] -= lr * o[y] / std::sqrt(gc_[y] + 1e-6f);
    }
    for (int j = 0; j < H_; ++j) {
      float g = dz_[j];
      if (g == 0) continue;
      gb_[j] += g * g;
      b_[j] -= lr * g / std::sqrt(gb_[j] + 1e-6f);
    }
    for (int k = 0; k < P; ++k) {
      if (f[k] < 0) continue;
      float* r = &v_[size_t(f[k]) * H_];
      float* gr = &gv_[size_t(f[k]) * H_];
      for (int j = 0; j < H_; ++j) {
        float g = dz_[j];
        if (g == 0) continue;
        gr[j] += g * g;
        r[j] -= lr * g / std::sqrt(gr[j] + 1e-6f);
      }
    }
  }
  int hidden() const { return H_; }
  // This net becomes the mean of the k nets it has averaged so far and
  // `net` (weight averaging over epochs, which steadies the dev score).
  void AverageWith(const SparseMlp& net, int k) {
    const float a = 1.f / (k + 1);
    auto mix = [a](std::vector<float>& x, const std::vector<float>& y) {
      for (size_t i = 0; i < x.size(); ++i) x[i] += a * (y[i] - x[i]);
    };
    mix(v_, net.v_);
    mix(b_, net.b_);
    mix(u_, net.u_);
    mix(c_, net.c_);
  }
  // The run-time form, one row per key: each feature's row as integers in
  // [-levels, levels] (int8) with a scale of its own.
  TaggerNet Export(const std::vector<int32_t>& id_of_key, int levels) const {
    TaggerNet n;
    n.hidden = H_;
    n.rows.assign(id_of_key.size() * H_, 0);
    n.scale.assign(id_of_key.size(), 0.f);
    for (size_t r = 0; r < id_of_key.size(); ++r) {
      if (id_of_key[r] < 0) continue;
      const float* v = &v_[size_t(id_of_key[r]) * H_];
      float mx = 0;
      for (int j = 0; j < H_; ++j) mx = std::max(mx, std::fabs(v[j]));
      if (mx == 0) continue;
      n.scale[r] = mx / levels;
      for (int j = 0; j < H_; ++j)
        n.rows[r * H_ + j] =
            static_cast<int8_t>(std::lround(v[j] / n.scale[r]));
    }
    n.bias = b_;
    n.out = u_;
    n.out_bias = c_;
    return n;
  }

 private:
  // z = b + the rows of the token's features.
  void SumRows(const int32_t* f, float* z) const {
    std::copy(b_.begin(), b_.end(), z);
    for (int k = 0; k < P; ++k) {
      if (f[k] < 0) continue;
      const float* r = &v_[size_t(f[k]) * H_];
      for (int j = 0; j < H_; ++j) z[j] += r[j];
    }
  }
  // o = c + U h (h after ReLU and dropout; its zeros are skipped).
  void Output(const float* h, float* o) const {
    for (int y = 0; y < T; ++y) o[y] = c_[y];
    for (int j = 0; j < H_; ++j) {
      if (h[j] == 0) continue;
      const float* uj = &u_[size_t(j) * T];
      for (int y = 0; y < T; ++y) o[y] += h[j] * uj[y];
    }
  }

  int H_;
  std::vector<float> v_, gv_, b_, gb_, u_, gu_, c_, gc_;
  std::vector<float> z_, h_, dz_;
  std::mt19937 rng_;
};

// Log-probabilities of every token of `ex` by `net`, n * T.
void NetScores(const SparseMlp& net, const Example& ex,
               std::vector<float>* out) {
  size_t n = ex.gold.size();
  out->resize(n * T);
  std::vector<float> z(net.hidden());
  for (size_t i = 0; i < n; ++i)
    net.Forward(&ex.feats[i * P], z.data(), &(*out)[i * T]);
}

NerCounts Evaluate(const TaggerModel& m,
                   const std::vector<std::vector<uint64_t>>& feats,
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

// Pass 1 of the dev split as `marsad ner` tags it: the sentences in order,
// one document for the document pass.
DocumentPass FirstPass(const TaggerModel& m,
                       const std::vector<std::vector<uint64_t>>& feats,
                       const std::vector<std::vector<uint64_t>>& keys,
                       const std::vector<TaggedSentence>& sents) {
  DocumentPass doc;
  TaggerModel::Scratch s;
  std::vector<int> pred;
  for (size_t i = 0; i < sents.size(); ++i) {
    m.Decode(feats[i].data(), sents[i].tokens.size(), P, &s, &pred);
    doc.Add(s, keys[i], pred);
  }
  return doc;
}

// The dev split's counts after the document pass with options `o`.
NerCounts SecondPass(const DocumentPass& doc, const TaggerModel& m,
                     const DocumentPassOptions& o,
                     const std::vector<TaggedSentence>& sents) {
  NerCounts c;
  TaggerModel::Scratch s;
  std::vector<int> pred;
  for (size_t i = 0; i < sents.size(); ++i) {
    doc.Redecode(m, o, i, &s, &pred);
    c.Add(sents[i].tags, pred);
  }
  return c;
}

// Features of every sentence, and with `keys` their document-pass keys.
std::vector<std::vector<uint64_t>> ExtractAll(
    const FeatureExtractor& fx, const std::vector<TaggedSentence>& sents,
    std::vector<std::vector<uint64_t>>* keys = nullptr) {
  std::vector<std::vector<uint64_t>> out(sents.size());
  if (keys) keys->resize(sents.size());
  FeatureExtractor::Scratch s;
  std::vector<std::string_view> toks;
  for (size_t i = 0; i < sents.size(); ++i) {
    toks.assign(sents[i].tokens.begin(), sents[i].tokens.end());
    fx.Extract(toks, &s, &out[i]);
    if (keys) FeatureExtractor::DocumentKeys(toks, s, &(*keys)[i]);
  }
  return out;
}

// Feature hashes to dense ids: those seen at least min_count times.
struct FeatureIds {
  std::unordered_map<uint64_t, int32_t> ids;
  std::vector<uint64_t> hashes;
  // --extra-domain: ids from hashes.size() on, one per (corpus, feature)
  // pair seen; never part of a model.
  std::unordered_map<uint64_t, int32_t> dom_ids;
  size_t Size() const { return hashes.size() + dom_ids.size(); }
  // ex.dom for a sentence of extra corpus `corpus` (0, 1, ...).
  void MapDomain(int corpus, Example* ex) {
    ex->dom.assign(ex->feats.size(), -1);
    for (size_t i = 0; i < ex->feats.size(); ++i) {
      if (ex->feats[i] < 0) continue;
      uint64_t key = (static_cast<uint64_t>(corpus) << 32) |
                     static_cast<uint32_t>(ex->feats[i]);
      auto [it, added] = dom_ids.emplace(
          key, static_cast<int32_t>(hashes.size() + dom_ids.size()));
      ex->dom[i] = it->second;
    }
  }
  FeatureIds(const std::vector<std::vector<uint64_t>>& feats, int min_count) {
    std::unordered_map<uint64_t, int> counts;
    for (const auto& f : feats)
      for (uint64_t h : f) ++counts[h];
    for (const auto& f : feats)
      for (uint64_t h : f)
        if (counts[h] >= min_count &&
            ids.emplace(h, static_cast<int32_t>(hashes.size())).second)
          hashes.push_back(h);
  }
  Example Map(const std::vector<uint64_t>& f,
              const std::vector<int>& gold) const {
    Example ex;
    BioToModelTags(gold, &ex.gold);
    for (size_t i = 0; i < gold.size(); ++i)
      ex.links.push_back(
          static_cast<uint8_t>(FeatureExtractor::LinkOf(f[i * P])));
    ex.feats.reserve(f.size());
    for (uint64_t h : f) {
      auto it = ids.find(h);
      ex.feats.push_back(it == ids.end() ? -1 : it->second);
    }
    return ex;
  }
};

// The perceptron `m` with the net added: a row for every feature of the
// training part (the perceptron's zero rows, dropped by BuildModel, return
// as zeros).
std::unique_ptr<TaggerModel> WithNet(const TaggerModel& m,
                                     const FeatureIds& ids,
                                     const SparseMlp& net, int levels) {
  std::vector<size_t> order(ids.hashes.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return ids.hashes[a] < ids.hashes[b]; });
  std::vector<uint64_t> keys;
  std::vector<float> weights;
  std::vector<int32_t> id_of_key;
  for (size_t f : order) {
    keys.push_back(ids.hashes[f]);
    id_of_key.push_back(static_cast<int32_t>(f));
    int row = m.Row(ids.hashes[f]);
    if (row < 0)
      weights.insert(weights.end(), T, 0.f);
    else
      weights.insert(weights.end(), m.Weights(row), m.Weights(row) + T);
  }
  std::vector<float> trans(m.transitions(),
                           m.transitions() + TaggerModel::kTransitionSize);
  auto out =
      TaggerModel::FromWeights(std::move(keys), std::move(weights),
                               std::move(trans), net.Export(id_of_key, levels));
  out->set_document_pass(m.document_pass());
  return out;
}

// Trains on examples[which] for o.epochs epochs. With a dev set, reports
// each epoch and keeps the best one (unless o.all); without, the last.
std::unique_ptr<TaggerModel> TrainModel(
    const Options& o, const std::vector<Example>& examples,
    std::vector<size_t> which, const FeatureIds& ids,
    const std::vector<std::vector<uint64_t>>* dev_feats,
    const std::vector<TaggedSentence>* dev, uint32_t seed, int members = 1) {
  // An ensemble: `members` perceptrons, each with its own sentence order and
  // dropout, trained side by side; the model is the mean of their averaged
  // weights.
  std::vector<Perceptron> ps(members, Perceptron(ids.Size()));
  std::vector<std::mt19937> rngs;
  for (int m = 0; m < members; ++m) rngs.emplace_back(seed + 7919u * m);
  std::vector<std::vector<size_t>> orders(members, which);
  TaggerModel::Scratch s;
  std::vector<int> pred;
  std::vector<int32_t> dropped;
  std::vector<size_t> epoch;
  std::unique_ptr<TaggerModel> best;
  double best_f1 = -1;
  NerCounts best_counts;
  int best_epoch = 0;
  for (int e = 1; e <= o.epochs; ++e) {
    for (int m = 0; m < members; ++m) {
      std::mt19937& rng = rngs[m];
      EpochOrder(examples, &orders[m], &rng, &epoch);
      for (size_t i : epoch) {
        const Example& ex = examples[i];
        DropWordIdentity(ex, o.drop, &rng, &dropped);
        ps[m].Train(ex, dropped, &s, &pred);
      }
    }
    if (!dev && e < o.epochs) continue;
    std::vector<float> w = ps[0].AveragedWeights(),
                       t = ps[0].AveragedTransitions();
    for (int m = 1; m < members; ++m) {
      std::vector<float> w2 = ps[m].AveragedWeights(),
                         t2 = ps[m].AveragedTransitions();
      for (size_t i = 0; i < w.size(); ++i) w[i] += w2[i];
      for (size_t i = 0; i < t.size(); ++i) t[i] += t2[i];
    }
    for (float& x : w) x /= members;
    for (float& x : t) x /= members;
    auto model = BuildModel(ids.hashes, w, std::move(t));
    if (!dev) return model;
    NerCounts c = Evaluate(*model, *dev_feats, *dev);
    std::fprintf(stderr, "epoch %2d: dev micro F1 %.4f (P %.4f R %.4f)\n", e,
                 c.F1(0), c.Precision(0), c.Recall(0));
    if (o.all || c.F1(0) > best_f1) {
      best_f1 = c.F1(0);
      best = std::move(model);
      best_counts = c;
      best_epoch = e;
    }
  }
  std::fprintf(
      stderr,
      "kept epoch %d: micro %.4f PERS %.4f LOC %.4f ORG %.4f MISC %.4f\n",
      best_epoch, best_counts.F1(0), best_counts.F1(1), best_counts.F1(2),
      best_counts.F1(3), best_counts.F1(4));
  return best;
}

// The sentences of the first `max_docs` documents of the corpus files (with
// `every` > 1, only every such document), in order, as the entities stage
// sees them (display text, its tokenizer and sentence splitter).
struct CorpusText {
  std::vector<std::string> docs;
  std::vector<std::vector<std::string_view>> sentences;
  std::vector<size_t> doc_first;  // each document's first sentence
};

Status ReadCorpusFiles(const std::vector<std::string>& files, size_t max_docs,
                       size_t every, const TextTables& tables,
                       CorpusText* out) {
  NormalizedText disp;
  size_t seen = 0;
  for (const std::string& path : files) {
    ASSIGN_OR_RETURN(std::string raw, ReadFile(path));
    ASSIGN_OR_RETURN(std::string data, Gunzip(raw));
    for (size_t pos = 0; pos < data.size() && out->docs.size() < max_docs;) {
      size_t nl = data.find('\n', pos);
      if (nl == std::string::npos) nl = data.size();
      auto j =
          nlohmann::json::parse(data.substr(pos, nl - pos), nullptr, false);
      pos = nl + 1;
      if (!j.is_object() || !j.contains("content") || !j["content"].is_string())
        continue;
      if (every > 1 && seen++ % every != 0) continue;
      tables.normalizer().Display(j["content"].get<std::string>(), &disp);
      out->docs.push_back(disp.text);
    }
  }
  std::vector<Token> tokens;
  std::vector<Span> sents;
  for (const std::string& d : out->docs) {
    out->doc_first.push_back(out->sentences.size());
    Tokenize(d, &tokens);
    SplitSentences(tables, d, tokens, &sents);
    size_t t = 0;
    for (Span sent : sents) {
      while (t < tokens.size() && tokens[t].span.begin < sent.begin) ++t;
      std::vector<std::string_view> words;
      while (t < tokens.size() && tokens[t].span.end <= sent.end)
        words.push_back(tokens[t++].span.In(d));
      if (!words.empty()) out->sentences.push_back(std::move(words));
    }
  }
  return Status::OK();
}

Status ReadCorpus(const Options& o, const TextTables& tables, CorpusText* out) {
  return ReadCorpusFiles(o.corpus, o.corpus_docs, 1, tables, out);
}

// Documents in a corpus file (non-empty lines), to spread a sample over it.
StatusOr<size_t> CountDocuments(const std::vector<std::string>& files) {
  size_t n = 0;
  for (const std::string& path : files) {
    ASSIGN_OR_RETURN(std::string raw, ReadFile(path));
    ASSIGN_OR_RETURN(std::string data, Gunzip(raw));
    for (size_t pos = 0; pos < data.size();) {
      size_t nl = data.find('\n', pos);
      if (nl == std::string::npos) nl = data.size();
      if (nl > pos) ++n;
      pos = nl + 1;
    }
  }
  return n;
}

// Self-training's sentences (Options::self_*): `model` tags each document
// of `corpus` as `marsad ner` does (pass 1, then the document pass at
// o.self_beta); a sentence is kept when it holds a name and each of its
// names is consistent in the document: every occurrence of the name's words
// (their folded keys, in order) is tagged inside a name of the same type,
// and there are at least o.self_min_occ of them. Tags are BIO.
std::vector<TaggedSentence> SelfTrainingSentences(const Options& o,
                                                  const FeatureExtractor& fx,
                                                  const TaggerModel& model,
                                                  const CorpusText& corpus) {
  std::vector<TaggedSentence> out;
  FeatureExtractor::Scratch fs;
  fs.keep_keys = true;
  TaggerModel::Scratch ts;
  std::vector<uint64_t> feats, keys;
  std::vector<int> tags;
  DocumentPassOptions pass;
  pass.beta = o.self_beta;
  size_t names_seen = 0, names_kept = 0;
  for (size_t d = 0; d < corpus.doc_first.size(); ++d) {
    const size_t lo = corpus.doc_first[d], hi = d + 1 < corpus.doc_first.size()
                                                    ? corpus.doc_first[d + 1]
                                                    : corpus.sentences.size();
    DocumentPass doc;
    std::vector<std::vector<std::string>> akeys;
    for (size_t i = lo; i < hi; ++i) {
      const auto& words = corpus.sentences[i];
      fx.Extract(words, &fs, &feats);
      model.Decode(feats.data(), words.size(), P, &ts, &tags);
      FeatureExtractor::DocumentKeys(words, fs, &keys);
      doc.Add(ts, keys, tags);
      akeys.push_back(fs.alt_key);
    }
    std::vector<std::vector<int>> final(hi - lo);
    for (size_t i = 0; i < hi - lo; ++i)
      doc.Redecode(model, pass, i, &ts, &final[i]);
    // Names of the document: key -> (type, consistent so far).
    struct NameInfo {
      int type = 0;
      bool ok = true;
      size_t words = 0;
    };
    std::unordered_map<std::string, NameInfo> names;
    auto span_key = [&](size_t s, size_t b, size_t e) {
      std::string k;
      for (size_t t = b; t < e; ++t) {
        if (t > b) k += ' ';
        k += akeys[s][t];
      }
      return k;
    };
    std::vector<std::vector<std::pair<size_t, size_t>>> spans(hi - lo);
    for (size_t s = 0; s < hi - lo; ++s) {
      const std::vector<int>& y = final[s];
      for (size_t t = 0; t < y.size();) {
        if (y[t] == 0) {
          ++t;
          continue;
        }
        size_t e = t + 1;
        while (e < y.size() && y[e] != 0 && !IsBegin(y[e]) &&
               TagType(y[e]) == TagType(y[t]))
          ++e;
        spans[s].emplace_back(t, e);
        NameInfo& n = names[span_key(s, t, e)];
        if (n.type && n.type != TagType(y[t])) n.ok = false;
        n.type = TagType(y[t]);
        n.words = e - t;
        t = e;
      }
    }
    // Every occurrence of a name's words: inside a name of its type?
    std::unordered_map<std::string, int> occurrences;
    for (size_t s = 0; s < hi - lo; ++s) {
      const size_t n = akeys[s].size();
      for (size_t b = 0; b < n; ++b) {
        std::string k;
        for (size_t e = b + 1; e <= n && e <= b + 8; ++e) {
          if (e > b + 1) k += ' ';
          k += akeys[s][e - 1];
          auto it = names.find(k);
          if (it == names.end()) continue;
          ++occurrences[k];
          for (size_t t = b; t < e; ++t)
            if (TagType(final[s][t]) != it->second.type) it->second.ok = false;
        }
      }
    }
    for (size_t s = 0; s < hi - lo; ++s) {
      if (spans[s].empty()) continue;
      const size_t n = akeys[s].size();
      bool keep = n >= 4 && n <= 80;
      for (auto [b, e] : spans[s]) {
        ++names_seen;
        std::string k = span_key(s, b, e);
        const NameInfo& info = names[k];
        keep &= info.ok && occurrences[k] >= o.self_min_occ;
        if (o.self_skip_misc && info.type == 4) keep = false;
      }
      if (!keep || out.size() >= o.self_max) continue;
      names_kept += spans[s].size();
      TaggedSentence ts_out;
      for (std::string_view w : corpus.sentences[lo + s])
        ts_out.tokens.emplace_back(w);
      ts_out.tags = final[s];
      out.push_back(std::move(ts_out));
    }
  }
  std::cerr << "train_ner: self-training: " << out.size() << " sentences of "
            << corpus.sentences.size() << " kept, " << names_kept << " of "
            << names_seen << " names\n";
  return out;
}

// Tag-type counts per word key of the corpus as `model` tags it.
std::unordered_map<std::string, CorpusLexicon::Counts> CountCorpus(
    const FeatureExtractor& fx, const TaggerModel& model,
    const CorpusText& corpus) {
  std::unordered_map<std::string, CorpusLexicon::Counts> counts;
  FeatureExtractor::Scratch fs;
  fs.keep_keys = true;
  TaggerModel::Scratch ts;
  std::vector<uint64_t> feats;
  std::vector<int> tags;
  for (const auto& words : corpus.sentences) {
    fx.Extract(words, &fs, &feats);
    model.Decode(feats.data(), words.size(), P, &ts, &tags);
    for (size_t i = 0; i < words.size(); ++i)
      ++counts[fs.alt_key[i]][TagType(tags[i])];
  }
  return counts;
}

// The pattern lexicon (src/nlp/features.h): per word key, how often the
// word follows a head of data/nlp/pattern_heads.tsv (skipping one gentilic
// adjective), by type, against its total count in the O column. Kept: words
// after a head at least twice and at least 1 time in 20.
StatusOr<std::unordered_map<std::string, CorpusLexicon::Counts>> MinePatterns(
    const FeatureExtractor& fx, const CorpusText& corpus) {
  ASSIGN_OR_RETURN(TsvRows rows, ReadTsv(DataPath("nlp/pattern_heads.tsv")));
  FeatureExtractor::Scratch fs;
  fs.keep_keys = true;
  std::vector<uint64_t> feats;
  std::unordered_map<std::string, int> head_type;
  for (const auto& r : rows) {
    if (r.size() < 2) continue;
    int type = 0;
    for (int t = 1; t <= 4; ++t)
      if (r[1] == TagTypeName(t)) type = t;
    if (!type)
      return CorruptionError("pattern_heads.tsv: bad type " +
                             std::string(r[1]));
    std::vector<std::string_view> one = {r[0]};
    fx.Extract(one, &fs, &feats);
    head_type[fs.alt_key[0]] = type;
  }
  auto gentilic = [](const std::string& k) {
    return k.starts_with("ال") && Utf8Length(k) >= 5 &&
           (k.ends_with("ي") || k.ends_with("يه") || k.ends_with("يا"));
  };
  auto arabic = [](const std::string& k) {
    return k.size() >= 6 && (static_cast<unsigned char>(k[0]) & 0xFC) == 0xD8;
  };
  std::unordered_map<std::string, std::pair<uint32_t, CorpusLexicon::Counts>>
      seen;
  for (const auto& words : corpus.sentences) {
    fx.Extract(words, &fs, &feats);
    for (size_t i = 0; i < words.size(); ++i) {
      ++seen[fs.alt_key[i]].first;
      auto h = head_type.find(fs.alt_key[i]);
      if (h == head_type.end()) continue;
      size_t j = i + 1;
      if (j < words.size() && gentilic(fs.alt_key[j])) ++j;
      if (j < words.size() && arabic(fs.alt_key[j]) &&
          !head_type.count(fs.alt_key[j]))
        ++seen[fs.alt_key[j]].second[h->second];
    }
  }
  std::unordered_map<std::string, CorpusLexicon::Counts> out;
  for (auto& [w, v] : seen) {
    CorpusLexicon::Counts c = v.second;
    uint32_t hits = c[1] + c[2] + c[3] + c[4];
    if (hits < 2 || hits * 20 < v.first || w.empty() || w[0] == '#') continue;
    c[0] = v.first - hits;
    out.emplace(w, c);
  }
  return out;
}

// The header line naming the corpus files a table was counted over (their
// sources and licences are in data/nlp/README.md).
std::string CorpusSourceLine(const Options& o) {
  std::string names;
  for (const std::string& path : o.corpus) {
    if (!names.empty()) names += ", ";
    names += path.substr(path.find_last_of('/') + 1);
  }
  return "# Source corpora: " + names +
         " (data/nlp/README.md: sources and licences); only counts.\n";
}

// `counts` as a TSV table after the comment lines `header`.
std::string LexiconTsv(
    const std::unordered_map<std::string, CorpusLexicon::Counts>& counts,
    int min_total, const std::string& header) {
  std::vector<std::pair<std::string, CorpusLexicon::Counts>> rows;
  for (const auto& [w, c] : counts) {
    uint32_t total = c[0] + c[1] + c[2] + c[3] + c[4];
    if (static_cast<int>(total) >= min_total && total > c[0])
      rows.emplace_back(w, c);
  }
  std::sort(rows.begin(), rows.end());
  std::string out = header + "# word_key\tO\tPERS\tLOC\tORG\tMISC\n";
  for (const auto& [w, c] : rows) {
    out += w;
    for (uint32_t v : c) out += '\t' + std::to_string(v);
    out += '\n';
  }
  return out;
}

int Run(const Options& o) {
  auto norm = Normalizer::Create();
  if (!norm.ok())
    return std::cerr << "train_ner: " << norm.status().ToString() << "\n", 1;
  auto seg = Segmenter::Create();
  if (!seg.ok())
    return std::cerr << "train_ner: " << seg.status().ToString() << "\n", 1;
  auto tables = TextTables::LoadWith(DataDir(), **norm, **seg);
  if (!tables.ok())
    return std::cerr << "train_ner: " << tables.status().ToString() << "\n", 1;
  auto gaz = Gazetteer::Load(DataPath("nlp"), **tables);
  if (!gaz.ok())
    return std::cerr << "train_ner: " << gaz.status().ToString() << "\n", 1;
  auto text = ReadFile(o.data);
  if (!text.ok())
    return std::cerr << "train_ner: " << text.status().ToString() << "\n", 1;
  ConllOptions co;
  co.split_on_final_punct = true;
  co.repair = true;
  auto all = ParseConll(*text, co);
  if (!all.ok())
    return std::cerr << "train_ner: " << all.status().ToString() << "\n", 1;
  std::vector<TaggedSentence> train, dev;
  if (o.dev_blocks > 0 && !o.all) {
    const size_t n = all->size();
    const size_t lo = n * o.dev_block / o.dev_blocks,
                 hi = n * (o.dev_block + 1) / o.dev_blocks;
    for (size_t i = 0; i < n; ++i)
      ((i >= lo && i < hi) ? dev : train).push_back((*all)[i]);
  } else {
    SplitTrainDev(std::move(*all), o.all ? 0.0 : o.dev_fraction, &train, &dev);
  }
  if (o.all) {
    std::vector<TaggedSentence> t2, d2;
    // Same dev sentences as without --all, for reporting only.
    SplitTrainDev(train, o.dev_fraction, &t2, &d2);
    dev = std::move(d2);
  }
  std::cerr << "train_ner: " << train.size() << " training sentences, "
            << dev.size() << " dev sentences\n";
  // Other gold corpora: after ANERcorp's sentences, with their weights.
  std::vector<TaggedSentence> extra;
  std::vector<float> extra_weight;
  std::vector<int> extra_corpus;  // index into o.extra; -1 for self-training
  for (const GoldCorpusSpec& spec : o.extra) {
    auto sents = ReadGoldCorpus(spec);
    if (!sents.ok())
      return std::cerr << "train_ner: " << spec.path << ": "
                       << sents.status().ToString() << "\n",
             1;
    size_t names = 0, tokens = 0;
    for (const auto& s : *sents) {
      tokens += s.tokens.size();
      for (int t : s.tags) names += IsBegin(t);
    }
    std::cerr << "train_ner: extra " << spec.format << ": " << sents->size()
              << " sentences, " << tokens << " tokens, " << names
              << " names, weight " << spec.weight << "\n";
    for (auto& s : *sents) {
      extra.push_back(std::move(s));
      extra_weight.push_back(static_cast<float>(spec.weight));
      extra_corpus.push_back(static_cast<int>(&spec - o.extra.data()));
    }
  }
  // Self-training (Options::self_*): sentences of the untagged news as a
  // model of the training sentences alone tags them (its last epoch: the dev
  // split chooses nothing of it), after the other gold corpora.
  if (!o.self_corpus.empty()) {
    auto tables = TextTables::LoadWith(DataDir(), **norm, **seg);
    if (!tables.ok())
      return std::cerr << "train_ner: " << tables.status().ToString() << "\n",
             1;
    auto total = CountDocuments(o.self_corpus);
    if (!total.ok())
      return std::cerr << "train_ner: " << total.status().ToString() << "\n", 1;
    CorpusText corpus;
    Status st = ReadCorpusFiles(o.self_corpus, o.self_docs,
                                std::max<size_t>(1, *total / o.self_docs),
                                **tables, &corpus);
    if (!st.ok()) return std::cerr << "train_ner: " << st.ToString() << "\n", 1;
    FeatureExtractor fx0(**gaz, **seg);
    auto feats0 = ExtractAll(fx0, train);
    FeatureIds ids0(feats0, o.min_count);
    std::vector<Example> ex0;
    for (size_t i = 0; i < train.size(); ++i)
      ex0.push_back(ids0.Map(feats0[i], train[i].tags));
    feats0.clear();
    std::vector<size_t> which(train.size());
    std::iota(which.begin(), which.end(), 0);
    auto labeller =
        TrainModel(o, ex0, which, ids0, nullptr, nullptr, o.seed + 101);
    std::cerr << "train_ner: self-training corpus " << corpus.docs.size()
              << " documents\n";
    auto kept = SelfTrainingSentences(o, fx0, *labeller, corpus);
    if (!o.self_dump.empty()) {
      std::string conll;
      for (const TaggedSentence& t : kept) {
        for (size_t i = 0; i < t.tokens.size(); ++i)
          conll +=
              t.tokens[i] + "\t" + std::string(kTagNames[t.tags[i]]) + "\n";
        conll += "\n";
      }
      Status st = WriteFileAtomic(o.self_dump, conll);
      if (!st.ok())
        return std::cerr << "train_ner: " << st.ToString() << "\n", 1;
    }
    for (auto& s : kept) {
      extra.push_back(std::move(s));
      extra_weight.push_back(o.self_weight);
      extra_corpus.push_back(-1);
    }
  }
  std::vector<size_t> everything(train.size() + extra.size());
  std::iota(everything.begin(), everything.end(), 0);
  // Fold of each training sentence: contiguous blocks of text.
  const int K = std::max(o.folds, 2);
  auto fold_of = [&](size_t i) {
    return static_cast<int>(i * K / train.size());
  };

  // Lexicons from the corpus: one per fold (by a model that did not see the
  // fold) and one by a model of all the training sentences (for dev and run
  // time). Without --corpus, every word's corpus attribute is unknown.
  std::vector<std::unique_ptr<const CorpusLexicon>> lexicons(K + 1);
  std::unique_ptr<const CorpusLexicon> patterns;
  if (!o.corpus.empty()) {
    CorpusText corpus;
    auto tables = TextTables::LoadWith(DataDir(), **norm, **seg);
    if (!tables.ok())
      return std::cerr << "train_ner: " << tables.status().ToString() << "\n",
             1;
    Status st = ReadCorpus(o, **tables, &corpus);
    if (!st.ok()) return std::cerr << "train_ner: " << st.ToString() << "\n", 1;
    std::cerr << "train_ner: corpus " << corpus.docs.size() << " documents, "
              << corpus.sentences.size() << " sentences\n";
    {
      FeatureExtractor plain(**gaz, **seg);
      auto mined = MinePatterns(plain, corpus);
      if (!mined.ok())
        return std::cerr << "train_ner: " << mined.status().ToString() << "\n",
               1;
      std::cerr << "train_ner: pattern lexicon: " << mined->size()
                << " words\n";
      if (!o.patterns_out.empty()) {
        Status st = WriteFileAtomic(
            o.patterns_out,
            LexiconTsv(*mined, 0,
                       "# How often the news corpora write each word right "
                       "after a head noun or title\n"
                       "# of data/nlp/pattern_heads.tsv, by the type it "
                       "announces (the O column: its other\n# occurrences); "
                       "by tools/train_ner (make train-ner).\n" +
                           CorpusSourceLine(o)));
        if (!st.ok())
          return std::cerr << "train_ner: " << st.ToString() << "\n", 1;
      }
      if (!o.no_patterns) patterns = CorpusLexicon::FromCounts(*mined);
    }
    FeatureExtractor fx0(**gaz, **seg, nullptr, patterns.get());
    auto feats0 = ExtractAll(fx0, train);
    FeatureIds ids0(feats0, o.min_count);
    std::vector<Example> ex0;
    for (size_t i = 0; i < train.size(); ++i)
      ex0.push_back(ids0.Map(feats0[i], train[i].tags));
    feats0.clear();
    for (int k = 0; k <= K; ++k) {
      std::vector<size_t> which;
      for (size_t i = 0; i < train.size(); ++i)
        if (fold_of(i) != k) which.push_back(i);
      auto m = TrainModel(o, ex0, which, ids0, nullptr, nullptr, o.seed + k);
      auto counts = CountCorpus(fx0, *m, corpus);
      // Rare words, words never tagged an entity, and keys a TSV reader
      // would not give back (empty, or a # comment) are left out.
      for (auto it = counts.begin(); it != counts.end();) {
        const auto& c = it->second;
        uint32_t total = c[0] + c[1] + c[2] + c[3] + c[4];
        if (static_cast<int>(total) < o.lexicon_min || total == c[0] ||
            it->first.empty() || it->first[0] == '#')
          it = counts.erase(it);
        else
          ++it;
      }
      if (k == K && !o.lexicon_out.empty()) {
        Status st = WriteFileAtomic(
            o.lexicon_out, LexiconTsv(counts, o.lexicon_min,
                                      "# How the NER tagger tags each word "
                                      "across the news corpora "
                                      "(src/nlp/lexicon.h),\n# by "
                                      "tools/train_ner (make train-ner); "
                                      "words tagged as an entity at least "
                                      "once.\n" +
                                          CorpusSourceLine(o)));
        if (!st.ok())
          return std::cerr << "train_ner: " << st.ToString() << "\n", 1;
      }
      lexicons[k] = CorpusLexicon::FromCounts(counts);
      std::cerr << "train_ner: lexicon " << k << ": " << counts.size()
                << " words\n";
    }
  }

  std::vector<std::vector<uint64_t>> train_feats(train.size());
  for (int k = 0; k < K; ++k) {
    FeatureExtractor fx(**gaz, **seg, lexicons[k].get(), patterns.get());
    FeatureExtractor::Scratch s;
    std::vector<std::string_view> toks;
    for (size_t i = 0; i < train.size(); ++i) {
      if (fold_of(i) != k) continue;
      toks.assign(train[i].tokens.begin(), train[i].tokens.end());
      fx.Extract(toks, &s, &train_feats[i]);
    }
  }
  FeatureExtractor fx(**gaz, **seg, lexicons[K].get(), patterns.get());
  std::vector<std::vector<uint64_t>> dev_keys;
  auto dev_feats = ExtractAll(fx, dev, &dev_keys);
  // The extra corpora's corpus attribute is the one of the model of all of
  // ANERcorp's training part, which never saw them (as for the dev split).
  {
    auto extra_feats = ExtractAll(fx, extra);
    for (auto& f : extra_feats) train_feats.push_back(std::move(f));
  }
  FeatureIds ids(train_feats, o.min_count);
  std::cerr << "train_ner: " << ids.hashes.size() << " features\n";
  std::vector<Example> examples;
  for (size_t i = 0; i < train.size(); ++i)
    examples.push_back(ids.Map(train_feats[i], train[i].tags));
  for (size_t i = 0; i < extra.size(); ++i) {
    examples.push_back(ids.Map(train_feats[train.size() + i], extra[i].tags));
    examples.back().weight = extra_weight[i];
    if (o.extra_domain && extra_corpus[i] >= 0)
      ids.MapDomain(extra_corpus[i], &examples.back());
  }
  if (o.extra_domain)
    std::cerr << "train_ner: " << ids.dom_ids.size()
              << " corpus-specific feature copies (--extra-domain)\n";
  train_feats.clear();
  auto best = TrainModel(o, examples, everything, ids, &dev_feats, &dev, o.seed,
                         o.ensemble);
  // The net: trained on the same examples, its epoch chosen by its own dev
  // score (the last with --all), then added to the perceptron's scores with
  // the weight that scores best on the dev split (unless given).
  if (o.net_hidden > 0) {
    // The net reads every feature of the training part, also those the
    // perceptron never needed (a model row carries both). Reading only the
    // perceptron's rows would halve the model, but lost most of the gain
    // (five blocks: +0.3 against +0.65; docs/RESULTS.md).
    std::vector<Example> dev_ex;
    for (size_t i = 0; i < dev.size(); ++i)
      dev_ex.push_back(ids.Map(dev_feats[i], dev[i].tags));
    SparseMlp net(ids.hashes.size(), o.net_hidden, o.seed);
    std::unique_ptr<SparseMlp> kept, mean;
    std::mt19937 rng(o.seed + 17);
    std::vector<size_t> order = everything, epoch;
    std::vector<int32_t> dropped;
    std::vector<float> zero(TaggerModel::kTransitionSize, 0.f), scores;
    TaggerModel::Scratch s;
    std::vector<int> pred;
    double best_f1 = -1;
    int kept_epoch = 0;
    for (int e = 1; e <= o.net_epochs; ++e) {
      EpochOrder(examples, &order, &rng, &epoch);
      double lr = o.net_lr / (1 + 0.1 * (e - 1));
      for (size_t i : epoch) {
        const Example& ex = examples[i];
        DropWordIdentity(ex, o.drop, &rng, &dropped);
        for (size_t t = 0; t < ex.gold.size(); ++t)
          net.Train(&dropped[t * P], ex.gold[t], lr, o.net_dropout);
      }
      // The net of this epoch, or with --net-average the mean of the nets
      // of every epoch so far (copied only then, or when kept: a copy is
      // four tables of features × hidden floats).
      if (o.net_average) {
        if (!mean)
          mean = std::make_unique<SparseMlp>(net);
        else
          mean->AverageWith(net, e - 1);
      }
      const SparseMlp& current = o.net_average ? *mean : net;
      NerCounts c;
      for (size_t i = 0; i < dev.size(); ++i) {
        NetScores(current, dev_ex[i], &scores);
        TaggerModel::Viterbi(scores.data(), dev_ex[i].gold.size(), zero.data(),
                             nullptr, &s, &pred);
        for (int& y : pred) y = ModelTagToBio(y);
        c.Add(dev[i].tags, pred);
      }
      std::fprintf(stderr,
                   "net epoch %2d: dev micro F1 %.4f (P %.4f R %.4f), the net "
                   "alone%s\n",
                   e, c.F1(0), c.Precision(0), c.Recall(0),
                   o.net_average ? ", averaged over its epochs so far" : "");
      if (o.all ? e == o.net_epochs : c.F1(0) > best_f1) {
        best_f1 = c.F1(0), kept_epoch = e;
        kept = std::make_unique<SparseMlp>(current);
      }
    }
    std::fprintf(stderr, "kept net epoch %d: micro %.4f\n", kept_epoch,
                 best_f1);
    best = WithNet(*best, ids, *kept, o.net_levels);
    if (o.net_weight >= 0) {
      best->set_net_weight(o.net_weight);
    } else {
      double best_comb = -1;
      float chosen = 0;
      for (float l : {0.f, 1.f, 2.f, 5.f, 10.f, 20.f, 40.f, 80.f}) {
        best->set_net_weight(l);
        NerCounts c = Evaluate(*best, dev_feats, dev);
        std::fprintf(stderr,
                     "net weight %5.1f: dev micro F1 %.4f (P %.4f R %.4f)\n", l,
                     c.F1(0), c.Precision(0), c.Recall(0));
        if (c.F1(0) > best_comb) best_comb = c.F1(0), chosen = l;
      }
      best->set_net_weight(chosen);
    }
    std::fprintf(stderr, "with the net (weight %.1f)\n", best->net().weight);
  }
  // The document pass's push, in the units of these weights: the best of a
  // grid on the dev split (like the epoch), unless given.
  const DocumentPass first = FirstPass(*best, dev_feats, dev_keys, dev);
  DocumentPassOptions pass;
  if (o.doc_beta >= 0) {
    pass.beta = o.doc_beta;
  } else {
    double best_f1 = -1;
    for (float beta : {0.f, 20.f, 40.f, 50.f, 60.f, 70.f, 80.f, 100.f, 120.f}) {
      DocumentPassOptions p = pass;
      p.beta = beta;
      NerCounts c = SecondPass(first, *best, p, dev);
      std::fprintf(
          stderr,
          "document pass beta %5.1f: dev micro F1 %.4f (P %.4f R %.4f)\n", beta,
          c.F1(0), c.Precision(0), c.Recall(0));
      if (c.F1(0) > best_f1) best_f1 = c.F1(0), pass.beta = beta;
    }
  }
  best->set_document_pass(pass);
  NerCounts c = SecondPass(first, *best, pass, dev);
  std::fprintf(stderr,
               "with the document pass (beta %.1f, window %d): micro %.4f PERS "
               "%.4f LOC %.4f "
               "ORG %.4f MISC %.4f\n",
               pass.beta, pass.window, c.F1(0), c.F1(1), c.F1(2), c.F1(3),
               c.F1(4));
  {
    // Where the gain or loss is: recall of the dev names the training part
    // holds with their type, only with another, or not at all (eval_ner's
    // table; the other gold corpora and self-training's sentences do not
    // count as seen).
    NoveltyCounts novelty;
    for (const TaggedSentence& t : train) novelty.AddTraining(t.tokens, t.tags);
    TaggerModel::Scratch s;
    std::vector<int> pred;
    for (size_t i = 0; i < dev.size(); ++i) {
      first.Redecode(*best, pass, i, &s, &pred);
      novelty.Add(dev[i].tokens, dev[i].tags, pred);
    }
    for (int k = 0; k < NoveltyCounts::kNumKinds; ++k)
      std::fprintf(stderr, "dev names %-10s gold %5ld found %5ld recall %.4f\n",
                   std::string(NoveltyCounts::KindName(k)).c_str(),
                   novelty.Gold(k), novelty.Found(k), novelty.Recall(k));
  }
  std::string bytes = best->Serialize();
  Status st = WriteFileAtomic(o.out, bytes);
  if (!st.ok()) return std::cerr << "train_ner: " << st.ToString() << "\n", 1;
  std::fprintf(stderr, "train_ner: wrote %s: %zu rows, %.1f MB%s\n",
               o.out.c_str(), best->rows(), bytes.size() / 1e6,
               o.all ? " (dev was trained on: not a held-out figure)" : "");
  return 0;
}

}  // namespace
}  // namespace marsad

int main(int argc, char** argv) {
  marsad::Options o;
  CLI::App app{"Train marsad's NER tagger on ANERcorp (see the file comment)"};
  // A repeated option: the last one counts, as before CLI11.
  app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.add_option("--data", o.data, "ANERcorp training part, token<TAB>tag")
      ->required();
  app.add_option("--out", o.out, "model file to write")->required();
  app.add_option("--epochs", o.epochs, "epochs (the best on dev is kept)")
      ->check(CLI::Range(1, 1000));
  std::vector<std::string> extra;
  app.add_option("--extra", extra,
                 "FORMAT:PATH[:WEIGHT[:keep|o|skip|pers[:HOLD]]]: another "
                 "gold corpus (aqmar, wikifane, wojood; MISC kept, made O or "
                 "its sentences skipped, or only sentences of persons read; "
                 "its last HOLD of sentences left out); repeatable")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_flag("--extra-domain", o.extra_domain,
               "each --extra corpus also trains its own copy of "
               "every feature, left out of the model (Daume 2007)");
  std::string dev_block;
  app.add_option("--dev-block", dev_block,
                 "K/N: the K-th of N contiguous blocks is the dev split");
  app.add_option("--dev-fraction", o.dev_fraction,
                 "last fraction of sentences held out as the dev split")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--min-count", o.min_count, "drop features seen fewer times")
      ->check(CLI::Range(0, 1000000));
  app.add_flag("--all", o.all, "train on the dev split too, no selection");
  app.add_option("--drop", o.drop, "word-identity dropout rate")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--folds", o.folds, "folds for the corpus attribute")
      ->check(CLI::Range(1, 1000));
  app.add_option("--corpus", o.corpus,
                 "untagged corpus, JSONL(.gz); repeat for several files");
  app.add_option("--corpus-docs", o.corpus_docs, "read at most D articles");
  app.add_option("--lexicon-out", o.lexicon_out, "write corpus_labels.tsv");
  app.add_option("--lexicon-min", o.lexicon_min,
                 "corpus attribute: minimum occurrences of a word");
  app.add_option("--ensemble", o.ensemble, "perceptrons averaged")
      ->check(CLI::Range(1, 1000));
  app.add_flag("--no-patterns", o.no_patterns, "no pattern attribute");
  app.add_option("--net-hidden", o.net_hidden,
                 "hidden units of the net over the features (0: none)")
      ->check(CLI::Range(0, 1024));
  app.add_option("--net-epochs", o.net_epochs, "the net's epochs")
      ->check(CLI::Range(1, 100));
  app.add_option("--net-weight", o.net_weight,
                 "the net's weight (default: chosen on the dev split)");
  app.add_flag("--net-average", o.net_average,
               "average the net's weights over its epochs");
  app.add_option("--net-levels", o.net_levels,
                 "store the net's rows as integers in [-L, L] (smaller "
                 "files compress better)")
      ->check(CLI::Range(1, 127));
  app.add_option("--net-lr", o.net_lr, "the net's Adagrad rate")
      ->check(CLI::Range(1e-5, 10.0));
  app.add_option("--net-dropout", o.net_dropout,
                 "dropout on the net's hidden layer")
      ->check(CLI::Range(0.0, 0.9));
  app.add_option("--patterns-out", o.patterns_out, "write pattern_labels.tsv");
  app.add_option("--doc-beta", o.doc_beta,
                 "document pass push (default: chosen on dev)");
  app.add_option("--seed", o.seed, "shuffling seed");
  app.add_option("--self-corpus", o.self_corpus,
                 "experiment: self-training on this untagged corpus "
                 "(JSONL.gz; repeat for several files)");
  app.add_option("--self-docs", o.self_docs,
                 "self-training: documents read, spread over the files");
  app.add_option("--self-weight", o.self_weight,
                 "self-training: a kept sentence's weight per epoch");
  app.add_option("--self-min-occ", o.self_min_occ,
                 "self-training: least occurrences of each name in its "
                 "document");
  app.add_option("--self-beta", o.self_beta,
                 "self-training: the labelling model's document pass push");
  app.add_flag("--self-skip-misc", o.self_skip_misc,
               "self-training: skip sentences with a MISC name");
  app.add_option("--self-dump", o.self_dump,
                 "self-training: write the kept sentences (token<TAB>tag)");
  app.add_option("--self-max", o.self_max,
                 "self-training: at most this many sentences");
  CLI11_PARSE(app, argc, argv);
  for (const std::string& e : extra) {
    auto spec = marsad::ParseGoldCorpusSpec(e);
    if (!spec.ok()) {
      std::cerr << "train_ner: " << spec.status().ToString() << "\n";
      return 2;
    }
    o.extra.push_back(*spec);
  }
  if (!dev_block.empty()) {
    int k = -1, n = -1;
    char rest = 0;
    if (std::sscanf(dev_block.c_str(), "%d/%d%c", &k, &n, &rest) != 2 ||
        n < 2 || k < 0 || k >= n) {
      std::cerr << "train_ner: --dev-block K/N needs 0 <= K < N, N >= 2\n";
      return 2;
    }
    o.dev_block = k;
    o.dev_blocks = n;
  }
  return marsad::Run(o);
}
