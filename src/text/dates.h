// Dates in Arabic news text, resolved against the publication date.
//
// Thread safety: pure functions over immutable tables (TextTables,
// src/text/tables.h, passed in).
#ifndef MARSAD_SRC_TEXT_DATES_H_
#define MARSAD_SRC_TEXT_DATES_H_

#include <string>
#include <string_view>
#include <vector>

#include "marsad/document.h"
#include "src/text/analysis.h"
#include "src/text/tables.h"

namespace marsad {

// *out is cleared, then filled in text order. `published` is an ISO 8601
// date or date-time (only the date is used) or empty. Month names of every
// regional series, the paired form (أكتوبر تشرين الأول), Hijri dates
// (converted with ICU's Umm al-Qura calendar), weekdays, numeric dates and
// relative expressions (أمس, اليوم, منتصف ديسمبر الماضي, الشهر الجاري) are
// found. A year is never invented: with no year in the text and no
// publication date, a day is "--MM-DD" and a month "--MM".
void FindDates(const TextTables& tables, std::string_view text,
               std::string_view published, std::vector<DateMention>* out);
// The same from the document's analysis (src/text/analysis.h) of the text.
void FindDates(const TextTables& tables, const TextAnalysis& analysis,
               std::string_view published, std::vector<DateMention>* out);

// Seconds since 1970-01-01T00:00Z of an ISO 8601 date or date-time
// ("2018-02-18", "2018-02-18T21:35", "2018-02-18T21:35:43+04:00"), its UTC
// offset applied (none: read as UTC); NaN when `iso` does not start with a
// date.
double EpochSeconds(const std::string& iso);

// An RFC 2822 date as feeds and some exports write it ("Sun, 18 Feb 2018
// 21:35:43 +0400", seconds optional) as ISO 8601 with its offset
// ("2018-02-18T21:35:43+04:00"; GMT/UTC as "Z", none when not given); ""
// when `s` is not of that form.
std::string Rfc2822ToIso(std::string_view s);

}  // namespace marsad

#endif  // MARSAD_SRC_TEXT_DATES_H_
