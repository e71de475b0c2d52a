// Clitic segmentation of one Arabic word (UD Arabic conventions: the article
// ال stays on its word; و ف ب ل ك س and enclitic pronouns are split).
//
// Every stage that looks inside words segments them (features, entities,
// lemma and skeleton keys), and news words repeat: Segment() remembers its
// recent answers in a per-thread table (at most kMemoWords words, emptied
// when full), so a frequent word is segmented once per thread, not once
// per occurrence and stage. The answer depends on the word alone.
//
// Thread safety: a Segmenter is immutable (the memo is per thread); Segment()
// may run concurrently.
#ifndef MARSAD_SRC_TEXT_SEGMENT_H_
#define MARSAD_SRC_TEXT_SEGMENT_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "marsad/document.h"
#include "marsad/status.h"
#include "src/base/hash.h"

namespace marsad {

// Spans are byte offsets relative to the word passed to Segment().
// proclitics + stem + enclitic cover the word; `parts` lists every
// segment in order (each proclitic letter, the stem, the enclitic);
// an unsplit word has one part equal to the stem.
struct Segmentation {
  Span proclitics;
  Span stem;
  Span enclitic;
  std::vector<Span> parts;
};

class Segmenter {
 public:
  // Loads DataPath("text/lexicon.tsv") (form, count) and
  // DataPath("text/segment_exceptions.tsv").
  static StatusOr<std::unique_ptr<const Segmenter>> Create();
  // The same from data_dir + "/text/..."; a missing or damaged table is an
  // error naming the file.
  static StatusOr<std::unique_ptr<const Segmenter>> Create(
      const std::string& data_dir);

  // REQUIRES: `word` is one token (no spaces). Non-Arabic input comes back
  // unsplit. *out is overwritten.
  void Segment(std::string_view word, Segmentation* out) const;

  // Corpus count of an unvocalized form (0 if unknown).
  uint32_t Count(std::string_view unvocalized) const;

  // Size bound of the per-thread memo of Segment().
  static constexpr size_t kMemoWords = 1 << 15;

 private:
  Segmenter();
  void SegmentUncached(std::string_view word, Segmentation* out) const;
  // The lexicon: open addressing on the form's 64-bit hash (0 = empty), so
  // a lookup hashes once and compares integers, never strings; the ~20
  // lookups per unseen word made the string map the text core's hot spot.
  // Two forms with one 64-bit hash would share a count (odds ~1e-9 here).
  std::vector<uint64_t> count_keys_;
  std::vector<uint32_t> count_vals_;
  std::unordered_map<std::string, int, StringHash, std::equal_to<>>
      exceptions_;  // kept whole
  uint64_t id_;     // distinct per instance: tells the per-thread memo whose
                    // answers it holds
};

}  // namespace marsad

#endif  // MARSAD_SRC_TEXT_SEGMENT_H_
