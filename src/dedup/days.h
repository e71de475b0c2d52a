// Calendar days as integers, for time windows in dedup and story.
#ifndef MARSAD_SRC_DEDUP_DAYS_H_
#define MARSAD_SRC_DEDUP_DAYS_H_

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

}  // namespace marsad

#endif  // MARSAD_SRC_DEDUP_DAYS_H_
