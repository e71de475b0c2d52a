// Dates in Arabic text, resolved against the publication date.
//
// Month names of every regional series (Levantine/Iraqi كانون الثاني…,
// Egyptian/Gulf يناير…, Maghrebi جانفي…; the paired form أكتوبر تشرين
// الأول counts once), Hijri months (converted with ICU's Islamic calendar
// when a Hijri year is given), day numbers in digits or ordinal words (الرابع
// من), weekdays, and relative expressions (أمس، أول أمس، اليوم، فجر اليوم،
// مساء الخميس، الشهر الجاري، منتصف ديسمبر الماضي، نهاية سبتمبر).
//
// A date without a year is resolved only when the publication date anchors
// it (the most recent such month on or before publication); otherwise it
// stays "--MM-DD" (or "--MM"): marsad never invents a year.
//
// Thread safety: pure function over immutable tables.
#ifndef MARSAD_TEXT_DATES_H_
#define MARSAD_TEXT_DATES_H_

#include <string_view>
#include <vector>

#include "marsad/document.h"

namespace marsad {

// `published`: ISO date or date-time of the report, or "" when unknown.
void FindDates(std::string_view text, std::string_view published,
               std::vector<DateMention>* out);

}  // namespace marsad

#endif  // MARSAD_TEXT_DATES_H_
