// How the tagger itself tags each word across a large untagged news corpus:
// a feature of the NER tagger learned by self-training.
//
// ANERcorp is small (~110k training tokens); most names in new text were
// never seen labelled. But a name that is hard to tag in one sentence
// ("دعا شيراك المدن") is easy in many others of a large corpus ("الرئيس
// شيراك", "قال شيراك"). So tools/train_ner tags the news corpora
// (SaudiNewsNet, ant_2018_multisource and ant_jawharafm under make train-ner:
// the more outlets and years, the more names seen often) with a first model
// and counts, for every word (folded, proclitics removed: the
// tagger's alt key), how often it was tagged PERS, LOC, ORG, MISC or O; the
// word's dominant type and how dominant it was become one more attribute of
// the word in the final model (src/nlp/features.h). The counts are kept in
// data/nlp/corpus_labels.tsv, one row per word seen often enough, so the
// feature is the same at run time as in training.
//
// The training sentences get their attribute from lexicons made by models
// that did not see them (k-fold jackknifing): otherwise a training word's
// corpus tags would be right because the model had memorised the word, and
// the final model would learn to trust the attribute more than it deserves
// on new words.
//
// Thread safety: immutable after construction.
#ifndef MARSAD_SRC_NLP_LEXICON_H_
#define MARSAD_SRC_NLP_LEXICON_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "marsad/status.h"

namespace marsad {

class CorpusLexicon {
 public:
  // Tag-type counts of one word: O, PERS, LOC, ORG, MISC.
  using Counts = std::array<uint32_t, 5>;

  // Reads `word<TAB>O<TAB>PERS<TAB>LOC<TAB>ORG<TAB>MISC` rows (# comments).
  static StatusOr<std::unique_ptr<const CorpusLexicon>> Load(
      const std::string& path);
  // From counts keyed by word key (Gazetteer::FinishWordKey'd folded words).
  static std::unique_ptr<const CorpusLexicon> FromCounts(
      const std::unordered_map<std::string, Counts>& counts);

  // The attribute code of a word key's hash (Hash64 of the key), 0 if the
  // word is not in the lexicon, 1 if never tagged an entity; else from the
  // dominant type, its share in fifths, the runner-up type if it has a
  // fifth, and the word's frequency (2-4, 5-19, 20+).
  // One probe sequence in a flat open-addressing table: this runs once per
  // token.
  uint16_t Code(uint64_t key_hash) const {
    if (key_hash == 0 || keys_.empty()) return 0;
    for (uint64_t i = (key_hash * 0x9E3779B97F4A7C15ull) >> shift_;;
         i = (i + 1) & mask_) {
      if (keys_[i] == key_hash) return codes_[i];
      if (keys_[i] == 0) return 0;
    }
  }
  static uint16_t CodeOf(const Counts& c);

 private:
  CorpusLexicon() = default;
  void Build(const std::unordered_map<uint64_t, uint16_t>& codes);

  std::vector<uint64_t> keys_;  // 0 = empty slot
  std::vector<uint16_t> codes_;
  uint64_t mask_ = 0;
  int shift_ = 64;
};

}  // namespace marsad

#endif  // MARSAD_SRC_NLP_LEXICON_H_
