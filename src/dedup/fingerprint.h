// Fingerprints for exact and near-duplicate detection: a content hash of the
// normalized text and a MinHash signature of its word shingles. The essay on
// why MinHash (and not SimHash) opens fingerprint.cc.
#ifndef MARSAD_SRC_DEDUP_FINGERPRINT_H_
#define MARSAD_SRC_DEDUP_FINGERPRINT_H_

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "marsad/status.h"
#include "src/text/analysis.h"
#include "src/text/tables.h"

namespace marsad {

// Number of MinHash functions, LSH bands and rows per band.
// kNumHashes == kBands * kRows.
inline constexpr int kMinHashes = 64;
inline constexpr int kLshBands = 16;
inline constexpr int kLshRows = 4;
// Words per shingle.
inline constexpr int kShingleWords = 3;

// The fingerprint of one report. A plain value; 272 bytes in memory,
// 277 bytes serialized.
struct Fingerprint {
  // Hash of the normalized (folded, whitespace-collapsed) text: equal texts up
  // to Arabic spelling variants, diacritics, punctuation and spacing collide.
  uint64_t exact = 0;
  // Number of distinct shingles the signature was built from; 0 for a text
  // with no words (then only `exact` is meaningful).
  uint32_t num_shingles = 0;
  // MinHash signature: minimum of each hash function over the shingle set.
  std::array<uint32_t, kMinHashes> minhash{};

  // Binary, versioned, little-endian. Stable across releases of the same
  // version byte; Deserialize() rejects other versions and wrong sizes.
  std::string Serialize() const;
  static StatusOr<Fingerprint> Deserialize(std::string_view data);

  friend bool operator==(const Fingerprint&, const Fingerprint&) = default;
};

// Computes the fingerprint of a clean text (analysed first with the text
// core's tables: tokens folded by their Normalizer). Thread-safe.
Fingerprint ComputeFingerprint(const TextTables& tables,
                               std::string_view clean_text);
// The same from the analysis of the clean text (src/text/analysis.h): the
// words are its tokens other than punctuation and symbols, each hashed by
// its folded key.
Fingerprint ComputeFingerprint(const TextAnalysis& analysis);

// Builds a fingerprint from already-normalized tokens (each a folded word).
// `exact` is stored as given. Thread-safe; allocates only scratch memory.
Fingerprint FingerprintFromTokens(std::span<const std::string_view> tokens,
                                  uint64_t exact);

// As FingerprintFromTokens, from the 64-bit hashes of the tokens.
Fingerprint FingerprintFromWordHashes(std::span<const uint64_t> word_hashes,
                                      uint64_t exact);

// Estimated Jaccard similarity of the two shingle sets (fraction of equal
// signature slots); 0 if either has no shingles.
double EstimateJaccard(const Fingerprint& a, const Fingerprint& b);

// Estimated share of the smaller report's shingles found in the larger one,
// derived from the Jaccard estimate and the two set sizes.
double EstimateContainment(const Fingerprint& a, const Fingerprint& b);

}  // namespace marsad

#endif  // MARSAD_SRC_DEDUP_FINGERPRINT_H_
