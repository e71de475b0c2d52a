#include "src/text/numbers.h"

#include <cmath>
#include <string>
#include <unordered_map>

#include "src/base/data.h"
#include "src/text/normalize.h"
#include "src/text/tokenize.h"

namespace marsad {

namespace {

enum class WordKind { kUnit, kTen, kHundred, kThousand, kMillion, kVague };

struct NumberWord {
  double value = 0, min = 0, max = 0;
  WordKind kind = WordKind::kUnit;
};

struct Tables {
  std::unordered_map<std::string, NumberWord> words;
};

const Tables& GetTables() {
  static const Tables* t = [] {
    auto* t = new Tables();
    auto rows = ReadDataTsv("text/number_words.tsv");
    if (!rows.ok()) return t;
    for (const auto& r : *rows) {
      if (r.size() < 3) continue;
      NumberWord w;
      const std::string& v = r[1];
      size_t dash = v.find('-');
      if (dash != std::string::npos) {
        w.min = std::stod(v.substr(0, dash));
        w.max = std::stod(v.substr(dash + 1));
        w.value = w.min;
      } else {
        w.value = w.min = w.max = std::stod(v);
      }
      const std::string& k = r[2];
      w.kind = k == "unit" ? WordKind::kUnit : k == "ten" ? WordKind::kTen
             : k == "hundred" ? WordKind::kHundred : k == "thousand" ? WordKind::kThousand
             : k == "million" ? WordKind::kMillion : WordKind::kVague;
      t->words[r[0]] = w;
    }
    return t;
  }();
  return *t;
}

// Counted nouns whose dual form means two (folded stems).
constexpr std::string_view kDualNouns[] = {
    "قتيل", "جريح", "مرت", "شخص", "جندي", "طفل", "يوم", "عام", "شهر",
    "ساعت", "مدني", "عنصر", "مسلح", "صاروخ", "طايرت", "اسبوع", "سنت"};

bool IsDual(std::string_view w) {
  for (std::string_view suffix : {"ان", "ين"}) {
    if (w.size() <= suffix.size() + 4) continue;
    if (w.substr(w.size() - suffix.size()) != suffix) continue;
    std::string_view stem = w.substr(0, w.size() - suffix.size());
    for (std::string_view n : kDualNouns) {
      if (stem == n) return true;
    }
  }
  return false;
}

double ParseDigits(std::string_view folded) {
  std::string s;
  bool comma_thousands = false;
  for (char c : folded) {
    if (c == ',') { comma_thousands = true; continue; }
    s.push_back(c);
  }
  (void)comma_thousands;
  try {
    return std::stod(s);
  } catch (...) {
    return 0;
  }
}

struct Tok {
  Span span;
  std::string f;  // folded
  bool number = false;
};

// Strips a leading conjunction و from a folded word when the rest is a
// number word (خمسة وعشرين).
const NumberWord* Lookup(const std::string& f, bool* had_waw) {
  const auto& w = GetTables().words;
  *had_waw = false;
  auto it = w.find(f);
  if (it != w.end()) return &it->second;
  if (f.size() > 2 && f.rfind("و", 0) == 0) {
    it = w.find(f.substr(2));
    if (it != w.end()) {
      *had_waw = true;
      return &it->second;
    }
  }
  // Accusative tanwin alef: واحدا، عشرا.
  if (f.size() > 2 && f.back() == '\xa7' && f.substr(f.size() - 2) == "ا") {
    it = w.find(f.substr(0, f.size() - 2));
    if (it != w.end()) return &it->second;
  }
  return nullptr;
}

// Parses a number starting at token i; returns tokens consumed (0: none).
size_t ParseNumber(const std::vector<Tok>& t, size_t i, NumberMention* m) {
  size_t j = i;
  double total = 0, current = 0;
  bool any = false, vague = false;
  double vmin = 0, vmax = 0;
  while (j < t.size()) {
    if (t[j].number) {
      if (any && current != 0) break;
      current = ParseDigits(t[j].f);
      any = true;
      ++j;
      continue;
    }
    bool waw = false;
    const NumberWord* w = Lookup(t[j].f, &waw);
    if (w == nullptr) break;
    if (waw && !any) break;
    if (w->kind == WordKind::kVague) {
      if (any) {  // ثلاثة آلاف
        current = (current ? current : 1) * 1000;
        ++j;
        continue;
      }
      vague = true;
      vmin = w->min;
      vmax = w->max;
      any = true;
      ++j;
      break;
    }
    switch (w->kind) {
      case WordKind::kUnit:
        if (w->value == 10 && any && current > 0 && current < 10) current += 10;  // أحد عشر
        else current += w->value;
        break;
      case WordKind::kTen: current += w->value; break;
      case WordKind::kHundred:
        current = (current && current < 10 ? current : 1) * w->value +
                  (current >= 10 ? current : 0);
        break;
      case WordKind::kThousand:
      case WordKind::kMillion:
        total += (current ? current : 1) * w->value;
        current = 0;
        break;
      default: break;
    }
    any = true;
    ++j;
  }
  if (!any) {
    if (IsDual(t[i].f)) {
      m->span = t[i].span;
      m->value = m->min = m->max = 2;
      return 1;
    }
    return 0;
  }
  m->span = Span{t[i].span.begin, t[j - 1].span.end};
  if (vague) {
    m->value = vmin;
    m->min = vmin;
    m->max = vmax;
    m->approximate = true;
  } else {
    m->value = m->min = m->max = total + current;
  }
  return j - i;
}

bool Is(const std::vector<Tok>& t, size_t i, std::string_view w) {
  return i < t.size() && t[i].f == w;
}

}  // namespace

void FindNumbers(std::string_view text, std::vector<NumberMention>* out) {
  out->clear();
  const Normalizer& norm = Normalizer::Default();
  std::vector<Token> raw;
  Tokenize(text, &raw);
  std::vector<Tok> t;
  t.reserve(raw.size());
  for (const Token& r : raw) {
    if (r.kind == TokenKind::kPunct && r.span.In(text) != "-") continue;
    t.push_back({r.span, norm.FoldKey(r.span.In(text)), r.kind == TokenKind::kNumber});
  }
  for (size_t i = 0; i < t.size();) {
    NumberMention m;
    size_t n = ParseNumber(t, i, &m);
    if (n == 0) {
      ++i;
      continue;
    }
    // Bounds and approximations before the number.
    size_t start = i;
    auto back = [&](size_t k, std::initializer_list<std::string_view> words) {
      if (i < k) return false;
      for (size_t q = 0; q < k; ++q) {
        if (t[i - k + q].f != *(words.begin() + q)) return false;
      }
      return true;
    };
    if (back(1, {"نحو"}) || back(1, {"حوالي"}) || back(1, {"قرابه"}) ||
        back(1, {"زهاء"}) || back(1, {"تقريبا"}) || back(1, {"يقارب"}) ||
        back(1, {"قرابة"})) {
      m.approximate = true;
      start = i - 1;
    } else if (back(2, {"اكثر", "من"}) || back(2, {"يزيد", "عن"}) ||
               back(2, {"يزيد", "علي"})) {
      m.max = -1;  // no upper bound
      start = i - 2;
      if (start > 0 && (t[start - 1].f == "ما" || t[start - 1].f == "فيما")) --start;
    } else if (back(4, {"ما", "لا", "يقل", "عن"})) {
      m.max = -1;
      start = i - 4;
    } else if (back(2, {"اقل", "من"})) {
      m.min = 0;
      start = i - 2;
    } else if (back(1, {"بين"}) || back(2, {"ما", "بين"})) {
      // بين 10 و15 / بين 10 إلى 15
      size_t k = i + n;
      NumberMention hi;
      size_t skip = 0;
      if (k < t.size() && (t[k].f == "و" || t[k].f == "الي")) skip = 1;
      size_t n2 = skip || (k < t.size() && t[k].f.rfind("و", 0) == 0)
                      ? ParseNumber(t, k + skip, &hi)
                      : 0;
      if (n2 == 0 && k < t.size() && t[k].f.size() > 2 && t[k].f.rfind("و", 0) == 0) {
        // و15 is one token only for words; digits are separate tokens.
      }
      if (n2) {
        m.max = hi.max;
        m.approximate = true;
        m.span.end = hi.span.end;
        n += skip + n2;
        start = back(2, {"ما", "بين"}) ? i - 2 : i - 1;
      }
    }
    m.span.begin = t[start].span.begin;
    out->push_back(m);
    i += n;
  }
}

}  // namespace marsad
