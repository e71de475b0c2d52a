// Arabic-aware text normalization with a byte-offset map back to the input
// (after SentencePiece's norm_to_orig).
//
// Two outputs come from the same single-pass loop over precomputed code point
// tables, built once from ICU and data/text/*.tsv:
//  * Display: what a reader sees, cleaned. Bidi and zero-width controls and C0
//    controls removed, Arabic presentation forms mapped to their letters
//    (NFKC), decomposed hamza/madda sequences composed (NFC), horizontal
//    whitespace runs collapsed to one space, at most one blank line kept.
//    Diacritics, tatweel and spelling are kept.
//  * Fold: a matching key. Display plus: diacritics and Quranic marks and
//    tatweel dropped, alef forms (أ إ آ ٱ) → ا, ى → ي, word-final ة → ه,
//    Persian/Urdu letters (ک ی ۀ گ پ چ ژ ڤ) → Arabic, Eastern digits → ASCII,
//    Arabic decimal/thousands separators and punctuation → ASCII, every quote
//    style → '"' or '\'', compatibility forms NFKC, Latin lower-cased.
//
// Thread safety: a Normalizer is immutable after Create(); all methods are
// const and may be called concurrently. Output buffers belong to the caller.
#ifndef MARSAD_SRC_TEXT_NORMALIZE_H_
#define MARSAD_SRC_TEXT_NORMALIZE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/document.h"
#include "marsad/status.h"

namespace marsad {

// Normalized text plus the map back to the input it came from.
struct NormalizedText {
  std::string text;
  // offsets[i] is the input byte offset of the code point that produced
  // output byte i; offsets.size() == text.size() + 1 and the last entry is the
  // input size. Offsets never decrease.
  std::vector<uint32_t> offsets;

  // Maps a span of `text` to the input span it came from. Characters removed
  // between two kept ones fall inside the span of the later boundary.
  // REQUIRES: s.begin <= s.end <= text.size().
  Span ToInput(Span s) const { return Span{offsets[s.begin], offsets[s.end]}; }
};

class Normalizer {
 public:
  // Builds the tables from ICU and DataPath("text/fold.tsv"),
  // DataPath("text/display.tsv"). Fails if a table is missing or malformed.
  static StatusOr<std::unique_ptr<const Normalizer>> Create();
  // The same from data_dir + "/text/fold.tsv" and "/text/display.tsv"; a
  // missing or damaged table is an error naming the file.
  static StatusOr<std::unique_ptr<const Normalizer>> Create(
      const std::string& data_dir);

  ~Normalizer();
  Normalizer(const Normalizer&) = delete;
  Normalizer& operator=(const Normalizer&) = delete;

  // Cleaned display text. Invalid UTF-8 bytes become U+FFFD.
  void Display(std::string_view in, NormalizedText* out) const;
  // Folded matching key with offsets. Invalid UTF-8 bytes are dropped.
  void Fold(std::string_view in, NormalizedText* out) const;
  // Fold without the offset map, appended to nothing: *out is overwritten.
  // The fastest form, for keys of single words or short phrases.
  void FoldKey(std::string_view in, std::string* out) const;
  std::string FoldKey(std::string_view in) const;
  // Removes diacritics, tatweel and invisible controls and maps presentation
  // forms, but keeps letters as written (hamza forms, ى, ة). The key of the
  // segmentation lexicon. *out is overwritten.
  void Unvocalize(std::string_view in, std::string* out) const;

  struct Tables;  // implementation detail, in normalize.cc

 private:
  explicit Normalizer(std::unique_ptr<Tables> tables);
  std::unique_ptr<Tables> tables_;
};

}  // namespace marsad

#endif  // MARSAD_SRC_TEXT_NORMALIZE_H_
