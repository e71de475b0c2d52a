// Table-driven tests of the text core (issue 3 cases; fixtures are our own).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <limits>

#include "src/base/data.h"
#include "src/text/analysis.h"
#include "src/text/analyze.h"
#include "src/text/dates.h"
#include "src/text/normalize.h"
#include "src/text/numbers.h"
#include "src/text/segment.h"
#include "src/text/stem.h"
#include "src/text/tables.h"
#include "src/text/test_tables.h"
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
    EXPECT_EQ(TestTextTables().normalizer().FoldKey(c.in), c.out) << c.in;
  }
}

TEST(NormalizeTest, OffsetsMapBackToInput) {
  std::string in = "قالَ  الرئيسُ «نعم»";
  NormalizedText n;
  TestTextTables().normalizer().Fold(in, &n);
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
  TestTextTables().normalizer().Display("مُحَمَّد\u200f  قال\r\nﻻ", &n);
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
  SplitSentences(TestTextTables(), t, &s);
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
    TestTextTables().segmenter().Segment(w, &s);
    EXPECT_EQ(s.stem.In(w), c.stem) << c.word;
  }
}

TEST(StemTest, LightStemAndLemma) {
  const TextTables& t = TestTextTables();
  EXPECT_EQ(LightStem(t.normalizer(), "والانتخابات"), "انتخاب");
  EXPECT_EQ(LightStem(t.normalizer(), "الأمريكية"),
            LightStem(t.normalizer(), "أمريكي"));
  EXPECT_EQ(LemmaKey(t, "بالرئيس"), LemmaKey(t, "الرئيس"));
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
    FindNumbers(TestTextTables(), c.text, &out);
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
    FindDates(TestTextTables(), c.text, c.published, &out);
    EXPECT_FALSE(out.empty()) << c.text;
    if (out.empty()) continue;
    EXPECT_EQ(out[0].value, c.value) << c.text;
    EXPECT_EQ(out[0].span.In(c.text), c.surface) << c.text;
  }
}

TEST(DatesTest, RangeHasBounds) {
  std::vector<DateMention> out;
  FindDates(TestTextTables(), "منتصف ديسمبر الماضي", "2018-02-08", &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].precision, DatePrecision::kRange);
  EXPECT_EQ(out[0].begin, "2017-12-11");
  EXPECT_EQ(out[0].end, "2017-12-20");
}

// Issue 25: a document's analysis is built once with the tables it is
// given and read by identity (IsOf: same address and size), never by
// comparing contents; the bare-text functions give what the analysis gives.
TEST(TextAnalysisTest, BuiltWithTheGivenTablesAndKnownByIdentity) {
  const TextTables& tables = TestTextTables();
  std::string text = "قال الوزير إن 25 شخصا قتلوا أمس. وأضاف: «لن نتراجع».";
  TextAnalysis a;
  uint64_t builds = TextAnalysis::BuildsOnThisThread();
  a.Build(text, tables);
  EXPECT_EQ(TextAnalysis::BuildsOnThisThread(), builds + 1);
  ASSERT_EQ(a.folded.size(), a.tokens.size());
  EXPECT_EQ(a.sentences.size(), 2u);
  for (size_t i = 0; i < a.tokens.size(); ++i) {
    EXPECT_EQ(a.folded[i].key,
              tables.normalizer().FoldKey(a.tokens[i].span.In(text)));
  }
  std::string copy = text;
  EXPECT_TRUE(a.IsOf(text));
  EXPECT_FALSE(a.IsOf(copy));  // the same bytes elsewhere: another text
  EXPECT_FALSE(a.IsOf(std::string_view(text).substr(0, 10)));
  std::vector<NumberMention> from_text, from_analysis;
  FindNumbers(tables, text, &from_text);
  FindNumbers(tables, a, &from_analysis);
  ASSERT_EQ(from_text.size(), 1u);
  ASSERT_EQ(from_analysis.size(), 1u);
  EXPECT_EQ(from_text[0].span, from_analysis[0].span);
}

// Issue 25, step 5: the number, date and sentence functions read the
// tables they are handed, not tables of their own: a number word, a month
// name and an agency credit added to a copy of data/text are found with
// tables loaded from that copy and not with the source tree's.
TEST(TextTablesTest, FunctionsReadTheTablesTheyAreGiven) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(testing::TempDir()) /
                 ("marsad_text_tables_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  for (const auto& e : fs::recursive_directory_iterator(DataDir())) {
    fs::path rel = fs::relative(e.path(), DataDir());
    if (e.is_directory())
      fs::create_directories(dir / rel);
    else
      fs::copy_file(e.path(), dir / rel);
  }
  std::ofstream(dir / "text/number_words.tsv", std::ios::app)
      << "زلفة\t7\tunit\n";
  std::ofstream(dir / "text/months.tsv", std::ios::app)
      << "برعم\t5\tgregorian\tmade-up\n";
  std::ofstream(dir / "text/abbreviations.tsv", std::ios::app)
      << "ق ص ت\tagency\n";
  auto own = TextTables::Load(dir.string());
  fs::remove_all(dir);
  ASSERT_TRUE(own.ok()) << own.status().ToString();

  std::vector<NumberMention> numbers;
  FindNumbers(**own, "وصل زلفة رجال", &numbers);
  ASSERT_EQ(numbers.size(), 1u);
  EXPECT_EQ(numbers[0].value, 7);
  FindNumbers(TestTextTables(), "وصل زلفة رجال", &numbers);
  EXPECT_TRUE(numbers.empty());

  std::vector<DateMention> dates;
  FindDates(**own, "في 3 برعم 2018", "", &dates);
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(dates[0].value, "2018-05-03");
  FindDates(TestTextTables(), "في 3 برعم 2018", "", &dates);
  EXPECT_TRUE(dates.empty());

  // "ق.ص.ت." an agency credit: its last period ends the sentence; to the
  // source tree's tables it is a run of initials, which ends none.
  const std::string credit = "نقلت ق.ص.ت. وأضاف الوزير";
  std::vector<Span> sentences;
  SplitSentences(**own, credit, &sentences);
  EXPECT_EQ(sentences.size(), 2u);
  SplitSentences(TestTextTables(), credit, &sentences);
  EXPECT_EQ(sentences.size(), 1u);
}

}  // namespace
}  // namespace marsad
