#include "src/text/normalize.h"

#include <gtest/gtest.h>

#include "src/text/tables.h"
#include "src/text/test_tables.h"

namespace marsad {
namespace {

struct Case {
  const char* in;
  const char* want;
};

TEST(NormalizerTest, FoldTable) {
  const Case kCases[] = {
      {"أحمد", "احمد"},
      {"إسلام", "اسلام"},
      {"آخر", "اخر"},
      {"ٱلله", "الله"},
      {"فى", "في"},
      {"الروسى", "الروسي"},
      {"مدرسة", "مدرسه"},
      {"مدرسةٌ", "مدرسه"},
      {"مدرسته", "مدرسته"},
      {"كتَبَ", "كتب"},
      {"جميـــل", "جميل"},
      {"کتاب", "كتاب"},
      {"ی", "ي"},
      {"ۀ", "ه"},
      {"١٢٣", "123"},
      {"۴۵۶", "456"},
      {"٣٫٥", "3.5"},
      {"١٬٥٠٠", "1,500"},
      {"،؛؟", ",;?"},
      {"«نعم»", "\"نعم\""},
      {"“a”", "\"a\""},
      {"‘a’", "'a'"},
      {"ﻻ", "لا"},
      {"ﷲ", "الله"},
      {"a\u200Fb\u200Bc", "abc"},
      {"x\u202Bد\u202C", "xد"},
      {"  a \t b  ", "a b"},
      {"ABC", "abc"},
      {"٪", "%"},
      {"ڤلاديمير", "فلاديمير"},
      {"ا\u0653", "ا"},
      {"و\u0654", "ؤ"},
  };
  const Normalizer& n = TestTextTables().normalizer();
  for (const Case& c : kCases) EXPECT_EQ(n.FoldKey(c.in), c.want) << c.in;
}

TEST(NormalizerTest, DisplayTable) {
  const Case kCases[] = {
      {"كتَبَ", "كتَبَ"},                // diacritics kept
      {"ﻻ", "لا"},                   // presentation form
      {"a\u200Fb", "ab"},            // bidi mark dropped
      {"  a   b  ", "a b"},          // whitespace collapsed and trimmed
      {"a\n\n\n\nb", "a\n\nb"},      // at most one blank line
      {"a \n b", "a\nb"},            // spaces around newline
      {"ا\u0653", "آ"},              // NFC composition
      {"x\xFFy", "x\xEF\xBF\xBDy"},  // invalid byte -> U+FFFD
      {"أحمد", "أحمد"},              // letters untouched
  };
  const Normalizer& n = TestTextTables().normalizer();
  NormalizedText out;
  for (const Case& c : kCases) {
    n.Display(c.in, &out);
    EXPECT_EQ(out.text, c.want) << c.in;
  }
}

TEST(NormalizerTest, OffsetsMapBack) {
  const Normalizer& n = TestTextTables().normalizer();
  NormalizedText out;
  std::string in = "  قالَ  الوزيـر\u200F أمس ";
  n.Fold(in, &out);
  ASSERT_EQ(out.offsets.size(), out.text.size() + 1);
  for (size_t i = 1; i < out.offsets.size(); ++i)
    EXPECT_LE(out.offsets[i - 1], out.offsets[i]);
  size_t pos = out.text.find("الوزير");
  ASSERT_NE(pos, std::string::npos);
  Span s = out.ToInput(
      Span{uint32_t(pos), uint32_t(pos + std::string("الوزير").size())});
  EXPECT_EQ(s.In(in).substr(0, std::string("الوزيـر").size()), "الوزيـر");
}

TEST(NormalizerTest, InvalidUtf8NeverLeaksIntoOutput) {
  const Normalizer& n = TestTextTables().normalizer();
  const char* kBad[] = {"\xC0\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                        "\xE0\x80", "a\xC1\x81z"};
  NormalizedText out;
  for (const char* b : kBad) {
    n.Fold(b, &out);
    for (unsigned char c : out.text) EXPECT_TRUE(c < 0x80) << b;
  }
}

}  // namespace
}  // namespace marsad
