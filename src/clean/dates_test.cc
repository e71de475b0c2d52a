#include "src/clean/dates.h"

#include <gtest/gtest.h>

#include "src/clean/test_lexicon.h"

namespace marsad {
namespace {

TEST(ParseMetaDateTest, Shapes) {
  struct Case {
    const char* in;
    const char* want;
  } cases[] = {
      {"2017-11-14", "2017-11-14"},
      {" 2017-11-14 ", "2017-11-14"},
      {"2019-11-19T13:03:00Z", "2019-11-19T13:03:00Z"},
      {"2022-04-12T09:30:00+03:00", "2022-04-12T09:30:00+03:00"},
      {"2022-04-12T09:30:00.123+0300", "2022-04-12T09:30:00+03:00"},
      {"2022-04-12 09:30", "2022-04-12T09:30"},
      {"Published 2020/09/01", "2020-09-01"},
      {"14 نوفمبر 2017", "2017-11-14"},
      {"١٤ تشرين الثاني ٢٠١٧", "2017-11-14"},
      {"7 شباط 2018", "2018-02-07"},
      {"November 14, 2017", "2017-11-14"},
      {"14/11/2017", "2017-11-14"},
      {"11/14/2017", "2017-11-14"},  // month forced by the day above 12
      {"03.04.2019", "2019-04-03"},  // day first
      {"2017-13-40", ""},
      {"1850-01-01", ""},
      {"أمس الخميس", ""},
      {"", ""},
  };
  for (const Case& c : cases)
    EXPECT_EQ(ParseMetaDate(TestCleanLexicon(), c.in), c.want) << c.in;
}

TEST(DateFromUrlTest, Shapes) {
  EXPECT_EQ(DateFromUrl("https://example.org/2019/11/19/story"), "2019-11-19");
  EXPECT_EQ(DateFromUrl("https://example.org/news/2019-11-8-story"),
            "2019-11-08");
  EXPECT_EQ(DateFromUrl("https://example.org/a/20191119/story"), "2019-11-19");
  EXPECT_EQ(DateFromUrl("https://example.org/article/410826/x"), "");
  EXPECT_EQ(DateFromUrl("https://example.org/2019/13/40/x"), "");
  EXPECT_EQ(DateFromUrl(""), "");
}

}  // namespace
}  // namespace marsad
