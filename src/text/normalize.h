// Arabic normalization with offset maps (after SentencePiece's normalizer).
//
// Two outputs from one pass over the input:
//  * Display: what a reader sees — line endings unified, zero-width and bidi
//    controls removed, presentation forms (ﻻ) expanded by NFKC, horizontal
//    whitespace collapsed; diacritics and spelling kept.
//  * Fold: the matching key — additionally diacritics, Quranic marks and
//    tatweel dropped; أ إ آ ٱ → ا; ى → ي; ة → ه; ؤ → و; ئ → ي; Persian and
//    Urdu letters (ک ی ۀ) to Arabic; Arabic-Indic and Eastern digits to
//    ASCII; Arabic decimal/thousands separators and punctuation to ASCII;
//    every quote style to '"'; ASCII lowercased.
// Each output byte maps back to the input byte it came from, so spans found
// in folded text convert to spans of the input.
//
// The tables come from data/text/fold.tsv plus NFKC of the presentation
// form blocks computed once with ICU.
//
// Thread safety: a Normalizer is immutable after Create(); share freely.
#ifndef MARSAD_TEXT_NORMALIZE_H_
#define MARSAD_TEXT_NORMALIZE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "marsad/document.h"
#include "marsad/status.h"

namespace marsad {

struct NormalizedText {
  std::string text;
  // offsets[i] = input byte offset of output byte i; size == text.size()+1,
  // the last entry being the input size.
  std::vector<uint32_t> offsets;

  // The input span covering output span `s`.
  // REQUIRES: s.end <= text.size().
  Span ToInput(Span s) const;
};

class Normalizer {
 public:
  static StatusOr<std::unique_ptr<const Normalizer>> Create();
  // A process-wide instance, built on first use (thread-safe). If the data
  // tables cannot be read it falls back to the built-in defaults.
  static const Normalizer& Default();

  void Display(std::string_view in, NormalizedText* out) const;
  void Fold(std::string_view in, NormalizedText* out) const;
  // Fold without the offset map.
  std::string FoldKey(std::string_view in) const;
  // Appends the folded form of one code point (empty when dropped).
  void FoldCodePoint(char32_t cp, std::string* out) const;

 private:
  Normalizer() = default;
  void Run(std::string_view in, bool fold, NormalizedText* out) const;

  // Code point -> replacement (UTF-8, may be empty) for folding / display.
  std::unordered_map<char32_t, std::string> fold_;
  std::unordered_map<char32_t, std::string> display_;
  // The fold map flattened for the BMP: index+1 into fold_strings_, 0 for
  // "unchanged" (a table lookup per character, no hashing).
  std::vector<uint16_t> fold_index_;
  std::vector<std::string> fold_strings_;
};

}  // namespace marsad

#endif  // MARSAD_TEXT_NORMALIZE_H_
