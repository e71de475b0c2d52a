#include "src/text/numbers.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "src/text/test_tables.h"

namespace marsad {
namespace {

struct Case {
  const char* text;
  const char* surface;  // expected span text of the first number
  double value, min, max;
  bool approximate;
};

TEST(NumbersTest, Table) {
  const double inf = INFINITY;
  const Case kCases[] = {
      {"أصيب 25 شخصا", "25", 25, 25, 25, false},
      {"قتل ٢٥ شخصا", "٢٥", 25, 25, 25, false},
      {"بلغ 1,500 دولار", "1,500 دولار", 1500, 1500, 1500, false},
      {"نحو 150 قتيلا وجريحا", "نحو 150", 150, 150, 150, true},
      {"على بعد خمسين كيلومترا من التنف", "خمسين كيلومترا", 50, 50, 50, false},
      {"قتل ثلاثة أشخاص", "ثلاثة", 3, 3, 3, false},
      {"أحد عشر جنديا", "أحد عشر", 11, 11, 11, false},
      {"خمسة وعشرون مصابا", "خمسة وعشرون", 25, 25, 25, false},
      {"مئة وخمسون", "مئة وخمسون", 150, 150, 150, false},
      {"مائة", "مائة", 100, 100, 100, false},
      {"ألفين", "ألفين", 2000, 2000, 2000, false},
      {"ثلاثة آلاف", "ثلاثة آلاف", 3000, 3000, 3000, false},
      {"1.5 مليون", "1.5 مليون", 1.5e6, 1.5e6, 1.5e6, false},
      {"سقط قتيلان", "قتيلان", 2, 2, 2, false},
      {"زار مرتين", "مرتين", 2, 2, 2, false},
      {"أكثر من 100 شخص", "أكثر من 100", 100, 100, inf, true},
      {"ما لا يقل عن 20 قتيلا", "ما لا يقل عن 20", 20, 20, inf, true},
      {"حوالي 30", "حوالي 30", 30, 30, 30, true},
      {"قرابة 40", "قرابة 40", 40, 40, 40, true},
      {"العشرات من الجرحى", "العشرات", 20, 20, 99, true},
      {"مئات الأشخاص", "مئات", 200, 200, 999, true},
      {"عشرات الآلاف", "عشرات الآلاف", 20000, 20000, 99000, true},
      {"بين 10 و15 قتيلا", "بين 10 و15", 10, 10, 15, false},
      {"انتهاكا واحدا", "واحدا", 1, 1, 1, false},
      {"ارتفع 5% أمس", "5%", 5, 5, 5, false},
      {"اعتقل الآلاف", "الآلاف", 2000, 2000, 9999, true},
      {"أكثر من «70» عنصرا", "أكثر من «70", 70, 70, inf, true},
      {"قتل 1،700 شخص", "1،700", 1700, 1700, 1700, false},
      {"نحو 75 بالمئة من قيمته", "نحو 75 بالمئة", 75, 75, 75, true},
      {"ما بين 10 إلى 15 قتيلا", "بين 10 إلى 15", 10, 10, 15, false},
      {"قتل مائتا شخص", "مائتا", 200, 200, 200, false},
      {"ما يربو على 30", "ما يربو على 30", 30, 30, inf, true},
      {"ما يناهز 40", "ما يناهز 40", 40, 40, 40, true},
      {"بين 3، 4 أشخاص", "3", 3, 3, 3, false},
      {"ملايين النازحين", "ملايين", 2e6, 2e6, 9999999, true},
      {"ما يصل إلى 50 قتيلا", "ما يصل إلى 50", 50, 0, 50, true},
      {"قتل 50 على الأكثر", "50 على الأكثر", 50, 0, 50, true},
  };
  std::vector<NumberMention> out;
  for (const Case& c : kCases) {
    FindNumbers(TestTextTables(), c.text, &out);
    ASSERT_FALSE(out.empty()) << c.text;
    const NumberMention& m = out[0];
    EXPECT_EQ(m.span.In(c.text), c.surface) << c.text;
    EXPECT_EQ(m.value, c.value) << c.text;
    EXPECT_EQ(m.min, c.min) << c.text;
    EXPECT_EQ(m.max, c.max) << c.text;
    EXPECT_EQ(m.approximate, c.approximate) << c.text;
  }
}

TEST(NumbersTest, NotNumbers) {
  std::vector<NumberMention> out;
  for (const char* t : {"قال أحد المسؤولين", "وزير الخارجية", ""}) {
    FindNumbers(TestTextTables(), t, &out);
    EXPECT_TRUE(out.empty()) << t;
  }
}

TEST(NumbersTest, Units) {
  std::vector<NumberMention> out;
  FindNumbers(TestTextTables(), "خمسين كيلومترا", &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].unit, "km");
  FindNumbers(TestTextTables(), "24 قتيلا", &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].unit, "قتيل");
  FindNumbers(TestTextTables(), "10 في المئة", &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].unit, "percent");
}

}  // namespace
}  // namespace marsad
