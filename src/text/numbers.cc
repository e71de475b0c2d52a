// Number mentions.
//
// A left-to-right pass over folded tokens. At each token that can start a
// number (digits, a number word, a vague plural, the dual of a counted noun)
// a small accumulator reads the longest compound it can (خمسة وعشرون,
// ثلاثة آلاف وخمسمئة, 1.5 مليون): units and tens add, مئة after a unit
// multiplies, scale words close a group. Cue phrases before and after (نحو,
// أكثر من, ما لا يقل عن, تقريبا, بين ... و) turn the value into an
// approximation, a bound or a range, and a unit or counted noun right after
// it is recorded. Every table is data/text/*.tsv (TextTables, passed in),
// keyed by the folded form,
// so spelling variants (مائة/مئة, أكثر/اكثر) need no extra rows.
#include "src/text/numbers.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

#include "src/text/lexicon_util.h"
#include "src/text/stem.h"
#include "src/text/tables.h"

namespace marsad {
namespace {

using text_internal::EndsWith;
using text_internal::KeyedToken;
using text_internal::StartsWith;

using text_internal::NumberTables;
using text_internal::NumberWord;
using Cue = text_internal::NumberCue;

const NumberWord* LookupWord(const NumberTables& tables, std::string_view key,
                             bool* had_wa) {
  const auto& w = tables.words;
  *had_wa = false;
  if (key.size() < 4) return nullptr;
  auto it = w.find(std::string(key));
  if (it != w.end()) return &it->second;
  std::string_view k = text_internal::StripProclitics(key, had_wa);
  if (k.size() == key.size()) return nullptr;
  it = w.find(std::string(k));
  return it == w.end() ? nullptr : &it->second;
}

struct Parsed {
  size_t end = 0;  // one past the last token used
  double value = 0, min = 0, max = 0;
  bool approximate = false;
  std::string unit;
};

// Reads a number starting at token k. Returns false if none starts there.
bool ParseAt(const NumberTables& tables, const std::vector<KeyedToken>& t,
             size_t k, Parsed* p) {
  double total = 0, current = 0;
  size_t i = k;
  bool any = false, vague = false;
  double vmin = 0, vmax = 0;
  if (t[k].kind == TokenKind::kNumber) {
    if (!text_internal::ParseDigits(t[k].key, &current)) return false;
    any = true;
    i = k + 1;
    // "1،700": an Arabic comma written as the thousands separator, glued to
    // three digits on both sides.
    while (i + 1 < t.size() && (t[i].key == "\xD8\x8C" || t[i].key == ",") &&
           t[i + 1].kind == TokenKind::kNumber &&
           t[i].span.begin == t[i - 1].span.end &&
           t[i + 1].span.begin == t[i].span.end &&
           t[i + 1].span.end - t[i + 1].span.begin == 3 &&
           current == static_cast<double>(static_cast<int64_t>(current))) {
      double more;
      if (!text_internal::ParseDigits(t[i + 1].key, &more)) break;
      current = current * 1000 + more;
      i += 2;
    }
  } else if (t[k].kind == TokenKind::kWord) {
    auto d = tables.duals.find(std::string(t[k].key));
    if (d != tables.duals.end()) {
      *p = Parsed{k + 1, 2, 2, 2, false, d->second};
      return true;
    }
  }
  for (; i < t.size() && t[i].kind == TokenKind::kWord; ++i) {
    bool wa;
    const NumberWord* w = LookupWord(tables, t[i].key, &wa);
    if (!w) break;
    // "75 بالمئة": a preposition before a number word inside a number ends it.
    if (i != k && !wa &&
        tables.words.find(std::string(t[i].key)) == tables.words.end() &&
        (StartsWith(t[i].key, "\xD8\xA8") || StartsWith(t[i].key, "\xD9\x84") ||
         StartsWith(t[i].key, "\xD9\x83"))) {  // ب، ل، ك
      break;
    }
    if (any && wa && w->kind == "scale") break;
    if (!any && wa && i == k) { /* a leading و is just the conjunction */
    }
    if (any && !wa && w->kind != "scale" && w->kind != "hundred" &&
        !(w->kind == "unit" && w->value == 10))
      break;
    if (w->kind == "vague" || w->kind == "few") {
      if (any) break;
      vague = true;
      vmin = w->value;
      vmax = w->max;
    } else if (w->kind == "scale" && !any && w->max > w->value) {
      vague = true;  // الآلاف alone: a plural scale with no count is 2000..9999
      vmin = 2 * w->value;
      vmax = w->max;
    } else if (w->kind == "scale") {
      if (vague) {
        vmin *= w->value;
        vmax *= w->value;
      } else {
        total += (current == 0 ? 1 : current) * w->value;
        current = 0;
      }
    } else if (w->kind == "hundred" && w->value == 100 && current > 0 &&
               current < 10 && !wa) {
      current *= 100;
    } else if (w->kind == "unit" && w->value == 10 && any && !wa) {
      current += 10;  // teens: ثلاثة عشر
    } else if (w->kind == "unit" && w->value == 1 && !any &&
               (StartsWith(t[i].key, "احد") || t[i].key == "ادي") &&
               !(i + 1 < t.size() && StartsWith(t[i + 1].key, "عشر"))) {
      break;  // أحد المسؤولين: "one of", not a count
    } else {
      current += w->value;
    }
    any = true;
  }
  if (!any) return false;
  p->end = i;
  if (vague) {
    p->value = p->min = vmin;
    p->max = vmax;
    p->approximate = true;
  } else {
    p->value = p->min = p->max = total + current;
  }
  return true;
}

// Matches cue words ending right before token k (before) or starting at k.
const Cue* MatchCue(const NumberTables& tables,
                    const std::vector<KeyedToken>& t, size_t k, bool after,
                    size_t* span_tok) {
  for (const Cue& c : tables.cues) {
    if (c.after != after) continue;
    size_t n = c.words.size();
    if (!after && k < n) continue;
    if (after && k + n > t.size()) continue;
    size_t start = after ? k : k - n;
    bool ok = true;
    for (size_t j = 0; j < n && ok; ++j) ok = t[start + j].key == c.words[j];
    if (ok) {
      *span_tok = after ? k + n - 1 : start;
      return &c;
    }
  }
  return nullptr;
}

void AttachUnit(const TextTables& tables, const std::vector<KeyedToken>& t,
                std::string_view text, Parsed* p) {
  if (p->end >= t.size() || !p->unit.empty()) return;
  const KeyedToken& nx = t[p->end];
  const auto& units = tables.numbers().units;
  auto u = units.find(std::string(nx.key));
  if (u != units.end()) {
    p->unit = u->second;
    ++p->end;
    return;
  }
  if (nx.key == "في" && p->end + 1 < t.size() &&
      (t[p->end + 1].key == "المئه" || t[p->end + 1].key == "المائه")) {
    p->unit = "percent";
    p->end += 2;
    return;
  }
  if (nx.kind == TokenKind::kWord) {
    std::string key = LemmaKey(tables, nx.span.In(text));
    if (EndsWith(key, "ا") && key.size() > 6) key.resize(key.size() - 2);
    p->unit = key;  // the counted noun, outside the span
  }
}

}  // namespace

void FindNumbers(const TextTables& tables, std::string_view text,
                 std::vector<NumberMention>* out) {
  TextAnalysis analysis;
  analysis.Build(text, tables);
  FindNumbers(tables, analysis, out);
}

void FindNumbers(const TextTables& tables, const TextAnalysis& analysis,
                 std::vector<NumberMention>* out) {
  out->clear();
  const NumberTables& nt = tables.numbers();
  const std::string_view text = analysis.text;
  const auto& t = analysis.folded;
  for (size_t k = 0; k < t.size();) {
    Parsed p;
    if (!ParseAt(nt, t, k, &p)) {
      ++k;
      continue;
    }
    size_t first = k, last = p.end - 1;
    size_t cue_tok;
    const Cue* cue = MatchCue(nt, t, k, /*after=*/false, &cue_tok);
    // "أكثر من «70»": an opening quotation mark between the cue and the number.
    if (!cue && k > 0 && (t[k - 1].key == "\xC2\xAB" || t[k - 1].key == "\"")) {
      cue = MatchCue(nt, t, k - 1, /*after=*/false, &cue_tok);
    }
    if (cue && cue->kind == "range" && p.end + 1 < t.size()) {
      size_t j = p.end;
      Parsed q;
      // "بين 10 و15", also "ما بين 10 إلى 15".
      bool wa =
          t[j].key == "و" || t[j].key == "\xD8\xA7\xD9\x84\xD9\x8A";  // الي
      if (wa) ++j;
      if (wa && j < t.size() && ParseAt(nt, t, j, &q)) {
        p.min = std::min(p.value, q.value);
        p.max = std::max(p.value, q.value);
        p.value = p.min;
        p.end = q.end;
        first = cue_tok;
      }
    } else if (cue && cue->kind != "range") {
      first = cue_tok;
      p.approximate = true;
      if (cue->kind == "lower") p.max = std::numeric_limits<double>::infinity();
      if (cue->kind == "upper") p.min = 0;
    }
    if (p.end + 1 < t.size() && t[p.end].key == "-" &&
        t[p.end + 1].kind == TokenKind::kNumber &&
        t[p.end].span.begin == t[p.end - 1].span.end) {
      double hi;
      if (text_internal::ParseDigits(t[p.end + 1].key, &hi) && hi > p.value) {
        p.min = p.value;
        p.max = hi;
        p.end += 2;
      }
    }
    AttachUnit(tables, t, text, &p);
    size_t after_tok;
    if (const Cue* ac = MatchCue(nt, t, p.end, /*after=*/true, &after_tok)) {
      p.approximate = true;
      if (ac->kind == "lower") p.max = std::numeric_limits<double>::infinity();
      if (ac->kind == "upper")
        p.min = 0;  // "50 على الأكثر": an open lower bound
      p.end = after_tok + 1;
    }
    last = p.end - 1;
    // A counted noun named as unit stays outside the span.
    NumberMention m;
    m.span = Span{t[first].span.begin, t[last].span.end};
    m.value = p.value;
    m.min = p.min;
    m.max = p.max;
    m.approximate = p.approximate;
    m.unit = std::move(p.unit);
    out->push_back(std::move(m));
    k = p.end;
  }
}

}  // namespace marsad
