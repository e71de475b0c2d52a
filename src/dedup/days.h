// Calendar days as integers, for time windows in dedup and story.
#ifndef MARSAD_SRC_DEDUP_DAYS_H_
#define MARSAD_SRC_DEDUP_DAYS_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace marsad {

// Days since 1970-01-01 of an ISO 8601 date or date-time ("2015-07-21",
// "2015-07-21 02:51:32", "2015-07-21T02:51:32Z"); nullopt when `iso` does not
// start with a valid YYYY-MM-DD.
std::optional<int32_t> DayNumber(std::string_view iso);

// "YYYY-MM-DD" of a day number (inverse of DayNumber).
std::string DayString(int32_t day);

// The "now" of a stream of reports, robust to stray dates. Windows that
// forget old reports (dedup, stories) must not take the newest date ever seen
// as now: one report dated 2099, or an archive back-filled newest-first, would
// make every later report "too old" and switch matching off for good. The
// clock is instead the median day of the last kSpan dated arrivals: it follows
// the stream in either direction and ignores a minority of outliers.
// Thread safety: not thread-safe; owned by one index.
class StreamClock {
 public:
  static constexpr size_t kSpan = 255;

  void Observe(int32_t day);
  // The median day of the recent dated arrivals; nullopt before the first.
  std::optional<int32_t> Now() const;

 private:
  std::array<int32_t, kSpan> ring_{};
  size_t size_ = 0, next_ = 0;
  mutable bool dirty_ = false;
  mutable int32_t now_ = 0;
};

}  // namespace marsad

#endif  // MARSAD_SRC_DEDUP_DAYS_H_
