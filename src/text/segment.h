// Clitic segmentation of one Arabic word: proclitics (و ف ب ل ك س and the
// article ال, fused لل) and enclitic pronouns (ه ها هم هما هن ك كم كن ي نا
// ني), decided by rules and, where available, a stem lexicon (data/text/
// stems.tsv: folded stems seen standing alone in news text). A split is
// made only when the remaining stem is long enough and, for the ambiguous
// one-letter proclitics, when the lexicon knows the stem or the rest starts
// with the article — so وواشنطن and بالتأكيد split while ولاية does not.
//
// Thread safety: a Segmenter is immutable; Default() is built once.
#ifndef MARSAD_TEXT_SEGMENT_H_
#define MARSAD_TEXT_SEGMENT_H_

#include <string>
#include <string_view>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "marsad/document.h"

namespace marsad {

// Spans are byte ranges of the word given to Segment().
struct Segmentation {
  Span proclitics;  // may be empty
  Span stem;
  Span enclitic;    // may be empty
  std::vector<Span> parts;  // each clitic and the stem, in order
};

class Segmenter {
 public:
  static const Segmenter& Default();
  // REQUIRES: `word` is one token (no spaces).
  void Segment(std::string_view word, Segmentation* out) const;
  bool KnownStem(std::string_view folded) const;
  // Corpus count of a folded word form (0 if unseen or no lexicon).
  uint32_t Count(std::string_view folded) const;

 private:
  Segmenter() = default;
  bool Splits(std::string_view whole, std::string_view part, double ratio) const;
  std::unordered_map<std::string, uint32_t> counts_;
};

}  // namespace marsad

#endif  // MARSAD_TEXT_SEGMENT_H_
