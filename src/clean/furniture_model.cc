// Per-outlet templates: why a count-min sketch.
//
// An outlet's furniture is the part of its pages that does not change from
// report to report: a byline formula, a contact line, an end marker. Counting,
// per outlet, in how many reports each short line occurs finds it without any
// rule: what recurs in a fair share of an outlet's reports is template, what
// occurs once or twice is text (syndicated duplicates aside).
//
// Counting exact lines needs memory proportional to the corpus. A count-min
// sketch (Cormode & Muthukrishnan 2005) answers "how many times was this line
// seen" with a one-sided error (never under-counts) in fixed memory: two rows
// of 32768 16-bit saturating counters per outlet, updated conservatively
// (only the minimal counters grow), which keeps over-counts rare at the
// ~10^4 distinct short lines a large outlet has. Lines are compared by their
// FurnitureKey, so spacing and punctuation variants count as one line, and a
// line is counted once per report.
#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

#include "src/base/hash.h"
#include "src/clean/clean.h"
#include "src/clean/lexicon.h"

namespace marsad {

struct FurnitureModel::Sketch {
  uint32_t reports = 0;
  std::array<std::array<uint16_t, kWidth>, kRows> counts{};

  static size_t Cell(uint64_t h, int row) {
    return static_cast<size_t>((h >> (row * 21)) & (kWidth - 1));
  }
  uint32_t Estimate(uint64_t h) const {
    uint32_t m = UINT16_MAX;
    for (int r = 0; r < kRows; ++r)
      m = std::min<uint32_t>(m, counts[r][Cell(h, r)]);
    return m;
  }
  void Add(uint64_t h) {
    uint32_t m = Estimate(h);
    if (m == UINT16_MAX) return;
    for (int r = 0; r < kRows; ++r) {
      uint16_t& c = counts[r][Cell(h, r)];
      if (c == m) c = static_cast<uint16_t>(m + 1);
    }
  }
};

namespace {

uint64_t LineHash(std::string_view line, std::string* key) {
  FurnitureKey(line, key);
  if (key->empty()) return 0;
  return Hash64(*key, 0x6d61727361640001ull);
}

}  // namespace

FurnitureModel::FurnitureModel() = default;
FurnitureModel::~FurnitureModel() = default;
FurnitureModel::FurnitureModel(FurnitureModel&&) noexcept = default;
FurnitureModel& FurnitureModel::operator=(FurnitureModel&&) noexcept = default;

FurnitureModel::Sketch* FurnitureModel::Find(std::string_view outlet) const {
  if (outlet.empty()) return nullptr;
  uint64_t h = Hash64(outlet);
  auto it = sketches_.find(h);
  if (it != sketches_.end()) return it->second.get();
  if (sketches_.size() < static_cast<size_t>(kMaxOutlets)) return nullptr;
  // Full: outlets beyond the cap share an existing sketch, chosen by hash.
  auto shared = sketches_.begin();
  std::advance(shared, h % sketches_.size());
  return shared->second.get();
}

FurnitureModel::Sketch* FurnitureModel::FindOrCreate(std::string_view outlet) {
  if (Sketch* s = Find(outlet)) return s;
  auto sketch = std::make_unique<Sketch>();
  Sketch* raw = sketch.get();
  sketches_.emplace(Hash64(outlet), std::move(sketch));
  return raw;
}

void FurnitureModel::Observe(std::string_view outlet, std::string_view text) {
  if (outlet.empty()) return;
  Sketch* s = FindOrCreate(outlet);
  ++s->reports;
  std::vector<uint64_t> seen;
  std::string key;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (line.size() > kMaxLineBytes) continue;
    uint64_t h = LineHash(line, &key);
    if (h == 0 || std::find(seen.begin(), seen.end(), h) != seen.end())
      continue;
    seen.push_back(h);
    s->Add(h);
  }
}

bool FurnitureModel::IsTemplateLine(std::string_view outlet,
                                    std::string_view line) const {
  const Sketch* s = Find(outlet);
  if (s == nullptr || line.size() > kMaxLineBytes) return false;
  std::string key;
  uint64_t h = LineHash(line, &key);
  if (h == 0) return false;
  uint32_t n = s->Estimate(h);
  return n >= kMinReports &&
         static_cast<uint64_t>(n) * kMinShareInverse >= s->reports;
}

uint32_t FurnitureModel::Reports(std::string_view outlet) const {
  const Sketch* s = Find(outlet);
  return s == nullptr ? 0 : s->reports;
}

}  // namespace marsad
