// Features of the NER tagger: a fixed number of hashed features per token.
//
// Each token is first described by a few attributes, each a 64-bit hash of a
// string computed once: the surface form, the folded form (text core
// Normalizer), the clitic-split stem without the article (text core
// Segmenter), the clitics themselves, prefixes and suffixes of the folded
// form, a shape, two word-cluster ids learned from the corpus (coarse and
// fine), three classes of the word's fastText skip-gram vector (100, 500
// and 1000 classes; they see a wider window than the clusters, and put
// clubs with clubs and currencies with currencies: +0.7 F1 over three
// seeds), the class bits of the name-word lists (and, with
// data/nlp/name_lists.tsv, of NERAr's names, Wikidata's name tokens and
// given and family names), the token's position in the longest gazetteer
// phrase that covers it (B/I with the phrase's types),
// how a first model tagged the word across a large untagged corpus
// (src/nlp/lexicon.h: dominant type and its share), and how often the
// corpus writes it right after a head noun or title that announces a type
// (`حزب الليكود`, `نادي الهلال`, `مدينة جدة`, `الرئيس شيراك`: the pattern
// lexicon, data/nlp/pattern_labels.tsv, same coding).
// A feature is then a template applied to the attributes of the token and of
// its neighbours within ±2, or of a pair of adjacent tokens; positions off
// the sentence read fixed boundary values. Every template yields exactly one
// feature per token, so the features of a sentence are a dense array of
// n × kFeaturesPerToken hashes: no strings, no maps and no allocation per
// token once the caller's scratch has grown.
//
// The trainer and the runtime call the same Extract(), so they cannot
// disagree; kFeatureVersion is stored in the model and checked on load, and
// must change whenever the templates or attributes change.
//
// Thread safety: a FeatureExtractor is immutable; Extract() may run
// concurrently with a Scratch per thread.
#ifndef MARSAD_SRC_NLP_FEATURES_H_
#define MARSAD_SRC_NLP_FEATURES_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "src/nlp/gazetteer.h"
#include "src/nlp/lexicon.h"
#include "src/text/segment.h"

namespace marsad {

class FeatureExtractor {
 public:
  // Words are folded with the gazetteer's Normalizer and split into
  // clitics with `segmenter`.
  // REQUIRES: `gazetteer`, `segmenter`, `lexicon` and `patterns` (either of
  // the last two may be null: its attribute is then "unknown" for every
  // word) outlive the extractor.
  FeatureExtractor(const Gazetteer& gazetteer, const Segmenter& segmenter,
                   const CorpusLexicon* lexicon = nullptr,
                   const CorpusLexicon* patterns = nullptr);

  enum Attr {
    kSurface,
    kFold,
    kStem,
    kPre1,
    kPre2,
    kPre3,
    kPre4,
    kSuf1,
    kSuf2,
    kSuf3,
    kSuf4,
    kShape,
    kClusterCoarse,
    kClusterFine,
    kGazetteer,
    kWordClass,
    kClitics,
    kStemPre2,
    kStemSuf2,
    kCorpus,
    kEmbed0,
    kEmbed1,
    kEmbed2,
    kPattern,
    kNumAttrs
  };
  static constexpr uint32_t kFeatureVersion = 10;
  static constexpr int kExtra = 8;
  // Slot of the first pair template (previous fold × fold, then fold × next
  // fold, previous stem × stem): the trainer's word-identity dropout hides
  // them.
  static constexpr int kFirstPairSlot = 1 + kNumAttrs + 16 + 6;
  // bias + own attributes + 8 at ±1 + 3 at ±2 + 6 pair templates + the
  // corpus attribute at ±1 + the middle vector class at ±1 + 2 vector-class
  // pairs + the pattern attribute at ±1.
  static constexpr int kFeaturesPerToken = 1 + kNumAttrs + 16 + 6 + 6 + kExtra;
  // The first slots (the bias, then the token's own attributes up to
  // kGazetteer) depend on the token's string alone: Describe() finds them,
  // and neither the neighbours nor the gazetteer phrases change them. The
  // tagger remembers their sums per word (TaggerModel::kPrefixSlots).
  static constexpr int kTokenOnlySlots = 1 + kGazetteer;
  struct TokenAttrs {
    uint64_t a[kNumAttrs];
  };
  // How a token attaches to the one before it, by its proclitics: none, a
  // conjunction (و, ف: `وديانا` after `آندي` most often begins a new name)
  // or a preposition (ب, ل, ك). Slot 0 of a token's features, the bias, is
  // one of three hashes by this class, and the tagger reads the class back
  // from it (LinkOf) to add the class's own transition weights
  // (src/nlp/tagger.h): a name split without a conjunction (`أشرف غاني` |
  // `أحمد ضاي`) is rare, one split at `و` common.
  enum Link : uint8_t {
    kLinkNone,
    kLinkConjunction,
    kLinkPreposition,
    kNumLinks
  };
  static int LinkOf(uint64_t bias_feature);
  // What Describe() finds of one token, all of which depends on the token's
  // string alone.
  struct Description {
    uint64_t surface = 0;  // attrs.a[kSurface], the memo's key; 0: empty
    std::string token;
    TokenAttrs attrs;  // kGazetteer is left to MarkPhrases
    uint64_t key_hash = 0, alt_hash = 0;
    uint8_t link = kLinkNone;
    std::string alt_key;
  };
  // Descriptions kept per thread (direct-mapped by the surface hash): news
  // repeats its words, so about half the tokens of a report are found here
  // instead of being folded, segmented and looked up in five tables again.
  // An entry is used only for the very string it was made from, and only
  // by the extractor that made it (a scratch passed to another extractor,
  // with other tables, starts its memo afresh), so the features never
  // depend on what the memo holds.
  static constexpr size_t kMemoSize = 1 << 13;
  // Per-thread working memory, reused across calls.
  struct Scratch {
    std::vector<Description> memo;  // kMemoSize once used
    uint64_t memo_owner = 0;        // the id_ of the extractor that filled it
    std::vector<TokenAttrs> attrs;
    std::vector<uint8_t> link;                 // per token
    std::vector<uint64_t> key_hash, alt_hash;  // gazetteer word keys
    // With keep_keys (the trainer), the alt keys' strings, per token.
    bool keep_keys = false;
    std::vector<std::string> alt_key;
    std::string fold, stem, buf;
    Segmentation seg;
  };

  // *out is resized to tokens.size() * kFeaturesPerToken and filled.
  // Feature hashes are never 0.
  void Extract(std::span<const std::string_view> tokens, Scratch* scratch,
               std::vector<uint64_t>* out) const;
  // After Extract(tokens, scratch, ...): the key by which the document pass
  // (src/nlp/tagger.h) matches a word's occurrences, the folded word without
  // its proclitics (وموسكو meets موسكو), or 0 for a word under three letters
  // (too ambiguous to vouch for another occurrence).
  static void DocumentKeys(std::span<const std::string_view> tokens,
                           const Scratch& scratch, std::vector<uint64_t>* keys);

 private:
  void Describe(std::string_view token, Scratch* s, TokenAttrs* t,
                uint64_t* key_hash, uint64_t* alt_hash, uint8_t* link) const;
  // Describe() through the memo: token i of the sentence.
  void DescribeMemo(std::string_view token, Scratch* s, size_t i) const;
  void MarkPhrases(size_t n, Scratch* s) const;

  const Gazetteer& gazetteer_;
  const CorpusLexicon* lexicon_;
  const CorpusLexicon* patterns_;
  const Segmenter& segmenter_;
  uint64_t id_;  // distinct per extractor: whose descriptions a memo holds
};

}  // namespace marsad

#endif  // MARSAD_SRC_NLP_FEATURES_H_
