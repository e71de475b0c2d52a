#include "src/story/story_features.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "src/base/data.h"
#include "src/story/story_similarity.h"
#include "src/story/story_tables.h"
#include "src/story/terms.h"
#include "src/story/test_tables.h"
#include "src/text/analyze.h"
#include "src/text/test_tables.h"

namespace marsad {
namespace {

// Our own sentences: two outlets on one flood, one on a different flood, one
// on football.
Document Doc(const char* title, const char* text, const char* published) {
  Document d;
  d.title = title;
  d.text = text;
  d.published = published;
  TextAnalysis a;
  a.Build(d.text, TestTextTables());
  AnalyzeText(TestTextTables(), a, &d);
  return d;
}

const Document& FloodA() {
  static const Document d = Doc(
      "سيول وادي النخيل تجرف 12 سيارة وتغلق طريق الساحل",
      "جرفت سيول وادي النخيل مساء الثلاثاء 12 سيارة وأغلقت طريق الساحل الدولي، "
      "وقال مدير الدفاع المدني في محافظة الريان إن فرق الإنقاذ انتشلت 37 شخصا "
      "من المركبات العالقة دون تسجيل وفيات.\n\nوأضاف أن الأمطار الغزيرة استمرت "
      "أربع ساعات وأن منسوب الوادي ارتفع بشكل غير مسبوق منذ عشرين عاما.",
      "2015-07-22");
  return d;
}

const Document& FloodB() {
  static const Document d = Doc(
      "الدفاع المدني ينقذ 37 محتجزا في سيول النخيل",
      "أنقذت فرق الدفاع المدني بمحافظة الريان 37 محتجزا بعد أن جرفت مياه وادى "
      "النخيل 12 مركبة مساء أمس الثلاثاء، وأغلقت السلطات طريق الساحل أمام "
      "الحركة. وأوضح مدير الدفاع المدنى أن أحدا لم يصب بأذى.",
      "2015-07-23");
  return d;
}

const Document& OtherFlood() {
  static const Document d = Doc(
      "أمطار غزيرة تغرق أحياء في مدينة الشفق",
      "غرقت أحياء شرق مدينة الشفق بعد أمطار غزيرة هطلت فجر الجمعة، وأعلنت "
      "البلدية تعليق الدوام في المدارس، فيما تواصل فرق الصيانة شفط المياه من "
      "الأنفاق. ولم تعلن السلطات عن إصابات.",
      "2015-07-25");
  return d;
}

const Document& Football() {
  static const Document d = Doc(
      "نادي الشروق يتعاقد مع مدرب برتغالي",
      "أعلن نادي الشروق تعاقده مع المدرب البرتغالي لموسمين، وقال رئيس النادي "
      "إن الإدارة ستدعم الفريق بثلاثة لاعبين أجانب قبل انطلاق الدوري.",
      "2015-07-23");
  return d;
}

TEST(StoryFeaturesTest, SerializeRoundTrips) {
  StoryFeatures f = ComputeStoryFeatures(TestStoryTables(), FloodA());
  EXPECT_FALSE(f.terms.empty());
  EXPECT_FALSE(f.title_terms.empty());
  EXPECT_NE(f.day, kNoDay);
  StatusOr<StoryFeatures> back = StoryFeatures::Deserialize(f.Serialize());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, f);
}

TEST(StoryFeaturesTest, DeserializeRejectsBadInput) {
  std::string data =
      ComputeStoryFeatures(TestStoryTables(), FloodA()).Serialize();
  for (std::string bad :
       {std::string(), std::string("S"), data.substr(0, data.size() - 1),
        data + "x", "V" + data.substr(1)}) {
    EXPECT_FALSE(StoryFeatures::Deserialize(bad).ok()) << bad.size();
  }
}

TEST(StoryFeaturesTest, ReadsBlobsWrittenBeforeTheEventDay) {
  StoryFeatures f = ComputeStoryFeatures(TestStoryTables(), FloodA());
  ASSERT_NE(f.event_day, kNoDay);
  f.lead_kinds = 5;
  std::string data = f.Serialize();
  // Version 'T' had no lead_kinds (the 2 bytes before the title's length),
  // 'S' no event_day either (the 4 bytes before those).
  const size_t kinds_at = data.size() - f.title.size() - 4 - 2;
  const size_t day_at = kinds_at - 4;
  std::string t =
      "T" + data.substr(1, kinds_at - 1) + data.substr(kinds_at + 2);
  std::string s = "S" + data.substr(1, day_at - 1) + data.substr(kinds_at + 2);
  StatusOr<StoryFeatures> back_t = StoryFeatures::Deserialize(t);
  StatusOr<StoryFeatures> back_s = StoryFeatures::Deserialize(s);
  ASSERT_TRUE(back_t.ok()) << back_t.status().ToString();
  ASSERT_TRUE(back_s.ok()) << back_s.status().ToString();
  EXPECT_EQ(back_t->lead_kinds, 0);
  EXPECT_EQ(back_t->event_day, f.event_day);
  EXPECT_EQ(back_s->event_day, kNoDay);
  EXPECT_EQ(back_s->lead_kinds, 0);
  back_t->lead_kinds = back_s->lead_kinds = f.lead_kinds;
  back_s->event_day = f.event_day;
  EXPECT_EQ(*back_t, f);
  EXPECT_EQ(*back_s, f);
}

// The happening's day is read from the lead, relative words resolved against
// the publication date; a date deep in the background does not count.
TEST(StoryFeaturesTest, EventDayComesFromTheLead) {
  Document yesterday =
      Doc("انفجار في ميناء الريان",
          "وقع انفجار في ميناء الريان أمس وأصيب عمال بجروح.", "2018-02-08");
  Document today =
      Doc("انفجار في ميناء الريان",
          "وقع انفجار في ميناء الريان اليوم وأصيب عمال بجروح.", "2018-02-07");
  Document named =
      Doc("انفجار في ميناء الريان",
          "وقع في 7 شباط انفجار في ميناء الريان وأصيب عمال.", "2018-02-09");
  std::string lead(kLeadBytes, ' ');
  Document late = Doc("انفجار في ميناء الريان",
                      ("وقع انفجار في ميناء الريان." + lead +
                       "وكان الميناء قد شهد حريقا في 3 كانون الثاني.")
                          .c_str(),
                      "2018-02-09");
  const int32_t day = ComputeStoryFeatures(TestStoryTables(), today).event_day;
  EXPECT_NE(day, kNoDay);
  EXPECT_EQ(ComputeStoryFeatures(TestStoryTables(), yesterday).event_day, day);
  EXPECT_EQ(ComputeStoryFeatures(TestStoryTables(), named).event_day, day);
  EXPECT_EQ(ComputeStoryFeatures(TestStoryTables(), late).event_day, kNoDay);
  EXPECT_EQ(
      ExplainSimilarity(ComputeStoryFeatures(TestStoryTables(), yesterday),
                        ComputeStoryFeatures(TestStoryTables(), named))
          .event_gap,
      0);
}

// A bare proclitic (ب، ل) no longer keeps a word apart from its other forms.
TEST(StoryStemTest, ClitizedFormsMeet) {
  const TextTables& t = TestTextTables();
  EXPECT_EQ(StoryStem(t, "بغارة"), StoryStem(t, "الغارة"));
  EXPECT_EQ(StoryStem(t, "بغارة"), StoryStem(t, "غارات"));
  EXPECT_EQ(StoryStem(t, "لمستودع"), StoryStem(t, "المستودع"));
  EXPECT_NE(StoryStem(t, "غارة"), StoryStem(t, "مستودع"));
}

TEST(StoryFeaturesTest, KeepsDistinctiveNumbersOnly) {
  StoryFeatures f = ComputeStoryFeatures(TestStoryTables(), FloodA());
  EXPECT_TRUE(std::binary_search(f.numbers.begin(), f.numbers.end(), 12.0f));
  EXPECT_TRUE(std::binary_search(f.numbers.begin(), f.numbers.end(), 37.0f));
  for (float n : f.numbers) EXPECT_GT(n, 10.0f);
}

TEST(StoryFeaturesTest, EmptyDocumentIsHarmless) {
  Document empty;
  StoryFeatures f = ComputeStoryFeatures(TestStoryTables(), empty);
  EXPECT_TRUE(f.terms.empty());
  EXPECT_EQ(f.day, kNoDay);
  EXPECT_EQ(Similarity(f, f), 0.0);
}

TEST(SimilarityTest, SameEventScoresAboveThresholdOthersBelow) {
  StoryFeatures a = ComputeStoryFeatures(TestStoryTables(), FloodA());
  StoryFeatures b = ComputeStoryFeatures(TestStoryTables(), FloodB());
  StoryFeatures c = ComputeStoryFeatures(TestStoryTables(), OtherFlood());
  StoryFeatures d = ComputeStoryFeatures(TestStoryTables(), Football());
  EXPECT_DOUBLE_EQ(Similarity(a, b), Similarity(b, a));
  EXPECT_GE(Similarity(a, b), kSameStoryThreshold);
  EXPECT_LT(Similarity(a, c), kSameStoryThreshold);
  EXPECT_LT(Similarity(a, d), kRelatedThreshold);
  // The other flood shares more words than football does, but its happening
  // is three days later: the score says two happenings.
  EXPECT_GT(ExplainSimilarity(a, c).terms, ExplainSimilarity(a, d).terms);
  EXPECT_EQ(ExplainSimilarity(a, c).event_gap, 3);
  SimilarityParts p = ExplainSimilarity(a, b);
  EXPECT_GE(p.shared_numbers, 2);
  EXPECT_EQ(p.day_gap, 1);
}

// The happening's kind is read from the facts stage's events in the lead:
// a strike and a clash are one kind, talks another, an event past the lead
// does not count.
TEST(StoryFeaturesTest, Issue20LeadKindsComeFromTheLeadsEvents) {
  Document d = Doc("قصف على بلدة الريان",
                   "قصفت طائرات حربية بلدة الريان صباح السبت.", "2018-07-07");
  auto event = [](const char* plover, size_t begin) {
    Event e;
    e.plover = plover;
    e.trigger = {begin, begin + 6};
    return e;
  };
  d.events = {event("ASSAULT", 0)};
  const uint16_t strike = ComputeStoryFeatures(TestStoryTables(), d).lead_kinds;
  d.events = {event("FIGHT", 10)};
  const uint16_t clash = ComputeStoryFeatures(TestStoryTables(), d).lead_kinds;
  d.events = {event("CONSULT", 10), event("ASSAULT", kLeadBytes + 40)};
  const uint16_t talks = ComputeStoryFeatures(TestStoryTables(), d).lead_kinds;
  d.events.clear();
  EXPECT_NE(strike, 0);
  EXPECT_EQ(strike, clash);
  EXPECT_NE(talks, 0);
  EXPECT_EQ(strike & talks, 0);
  EXPECT_EQ(ComputeStoryFeatures(TestStoryTables(), d).lead_kinds, 0);
}

// Two reports of one day: the same kind of happening in both leads
// corroborates the shared words; several entities each and none shared lower
// the score (two matches of one evening, a strike and the talks).
TEST(SimilarityTest, Issue20SameKindAndSharedEntitiesWeigh) {
  StoryFeatures a = ComputeStoryFeatures(TestStoryTables(), FloodA());
  StoryFeatures b = ComputeStoryFeatures(TestStoryTables(), FloodB());
  a.event_day = b.event_day = 17000;
  a.entities = {1, 2, 3};
  b.entities = {3, 4};
  a.lead_kinds = b.lead_kinds = 1;
  const double same_kind = Similarity(a, b);
  b.lead_kinds = 2;
  const double other_kind = Similarity(a, b);
  EXPECT_GT(same_kind, other_kind);
  b.lead_kinds = 0;
  EXPECT_DOUBLE_EQ(Similarity(a, b), other_kind);
  b.entities = {4, 5};
  const double disjoint = Similarity(a, b);
  EXPECT_LT(disjoint, other_kind - 0.05);
  b.entities = {5};  // too few entities to judge by: no penalty
  EXPECT_GT(Similarity(a, b), disjoint + 0.05);
}

// Issue 25, step 5: the term keys and weights are those of the tables
// given, not of tables read on first use: a synonym added to a copy of
// data/story meets its canonical word only with tables loaded from that
// copy (in the same thread, after the source tree's: the per-thread memo of
// term keys follows the tables), and the copy's document count changes the
// weight of a word the table never saw.
TEST(StoryTablesTest, TermKeysAndWeightsAreTheGivenTables) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(testing::TempDir()) /
                 ("marsad_story_tables_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  for (const auto& e : fs::recursive_directory_iterator(DataDir())) {
    fs::path rel = fs::relative(e.path(), DataDir());
    if (e.is_directory()) {
      fs::create_directories(dir / rel);
    } else {
      fs::copy_file(e.path(), dir / rel);
    }
  }
  std::ofstream(dir / "story/synonyms.tsv", std::ios::app) << "قنطرة\tجسر\n";
  std::ofstream(dir / "story/idf.tsv", std::ios::app) << "__N__\t99\n";
  auto own = StoryTables::Load(dir.string(), TestTextTables());
  fs::remove_all(dir);
  ASSERT_TRUE(own.ok()) << own.status().ToString();

  std::vector<uint32_t> bridge, arch;
  ExtractTermKeys(TestStoryTables(), "جسر", &bridge);
  ExtractTermKeys(TestStoryTables(), "قنطرة", &arch);
  ASSERT_EQ(bridge.size(), 1u);
  ASSERT_EQ(arch.size(), 1u);
  EXPECT_NE(bridge, arch);
  ExtractTermKeys(**own, "جسر", &bridge);
  ExtractTermKeys(**own, "قنطرة", &arch);
  EXPECT_EQ(bridge, arch);
  ExtractTermKeys(TestStoryTables(), "قنطرة", &arch);
  EXPECT_NE(bridge, arch);

  const uint32_t unseen = TermKey("كلمةلميرهاالجدول");
  EXPECT_NEAR((*own)->Idf(unseen), std::log(100 / 3.5), 1e-5);
  EXPECT_GT(TestStoryTables().Idf(unseen), (*own)->Idf(unseen));
}

// Issue 20, round 9: a page that ends with the opening sentences of other
// reports (a site's teasers, a list of headlines). Our own sentences: a
// border crossing reopened, then three teasers of a consulate row.
constexpr char kCrossingBody[] =
    "أعلنت وزارة النقل في جمهورية الوادي صباح الاثنين إعادة فتح معبر الصفصاف "
    "الحدودي مع مملكة السهول بعد إغلاق دام خمس سنوات، وقال الأمين العام "
    "للوزارة إن 248 مسافرا عبروا المعبر في يومه الأول وإن حركة الشاحنات "
    "ستبدأ الأسبوع المقبل بعد استكمال الإجراءات الجمركية.\n\n"
    "وأوضح المسؤول أن 500 شحنة من المساعدات تنتظر العبور نحو أراضي مملكة "
    "السهول، وأن خطوط الحافلات بين العاصمتين ستعود تدريجيا، فيما زار وفد "
    "من غرفة التجارة المعبر للبحث في تنشيط التبادل التجاري بين البلدين "
    "خلال الأيام القادمة.";
constexpr char kConsulateTeasers[] =
    "\n\nدخل فريق من المحققين مبنى قنصلية جزر المرجان في مدينة النخيل "
    "للتحقيق في قضية اختفاء الكاتب سليم العابد\n\n"
    "أعرب مجلس وزراء دولة البحيرة عن رفضه الحملة الإعلامية ضد حكومة جزر "
    "المرجان في قضية الكاتب المختفي\n\n"
    "طالبت أسرة الكاتب سليم العابد بتشكيل لجنة دولية مستقلة للتحقيق في "
    "اختفائه منذ الثاني من الشهر الجاري";

TEST(StoryFeaturesTest, Issue20DetachedLeadsAtTheEndAreLeftOut) {
  const char* title = "المئات يعبرون معبر الصفصاف بعد إعادة فتحه";
  Document plain = Doc(title, kCrossingBody, "2018-10-15");
  std::string tailed_text = std::string(kCrossingBody) + kConsulateTeasers;
  Document tailed = Doc(title, tailed_text.c_str(), "2018-10-15");
  StoryFeatures a = ComputeStoryFeatures(TestStoryTables(), plain);
  StoryFeatures b = ComputeStoryFeatures(TestStoryTables(), tailed);
  EXPECT_EQ(a.terms, b.terms);
  EXPECT_EQ(a.entities, b.entities);
  EXPECT_EQ(a.numbers, b.numbers);
  EXPECT_EQ(a.dates, b.dates);
  // The teasers' own report is not this one's story.
  Document consulate = Doc(
      "محققون يدخلون قنصلية جزر المرجان في قضية الكاتب سليم العابد",
      "دخل فريق من المحققين مبنى قنصلية جزر المرجان في مدينة النخيل الاثنين "
      "للتحقيق في قضية اختفاء الكاتب سليم العابد، بعد أن سمحت حكومة جزر "
      "المرجان بتفتيش المبنى.",
      "2018-10-15");
  StoryFeatures c = ComputeStoryFeatures(TestStoryTables(), consulate);
  EXPECT_LT(Similarity(b, c), kRelatedThreshold);
}

TEST(StoryFeaturesTest, Issue20ClosingParagraphsOfTheSameHappeningStay) {
  // Short closing paragraphs that open like teasers (no connective) but
  // name the lead's crossing are the report's own: they stay in its
  // features.
  const char* title = "المئات يعبرون معبر الصفصاف بعد إعادة فتحه";
  Document plain = Doc(title, kCrossingBody, "2018-10-15");
  std::string closing =
      std::string(kCrossingBody) +
      "\n\nأغلق معبر الصفصاف عام 2013 بعد معارك في محيطه\n\n"
      "يعد معبر الصفصاف الممر البري الرئيسي لشاحنات الترانزيت";
  Document longer = Doc(title, closing.c_str(), "2018-10-15");
  StoryFeatures a = ComputeStoryFeatures(TestStoryTables(), plain);
  StoryFeatures b = ComputeStoryFeatures(TestStoryTables(), longer);
  EXPECT_NE(a.terms, b.terms);
}

TEST(ChooseTitleTest, PicksTheMostCentralTitle) {
  std::vector<std::string> titles = {
      "عاجل", "سيول وادي النخيل تجرف سيارات",
      "سيول وادي النخيل تجرف 12 سيارة وتغلق طريق الساحل",
      "إغلاق طريق الساحل بسبب سيول النخيل"};
  EXPECT_EQ(ChooseTitle(TestTextTables(), titles), titles[2]);
  EXPECT_EQ(ChooseTitle(TestTextTables(), {}), "");
}

}  // namespace
}  // namespace marsad
