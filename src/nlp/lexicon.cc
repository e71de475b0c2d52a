#include "src/nlp/lexicon.h"

#include <algorithm>
#include <charconv>

#include "src/base/data.h"
#include "src/base/hash.h"

namespace marsad {

uint16_t CorpusLexicon::CodeOf(const Counts& c) {
  uint64_t total = 0;
  for (uint32_t v : c) total += v;
  if (total == 0) return 0;
  int best = 1, second = 0;
  for (int t = 2; t < 5; ++t)
    if (c[t] > c[best]) best = t;
  if (c[best] == 0) return 1;  // never an entity
  for (int t = 1; t < 5; ++t)
    if (t != best && c[t] * 5 >= total && (second == 0 || c[t] > c[second]))
      second = t;
  uint64_t share = std::min<uint64_t>(c[best] * 5 / total, 4);
  uint64_t freq = total < 5 ? 0 : total < 20 ? 1 : 2;
  return static_cast<uint16_t>(
      2 + ((((best - 1) * 5 + share) * 5 + second) * 3 + freq));
}

// A table at most half full; a key hash of 0 (never produced by Hash64 in
// practice) is dropped, 0 marking an empty slot.
void CorpusLexicon::Build(const std::unordered_map<uint64_t, uint16_t>& codes) {
  size_t cap = 16;
  int bits = 4;
  while (cap < codes.size() * 2) cap <<= 1, ++bits;
  mask_ = cap - 1;
  shift_ = 64 - bits;
  keys_.assign(cap, 0);
  codes_.assign(cap, 0);
  for (const auto& [h, code] : codes) {
    if (h == 0) continue;
    uint64_t i = (h * 0x9E3779B97F4A7C15ull) >> shift_;
    while (keys_[i] != 0) i = (i + 1) & mask_;
    keys_[i] = h;
    codes_[i] = code;
  }
}

std::unique_ptr<const CorpusLexicon> CorpusLexicon::FromCounts(
    const std::unordered_map<std::string, Counts>& counts) {
  std::unordered_map<uint64_t, uint16_t> codes;
  for (const auto& [word, c] : counts) codes[Hash64(word)] = CodeOf(c);
  std::unique_ptr<CorpusLexicon> l(new CorpusLexicon());
  l->Build(codes);
  return l;
}

StatusOr<std::unique_ptr<const CorpusLexicon>> CorpusLexicon::Load(
    const std::string& path) {
  ASSIGN_OR_RETURN(TsvRows rows, ReadTsv(path));
  std::unordered_map<uint64_t, uint16_t> codes;
  codes.reserve(rows.size());
  for (size_t r = 0; r < rows.size(); ++r) {
    const auto& f = rows[r];
    Counts c{};
    bool ok = f.size() >= 6;
    for (int t = 0; ok && t < 5; ++t)
      ok = std::from_chars(f[t + 1].data(), f[t + 1].data() + f[t + 1].size(),
                           c[t])
               .ec == std::errc();
    if (!ok)
      return CorruptionError(path + ": row " + std::to_string(r + 1) +
                             ": expected word and five counts");
    codes[Hash64(f[0])] = CodeOf(c);
  }
  std::unique_ptr<CorpusLexicon> l(new CorpusLexicon());
  l->Build(codes);
  return std::unique_ptr<const CorpusLexicon>(std::move(l));
}

}  // namespace marsad
