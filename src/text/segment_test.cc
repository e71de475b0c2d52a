#include "src/text/segment.h"

#include <gtest/gtest.h>

#include <string>

#include "src/text/stem.h"
#include "src/text/tables.h"
#include "src/text/test_tables.h"

namespace marsad {
namespace {

std::string Parts(std::string_view word) {
  Segmentation seg;
  TestTextTables().segmenter().Segment(word, &seg);
  std::string out;
  for (Span s : seg.parts) {
    if (!out.empty()) out += '+';
    out += std::string(s.In(word));
  }
  return out;
}

// Cases from issue 3; they need the corpus lexicon in data/text.
TEST(SegmenterTest, Issue3Cases) {
  struct Case {
    const char* in;
    const char* want;
  };
  const Case kCases[] = {
      {"وواشنطن", "و+واشنطن"},
      {"بالتأكيد", "ب+التأكيد"},
      {"لروسيا", "ل+روسيا"},
      {"وأضافت", "و+أضافت"},
      {"ولاية", "ولاية"},
      {"بلاده", "بلاد+ه"},
      {"كوناشينكوف", "كوناشينكوف"},
      {"وقال", "و+قال"},
      {"له", "ل+ه"},
      {"وزير", "وزير"},
      {"كان", "كان"},
      {"سيكون", "س+يكون"},
      {"عليه", "علي+ه"},
      {"حكومته", "حكومت+ه"},
      // A proclitic and an enclitic on one word (the stem decides both).
      {"لبلادنا", "ل+بلاد+نا"},
      {"لكنها", "لكن+ها"},
      // س before a rare plural imperfect.
      {"سيستغرقون", "س+يستغرقون"},
  };
  for (const Case& c : kCases) EXPECT_EQ(Parts(c.in), c.want) << c.in;
}

TEST(SegmenterTest, PartsTileTheWord) {
  // The last three start with a mark before any letter (found by text_fuzz):
  // the mark belongs to the first part, with or without a proclitic.
  for (std::string w : {"وبالتأكيد", "فسيكتبونها", "كتَبَ", "abc", "و",
                        "\u065bوقالت", "\u064eالوزارة", "\u0640\u064bكتابهم"}) {
    Segmentation seg;
    TestTextTables().segmenter().Segment(w, &seg);
    uint32_t at = 0;
    for (Span s : seg.parts) {
      EXPECT_EQ(s.begin, at) << w;
      at = s.end;
    }
    EXPECT_EQ(at, w.size()) << w;
  }
}

TEST(StemTest, Table) {
  const TextTables& t = TestTextTables();
  EXPECT_EQ(LemmaKey(t, "والأمريكى"), LemmaKey(t, "الأمريكي"));
  EXPECT_EQ(LemmaKey(t, "لروسيا"), "روسيا");
  EXPECT_EQ(LightStem(t.normalizer(), "والمسلحين"),
            LightStem(t.normalizer(), "المسلحون"));
  EXPECT_EQ(LightStem(t.normalizer(), "بالمدرسة"), "مدرس");
}

}  // namespace
}  // namespace marsad
