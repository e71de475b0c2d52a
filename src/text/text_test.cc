// Table-driven tests of the text core (issue 3 cases; fixtures are our own).
#include <gtest/gtest.h>

#include <limits>

#include "src/text/analysis.h"
#include "src/text/analyze.h"
#include "src/text/dates.h"
#include "src/text/normalize.h"
#include "src/text/numbers.h"
#include "src/text/segment.h"
#include "src/text/stem.h"
#include "src/text/tokenize.h"

namespace marsad {
namespace {

TEST(NormalizeTest, FoldTable) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"أحمد", "احمد"},
      {"إسلام", "اسلام"},
      {"آمن", "امن"},
      {"مستشفى", "مستشفي"},
      {"مدينة", "مدينه"},
      {"مُحَمَّد", "محمد"},
      {"الـــرئيس", "الرئيس"},
      {"٢٥", "25"},
      {"۱۲", "12"},
      {"٣٫٥", "3.5"},
      {"«قال»", "\"قال\""},
      {"“نعم”", "\"نعم\""},
      {"ﻻ", "لا"},
      {"کتاب", "كتاب"},
      {"ی", "ي"},
      {"a\u200fb", "ab"},
      {"ABC", "abc"},
      {"سؤال", "سؤال"},
      {"الروسى", "الروسي"},
      {"مؤتمر،", "مؤتمر,"},
      {"  a   b ", "a b"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Normalizer::Default().FoldKey(c.in), c.out) << c.in;
  }
}

TEST(NormalizeTest, OffsetsMapBackToInput) {
  std::string in = "قالَ  الرئيسُ «نعم»";
  NormalizedText n;
  Normalizer::Default().Fold(in, &n);
  ASSERT_EQ(n.offsets.size(), n.text.size() + 1);
  EXPECT_EQ(n.text, "قال الرئيس \"نعم\"");
  size_t pos = n.text.find("الرئيس");
  ASSERT_NE(pos, std::string::npos);
  Span w = n.ToInput(
      Span{uint32_t(pos), uint32_t(pos + std::string("الرئيس").size())});
  EXPECT_EQ(w.In(in), "الرئيسُ");
  pos = n.text.find("نعم");
  ASSERT_NE(pos, std::string::npos);
  Span s =
      n.ToInput(Span{uint32_t(pos), uint32_t(pos + std::string("نعم").size())});
  EXPECT_EQ(s.In(in), "نعم");
}

TEST(NormalizeTest, DisplayKeepsDiacriticsDropsControls) {
  NormalizedText n;
  Normalizer::Default().Display("مُحَمَّد\u200f  قال\r\nﻻ", &n);
  EXPECT_EQ(n.text, "مُحَمَّد قال\nلا");
}

TEST(TokenizeTest, Kinds) {
  std::string t = "قال 2,500 شخص في http://x.org/a، و#سوريا a@b.com؟";
  std::vector<Token> toks;
  Tokenize(t, &toks);
  std::vector<std::pair<std::string, TokenKind>> got;
  for (const Token& k : toks)
    got.emplace_back(std::string(k.span.In(t)), k.kind);
  std::vector<std::pair<std::string, TokenKind>> want = {
      {"قال", TokenKind::kWord},
      {"2,500", TokenKind::kNumber},
      {"شخص", TokenKind::kWord},
      {"في", TokenKind::kWord},
      {"http://x.org/a", TokenKind::kUrl},
      {"،", TokenKind::kPunct},
      {"و", TokenKind::kWord},
      {"#سوريا", TokenKind::kHashtag},
      {"a@b.com", TokenKind::kEmail},
      {"؟", TokenKind::kPunct}};
  EXPECT_EQ(got, want);
}

TEST(TokenizeTest, Sentences) {
  std::string t =
      "قال المصدر (د ب أ) إن الوضع هادئ. وأضاف: هل انتهى؟ نعم\nسطر ثان";
  std::vector<Span> s;
  SplitSentences(t, &s);
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0].In(t), "قال المصدر (د ب أ) إن الوضع هادئ.");
  EXPECT_EQ(s[1].In(t), "وأضاف: هل انتهى؟");
  EXPECT_EQ(s[3].In(t), "سطر ثان");
}

// The stem keeps the article (والرئيس -> الرئيس); after ل the article's alif
// is not written (للحكومة = ل + الحكومة), so the stem is its lam and the noun.
TEST(SegmentTest, ArticleAndConjunction) {
  struct Case {
    const char* word;
    const char* stem;
  } cases[] = {
      {"والرئيس", "الرئيس"}, {"بالتأكيد", "التأكيد"},
      {"للحكومة", "لحكومة"}, {"كوناشينكوف", "كوناشينكوف"},
      {"ولاية", "ولاية"},    {"وواشنطن", "واشنطن"},
      {"لروسيا", "روسيا"},   {"وأضافت", "أضافت"},
      {"بلاده", "بلاد"},     {"وقال", "قال"},
  };
  for (const auto& c : cases) {
    Segmentation s;
    std::string w = c.word;
    Segmenter::Default().Segment(w, &s);
    EXPECT_EQ(s.stem.In(w), c.stem) << c.word;
  }
}

TEST(StemTest, LightStemAndLemma) {
  EXPECT_EQ(LightStem("والانتخابات"), "انتخاب");
  EXPECT_EQ(LightStem("الأمريكية"), LightStem("أمريكي"));
  EXPECT_EQ(LemmaKey("بالرئيس"), LemmaKey("الرئيس"));
}

struct NumberCase {
  const char* text;
  double value, min, max;
  bool approx;
  const char* surface;
};

// An open upper bound ("أكثر من 40") has max +infinity.
constexpr double kOpen = std::numeric_limits<double>::infinity();

TEST(NumbersTest, Table) {
  NumberCase cases[] = {
      {"أصيب 25 عنصرا", 25, 25, 25, false, "25"},
      {"سقوط نحو 150 عنصرا", 150, 150, 150, true, "نحو 150"},
      {"على بعد خمسين كيلومترا", 50, 50, 50, false, "خمسين كيلومترا"},
      {"قتل ثلاثة أشخاص", 3, 3, 3, false, "ثلاثة"},
      {"أحد عشر جنديا", 11, 11, 11, false, "أحد عشر"},
      {"خمسة وعشرين مدنيا", 25, 25, 25, false, "خمسة وعشرين"},
      {"مئة وخمسين", 150, 150, 150, false, "مئة وخمسين"},
      {"مائة شخص", 100, 100, 100, false, "مائة"},
      {"ألفين", 2000, 2000, 2000, false, "ألفين"},
      {"ثلاثة آلاف", 3000, 3000, 3000, false, "ثلاثة آلاف"},
      {"سقط قتيلان", 2, 2, 2, false, "قتيلان"},
      {"زار مرتين", 2, 2, 2, false, "مرتين"},
      {"أصيب العشرات", 20, 20, 99, true, "العشرات"},
      {"مئات المدنيين", 200, 200, 999, true, "مئات"},
      {"ما لا يقل عن 12 قتيلا", 12, 12, kOpen, true, "ما لا يقل عن 12"},
      {"أكثر من 40 قتيلا", 40, 40, kOpen, true, "أكثر من 40"},
      {"بين 10 و15 قتيلا", 10, 10, 15, false, "بين 10 و15"},
      {"٢٥ جريحا", 25, 25, 25, false, "٢٥"},
      {"1,500 شخص", 1500, 1500, 1500, false, "1,500"},
      {"انتهاكاً واحداً", 1, 1, 1, false, "واحداً"},
  };
  for (const auto& c : cases) {
    std::vector<NumberMention> out;
    FindNumbers(c.text, &out);
    EXPECT_FALSE(out.empty()) << c.text;
    if (out.empty()) continue;
    const NumberMention& m = out[0];
    EXPECT_EQ(m.value, c.value) << c.text;
    EXPECT_EQ(m.min, c.min) << c.text;
    EXPECT_EQ(m.max, c.max) << c.text;
    EXPECT_EQ(m.approximate, c.approx) << c.text;
    EXPECT_EQ(m.span.In(c.text), c.surface) << c.text;
  }
}

struct DateCase {
  const char* text;
  const char* published;
  const char* value;
  const char* surface;
};

TEST(DatesTest, Table) {
  DateCase cases[] = {
      {"قالت الوزارة الثلاثاء إن", "2017-11-14", "2017-11-14", "الثلاثاء"},
      {"وفي الرابع من أكتوبر تشرين الأول اتهمت", "2017-11-14", "2017-10-04",
       "الرابع من أكتوبر تشرين الأول"},
      {"وفي 7 فبراير توجه", "", "--02-07", "7 فبراير"},
      {"وفي 7 شباط توجه", "", "--02-07", "7 شباط"},
      {"في 18 حزيران", "2018-02-08", "2017-06-18", "18 حزيران"},
      {"أمس الخميس", "2018-02-09", "2018-02-08", "أمس الخميس"},
      {"اليوم", "2018-02-08", "2018-02-08", "اليوم"},
      {"يوم الخميس", "2018-02-10", "2018-02-08", "يوم الخميس"},
      {"في سنة 2011 نبهت", "", "2011", "سنة 2011"},
      {"في 3 جانفي 2020", "", "2020-01-03", "3 جانفي 2020"},
      {"في 5 أفريل", "", "--04-05", "5 أفريل"},
      {"الشهر الجاري", "2017-09-20", "2017-09", "الشهر الجاري"},
      {"منتصف ديسمبر الماضي", "2018-02-08", "2017-12", "منتصف ديسمبر الماضي"},
      {"في نهاية سبتمبر أيلول", "2017-11-14", "2017-09", "نهاية سبتمبر أيلول"},
      {"في 1 رمضان 1445", "", "2024-03-11", "1 رمضان 1445"},
  };
  for (const auto& c : cases) {
    std::vector<DateMention> out;
    FindDates(c.text, c.published, &out);
    EXPECT_FALSE(out.empty()) << c.text;
    if (out.empty()) continue;
    EXPECT_EQ(out[0].value, c.value) << c.text;
    EXPECT_EQ(out[0].span.In(c.text), c.surface) << c.text;
  }
}

TEST(DatesTest, RangeHasBounds) {
  std::vector<DateMention> out;
  FindDates("منتصف ديسمبر الماضي", "2018-02-08", &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].precision, DatePrecision::kRange);
  EXPECT_EQ(out[0].begin, "2017-12-11");
  EXPECT_EQ(out[0].end, "2017-12-20");
}

// Issue 25: the document's analysis is found by the identity of its text
// (a bound analysis), never by comparing contents; a copy of the text at
// another address is analysed on its own, with the same result.
TEST(TextAnalysisTest, BoundAnalysisIsFoundByIdentityNotContents) {
  std::string text = "قال الوزير إن 25 شخصا قتلوا أمس. وأضاف: «لن نتراجع».";
  TextAnalysis a;
  a.Build(text, Normalizer::Default());
  ASSERT_EQ(a.folded.size(), a.tokens.size());
  EXPECT_EQ(a.sentences.size(), 2u);
  for (size_t i = 0; i < a.tokens.size(); ++i) {
    EXPECT_EQ(a.folded[i].key,
              Normalizer::Default().FoldKey(a.tokens[i].span.In(text)));
  }
  std::string copy = text;
  {
    ScopedTextAnalysis bound(a);
    uint64_t builds = TextAnalysis::BuildsOnThisThread();
    EXPECT_EQ(&TokensOf(text), &a);
    EXPECT_EQ(TextAnalysis::BuildsOnThisThread(), builds);
    const TextAnalysis& other = TokensOf(copy);
    EXPECT_NE(&other, &a);
    EXPECT_EQ(TextAnalysis::BuildsOnThisThread(), builds + 1);
    EXPECT_EQ(other.buffer, a.buffer);
    // A prefix of the bound text is another text.
    EXPECT_NE(&TokensOf(std::string_view(text).substr(0, 10)), &a);
  }
  EXPECT_NE(&TokensOf(text), &a);
  std::vector<NumberMention> from_text, from_analysis;
  FindNumbers(text, &from_text);
  FindNumbers(a, &from_analysis);
  ASSERT_EQ(from_text.size(), 1u);
  ASSERT_EQ(from_analysis.size(), 1u);
  EXPECT_EQ(from_text[0].span, from_analysis[0].span);
}

}  // namespace
}  // namespace marsad
