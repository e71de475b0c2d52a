// The pipeline end to end on our own reports: DocumentProcessor's stages and
// limits, and the Ingestor's ordered part (ids, duplicates, stories, the
// store, a restart that restores the indexes).
#include "src/pipeline/pipeline.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "marsad/store.h"
#include "src/base/document_json.h"
#include "src/dedup/fingerprint.h"
#include "src/pipeline/test_resources.h"
#include "src/search/terms.h"
#include "src/store/test_store.h"
#include "src/story/story_features.h"
#include "src/text/analysis.h"
#include "src/text/analyze.h"
#include "src/text/tables.h"

namespace marsad {
namespace {

namespace fs = std::filesystem;

const char* kStrike =
    "قتل 12 شخصا وأصيب آخرون بجروح فجر الخميس في غارة نفذتها طائرة مسيرة على "
    "مستودع للوقود في بلدة الحسرات بريف دير الزور الشرقي. وقالت وزارة الداخلية "
    "في بيان إن الغارة استهدفت مستودعا مدنيا يزود الأفران بالوقود، وأضاف "
    "البيان "
    "أن فرق الدفاع المدني عملت لساعات على إخماد الحريق الذي امتد إلى منازل "
    "مجاورة.";
const char* kMatch =
    "فاز نادي الشروق على ضيفه نادي الوادي بثلاثة أهداف مقابل هدف في المباراة "
    "التي أقيمت مساء السبت على ملعب المدينة ضمن الجولة العاشرة من الدوري، وقال "
    "مدرب الشروق إن فريقه استحق الفوز بعد أداء قوي في الشوط الثاني.";

Document Report(const std::string& text, const std::string& date,
                uint64_t hash) {
  Document d;
  d.format = "txt";
  d.raw = text;
  d.published = date;
  d.source = "report-" + std::to_string(hash);
  d.input_hash = hash;
  return d;
}

class PipelineTest : public testing::Test {
 protected:
  void SetUp() override {
    path_ = (fs::path(testing::TempDir()) /
             ("marsad_pipeline_test_" + std::to_string(::getpid()) + ".db"))
                .string();
    fs::remove(path_);
  }
  void TearDown() override {
    for (const char* ext : {"", "-wal", "-shm"}) fs::remove(path_ + ext);
  }
  std::string path_;
};

TEST_F(PipelineTest, ProcessFillsEveryStageWithSpansIntoTheText) {
  auto processor = DocumentProcessor::Create(TestResources());
  ASSERT_TRUE(processor.ok()) << processor.status().ToString();
  Document d = Report(kStrike, "2026-03-12", 1);
  ASSERT_TRUE((*processor)->Process(&d, nullptr).ok());
  EXPECT_FALSE(d.text.empty());
  EXPECT_NE(d.content_hash, 0u);
  EXPECT_FALSE(d.fingerprint.empty());
  EXPECT_FALSE(d.story_features.empty());
  ASSERT_FALSE(d.quotes.empty());
  for (const Quote& q : d.quotes) {
    EXPECT_LE(q.cue.end, d.text.size());
    EXPECT_LT(q.cue.begin, q.cue.end);
  }
  bool twelve = false;
  for (const Event& e : d.events) {
    for (const Casualty& c : e.casualties) {
      EXPECT_LE(c.number.span.end, d.text.size());
      twelve |= c.kind == "killed" && c.number.min == 12;
    }
  }
  EXPECT_TRUE(twelve);
}

// Issue 25: the clean text is tokenized, folded and split into sentences
// once per document, and every stage is handed that one analysis (the
// entity and facts stages too, since step 5: no stage finds it by itself).
// The stages' outputs are those of the same functions on the bare text.
TEST_F(PipelineTest, TheTextIsAnalysedOnceAndEveryStageReadsIt) {
  auto processor = DocumentProcessor::Create(TestResources());
  ASSERT_TRUE(processor.ok()) << processor.status().ToString();
  for (const char* text : {kStrike, kMatch}) {
    Document d = Report(text, "2026-03-12", 7);
    uint64_t before = TextAnalysis::BuildsOnThisThread();
    ASSERT_TRUE((*processor)->Process(&d, nullptr).ok());
    EXPECT_EQ(TextAnalysis::BuildsOnThisThread() - before, 1u);
    ASSERT_FALSE(d.entities.empty());
    const TextTables& tables = TestResources().text_tables();
    EXPECT_EQ(d.fingerprint, ComputeFingerprint(tables, d.text).Serialize());
    EXPECT_EQ(d.index_terms, PreAnalyze(tables, d.text));
    EXPECT_EQ(
        d.story_features,
        ComputeStoryFeatures(TestResources().story_tables(), d).Serialize());
    std::vector<NumberMention> numbers = d.numbers;
    std::vector<DateMention> dates = d.dates;
    TextAnalysis fresh;
    fresh.Build(d.text, tables);
    AnalyzeText(tables, fresh, &d);
    ASSERT_EQ(d.numbers.size(), numbers.size());
    for (size_t i = 0; i < numbers.size(); ++i) {
      EXPECT_EQ(d.numbers[i].span, numbers[i].span);
      EXPECT_EQ(d.numbers[i].value, numbers[i].value);
    }
    ASSERT_EQ(d.dates.size(), dates.size());
    for (size_t i = 0; i < dates.size(); ++i) {
      EXPECT_EQ(d.dates[i].value, dates[i].value);
    }
  }
  Document d = Report(kMatch, "2026-03-12", 8);
  d.text = kMatch;
  uint64_t before = TextAnalysis::BuildsOnThisThread();
  (*processor)->Analyze(&d);
  EXPECT_EQ(TextAnalysis::BuildsOnThisThread() - before, 1u);
}

TEST_F(PipelineTest, TextOverTheLimitIsRejectedWithTheReason) {
  ProcessOptions options;
  options.max_text_bytes = 200;
  auto processor = DocumentProcessor::Create(TestResources(), options);
  ASSERT_TRUE(processor.ok());
  Document d = Report(kStrike, "", 2);
  Status st = (*processor)->Process(&d, nullptr);
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(st.message().find("--max-text-bytes"), std::string::npos)
      << st.message();
  Document empty = Report(" \n ", "", 3);
  EXPECT_FALSE((*processor)->Process(&empty, nullptr).ok());
}

// Ids in order, a copy marked and in its first copy's story, a different
// report in another story, a re-run that stores nothing twice, and a stray
// future date that does not stop the copies of later reports being found.
TEST_F(PipelineTest, IngestorAssignsInOrderAndRestoresAfterARestart) {
  IngestOptions options;
  options.threads = 1;
  {
    auto store = Store::Open(path_, TestStoreOptions());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    auto ing = Ingestor::Create(store->get(), TestResources(), options);
    ASSERT_TRUE(ing.ok()) << ing.status().ToString();
    ASSERT_TRUE((*ing)->Add(Report(kMatch, "2099-01-01", 10)).ok());
    ASSERT_TRUE((*ing)->Add(Report(kStrike, "2026-03-12", 11)).ok());
    ASSERT_TRUE(
        (*ing)
            ->Add(Report(std::string(kStrike) + "\nشارك", "2026-03-13", 12))
            .ok());
    ASSERT_TRUE((*ing)->Flush().ok());
    const IngestSummary& s = (*ing)->summary();
    EXPECT_EQ(s.stored, 3u);
    EXPECT_EQ(s.duplicates, 1u);
    EXPECT_EQ(s.new_stories, 2u);
  }
  auto store = Store::Open(path_, TestStoreOptions());
  ASSERT_TRUE(store.ok());
  auto copy = (*store)->GetArticle(3);
  auto first = (*store)->GetArticle(2);
  ASSERT_TRUE(copy.ok() && copy->has_value() && first.ok() &&
              first->has_value());
  EXPECT_EQ((*copy)->duplicate_of, 2);
  EXPECT_EQ((*copy)->story_id, (*first)->story_id);
  // A restart: the same inputs are skipped, and a new copy of the strike
  // (dated after the stray 2099 report) is found through the restored index.
  auto ing = Ingestor::Create(store->get(), TestResources(), options);
  ASSERT_TRUE(ing.ok());
  ASSERT_TRUE((*ing)->Add(Report(kStrike, "2026-03-12", 11)).ok());
  ASSERT_TRUE(
      (*ing)
          ->Add(Report(std::string("دير الزور - ") + kStrike, "2026-03-14", 13))
          .ok());
  ASSERT_TRUE((*ing)->Flush().ok());
  EXPECT_EQ((*ing)->summary().already_stored, 1u);
  EXPECT_EQ((*ing)->summary().stored, 1u);
  EXPECT_EQ((*ing)->summary().duplicates, 1u);
  auto again = (*store)->GetArticle(4);
  ASSERT_TRUE(again.ok() && again->has_value());
  EXPECT_EQ((*again)->duplicate_of, 2);
  EXPECT_EQ((*again)->story_id, (*first)->story_id);
}

// Issue 20: a happening days after another of the same topic starts its own
// story, linked to it; when their first reports are close with time left out
// the ingest marks the link a thread link and the store puts both stories in
// the earlier one's thread. An unrelated report stays a thread of one.
TEST_F(PipelineTest, IngestorPutsAFollowUpOfOneTopicInTheSameThread) {
  const char* talks =
      "بدأت في الخرطوم جولة مفاوضات جديدة بين مصر وإثيوبيا والسودان حول سد "
      "النهضة وقواعد ملء خزانه، وقال وزير الري إن الخلاف ما زال قائما حول "
      "ملء خزان سد النهضة.";
  const char* ministers =
      "اجتمع وزراء الري في مصر وإثيوبيا والسودان في أديس أبابا لبحث الخلاف "
      "على سد النهضة وملء خزانه بعد تعثر جولة المفاوضات السابقة في الخرطوم.";
  auto store = Store::Open(path_, TestStoreOptions());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  IngestOptions options;
  options.threads = 1;
  auto ing = Ingestor::Create(store->get(), TestResources(), options);
  ASSERT_TRUE(ing.ok()) << ing.status().ToString();
  ASSERT_TRUE((*ing)->Add(Report(talks, "2018-06-01", 21)).ok());
  ASSERT_TRUE((*ing)->Add(Report(kMatch, "2018-06-06", 22)).ok());
  ASSERT_TRUE((*ing)->Add(Report(ministers, "2018-06-07", 23)).ok());
  ASSERT_TRUE((*ing)->Flush().ok());
  auto story = [&](int64_t article) {
    auto a = (*store)->GetArticle(article);
    EXPECT_TRUE(a.ok() && a->has_value());
    return a.ok() && a->has_value() ? (*a)->story_id : 0;
  };
  const int64_t first = story(1), match = story(2), later = story(3);
  ASSERT_NE(first, later);  // two happenings, six days apart
  auto later_row = (*store)->GetStory(later);
  ASSERT_TRUE(later_row.ok() && later_row->has_value());
  EXPECT_EQ((*later_row)->related, std::vector<int64_t>{first});
  EXPECT_EQ((*later_row)->thread, first);
  auto thread = (*store)->ListThreadStories(first, Page{10, 0});
  ASSERT_TRUE(thread.ok());
  EXPECT_EQ(thread->total, 2);
  EXPECT_EQ((*store)->GetStory(match)->value().thread, match);
}

// Issue 25, the field added by following docs/architecture.md's "Adding a
// field": the words of the clean text (a URL is no word, a number and a
// Latin word are), made by the processor, kept by the store and written by
// the JSON form.
TEST_F(PipelineTest, WordCountIsMadeStoredAndInTheJsonForm) {
  const char* text =
      "قتل 12 شخصا في غارة على مستودع للوقود، وقالت وزارة الداخلية في بيان "
      "نشرته على موقعها www.moi.example إن الغارة استهدفت مستودعا مدنيا، "
      "وأكدت وكالة Reuters ذلك.";
  const int64_t kWords = 8 + 8 + 5 + 4;  // by hand, clause by clause
  {
    auto store = Store::Open(path_, TestStoreOptions());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    IngestOptions options;
    options.threads = 1;
    auto ing = Ingestor::Create(store->get(), TestResources(), options);
    ASSERT_TRUE(ing.ok()) << ing.status().ToString();
    ASSERT_TRUE((*ing)->Add(Report(text, "2026-03-12", 20)).ok());
    ASSERT_TRUE((*ing)->Flush().ok());
    ASSERT_EQ((*ing)->summary().stored, 1u);
  }
  auto store = Store::Open(path_, TestStoreOptions());
  ASSERT_TRUE(store.ok());
  auto got = (*store)->GetArticle(1);
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->text, text);
  EXPECT_EQ((*got)->word_count, kWords);
  EXPECT_EQ(MetadataToJson(**got)["word_count"], kWords);
}

}  // namespace
}  // namespace marsad
