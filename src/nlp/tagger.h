// The NER sequence model: a first-order linear model over BILOU tags
// (src/nlp/tags.h), trained as an averaged structured perceptron
// (tools/train_ner), to whose scores a small feed-forward net over the same
// features adds its own (below), decoded here with Viterbi under BILOU
// constraints;
// Decode() answers in ANERcorp's BIO tags, so nothing outside the tagger
// and its trainer sees the finer encoding.
//
// Why a perceptron and not a CRF: on ANERcorp-sized data (~110k tokens) the
// two reach the same accuracy with the same features (Collins 2002; the
// averaged perceptron is within noise of a CRF on CoNLL NER), but the
// perceptron trains in seconds with no gradient, no regularisation constant
// to tune and no numerical care, and its decoder is the same Viterbi either
// way. Speed and accuracy come from the features (src/nlp/features.h), not
// from the training criterion. Averaging the weights over every update is
// what keeps the perceptron from over-fitting the last sentences it saw.
//
// The net (format 5, TaggerNet). A linear model can only add its features'
// votes; a feed-forward net over the same sparse features (each feature a
// row of hidden-layer weights, summed, then ReLU and a softmax over the
// tags: Botha et al. 2017) can also conjoin them, "a word no table knows"
// with "after وزير", say. Trained alone on the per-token cross-entropy, it
// scores about what the perceptron does. Its log-probabilities, added with
// a weight chosen on the dev split, gain 0.04 to 1.4 points on each of five
// cross-validation blocks, 0.65 on their mean (docs/RESULTS.md). The perceptron
// keeps what it does best (the structured, transition-aware scores the Viterbi
// and the document pass work on); the net adds a second, differently-biased
// opinion of each token. With 128 hidden units it costs kFeaturesPerToken int8
// rows of 128 per token, and the model carries a row for every feature of the
// training part (int8 in [-7, 7], a scale per row).
//
// Decoding cost per token is kFeaturesPerToken hash-table probes and 17 adds
// each, then the 97 allowed of 17×17 transitions (at a token with a
// conjunction or preposition proclitic, its link class's block is added to
// them first: 306 adds): the weights are looked up by the feature's 64-bit
// hash in an open-addressing table (no strings at run time), and with a net
// the same rows' 128 int8 weights each, then 17 dot products of 128 (about
// half the tagging time; the hot loops have AVX2 clones, and the net adds
// four rows per pass over the hidden layer). A feature the model never saw
// contributes nothing. What bounds the speed is memory, not arithmetic: a
// token's 61 features read 61 rows, far apart in 60 MB. So a row's net
// weights, linear weights and scale are one record of four cache lines
// (they were three arrays, five lines a row, in as many places), the index
// and the records are kept on 2 MB pages where Linux gives them
// (src/nlp/huge_pages.h), and the next token's index slots are prefetched
// while this token's rows are read.
//
// Model file (models/ner_model.bin): "MNER" magic, format version,
// uncompressed size, then a zstd frame holding: tag count, features per
// token, feature version, row count, the sorted feature hashes, the weights
// (rows × tags, float32 little-endian) and the transitions (kNumLinks blocks
// of (tags+1) × tags, the first row from the sentence start: block 0 for
// every token, block c added at a token of link class c, see
// FeatureExtractor::Link), then the document pass's beta (float32) and window
// (int32), then the net's hidden size (int32; 0: no net) and, with a net,
// its weight (float32), rows × hidden int8 weights, a float32 scale per row,
// the hidden bias, hidden × tags output weights and the tags' output bias;
// tags are the 17 BILOU model tags (format 5; format 4 had no net, format 3
// one transition block, format 2 no document pass either, format 1 BIO's 9
// tags).
// Every field is checked on load; a wrong or damaged file is a Corruption or
// Unsupported status, never a crash.
//
// Thread safety: a TaggerModel is immutable after Load(); Decode() may run
// concurrently with a Scratch per thread.
#ifndef MARSAD_SRC_NLP_TAGGER_H_
#define MARSAD_SRC_NLP_TAGGER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/status.h"
#include "src/nlp/features.h"
#include "src/nlp/huge_pages.h"
#include "src/nlp/tags.h"

namespace marsad {

// The document pass's settings (see DocumentPass below), kept in the model
// file because `beta` is in the units of the model's weights.
struct DocumentPassOptions {
  float beta = 0;   // added to a type's scores; 0 turns the pass off
  int window = 10;  // sentences either side
};

// A feed-forward net over the tagger's own features (format 5), whose
// log-probabilities are added to the linear scores with weight `weight`:
// h = ReLU(bias + sum over the token's features of their rows), then a
// softmax over the BILOU tags (out: hidden × tags). Each row is int8 with a
// scale of its own. See the file comment for why.
struct TaggerNet {
  int hidden = 0;  // 0: no net
  float weight = 0;
  // As given to FromWeights; a model from Parse() keeps them in its row
  // records only, and these two are empty (Serialize() writes them).
  HugePageVector<int8_t> rows;  // model rows × hidden
  HugePageVector<float> scale;  // model rows
  std::vector<float> bias;      // hidden
  std::vector<float> out;       // hidden × kNumModelTags
  std::vector<float> out_bias;  // kNumModelTags
};

class TaggerModel {
 public:
  // Transition weights: one block per link class (FeatureExtractor::Link).
  static constexpr size_t kTransitionBlock =
      (kNumModelTags + 1) * kNumModelTags;
  static constexpr size_t kTransitionSize =
      FeatureExtractor::kNumLinks * kTransitionBlock;

  static StatusOr<std::unique_ptr<const TaggerModel>> Load(
      const std::string& path);
  static StatusOr<std::unique_ptr<const TaggerModel>> Parse(
      std::string_view bytes);

  // A model from trained weights (the trainer's output). `keys` are feature
  // hashes (non-zero, sorted ascending, distinct); `weights` has
  // keys.size() * kNumModelTags entries (BILOU model tags); `transitions`
  // has kTransitionSize entries (or kTransitionBlock: no link blocks).
  // `net` (optional) has one row per key.
  static std::unique_ptr<TaggerModel> FromWeights(
      std::vector<uint64_t> keys, std::vector<float> weights,
      std::vector<float> transitions, TaggerNet net = {});
  // The file bytes (see the file comment).
  std::string Serialize() const;

  // Slots of a token's features whose sums Decode() remembers (see
  // Scratch::prefix): the bias and the token's own attributes before the
  // gazetteer's, which depend on the token's string alone
  // (FeatureExtractor's layout), so a word met again finds them.
  static constexpr int kPrefixSlots = FeatureExtractor::kTokenOnlySlots;
  static constexpr size_t kPrefixMemoSize = 1 << 12;
  // The linear and net sums of a token's first kPrefixSlots features,
  // remembered by those features' hashes: the emission scores start from
  // the remembered sums and add the other rows after them, in the same
  // order as without the memo, so every float is the same bit for bit (a
  // float sum depends on its order, not on where it was interrupted).
  struct Prefix {
    uint64_t feats[kPrefixSlots];
    int used = 0;  // how many of feats are the key; 0: empty
    float emit[kNumModelTags];
  };
  struct Scratch {
    std::vector<float> emit, score;
    std::vector<int8_t> back;
    std::vector<int> rows;
    std::vector<uint8_t> links;  // of the last Decode()'s tokens
    std::vector<float> hidden;   // the net's, one token
    // Direct-mapped on the features' hashes; kPrefixMemoSize entries and
    // as many net sums (hidden floats each) once used. Filled by the model
    // whose id_ is prefix_owner only: a scratch passed to another model
    // starts afresh.
    std::vector<Prefix> prefix;
    std::vector<float> prefix_hidden;
    uint64_t prefix_owner = 0;
  };
  // Best tag sequence for n tokens whose features are feats[0 .. n*per_token),
  // as BIO tag ids (kTagNames). *tags is resized to n.
  void Decode(const uint64_t* feats, size_t n, int per_token, Scratch* scratch,
              std::vector<int>* tags) const;

  // Best path of BILOU model tags through per-token scores
  // emit[n * kNumModelTags] with `transitions` laid out as in the file and
  // the tokens' link classes (nullptr: all kLinkNone); shared with the
  // trainer.
  static void Viterbi(const float* emit, size_t n, const float* transitions,
                      const uint8_t* links, Scratch* scratch,
                      std::vector<int>* tags);
  // The same with this model's transitions, summed per link class once.
  void Viterbi(const float* emit, size_t n, const uint8_t* links,
               Scratch* scratch, std::vector<int>* tags) const;

  // Row of a feature hash, or -1.
  int Row(uint64_t key) const;
  const float* Weights(int row) const {
    return reinterpret_cast<const float*>(Record(row) + record_weights_);
  }
  size_t rows() const { return keys_.size(); }
  const float* transitions() const { return transitions_.data(); }
  const DocumentPassOptions& document_pass() const { return doc_; }
  void set_document_pass(const DocumentPassOptions& o) { doc_ = o; }
  const TaggerNet& net() const { return net_; }
  // The trainer chooses the net's weight on its dev split.
  void set_net_weight(float w) { net_.weight = w; }

 private:
  TaggerModel() = default;
  // kNumLinks blocks of (tags+1) × tags: block 0 plus the link class's
  // block, and -infinity where BILOU forbids the pair (Viterbi reads these).
  static constexpr size_t kLinkedSize = kTransitionSize;
  static void LinkTransitions(const float* transitions, float* linked);
  static void BestPath(const float* emit, size_t n, const float* linked,
                       const uint8_t* links, Scratch* s,
                       std::vector<int>* tags);
  // The index, the row records from `weights` and net_'s rows and scale,
  // and the summed transitions.
  void BuildIndex(const HugePageVector<float>& weights);
  const uint8_t* Record(int row) const {
    return &records_[static_cast<size_t>(row) * record_bytes_];
  }
  // The rows of features f[from .. per_token) into s->rows[found ..);
  // returns the new count.
  int FindRows(const uint64_t* f, int from, int per_token, int found,
               Scratch* s) const;
  // The memo entry for features f, and whether it holds them.
  Prefix* PrefixOf(const uint64_t* f, int used, Scratch* s, bool* hit) const;
  // The net's log-probabilities of the tags, times its weight, added to e,
  // from the hidden sums z (bias and rows).
  void AddNetOutput(float* z, float* e) const;

  // The large tables are on huge pages (src/nlp/huge_pages.h): a token's
  // features read some 60 rows of each, far apart.
  std::vector<uint64_t> keys_;
  // One record per row, what Decode() reads of it side by side: the net's
  // hidden int8 weights, the kNumModelTags linear weights (at
  // record_weights_) and the net row's scale (after them), padded to a
  // multiple of 64 bytes (256 with 128 hidden units: four cache lines).
  HugePageVector<uint8_t> records_;
  size_t record_bytes_ = 0, record_weights_ = 0, record_used_ = 0;
  std::vector<float> transitions_;
  DocumentPassOptions doc_;
  TaggerNet net_;
  std::vector<float> out_t_;   // net_.out transposed: tags × hidden
  std::vector<float> linked_;  // LinkTransitions of transitions_
  uint64_t id_ = 0;            // distinct per model: whose sums a memo holds
  // Open addressing, key 0 = empty; key and row side by side, one cache
  // line per probe.
  struct SlotEntry {
    uint64_t key = 0;
    int32_t row = -1;
  };
  HugePageVector<SlotEntry> slots_;
  uint64_t mask_ = 0;
};

// Document-level consistency, a second decoding pass. A name is mostly
// tagged the same way throughout a report, yet a sentence-level tagger sees
// `لحود` alone in the third sentence without the `اميل لحود` of the first,
// and a club or a party it has never seen is found in one sentence and missed
// in the next. After Krishnan & Manning (2006), but as soft evidence instead
// of a second model: pass 1 decodes each sentence alone (TaggerModel::Decode);
// pass 2 adds `beta` to the emission scores of every tag of type X (PERS,
// ORG or MISC: not LOC, see tagger.cc) at a word whose key pass 1 tagged X
// at another occurrence within `window` sentences, and runs Viterbi again.
// Only the emission scores are kept between the passes: pass 2 costs one
// Viterbi per sentence, no feature lookups, and nothing when beta is 0.
//
// Usage, per document: Clear(); for each sentence, Decode() then Add(); then
// Redecode(i) for each sentence i. Not thread-safe; one per thread.
class DocumentPass {
 public:
  void Clear();
  // Sentence `sentences()` as just decoded with `s`: its BIO tags and one
  // word key per token (0 = never evidence, e.g. too short a word).
  void Add(const TaggerModel::Scratch& s, std::span<const uint64_t> keys,
           const std::vector<int>& tags);
  size_t sentences() const { return offset_.size(); }
  // Pass 1's BIO tags of sentence i (what Add() was given).
  void Tags(size_t i, std::vector<int>* tags) const;
  // Pass 2 of sentence i: BIO tags into *tags (pass 1's if o.beta is 0).
  void Redecode(const TaggerModel& m, const DocumentPassOptions& o, size_t i,
                TaggerModel::Scratch* s, std::vector<int>* tags) const;

 private:
  // A pass-1 tag that is evidence for other occurrences (PERS, ORG, MISC).
  struct Occurrence {
    uint64_t key;
    uint32_t sentence, token;
    uint8_t type;  // 1..4
    bool operator<(const Occurrence& o) const { return key < o.key; }
  };
  std::vector<size_t> offset_;  // first token of each sentence
  std::vector<size_t> length_;
  std::vector<float> emit_;     // all sentences' emissions, back to back
  std::vector<uint64_t> keys_;  // per token
  std::vector<uint8_t> links_;  // per token
  std::vector<int> tags_;       // pass 1's, per token
  // Flat and sorted by key on the first Redecode: no allocation per word,
  // and the capacity is kept from one document to the next.
  mutable std::vector<Occurrence> evidence_;
  mutable bool sorted_ = true;
  mutable std::vector<float> e_;
};

}  // namespace marsad

#endif  // MARSAD_SRC_NLP_TAGGER_H_
