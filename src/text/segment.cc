// Clitic segmentation by rules plus corpus evidence.
//
// Arabic writes conjunctions (و ف), prepositions (ب ل ك), the future marker
// (س) and object/possessive pronouns (ه ها هم ني نا ...) attached to their
// word. The letters involved are also ordinary root letters, so spelling alone
// cannot decide: `وقال` is و+قال but `وزير` is one word, `بلاده` is بلاد+ه but
// `توجه` is one word. We enumerate the segmentations the grammar allows
// (proclitic chain, stem of at least two letters, one enclitic; no enclitic
// after the article; س only before an imperfect verb prefix) and let a
// lexicon of unvocalized word counts from 31,000 news articles
// (tools/build_lexicon) decide: a split wins when its stem is itself a
// well-attested word, and attested more than the whole form is, scaled per
// clitic. A stem is looked up in the form it takes standing alone (ت→ة and
// ي→ى before an enclitic; لل → ال). A short exception list keeps function
// words (كان, كما, لكن) whole. When a proclitic wins with the enclitic still
// attached, the remaining stem gets the bare-word enclitic decision again
// (لبلادنا → ل+بلاد+نا). This is the classic "stem must be a word"
// heuristic of light stemmers made quantitative; it needs no training labels.
#include "src/text/segment.h"

#include <algorithm>
#include <atomic>
#include <cmath>

#include "src/base/data.h"
#include "src/base/hash.h"
#include "src/base/utf8.h"
#include "src/text/normalize.h"

namespace marsad {
namespace {

constexpr std::string_view kProclitics[] = {
    "",   "و",  "ف",  "ب",  "ل",  "ك",  "س",  "وب",
    "ول", "وك", "وس", "فب", "فل", "فك", "فس",
};
// First-person ي/ني and second-person ك are left out: news rarely uses
// them, and they collide with nisba adjectives (الروسي), names (أندريه) and
// roots ending in ك (ترك).
constexpr std::string_view kEnclitics[] = {
    "", "ه", "ها", "هم", "هما", "هن", "كم", "نا",
};

constexpr uint32_t kMinStemCount = 3;
// Among splits, each clitic costs this much log-count (prefer fewer).
constexpr double kCliticCost = 0.5;
// A split wins unless the whole form is more than e^kWholeMargin times as
// frequent as the stem: clitic forms are often commoner than their stems
// (وقال > قال in news), so the stem need only be attested, not dominant.
constexpr double kWholeMargin = 3.0;

bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Segment()'s answers for recent words, per thread (see the header).
struct SegmentMemo {
  struct Answer {
    uint32_t procl_end = 0, stem_end = 0;
    uint8_t parts = 0;
    Span part[4];  // at most two proclitic letters, the stem, the enclitic
  };
  uint64_t owner = 0;  // Segmenter::id_ of the answers
  std::unordered_map<std::string, Answer, StringHash, std::equal_to<>> words;
};

std::atomic<uint64_t> next_segmenter_id{1};

}  // namespace

Segmenter::Segmenter() : id_(next_segmenter_id.fetch_add(1)) {}

StatusOr<std::unique_ptr<const Segmenter>> Segmenter::Create() {
  return Create(DataDir());
}

StatusOr<std::unique_ptr<const Segmenter>> Segmenter::Create(
    const std::string& data_dir) {
  std::unique_ptr<Segmenter> s(new Segmenter());
  const std::string lexicon = data_dir + "/text/lexicon.tsv";
  ASSIGN_OR_RETURN(TsvRows rows, ReadTsv(lexicon));
  size_t cap = 1024;
  while (cap < 2 * rows.size()) cap *= 2;
  s->count_keys_.assign(cap, 0);
  s->count_vals_.assign(cap, 0);
  for (const auto& row : rows) {
    if (row.size() < 2 || row[1].empty() ||
        row[1].find_first_not_of("0123456789") != std::string::npos) {
      return CorruptionError(lexicon + ": a row is not form<TAB>count");
    }
    uint64_t h = Hash64(row[0]) | 1;
    size_t i = h & (cap - 1);
    while (s->count_keys_[i] != 0 && s->count_keys_[i] != h)
      i = (i + 1) & (cap - 1);
    s->count_keys_[i] = h;
    s->count_vals_[i] =
        static_cast<uint32_t>(std::strtoul(row[1].c_str(), nullptr, 10));
  }
  ASSIGN_OR_RETURN(TsvRows ex,
                   ReadTsv(data_dir + "/text/segment_exceptions.tsv"));
  for (const auto& row : ex) {
    if (!row.empty()) s->exceptions_[row[0]] = 1;
  }
  return std::unique_ptr<const Segmenter>(std::move(s));
}

uint32_t Segmenter::Count(std::string_view form) const {
  if (count_keys_.empty()) return 0;
  const size_t mask = count_keys_.size() - 1;
  const uint64_t h = Hash64(form) | 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    if (count_keys_[i] == h) return count_vals_[i];
    if (count_keys_[i] == 0) return 0;
  }
}

void Segmenter::Segment(std::string_view word, Segmentation* out) const {
  thread_local SegmentMemo memo;
  if (memo.owner != id_) {
    memo.words.clear();
    memo.owner = id_;
  }
  auto it = memo.words.find(word);
  if (it == memo.words.end()) {
    SegmentUncached(word, out);
    if (out->parts.size() > 4) return;  // cannot happen (see Answer)
    if (memo.words.size() >= kMemoWords) memo.words.clear();
    SegmentMemo::Answer a;
    a.procl_end = out->proclitics.end;
    a.stem_end = out->stem.end;
    a.parts = static_cast<uint8_t>(out->parts.size());
    std::copy(out->parts.begin(), out->parts.end(), a.part);
    memo.words.emplace(word, a);
    return;
  }
  const SegmentMemo::Answer& a = it->second;
  const uint32_t n = static_cast<uint32_t>(word.size());
  out->proclitics = Span{0, a.procl_end};
  out->stem = Span{a.procl_end, a.stem_end};
  out->enclitic = Span{a.stem_end, n};
  out->parts.assign(a.part, a.part + a.parts);
}

void Segmenter::SegmentUncached(std::string_view word,
                                Segmentation* out) const {
  out->parts.clear();
  uint32_t n = static_cast<uint32_t>(word.size());
  out->proclitics = Span{0, 0};
  out->stem = Span{0, n};
  out->enclitic = Span{n, n};
  // Letters without marks, and the byte offset where each starts in `word`.
  std::string key;
  std::vector<uint32_t> starts;  // per byte of key
  key.reserve(word.size());
  starts.reserve(word.size() + 1);
  size_t i = 0;
  bool arabic = false;
  while (i < word.size()) {
    size_t b = i;
    char32_t cp = DecodeUtf8(word, &i);
    if ((cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640)
      continue;
    arabic |= cp >= 0x0621 && cp <= 0x064A;
    for (size_t k = b; k < i; ++k) starts.push_back(static_cast<uint32_t>(b));
    key.append(word.substr(b, i - b));
  }
  starts.push_back(n);
  if (!arabic || key.size() < 4 || exceptions_.count(key)) {
    out->parts.push_back(out->stem);
    return;
  }
  auto count = [this](std::string_view f) { return Count(f); };
  const double whole = std::log1p(static_cast<double>(count(key)));
  double best = -1e9, best_stem = 0;
  std::string_view best_p, best_e;
  bool split = false;
  std::string alt;
  // A stem is looked up in the form it takes standing alone: before an
  // enclitic, ت is ة, ي is ى, and ؤ/ئ is ء.
  auto enclitic_stem_count = [&](std::string_view stem) {
    uint32_t c = count(stem);
    auto with_last = [&](std::string_view letter) {
      alt.assign(stem.substr(0, stem.size() - 2)).append(letter);
      c = std::max(c, count(alt));
    };
    if (EndsWith(stem, "ت")) with_last("ة");
    if (EndsWith(stem, "ي")) with_last("ى");
    if (EndsWith(stem, "ؤ") || EndsWith(stem, "ئ")) with_last("ء");
    return c;
  };
  for (std::string_view p : kProclitics) {
    if (!StartsWith(key, p)) continue;
    for (std::string_view e : kEnclitics) {
      if (p.empty() && e.empty()) continue;
      if (p.size() + e.size() > key.size() || !EndsWith(key, e)) continue;
      std::string_view stem = std::string_view(key).substr(
          p.size(), key.size() - p.size() - e.size());
      size_t letters = Utf8Length(stem);
      bool prep_pronoun = stem.empty() && !e.empty() &&
                          (p == "ب" || p == "ل" || p == "وب" || p == "ول" ||
                           p == "فب" || p == "فل");
      if (!prep_pronoun && letters < 2) continue;
      if (!e.empty() && StartsWith(stem, "ال")) continue;
      if (EndsWith(p, "س") &&
          !(StartsWith(stem, "ي") || StartsWith(stem, "ت") ||
            StartsWith(stem, "ن") || StartsWith(stem, "أ")))
        continue;
      if (EndsWith(p, "ك") && letters < 3) continue;
      uint32_t c = prep_pronoun ? 1000000
                   : e.empty()  ? count(stem)
                                : enclitic_stem_count(stem);
      if (EndsWith(p, "ل") && StartsWith(stem, "ل") && letters >= 3) {
        alt.assign("ا").append(stem);
        c = std::max(c, count(alt));
      }
      // The future marker before an imperfect verb: the verb form may be
      // rare, the pattern is not.
      bool future = EndsWith(p, "س") && letters >= 4;
      // A plural imperfect (يفعلون, تفعلون) after س is a verb for sure,
      // however rare the verb (سيستغرقون).
      if (future && c == 0 && letters >= 5 && e.empty() &&
          EndsWith(stem, "ون") &&
          (StartsWith(stem, "ي") || StartsWith(stem, "ت")))
        c = 1;
      if (c < (future ? 1u : kMinStemCount)) continue;
      int clitics =
          (p.empty() ? 0 : static_cast<int>(Utf8Length(p))) + !e.empty();
      double score = std::log1p(static_cast<double>(c)) - kCliticCost * clitics;
      if (score > best) {
        best = score;
        best_stem = std::log1p(static_cast<double>(c));
        best_p = p;
        best_e = e;
        split = true;
      }
    }
  }
  if (!split || best_stem + kWholeMargin < whole) {
    out->parts.push_back(out->stem);
    return;
  }
  // Fewer clitics score higher, so a proclitic split can win with the
  // enclitic still attached (ل+بلادنا over ل+بلاد+نا). The stem then gets
  // the same decision a bare word gets: an enclitic comes off when its
  // stem is attested and not dwarfed by the whole.
  if (!best_p.empty() && best_e.empty()) {
    std::string_view rest = std::string_view(key).substr(best_p.size());
    const double rest_whole = std::log1p(static_cast<double>(count(rest)));
    double rest_best = -1e9;
    for (std::string_view e : kEnclitics) {
      if (e.empty() || e.size() >= rest.size() || !EndsWith(rest, e)) continue;
      std::string_view stem = rest.substr(0, rest.size() - e.size());
      if (Utf8Length(stem) < 2 || StartsWith(stem, "ال")) continue;
      uint32_t c = enclitic_stem_count(stem);
      if (c < kMinStemCount) continue;
      double sc = std::log1p(static_cast<double>(c));
      if (sc > rest_best && sc + kWholeMargin >= rest_whole) {
        rest_best = sc;
        best_e = e;
      }
    }
  }
  // Marks before the first letter (malformed text) belong to the first part:
  // the parts tile the word from byte 0.
  uint32_t pend = best_p.empty() ? 0 : starts[best_p.size()];
  uint32_t ebeg = starts[key.size() - best_e.size()];
  out->proclitics = Span{0, pend};
  out->stem = Span{pend, ebeg};
  out->enclitic = Span{ebeg, n};
  size_t k = 0;
  while (k < best_p.size()) {  // one part per proclitic letter
    size_t len = 2;            // every proclitic letter is 2 bytes
    out->parts.push_back(Span{k == 0 ? 0 : starts[k], starts[k + len]});
    k += len;
  }
  if (!out->stem.empty()) out->parts.push_back(out->stem);
  if (!out->enclitic.empty()) out->parts.push_back(out->enclitic);
}

}  // namespace marsad
