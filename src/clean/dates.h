// Reading publication dates from metadata: "First Published: 2017-11-14",
// `article:published_time` values, `<time datetime>`, JSON-LD, "14 نوفمبر
// 2017", "14/11/2017", and dates inside URLs. This is not the text core's
// date-expression finder (relative dates, spans): only the handful of shapes
// metadata comes in, normalized to ISO 8601.
#ifndef MARSAD_CLEAN_DATES_H_
#define MARSAD_CLEAN_DATES_H_

#include <string>
#include <string_view>

namespace marsad {

class CleanLexicon;

// Returns "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM[:SS][zone]" when `s` is an ISO
// 8601 date-time, or "" if no valid date is found. Numeric dates are read day
// first (d/m/y) unless the first field is a year or the day/month order is
// forced by a field above 12. Years outside 1900..2100 are rejected. Month
// names are those of `lex` (data/clean/months.tsv).
std::string ParseMetaDate(const CleanLexicon& lex, std::string_view s);

// A date in a URL path: /2017/11/14/, /2017-11-14, /20171114/ ; or "".
std::string DateFromUrl(std::string_view url);

}  // namespace marsad

#endif  // MARSAD_CLEAN_DATES_H_
