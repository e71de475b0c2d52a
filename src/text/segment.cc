#include "src/text/segment.h"

#include "src/base/data.h"
#include "src/base/utf8.h"
#include "src/text/normalize.h"

namespace marsad {

namespace {

constexpr std::string_view kWaw = "و", kFa = "ف", kBa = "ب", kLam = "ل",
                           kKaf = "ك", kSin = "س", kAl = "ال", kLil = "لل";

// Enclitics, longest first.
constexpr std::string_view kEnclitics[] = {"هما", "كما", "هم", "هن", "ها", "كم",
                                           "كن", "نا", "ني", "ه", "ك", "ي"};

size_t Letters(std::string_view s) { return Utf8Length(s); }

bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

}  // namespace

const Segmenter& Segmenter::Default() {
  static const Segmenter* instance = [] {
    auto* s = new Segmenter();
    auto rows = ReadDataTsv("text/stems.tsv");
    if (rows.ok()) {
      s->counts_.reserve(rows->size());
      for (const auto& r : *rows) {
        if (r.size() >= 2) s->counts_[r[0]] = static_cast<uint32_t>(std::stoul(r[1]));
      }
    }
    return s;
  }();
  return *instance;
}

uint32_t Segmenter::Count(std::string_view folded) const {
  auto it = counts_.find(std::string(folded));
  return it == counts_.end() ? 0 : it->second;
}

bool Segmenter::KnownStem(std::string_view folded) const { return Count(folded) > 0; }

// `part` (the form without its clitic) is a word in its own right, and
// common enough next to `whole` that reading `whole` as clitic + part is the
// likelier analysis.
bool Segmenter::Splits(std::string_view whole, std::string_view part, double ratio) const {
  uint32_t p = Count(part);
  return p >= 5 && p >= ratio * Count(whole);
}

// Works on the folded word; folding keeps the byte length of undiacritized
// words (every Arabic letter is two bytes before and after), so offsets in
// the folded form are offsets in the word.
void Segmenter::Segment(std::string_view word, Segmentation* out) const {
  std::string f = Normalizer::Default().FoldKey(word);
  *out = Segmentation{};
  if (f.size() != word.size() || Letters(f) < 3) {
    out->stem = Span{0, uint32_t(word.size())};
    out->parts.push_back(out->stem);
    return;
  }
  std::vector<Span> parts;
  size_t pre = 0;
  std::string_view rest = f;
  auto take = [&](size_t bytes) {
    parts.push_back(Span{uint32_t(pre), uint32_t(pre + bytes)});
    pre += bytes;
    rest.remove_prefix(bytes);
  };
  // Conjunction و / ف.
  if ((StartsWith(rest, kWaw) || StartsWith(rest, kFa)) && Letters(rest) >= 3) {
    std::string_view after = rest.substr(2);
    if (StartsWith(after, kAl) || StartsWith(after, kLil) || Splits(rest, after, 0.05)) take(2);
  }
  // Preposition ب ل ك, or the future particle س on a verb.
  if (StartsWith(rest, kLil) && Letters(rest) >= 4) {
    take(4);  // ل + the article with its alef elided: للحكومة
  } else if ((StartsWith(rest, kBa) || StartsWith(rest, kLam) || StartsWith(rest, kKaf)) &&
             Letters(rest) >= 4) {
    std::string_view after = rest.substr(2);
    if (StartsWith(after, kAl) || Splits(rest, after, 0.5)) take(2);
  } else if (StartsWith(rest, kSin) && Letters(rest) >= 4) {
    std::string_view after = rest.substr(2);
    if ((StartsWith(after, "ي") || StartsWith(after, "ت") || StartsWith(after, "ن")) &&
        Splits(rest, after, 0.5)) {
      take(2);
    }
  }
  // Article: kept in the stem span (UD keeps it on its word) but recorded.
  bool article = StartsWith(rest, kAl) && Letters(rest) >= 4;
  // Enclitic pronoun, only on words without the article.
  size_t enc = 0;
  if (!article) {
    for (std::string_view e : kEnclitics) {
      if (rest.size() <= e.size() || rest.substr(rest.size() - e.size()) != e) continue;
      if (Letters(rest) - Letters(e) < 2) continue;
      std::string base(rest.substr(0, rest.size() - e.size()));
      bool ok = Splits(rest, base, 0.1);
      // Teh marbuta turns into teh before a suffix: وزارته = وزارة + ه.
      if (!ok && base.size() >= 2 && base.substr(base.size() - 2) == "ت") {
        ok = Splits(rest, base.substr(0, base.size() - 2) + "ه", 0.1);
      }
      if (ok) {
        enc = e.size();
        break;
      }
    }
  }
  out->proclitics = Span{0, uint32_t(pre)};
  out->stem = Span{uint32_t(pre), uint32_t(word.size() - enc)};
  out->enclitic = Span{uint32_t(word.size() - enc), uint32_t(word.size())};
  out->parts = std::move(parts);
  out->parts.push_back(out->stem);
  if (enc) out->parts.push_back(out->enclitic);
}

}  // namespace marsad
