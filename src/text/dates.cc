// Date mentions.
//
// A left-to-right pass over folded tokens with phrase tables from
// data/text/months.tsv and date_words.tsv (TextTables, src/text/tables.h).
// Month names of all three Gregorian series and the Hijri months are multi-word
// phrases matched longest first; a Levantine name right after an Egyptian one
// (أكتوبر تشرين الأول) is read as one month. A month counts as a date only with
// support around it — a day (7 فبراير, الرابع من أكتوبر), a year, a part
// (منتصف), a direction (الماضي) or the word شهر — because many month names are
// also ordinary words (مارس "practised", صفر "zero", آب). Weekdays and relative
// words (أمس, اليوم) are resolved against the publication date; without one
// they are reported with an empty value. The year of a day-and-month is taken
// from the publication date (the nearest such date, allowing two months
// ahead), and never guessed without it: "--MM-DD".
#include "src/text/dates.h"

#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <unordered_map>

#include "src/text/lexicon_util.h"
#include "src/text/tables.h"

namespace marsad {
namespace {

using text_internal::KeyedToken;

using Phrase = text_internal::DatePhrase;

// A word without the particles the segmenter splits off (و ف, then ب ل;
// ل before the article is written لل), its article kept: والجمعة -> الجمعة,
// وبالأمس -> الأمس, لليوم -> اليوم, ويوم -> يوم (never اليوم), وبشهر -> شهر.
// `key` itself when it has none. Built on StripProclitics, which also drops
// the article: an article is put back only where the word had one.
std::string Bare(std::string_view key) {
  bool wa;
  std::string_view stem = text_internal::StripProclitics(key, &wa);
  if (stem.size() == key.size()) return std::string(key);
  std::string_view before = key.substr(0, key.size() - stem.size());
  bool article =
      before.size() >= 4 && (before.substr(before.size() - 4) == "ال" ||
                             before.substr(before.size() - 4) == "لل");
  if (article && before.size() == 4 && before == "ال")
    return std::string(key);  // the article alone: no particle
  return (article ? std::string("ال") : std::string()).append(stem);
}

// Bare(key) when `key` ends with `tail` (a cheap test first: most words of a
// document reach ScanMonthDate and ScanOther), else "".
std::string BareIfEndsWith(std::string_view key, std::string_view tail) {
  if (key.size() < tail.size() || key.substr(key.size() - tail.size()) != tail)
    return std::string();
  return Bare(key);
}

// Whether `key` is a word with the conjunction و or ف on its article
// (والجمعة، فالأحد).
bool ConjunctionOnArticle(std::string_view key) {
  return key.size() > 6 &&
         (key.substr(0, 6) == "وال" || key.substr(0, 6) == "فال");
}

// The phrase lists Match may try at a token, looked up once per token of a
// document: its key's, its bare form's (Bare) if it has particles, and that
// of the key without و/ف alone where a ب/ل was the word's own letter
// (وليلة: ليلة, not يلة); null where the index has none.
struct Firsts {
  bool known = false;
  bool strippable = false;
  const std::vector<const Phrase*>* key = nullptr;
  const std::vector<const Phrase*>* stripped = nullptr;
  const std::vector<const Phrase*>* conj_only = nullptr;
};

struct Ctx {
  const text_internal::DateTables& tables;
  const std::vector<KeyedToken>& t;
  bool has_pub;
  int64_t pub;
  std::vector<DateMention>* out;
  std::vector<Firsts>& firsts;  // per token of t, filled by Match
};

// Longest phrase of `kind` (prefix match on kind) at token k, allowing
// particles on the first word (Bare) when `strip`.
const Phrase* Match(Ctx& c, size_t k, std::string_view kind,
                    bool strip = true) {
  const std::vector<KeyedToken>& t = c.t;
  if (k >= t.size() || t[k].kind != TokenKind::kWord) return nullptr;
  Firsts& f = c.firsts[k];
  if (!f.known) {
    const auto& index = c.tables.by_first;
    auto find = [&](std::string_view w) -> const std::vector<const Phrase*>* {
      auto it = index.find(w);
      return it == index.end() ? nullptr : &it->second;
    };
    std::string_view first = t[k].key;
    f.key = find(first);
    std::string bare = Bare(first);
    f.strippable = bare != first;
    if (f.strippable) f.stripped = find(bare);
    if (first.size() > 4 &&
        (first.substr(0, 2) == "و" || first.substr(0, 2) == "ف") &&
        bare.size() + 2 != first.size())
      f.conj_only = find(first.substr(2));
    f.known = true;
  }
  auto try_first =
      [&](const std::vector<const Phrase*>* list) -> const Phrase* {
    if (!list) return nullptr;
    for (const Phrase* p : *list) {
      if (p->kind.compare(0, kind.size(), kind) != 0) continue;
      if (k + p->words.size() > t.size()) continue;
      bool ok = true;
      for (size_t j = 1; j < p->words.size() && ok; ++j)
        ok = t[k + j].key == p->words[j];
      if (ok) return p;
    }
    return nullptr;
  };
  if (const Phrase* p = try_first(f.key)) return p;
  if (!strip || !f.strippable) return nullptr;
  if (const Phrase* p = try_first(f.stripped)) return p;
  return try_first(f.conj_only);
}

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant).
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}
void CivilFromDays(int64_t z, int* y, int* m, int* d) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yoe + era * 400 + (*m <= 2));
}
int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

std::string Iso(int y, int m, int d) {
  char buf[16];
  if (y == 0 && d == 0)
    std::snprintf(buf, sizeof buf, "--%02d", m);
  else if (y == 0)
    std::snprintf(buf, sizeof buf, "--%02d-%02d", m, d);
  else if (d == 0)
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  else
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

bool ParsePublished(std::string_view s, int64_t* days) {
  int y, m, d;
  if (s.size() < 10 || std::sscanf(std::string(s.substr(0, 10)).c_str(),
                                   "%4d-%2d-%2d", &y, &m, &d) != 3)
    return false;
  if (m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) return false;
  *days = DaysFromCivil(y, m, d);
  return true;
}

// Hijri (Umm al-Qura) to Gregorian through ICU. Returns false on failure.
bool HijriToGregorian(int y, int m, int d, int* gy, int* gm, int* gd) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> cal(icu::Calendar::createInstance(
      icu::TimeZone::getGMT()->clone(),
      icu::Locale("ar@calendar=islamic-umalqura"), err));
  if (U_FAILURE(err)) return false;
  cal->clear();
  cal->set(y, m - 1, d);
  UDate t = cal->getTime(err);
  if (U_FAILURE(err)) return false;
  int64_t days = static_cast<int64_t>(t / 86400000.0);
  CivilFromDays(days, gy, gm, gd);
  return true;
}

bool DayNumber(const KeyedToken& t, int* day) {
  double v;
  if (t.kind != TokenKind::kNumber || !text_internal::ParseDigits(t.key, &v))
    return false;
  if (v < 1 || v > 31 || v != static_cast<int>(v)) return false;
  *day = static_cast<int>(v);
  return true;
}

bool YearNumber(const KeyedToken& t, int lo, int hi, int* year) {
  double v;
  if (t.kind != TokenKind::kNumber || !text_internal::ParseDigits(t.key, &v))
    return false;
  if (v < lo || v > hi || v != static_cast<int>(v)) return false;
  *year = static_cast<int>(v);
  return true;
}

void Emit(Ctx& c, size_t first, size_t last, DateMention m) {
  m.span = Span{c.t[first].span.begin, c.t[last].span.end};
  c.out->push_back(std::move(m));
}

// Day offset (أمس, اليوم) or weekday, with optional cue words before.
// Returns the token after the expression, or k if none.
size_t ScanRelativeDay(Ctx& c, size_t k) {
  size_t i = k;
  bool cue = false;
  while (!Match(c, i, "day", false)) {
    const Phrase* p = Match(c, i, "cue");
    if (!p) break;
    cue = true;
    i += p->words.size();
  }
  int64_t offset = 0;
  bool have_offset = false;
  if (const Phrase* p = Match(c, i, "day")) {
    offset = p->value;
    have_offset = true;
    i += p->words.size();
  }
  const Phrase* wd = Match(c, i, "weekday");
  // الأحد and الجمعة are days after a cue (يوم، مساء، أمس) or with و/ف on
  // them (والجمعة), not in صلاة الجمعة or الأحد عشر.
  if (wd && wd->extra == "strict" && !cue && !have_offset &&
      !(i == k && ConjunctionOnArticle(c.t[i].key) &&
        !(i + 1 < c.t.size() && c.t[i + 1].key.substr(0, 6) == "عشر")))
    wd = nullptr;
  if (!have_offset && !wd) return k;
  size_t last = i - 1;
  DateMention m;
  m.relative = true;
  if (wd) {
    last = i + wd->words.size() - 1;
    i = last + 1;
    int dir = -1;
    if (const Phrase* d = Match(c, i, "dir", false)) {
      dir = d->value;
      last = i;
      i++;
    }
    if (c.has_pub && !have_offset) {
      int64_t pub_wd = ((c.pub % 7) + 11) % 7;  // 1970-01-01 was a Thursday (4)
      int64_t back = ((pub_wd - wd->value) % 7 + 7) % 7;
      int64_t day =
          dir > 0 ? c.pub + (7 - back) % 7 + (back == 0 ? 7 : 0) : c.pub - back;
      offset = day - c.pub;
      have_offset = true;
    }
  }
  if (c.has_pub && have_offset) {
    int y, mo, d;
    CivilFromDays(c.pub + offset, &y, &mo, &d);
    m.value = Iso(y, mo, d);
    m.precision = DatePrecision::kDay;
  }
  Emit(c, k, last, std::move(m));
  return i;
}

// Resolves a day/month without a year against the publication date.
int YearFor(const Ctx& c, int month, int day, int dir) {
  if (!c.has_pub) return 0;
  int py, pm, pd;
  CivilFromDays(c.pub, &py, &pm, &pd);
  int d = day == 0 ? 1 : day;
  int y = py;
  int64_t when = DaysFromCivil(y, month, std::min(d, DaysInMonth(y, month)));
  if (dir < 0 && (month > pm || (month == pm && day > pd))) return y - 1;
  if (dir > 0 && (month < pm || (month == pm && day <= pd))) return y + 1;
  if (dir == 0 && when - c.pub > 62) return y - 1;
  if (dir == 0 && c.pub - when > 300) return y + 1;
  return y;
}

// [part] [day|ordinal [من]] month [paired month] [year] [dir].
size_t ScanMonthDate(Ctx& c, size_t k) {
  size_t i = k;
  int part = 0, day = 0;
  if (const Phrase* p = Match(c, i, "part")) {
    part = p->value;
    i += p->words.size();
  }
  if (!part && DayNumber(c.t[i], &day)) {
    ++i;
    // "13 من يوليو/تموز": من between a day's digits and its month too.
    if (i + 1 < c.t.size() && c.t[i].key == "من" && Match(c, i + 1, "month"))
      ++i;
  } else if (const Phrase* o = Match(c, i, "ordinal"); o && !part) {
    day = o->value;
    i += o->words.size();
    if (i < c.t.size() && c.t[i].key == "من") ++i;
  }
  bool month_word = false;
  if (!part && !day && i < c.t.size()) {
    std::string w = BareIfEndsWith(c.t[i].key, "شهر");
    month_word = w == "شهر" || w == "الشهر";
  }
  if (month_word) ++i;
  const Phrase* mp = Match(c, i, "month");
  if (!mp) return k;
  bool hijri = mp->kind == "month-h";
  i += mp->words.size();
  // Paired form: أكتوبر تشرين الأول, أكتوبر/تشرين الأول, أكتوبر (تشرين الأول).
  size_t j = i;
  if (j < c.t.size() && (c.t[j].key == "/" || c.t[j].key == "(")) ++j;
  if (const Phrase* p2 = Match(c, j, "month-g", false);
      p2 && !hijri && p2->value == mp->value) {
    i = j + p2->words.size();
    if (i < c.t.size() && c.t[i].key == ")") ++i;
  }
  int year = 0;
  if (i < c.t.size() &&
      YearNumber(c.t[i], hijri ? 1300 : 1900, hijri ? 1600 : 2100, &year)) {
    ++i;
    if (i < c.t.size() &&
        (c.t[i].key == "م" || c.t[i].key == "ه" || c.t[i].key == "هـ"))
      ++i;
  }
  int dir = 0;
  bool have_dir = false;
  if (const Phrase* d = Match(c, i, "dir", false)) {
    dir = d->value;
    have_dir = true;
    i += d->words.size();
  }
  if (!day && !year && !part && !have_dir && !month_word) return k;
  if (hijri && !year) return k;  // a Hijri month without its year: skip
  DateMention m;
  int month = mp->value;
  if (hijri) {
    int gy, gm, gd;
    if (!HijriToGregorian(year, month, day ? day : 1, &gy, &gm, &gd)) return k;
    if (day) {
      m.value = Iso(gy, gm, gd);
      m.precision = DatePrecision::kDay;
    } else {
      int ey, em, ed;
      HijriToGregorian(year, month, 29, &ey, &em, &ed);
      m.begin = Iso(gy, gm, gd);
      m.end = Iso(ey, em, ed);
      m.value = m.begin;
      m.precision = DatePrecision::kRange;
    }
    Emit(c, k, i - 1, std::move(m));
    return i;
  }
  if (!year) {
    year = YearFor(c, month, day, have_dir ? dir : 0);
    m.relative = year != 0;
  }
  if (part) {
    int last = DaysInMonth(year ? year : 2001, month);
    int b = part == 1 ? 1 : part == 2 ? 11 : 21;
    int e = part == 1 ? 10 : part == 2 ? 20 : last;
    m.begin = Iso(year, month, b);
    m.end = Iso(year, month, e);
    m.value = Iso(year, month, 0);
    m.precision = DatePrecision::kRange;
  } else if (day) {
    if (day > DaysInMonth(year ? year : 2000, month)) return k;
    m.value = Iso(year, month, day);
    m.precision = DatePrecision::kDay;
  } else {
    m.value = Iso(year, month, 0);
    m.precision = DatePrecision::kMonth;
  }
  Emit(c, k, i - 1, std::move(m));
  return i;
}

// عام 2011, سنة 2011, العام الماضي, الشهر الجاري, 14/11/2017, 2017-11-14.
size_t ScanOther(Ctx& c, size_t k) {
  const auto& t = c.t;
  // Without its particles (Bare): وعام 2016، والعام الماضي.
  std::string key;
  for (std::string_view tail : {"عام", "سنه", "شهر", "اسبوع"}) {
    if (key.empty()) key = BareIfEndsWith(t[k].key, tail);
  }
  int year;
  if ((key == "عام" || key == "سنه" || key == "العام" || key == "السنه") &&
      k + 1 < t.size() && YearNumber(t[k + 1], 1900, 2100, &year)) {
    DateMention m;
    m.value = std::to_string(year);
    m.precision = DatePrecision::kYear;
    Emit(c, k, k + 1, std::move(m));
    return k + 2;
  }
  if ((key == "العام" || key == "الشهر" || key == "الاسبوع") &&
      k + 1 < t.size()) {
    const Phrase* d = Match(c, k + 1, "dir", false);
    if (!d) return k;
    DateMention m;
    m.relative = true;
    if (c.has_pub) {
      int y, mo, dd;
      CivilFromDays(c.pub, &y, &mo, &dd);
      if (key == "العام") {
        m.value = std::to_string(y + d->value);
        m.precision = DatePrecision::kYear;
      } else if (key == "الشهر") {
        int mm = mo + d->value;
        int yy = y + (mm < 1 ? -1 : mm > 12 ? 1 : 0);
        mm = (mm + 11) % 12 + 1;
        m.value = Iso(yy, mm, 0);
        m.precision = DatePrecision::kMonth;
      } else {
        int64_t start = c.pub + 7 * d->value;
        int y2, m2, d2;
        CivilFromDays(start, &y2, &m2, &d2);
        m.value = Iso(y2, m2, d2);
        m.precision = DatePrecision::kRange;
        int64_t wd = ((start % 7) + 11) % 7;
        CivilFromDays(start - wd, &y2, &m2, &d2);
        m.begin = Iso(y2, m2, d2);
        CivilFromDays(start - wd + 6, &y2, &m2, &d2);
        m.end = Iso(y2, m2, d2);
      }
    }
    Emit(c, k, k + 1, std::move(m));
    return k + 2;
  }
  // Numeric: d/m/y and y-m-d as separate tokens, or one dotted token.
  if (t[k].kind == TokenKind::kNumber && k + 4 < t.size() &&
      (t[k + 1].key == "/" || t[k + 1].key == "-") &&
      t[k + 3].key == t[k + 1].key && t[k + 2].kind == TokenKind::kNumber &&
      t[k + 4].kind == TokenKind::kNumber &&
      t[k + 4].span.begin == t[k + 3].span.end &&
      t[k + 1].span.begin == t[k].span.end) {
    double a, b, d;
    text_internal::ParseDigits(t[k].key, &a);
    text_internal::ParseDigits(t[k + 2].key, &b);
    text_internal::ParseDigits(t[k + 4].key, &d);
    int y = a > 1000 ? int(a) : int(d), mo = int(b),
        dd = a > 1000 ? int(d) : int(a);
    if (y >= 1900 && y <= 2100 && mo >= 1 && mo <= 12 && dd >= 1 &&
        dd <= DaysInMonth(y, mo)) {
      DateMention m;
      m.value = Iso(y, mo, dd);
      m.precision = DatePrecision::kDay;
      Emit(c, k, k + 4, std::move(m));
      return k + 5;
    }
  }
  return k;
}

}  // namespace

void ScanDates(const text_internal::DateTables& tables,
               const std::vector<KeyedToken>& t, bool has_pub, int64_t pub,
               std::vector<DateMention>* out) {
  std::vector<Firsts> firsts(t.size());
  Ctx c{tables, t, has_pub, pub, out, firsts};
  for (size_t k = 0; k < t.size();) {
    size_t next = ScanMonthDate(c, k);
    if (next == k) next = ScanRelativeDay(c, k);
    if (next == k) next = ScanOther(c, k);
    k = next == k ? k + 1 : next;
  }
}

void FindDates(const TextTables& tables, const TextAnalysis& analysis,
               std::string_view published, std::vector<DateMention>* out) {
  out->clear();
  int64_t pub = 0;
  bool has_pub = ParsePublished(published, &pub);
  ScanDates(tables.dates(), analysis.folded, has_pub, pub, out);
}

void FindDates(const TextTables& tables, std::string_view text,
               std::string_view published, std::vector<DateMention>* out) {
  TextAnalysis analysis;
  analysis.Build(text, tables);
  FindDates(tables, analysis, published, out);
}

double EpochSeconds(const std::string& iso) {
  int y, mo, d, h = 0, mi = 0, s = 0;
  if (std::sscanf(iso.c_str(), "%d-%d-%d", &y, &mo, &d) != 3) return NAN;
  if (iso.size() >= 16) std::sscanf(iso.c_str() + 11, "%d:%d:%d", &h, &mi, &s);
  double t = static_cast<double>(DaysFromCivil(y, mo, d)) * 86400 + h * 3600 +
             mi * 60 + s;
  if (iso.size() > 19) {
    size_t z = iso.find_first_of("+-", 19);
    int oh = 0, om = 0;
    if (z != std::string::npos &&
        std::sscanf(iso.c_str() + z + 1, "%d:%d", &oh, &om) >= 1) {
      t -= (iso[z] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
    }
  }
  return t;
}

// "Sun, 18 Feb 2018 21:35:43 +0400" (RFC 2822, as feeds and some exports
// write it) -> "2018-02-18T21:35:43+04:00"; "" when `s` is not of that form.
std::string Rfc2822ToIso(std::string_view s) {
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr",
                                            "May", "Jun", "Jul", "Aug",
                                            "Sep", "Oct", "Nov", "Dec"};
  if (size_t comma = s.find(", ");
      comma != std::string_view::npos && comma <= 3) {
    s.remove_prefix(comma + 2);
  }
  int day = 0, year = 0, hh = 0, mm = 0, ss = 0;
  char mon[4] = {0}, zone[8] = {0};
  const std::string str(s);
  int n = std::sscanf(str.c_str(), "%d %3s %d %d:%d:%d %7s", &day, mon, &year,
                      &hh, &mm, &ss, zone);
  if (n < 6) {
    ss = 0;
    n = std::sscanf(str.c_str(), "%d %3s %d %d:%d %7s", &day, mon, &year, &hh,
                    &mm, zone);
    if (n < 5) return "";
  }
  int month = 0;
  for (int i = 0; i < 12; ++i) {
    if (std::string_view(mon) == kMonths[i]) month = i + 1;
  }
  if (month == 0 || day < 1 || day > 31 || year < 1900 || year > 2999 ||
      hh > 23 || mm > 59 || ss > 60) {
    return "";
  }
  char out[40];
  std::snprintf(out, sizeof(out), "%04d-%02d-%02dT%02d:%02d:%02d", year, month,
                day, hh, mm, ss);
  std::string iso = out;
  std::string_view z(zone);
  if (z.size() == 5 && (z[0] == '+' || z[0] == '-') &&
      z.find_first_not_of("0123456789", 1) == std::string_view::npos) {
    iso += std::string(z.substr(0, 3)) + ":" + std::string(z.substr(3));
  } else if (z == "GMT" || z == "UTC" || z == "Z") {
    iso += "Z";
  }
  return iso;
}

}  // namespace marsad
