#include "src/text/dates.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "src/text/test_tables.h"

namespace marsad {
namespace {

struct Case {
  const char* text;
  const char* published;
  const char* surface;
  const char* value;
  DatePrecision precision;
};

TEST(DatesTest, Table) {
  using P = DatePrecision;
  const Case kCases[] = {
      // Seed-derived cases from issue 3 (own sentences).
      {"قالت الوزارة الثلاثاء إن", "2017-11-14", "الثلاثاء", "2017-11-14",
       P::kDay},
      {"في الرابع من أكتوبر تشرين الأول", "2017-11-14",
       "الرابع من أكتوبر تشرين الأول", "2017-10-04", P::kDay},
      {"وقع الهجوم في 7 فبراير", "", "7 فبراير", "--02-07", P::kDay},
      {"في 7 شباط", "", "7 شباط", "--02-07", P::kDay},
      {"اعتقلت في 13 من يوليو/تموز", "", "13 من يوليو/تموز", "--07-13",
       P::kDay},
      {"في 18 حزيران", "", "18 حزيران", "--06-18", P::kDay},
      {"أمس الخميس", "2018-02-09", "أمس الخميس", "2018-02-08", P::kDay},
      {"قال أمس", "2017-09-25", "أمس", "2017-09-24", P::kDay},
      {"فجر اليوم", "2017-09-25", "فجر اليوم", "2017-09-25", P::kDay},
      {"مساء الخميس", "2017-11-14", "مساء الخميس", "2017-11-09", P::kDay},
      {"في سنة 2011", "", "سنة 2011", "2011", P::kYear},
      {"منذ منتصف ديسمبر الماضي", "2018-02-09", "منتصف ديسمبر الماضي",
       "2017-12", P::kRange},
      {"نهاية سبتمبر أيلول", "2017-11-14", "نهاية سبتمبر أيلول", "2017-09",
       P::kRange},
      {"خلال الشهر الجاري", "2017-09-25", "الشهر الجاري", "2017-09", P::kMonth},
      {"في 3 جانفي 2016", "", "3 جانفي 2016", "2016-01-03", P::kDay},
      {"في 5 جويلية", "", "5 جويلية", "--07-05", P::kDay},
      {"في 12 أوت", "", "12 أوت", "--08-12", P::kDay},
      {"في 1 كانون الثاني 2015", "", "1 كانون الثاني 2015", "2015-01-01",
       P::kDay},
      {"بتاريخ 14/11/2017", "", "14/11/2017", "2017-11-14", P::kDay},
      {"في 1 رمضان 1436 هـ", "", "1 رمضان 1436 هـ", "2015-06-18", P::kDay},
      {"في أفريل 2014", "", "أفريل 2014", "2014-04", P::kMonth},
  };
  std::vector<DateMention> out;
  for (const Case& c : kCases) {
    FindDates(TestTextTables(), c.text, c.published, &out);
    ASSERT_FALSE(out.empty()) << c.text;
    EXPECT_EQ(out[0].span.In(c.text), c.surface) << c.text;
    EXPECT_EQ(out[0].value, c.value) << c.text;
    EXPECT_EQ(out[0].precision, c.precision) << c.text;
  }
}

TEST(DatesTest, RangeBounds) {
  std::vector<DateMention> out;
  FindDates(TestTextTables(), "منتصف ديسمبر", "", &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].begin, "--12-11");
  EXPECT_EQ(out[0].end, "--12-20");
}

TEST(DatesTest, NotDates) {
  std::vector<DateMention> out;
  for (const char* t : {"مارس الضغط", "درجة الصفر", "الأحد عشر لاعبا", ""}) {
    FindDates(TestTextTables(), t, "2017-11-14", &out);
    EXPECT_TRUE(out.empty()) << t;
  }
}

TEST(DatesTest, WeekdayWithoutAnchorHasNoValue) {
  std::vector<DateMention> out;
  FindDates(TestTextTables(), "يوم الخميس", "", &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].value, "");
  EXPECT_TRUE(out[0].relative);
}

}  // namespace
TEST(EpochSecondsTest, OffsetsAndPrecisions) {
  EXPECT_EQ(EpochSeconds("1970-01-01"), 0);
  EXPECT_EQ(EpochSeconds("1970-01-02T00:00"), 86400);
  EXPECT_EQ(EpochSeconds("2018-02-18T21:35:43+04:00"),
            EpochSeconds("2018-02-18T17:35:43Z"));
  EXPECT_EQ(EpochSeconds("2018-02-18T12:00:00-03:30"),
            EpochSeconds("2018-02-18T15:30:00"));
  EXPECT_TRUE(std::isnan(EpochSeconds("")));
  EXPECT_TRUE(std::isnan(EpochSeconds("Sun, 18 Feb 2018")));
}

}  // namespace marsad
