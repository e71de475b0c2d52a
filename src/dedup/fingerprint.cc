// Near-duplicate fingerprints: MinHash over word shingles, banded for LSH.
//
// What counts as a near-duplicate. In Arabic news the same wire story is
// republished by many outlets with small edits: a different first line
// ("الرياض - واس"), a dropped or added closing paragraph, spelling variants
// (أ/ا, ى/ي, ة/ه), a share-button line the cleaner missed. The question "is
// this the same text?" is a question about the *set of word sequences* the
// two reports share, so we measure the Jaccard similarity of their sets of
// word 3-shingles, after the text stage's folding (which already erases the
// spelling variants). Three words are long enough that two different reports
// of the same event, written independently, share few shingles (their Jaccard
// is typically < 0.2), and short enough that a one-word edit breaks only
// three shingles.
//
// Why MinHash and not SimHash. SimHash (Charikar; Manku et al. 2007) packs a
// document into 64 bits whose Hamming distance tracks the *cosine* of weighted
// feature vectors. It is compact, but (1) the relation between Hamming
// distance and a human notion of "copy" is loose for short texts, where a few
// heavy features dominate the sign bits, so its precision at a tight threshold
// is poor on 150-word reports; (2) it cannot tell "A is contained in B" (a
// truncated republication) from "A and B half overlap"; and (3) finding all
// fingerprints within Hamming distance k needs C(64,k)-style permuted tables.
// MinHash (Broder 1997) gives an unbiased estimate of Jaccard itself: the
// chance that two sets have the same minimum under a random hash is exactly
// their Jaccard similarity, so with 64 hash functions the estimate has a
// standard error of at most 0.0625 and tightens near 1. Knowing the two set
// sizes we also recover the containment of the smaller in the larger.
// Locality-sensitive hashing by banding (Leskovec, Rajaraman & Ullman, ch. 3)
// turns the signature into 16 bucket keys of 4 rows each: a pair with Jaccard
// s becomes a candidate with probability 1 - (1 - s^4)^16, which is 0.99 at
// s = 0.6, 0.64 at s = 0.5 and 0.02 at s = 0.2 -- every true near-duplicate
// is found, and few unrelated pairs need the full 64-slot comparison. The
// cost is 256 bytes of signature per report and 64 multiply-shifts per
// shingle (about 20k for a typical report: microseconds).
//
// Hash family: h_i(x) = (a_i * x + b_i) >> 32 over 64-bit shingle hashes with
// odd random a_i (multiply-shift, Dietzfelbinger et al.), seeded with fixed
// constants so fingerprints are stable across runs and machines -- they are
// persisted by the store and compared after a restart.
#include "src/dedup/fingerprint.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "src/base/hash.h"
#include "src/text/analysis.h"
#include "src/text/tables.h"

namespace marsad {
namespace {

constexpr char kVersion = 'F';
constexpr size_t kSerializedSize = 1 + 8 + 4 + 4 * kMinHashes;

uint64_t SplitMix64(uint64_t* state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

struct HashFamily {
  std::array<uint64_t, kMinHashes> a;
  std::array<uint64_t, kMinHashes> b;
  HashFamily() {
    uint64_t state = 0x6D61727361642D31ULL;  // "marsad-1"
    for (int i = 0; i < kMinHashes; ++i) {
      a[i] = SplitMix64(&state) | 1;
      b[i] = SplitMix64(&state);
    }
  }
};

const HashFamily& Family() {
  static const HashFamily family;
  return family;
}

uint64_t Rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

uint64_t Mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDULL;
  h ^= h >> 33;
  return h;
}

void PutLe(uint64_t v, int bytes, std::string* out) {
  for (int i = 0; i < bytes; ++i)
    out->push_back(static_cast<char>(v >> (8 * i)));
}

uint64_t GetLe(const char* p, int bytes) {
  uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) {
    v |= static_cast<uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  }
  return v;
}

}  // namespace

std::string Fingerprint::Serialize() const {
  std::string out;
  out.reserve(kSerializedSize);
  out.push_back(kVersion);
  PutLe(exact, 8, &out);
  PutLe(num_shingles, 4, &out);
  for (uint32_t v : minhash) PutLe(v, 4, &out);
  return out;
}

StatusOr<Fingerprint> Fingerprint::Deserialize(std::string_view data) {
  if (data.size() != kSerializedSize || data[0] != kVersion) {
    return CorruptionError("fingerprint: expected " +
                           std::to_string(kSerializedSize) +
                           " bytes starting with version 'F', got " +
                           std::to_string(data.size()) + " bytes");
  }
  Fingerprint fp;
  const char* p = data.data() + 1;
  fp.exact = GetLe(p, 8);
  fp.num_shingles = static_cast<uint32_t>(GetLe(p + 8, 4));
  for (int i = 0; i < kMinHashes; ++i) {
    fp.minhash[i] = static_cast<uint32_t>(GetLe(p + 12 + 4 * i, 4));
  }
  return fp;
}

Fingerprint FingerprintFromTokens(std::span<const std::string_view> tokens,
                                  uint64_t exact) {
  std::vector<uint64_t> hashes;
  for (std::string_view t : tokens) hashes.push_back(Hash64(t));
  return FingerprintFromWordHashes(hashes, exact);
}

Fingerprint FingerprintFromWordHashes(std::span<const uint64_t> word_hashes,
                                      uint64_t exact) {
  Fingerprint fp;
  fp.exact = exact;
  fp.minhash.fill(UINT32_MAX);
  if (word_hashes.empty()) return fp;
  thread_local std::vector<uint64_t> shingles;
  shingles.clear();
  if (word_hashes.size() < static_cast<size_t>(kShingleWords)) {
    uint64_t h = 0;
    for (uint64_t w : word_hashes) h = Rotl(h, 21) ^ w;
    shingles.push_back(Mix(h));
  } else {
    for (size_t i = 0; i + kShingleWords <= word_hashes.size(); ++i) {
      shingles.push_back(Mix(word_hashes[i] ^ Rotl(word_hashes[i + 1], 21) ^
                             Rotl(word_hashes[i + 2], 42)));
    }
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  fp.num_shingles = static_cast<uint32_t>(shingles.size());
  const HashFamily& f = Family();
  for (uint64_t s : shingles) {
    for (int i = 0; i < kMinHashes; ++i) {
      uint32_t v = static_cast<uint32_t>((f.a[i] * s + f.b[i]) >> 32);
      fp.minhash[i] = std::min(fp.minhash[i], v);
    }
  }
  return fp;
}

Fingerprint ComputeFingerprint(const TextAnalysis& analysis) {
  thread_local std::vector<uint64_t> words;
  words.clear();
  for (const FoldedToken& t : analysis.folded) {
    if (t.kind == TokenKind::kPunct || t.kind == TokenKind::kSymbol) continue;
    words.push_back(Hash64(t.key));
  }
  uint64_t exact =
      Hash64(std::string_view(reinterpret_cast<const char*>(words.data()),
                              words.size() * sizeof(uint64_t)));
  return FingerprintFromWordHashes(words, exact);
}

Fingerprint ComputeFingerprint(const TextTables& tables,
                               std::string_view clean_text) {
  TextAnalysis analysis;
  analysis.Build(clean_text, tables);
  return ComputeFingerprint(analysis);
}

double EstimateJaccard(const Fingerprint& a, const Fingerprint& b) {
  if (a.num_shingles == 0 || b.num_shingles == 0) return 0;
  int same = 0;
  for (int i = 0; i < kMinHashes; ++i) same += a.minhash[i] == b.minhash[i];
  return static_cast<double>(same) / kMinHashes;
}

double EstimateContainment(const Fingerprint& a, const Fingerprint& b) {
  double j = EstimateJaccard(a, b);
  if (j <= 0) return 0;
  double na = a.num_shingles, nb = b.num_shingles;
  double inter = j * (na + nb) / (1 + j);
  return std::min(1.0, inter / std::min(na, nb));
}

}  // namespace marsad
