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

std::unique_ptr<const CorpusLexicon> CorpusLexicon::FromCounts(
    const std::unordered_map<std::string, Counts>& counts) {
  std::unique_ptr<CorpusLexicon> l(new CorpusLexicon());
  for (const auto& [word, c] : counts) l->codes_[Hash64(word)] = CodeOf(c);
  return l;
}

StatusOr<std::unique_ptr<const CorpusLexicon>> CorpusLexicon::Load(
    const std::string& path) {
  ASSIGN_OR_RETURN(TsvRows rows, ReadTsv(path));
  std::unique_ptr<CorpusLexicon> l(new CorpusLexicon());
  l->codes_.reserve(rows.size());
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
    l->codes_[Hash64(f[0])] = CodeOf(c);
  }
  return std::unique_ptr<const CorpusLexicon>(std::move(l));
}

}  // namespace marsad
