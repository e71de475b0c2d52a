// Civil-date arithmetic after Howard Hinnant's days_from_civil algorithm
// (public domain): exact for the proleptic Gregorian calendar.
#include "src/dedup/days.h"

#include <algorithm>
#include <cstdio>

namespace marsad {
namespace {

int Digits(std::string_view s, size_t pos, size_t n) {
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

int32_t DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int32_t>(doe) - 719468;
}

}  // namespace

std::optional<int32_t> DayNumber(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  int y = Digits(iso, 0, 4), m = Digits(iso, 5, 2), d = Digits(iso, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  static constexpr int kMonthDays[] = {31, 29, 31, 30, 31, 30,
                                       31, 31, 30, 31, 30, 31};
  if (d > kMonthDays[m - 1]) return std::nullopt;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m == 2 && d == 29 && !leap) return std::nullopt;
  return DaysFromCivil(y, m, d);
}

std::string DayString(int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%04d-%02u-%02u", y, m, d);
  return buf;
}

void StreamClock::Observe(int32_t day) {
  ring_[next_] = day;
  next_ = (next_ + 1) % kSpan;
  size_ = std::min(size_ + 1, kSpan);
  dirty_ = true;
}

std::optional<int32_t> StreamClock::Now() const {
  if (size_ == 0) return std::nullopt;
  if (dirty_) {
    std::array<int32_t, kSpan> copy = ring_;
    auto mid = copy.begin() + size_ / 2;
    std::nth_element(copy.begin(), mid, copy.begin() + size_);
    now_ = *mid;
    dirty_ = false;
  }
  return now_;
}

}  // namespace marsad
