#include "src/text/dates.h"

#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>

#include <cstdio>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "src/base/data.h"
#include "src/text/normalize.h"
#include "src/text/tokenize.h"

namespace marsad {

namespace {

struct Month {
  int number = 0;
  bool hijri = false;
  int words = 1;  // tokens in the name
};

struct Tables {
  std::unordered_map<std::string, Month> months;  // folded (one or two words)
};

const Tables& GetTables() {
  static const Tables* t = [] {
    auto* t = new Tables();
    auto rows = ReadDataTsv("text/months.tsv");
    if (!rows.ok()) return t;
    for (const auto& r : *rows) {
      if (r.size() < 3) continue;
      Month m;
      m.number = std::stoi(r[2]);
      m.hijri = r[1] == "h";
      m.words = r[0].find(' ') == std::string::npos ? 1 : 2;
      t->months[r[0]] = m;
    }
    return t;
  }();
  return *t;
}

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void CivilFromDays(int64_t z, int* y, int* m, int* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t yy = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yy + (*m <= 2));
}

std::string Iso(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
  return buf;
}

std::string IsoOfDays(int64_t days) {
  int y, m, d;
  CivilFromDays(days, &y, &m, &d);
  return Iso(y, m, d);
}

int DaysInMonth(int y, int m) {
  return static_cast<int>(DaysFromCivil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) -
                          DaysFromCivil(y, m, 1));
}

// Hijri (Umm al-Qura) to Gregorian through ICU's Islamic calendar.
bool HijriToGregorian(int hy, int hm, int hd, int* y, int* m, int* d) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> h(
      icu::Calendar::createInstance(icu::Locale("ar@calendar=islamic-umalqura"), err));
  if (U_FAILURE(err)) return false;
  h->clear();
  h->set(hy, hm - 1, hd);
  UDate t = h->getTime(err);
  icu::GregorianCalendar g(err);
  g.setTime(t, err);
  if (U_FAILURE(err)) return false;
  *y = g.get(UCAL_YEAR, err);
  *m = g.get(UCAL_MONTH, err) + 1;
  *d = g.get(UCAL_DATE, err);
  return U_SUCCESS(err);
}

struct Tok {
  Span span;
  std::string f;
  bool digits = false;
};

int DigitsValue(const Tok& t) {
  if (!t.digits || t.f.size() > 4) return -1;
  return std::stoi(t.f);
}

// Strips the proclitics في/ب/و/ف glued to a weekday or relative word.
std::string Bare(const std::string& f) {
  static const std::unordered_set<std::string> kWhole = {
      "فبراير", "في", "فيفري", "فجر", "وسط"};
  if (kWhole.count(f)) return f;
  for (std::string_view p : {"وفي", "في", "و", "ف", "ب"}) {
    if (f.size() > p.size() + 4 && f.rfind(p, 0) == 0) return f.substr(p.size());
  }
  return f;
}

const std::unordered_map<std::string, int>& Ordinals() {
  static const auto* m = new std::unordered_map<std::string, int>{
      {"الاول", 1},  {"الثاني", 2}, {"الثالث", 3}, {"الرابع", 4},  {"الخامس", 5},
      {"السادس", 6}, {"السابع", 7}, {"الثامن", 8}, {"التاسع", 9},  {"العاشر", 10},
      {"العشرين", 20}, {"الثلاثين", 30}};
  return *m;
}

const std::unordered_map<std::string, int>& Weekdays() {  // 0 = Sunday
  static const auto* m = new std::unordered_map<std::string, int>{
      {"الاحد", 0},    {"الاثنين", 1}, {"الثلاثاء", 2}, {"الاربعاء", 3},
      {"الخميس", 4},   {"الجمعه", 5},  {"السبت", 6}};
  return *m;
}

class Finder {
 public:
  Finder(std::string_view text, std::string_view published) {
    const Normalizer& norm = Normalizer::Default();
    std::vector<Token> raw;
    Tokenize(text, &raw);
    for (const Token& r : raw) {
      if (r.kind == TokenKind::kPunct) continue;
      t_.push_back({r.span, norm.FoldKey(r.span.In(text)), r.kind == TokenKind::kNumber});
    }
    int y, m, d;
    if (published.size() >= 10 &&
        std::sscanf(std::string(published.substr(0, 10)).c_str(), "%d-%d-%d", &y, &m, &d) == 3) {
      pub_ = DaysFromCivil(y, m, d);
      pub_y_ = y;
      pub_m_ = m;
    }
  }

  void Run(std::vector<DateMention>* out) {
    for (size_t i = 0; i < t_.size();) {
      DateMention dm;
      size_t n = Match(i, &dm);
      if (n == 0) {
        ++i;
        continue;
      }
      out->push_back(std::move(dm));
      i += n;
    }
  }

 private:
  bool MonthAt(size_t i, Month* m) const {
    const auto& months = GetTables().months;
    if (i + 1 < t_.size()) {
      auto it = months.find(t_[i].f + " " + t_[i + 1].f);
      if (it != months.end()) { *m = it->second; return true; }
    }
    auto it = months.find(Bare(t_[i].f));
    if (it == months.end() || it->second.words != 1) return false;
    // Short names that are also common words need a day or year beside them.
    if (it->first == "اب" || it->first == "ماي" || it->first == "صفر") {
      bool day_before = i > 0 && DigitsValue(t_[i - 1]) > 0;
      bool year_after = i + 1 < t_.size() && DigitsValue(t_[i + 1]) > 1900;
      if (!day_before && !year_after) return false;
    }
    *m = it->second;
    return true;
  }

  // Resolves a month without year to the latest such month not after the
  // publication date; returns 0 when nothing anchors it.
  int AnchorYear(int month) const {
    if (!pub_) return 0;
    return month <= pub_m_ ? pub_y_ : pub_y_ - 1;
  }

  size_t Match(size_t i, DateMention* dm) {
    Month mo;
    const std::string bare = Bare(t_[i].f);
    // Qualified month: منتصف/نهاية/أواخر/مطلع/بداية/أوائل + month.
    static const std::unordered_map<std::string, std::pair<int, int>> kParts = {
        {"منتصف", {11, 20}}, {"نهايه", {21, 31}}, {"اواخر", {21, 31}},
        {"مطلع", {1, 10}},   {"بدايه", {1, 10}},  {"اوائل", {1, 10}}, {"اواسط", {11, 20}}};
    auto part = kParts.find(bare);
    if (part != kParts.end() && i + 1 < t_.size() && MonthAt(i + 1, &mo) && !mo.hijri) {
      size_t j = i + 1 + mo.words;
      j = SkipPaired(j, mo.number);
      int year = 0;
      if (j < t_.size() && DigitsValue(t_[j]) > 1900) year = DigitsValue(t_[j++]);
      bool past = j < t_.size() && (t_[j].f == "الماضي" || t_[j].f == "المنصرم");
      if (past) ++j;
      if (!year) year = AnchorYear(mo.number);
      dm->span = Span{t_[i].span.begin, t_[j - 1].span.end};
      dm->precision = DatePrecision::kRange;
      dm->relative = year && !(j > 0 && DigitsValue(t_[j - 1]) > 1900);
      if (year) {
        int last = std::min(part->second.second, DaysInMonth(year, mo.number));
        dm->begin = Iso(year, mo.number, part->second.first);
        dm->end = Iso(year, mo.number, last);
        dm->value = dm->begin.substr(0, 7);
      } else {
        char buf[8];
        std::snprintf(buf, sizeof(buf), "--%02d", mo.number);
        dm->value = buf;
      }
      return j - i;
    }
    // Day + month (+ year): "7 فبراير", "الرابع من أكتوبر تشرين الأول".
    if (MonthAt(i, &mo)) {
      size_t start = i, j = i + mo.words;
      int day = 0;
      if (i > 0 && DigitsValue(t_[i - 1]) >= 1 && DigitsValue(t_[i - 1]) <= 31) {
        day = DigitsValue(t_[i - 1]);
        start = i - 1;
      } else if (i > 1 && t_[i - 1].f == "من" && Ordinals().count(Bare(t_[i - 2].f))) {
        day = Ordinals().at(Bare(t_[i - 2].f));
        start = i - 2;
      }
      j = SkipPaired(j, mo.number);
      int year = 0;
      if (j < t_.size() && DigitsValue(t_[j]) >= (mo.hijri ? 1300 : 1900)) {
        year = DigitsValue(t_[j++]);
        if (j < t_.size() && (t_[j].f == "ه" || t_[j].f == "م")) ++j;
      }
      bool past = j < t_.size() && (t_[j].f == "الماضي" || t_[j].f == "المنصرم");
      if (past) ++j;
      dm->span = Span{t_[start].span.begin, t_[j - 1].span.end};
      if (mo.hijri) {
        int y, m, d;
        if (year && day && HijriToGregorian(year, mo.number, day, &y, &m, &d)) {
          dm->value = Iso(y, m, d);
          dm->precision = DatePrecision::kDay;
        } else {
          dm->value = "";
          dm->precision = DatePrecision::kUnknown;
        }
        return j - start - (i - start);
      }
      bool anchored = false;
      if (!year) {
        year = AnchorYear(mo.number);
        anchored = year != 0;
      }
      char buf[16];
      if (year && day) {
        dm->value = Iso(year, mo.number, day);
        dm->precision = DatePrecision::kDay;
      } else if (year) {
        std::snprintf(buf, sizeof(buf), "%04d-%02d", year, mo.number);
        dm->value = buf;
        dm->precision = DatePrecision::kMonth;
      } else if (day) {
        std::snprintf(buf, sizeof(buf), "--%02d-%02d", mo.number, day);
        dm->value = buf;
        dm->precision = DatePrecision::kDay;
      } else {
        std::snprintf(buf, sizeof(buf), "--%02d", mo.number);
        dm->value = buf;
        dm->precision = DatePrecision::kMonth;
      }
      dm->relative = anchored;
      return j - i;
    }
    // Year: سنة 2011 / عام 2011.
    if ((bare == "سنه" || bare == "عام" || bare == "العام") && i + 1 < t_.size() &&
        DigitsValue(t_[i + 1]) >= 1900 && DigitsValue(t_[i + 1]) <= 2100) {
      dm->span = Span{t_[i].span.begin, t_[i + 1].span.end};
      dm->value = t_[i + 1].f;
      dm->precision = DatePrecision::kYear;
      return 2;
    }
    // Relative days.
    if (bare == "امس" || bare == "اليوم" || (bare == "اول" && i + 1 < t_.size() && t_[i + 1].f == "امس")) {
      size_t n = bare == "اول" ? 2 : 1;
      int64_t offset = bare == "اليوم" ? 0 : bare == "امس" ? -1 : -2;
      // "اليوم الخميس" / "أمس الخميس": the weekday confirms, consumed.
      if (i + n < t_.size() && Weekdays().count(t_[i + n].f)) ++n;
      dm->span = Span{t_[i].span.begin, t_[i + n - 1].span.end};
      dm->relative = true;
      if (pub_) {
        dm->value = IsoOfDays(*pub_ + offset);
        dm->precision = DatePrecision::kDay;
      } else {
        dm->precision = DatePrecision::kUnknown;
      }
      return n;
    }
    // Weekday: "الثلاثاء", "يوم الخميس", "مساء الخميس".
    auto wd = Weekdays().find(bare);
    if (wd != Weekdays().end()) {
      size_t start = i;
      if (i > 0 && (t_[i - 1].f == "يوم" || t_[i - 1].f == "مساء" || t_[i - 1].f == "صباح" ||
                    t_[i - 1].f == "فجر" || t_[i - 1].f == "ليله")) {
        start = i - 1;
      }
      size_t j = i + 1;
      bool past = j < t_.size() && t_[j].f == "الماضي";
      if (past) ++j;
      dm->span = Span{t_[start].span.begin, t_[j - 1].span.end};
      dm->relative = true;
      if (pub_) {
        int64_t pub_wd = ((*pub_ % 7) + 7 + 4) % 7;  // 1970-01-01 was a Thursday
        int64_t back = (pub_wd - wd->second + 7) % 7;
        if (past && back == 0) back = 7;
        dm->value = IsoOfDays(*pub_ - back);
        dm->precision = DatePrecision::kDay;
      } else {
        dm->precision = DatePrecision::kUnknown;
      }
      return j - i;
    }
    // The current or previous month.
    if (bare == "الشهر" && i + 1 < t_.size() &&
        (t_[i + 1].f == "الجاري" || t_[i + 1].f == "الحالي" || t_[i + 1].f == "الماضي")) {
      dm->span = Span{t_[i].span.begin, t_[i + 1].span.end};
      dm->relative = true;
      if (pub_) {
        int y = pub_y_, m = pub_m_;
        if (t_[i + 1].f == "الماضي" && --m == 0) { m = 12; --y; }
        char buf[8];
        std::snprintf(buf, sizeof(buf), "%04d-%02d", y, m);
        dm->value = buf;
        dm->precision = DatePrecision::kMonth;
      }
      return 2;
    }
    return 0;
  }

  // The paired form "أكتوبر تشرين الأول": skip a second name of the same month.
  size_t SkipPaired(size_t j, int month) const {
    Month m2;
    if (j < t_.size() && MonthAt(j, &m2) && m2.number == month && !m2.hijri) return j + m2.words;
    return j;
  }

  std::vector<Tok> t_;
  std::optional<int64_t> pub_;
  int pub_y_ = 0, pub_m_ = 0;
};

}  // namespace

void FindDates(std::string_view text, std::string_view published,
               std::vector<DateMention>* out) {
  out->clear();
  Finder(text, published).Run(out);
}

}  // namespace marsad
