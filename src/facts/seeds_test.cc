// Golden end-to-end test on the five seed reports (../shared/seeds, read at
// run time; never copied here): the per-document stages as ingest runs them
// (clean, text core, facts; entities are left out so that the test does not
// depend on the NER build), then the comparison of the
// story 000/002/003. What is checked is ../shared/seeds/EXPECTED.md: every
// listed fact and quotation with its attribution, both disagreements, and
// nothing from 004's dropped headline list.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "src/clean/clean.h"
#include "src/clean/test_lexicon.h"
#include "src/facts/compare.h"
#include "src/facts/facts.h"
#include "src/facts/test_lexicon.h"
#include "src/ingest/reader.h"
#include "src/text/analyze.h"
#include "src/text/test_tables.h"

namespace marsad {
namespace {

namespace fs = std::filesystem;

std::string SeedsDir() {
  const char* env = std::getenv("MARSAD_SHARED_DIR");
  return std::string(env ? env : MARSAD_SHARED_DIR) + "/seeds";
}

class SeedsFactsTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::is_directory(SeedsDir())) return;
    for (const auto& e : fs::directory_iterator(SeedsDir())) {
      std::string name = e.path().filename().string();
      if (e.path().extension() != ".txt") continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      auto d = DocumentFromBytes(e.path().string(), ss.str());
      ASSERT_TRUE(d.ok()) << d.status().ToString();
      ASSERT_TRUE(
          CleanDocument(TestCleanLexicon(), TestTextTables().normalizer(), &*d)
              .ok())
          << name;
      TextAnalysis a;
      a.Build(d->text, TestTextTables());
      AnalyzeText(TestTextTables(), a, &*d);
      FactsFinder(TestFactsLexicon(), a, &*d).Run();
      d->id = std::stoi(name.substr(0, 3)) + 1;
      docs_[name.substr(0, 3)] = std::move(*d);
    }
  }
  void SetUp() override {
    if (!fs::is_directory(SeedsDir()))
      GTEST_SKIP() << "no seeds at " << SeedsDir();
    ASSERT_EQ(docs_.size(), 5u);
  }

  static bool Has(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
  }
  static std::string Words(const Document& d, Span s) {
    return std::string(s.In(d.text));
  }

  // Quotations of `id` whose speaker contains `speaker` (and cue `cue` if
  // given).
  static std::vector<const Quote*> QuotesBy(const std::string& id,
                                            const std::string& speaker,
                                            const std::string& cue = "") {
    std::vector<const Quote*> out;
    const Document& d = docs_[id];
    for (const Quote& q : d.quotes) {
      if (Has(q.speaker, speaker) &&
          (cue.empty() || Has(Words(d, q.cue), cue))) {
        out.push_back(&q);
      }
    }
    return out;
  }

  static std::vector<const Claim*> ClaimsOf(const std::string& id,
                                            const std::string& slot) {
    std::vector<const Claim*> out;
    for (const Claim& c : docs_[id].claims) {
      if (c.slot == slot) out.push_back(&c);
    }
    return out;
  }

  static const Event* EventWith(const std::string& id, const std::string& mode,
                                const std::string& date_suffix = "") {
    for (const Event& e : docs_[id].events) {
      if (e.plover == "ASSAULT" && e.mode == mode &&
          (date_suffix.empty() ||
           (e.date.size() >= date_suffix.size() &&
            e.date.compare(e.date.size() - date_suffix.size(),
                           date_suffix.size(), date_suffix) == 0))) {
        return &e;
      }
    }
    return nullptr;
  }

  static inline std::map<std::string, Document> docs_;
};

TEST_F(SeedsFactsTest, SyromolotovQuotations000) {
  for (const char* cue : {"أوضح", "قال", "أضاف"}) {
    EXPECT_FALSE(QuotesBy("000", "سيرومولوتوف", cue).empty()) << cue;
  }
}

TEST_F(SeedsFactsTest, LavrovDirectQuote001AndChains004) {
  auto lavrov = QuotesBy("001", "لافروف", "قال");
  ASSERT_FALSE(lavrov.empty());
  EXPECT_TRUE(lavrov[0]->direct);
  auto chain = QuotesBy("004", "لافروف", "نقلت");
  ASSERT_EQ(chain.size(), 2u);
  EXPECT_EQ(chain[0]->via, "وكالة الإعلام الروسية");
  EXPECT_TRUE(Has(chain[1]->via, "إنترفاكس"));
}

TEST_F(SeedsFactsTest, RyabkovKonashenkovZakharova) {
  EXPECT_GE(QuotesBy("001", "ريابكوف").size(), 2u);
  EXPECT_GE(QuotesBy("003", "ريابكوف").size(), 2u);
  EXPECT_GE(QuotesBy("001", "كوناشينكوف").size(), 2u);
  EXPECT_GE(QuotesBy("004", "كوناشينكوف").size(), 1u);
  EXPECT_FALSE(QuotesBy("003", "زاخاروفا", "قالت").empty());
  for (const char* cue : {"وأضافت", "وأكدت"}) {
    auto q = QuotesBy("003", "زاخاروفا", cue);
    ASSERT_EQ(q.size(), 1u) << cue;
    EXPECT_TRUE(q[0]->carried_over) << cue;
  }
}

TEST_F(SeedsFactsTest, MinistryAndStatementSpeakThroughout) {
  for (const char* id : {"000", "001", "002", "003", "004"}) {
    EXPECT_FALSE(QuotesBy(id, "الدفاع").empty()) << id;
  }
}

TEST_F(SeedsFactsTest, TheStrikeInEachReport) {
  for (const char* id : {"000", "002", "003"}) {
    bool strike = false;
    for (const Event& e : docs_[id].events) {
      strike |= e.plover == "ASSAULT" && e.mode == "air strike" &&
                (Has(e.location, "دير الزور") || Has(e.location, "الصالحية") ||
                 Has(e.location, "خشام"));
    }
    EXPECT_TRUE(strike) << id;
  }
  EXPECT_NE(EventWith("000", "shelling"), nullptr)
      << "mortar and rocket fire before";
  EXPECT_NE(EventWith("002", "shelling"), nullptr)
      << "mortar and rocket fire before";
}

TEST_F(SeedsFactsTest, SeventhOfFebruaryIsOneDateInTwoSpellings) {
  std::string d000, d002;
  for (const Event& e : docs_["000"].events) {
    if (Has(e.date, "02-07")) d000 = e.date;
  }
  for (const Event& e : docs_["002"].events) {
    if (Has(e.date, "02-07")) d002 = e.date;
  }
  EXPECT_FALSE(d000.empty());
  EXPECT_FALSE(d002.empty());
}

TEST_F(SeedsFactsTest, InjuredAndCombinedFigures) {
  for (const char* id : {"000", "002"}) {
    auto inj = ClaimsOf(id, "injured");
    ASSERT_EQ(inj.size(), 1u) << id;
    EXPECT_EQ(inj[0]->value, "25") << id;
    EXPECT_TRUE(Has(inj[0]->speaker, "الدفاع")) << id << " " << inj[0]->speaker;
  }
  auto both = ClaimsOf("002", "killed_or_injured");
  ASSERT_EQ(both.size(), 1u);
  EXPECT_TRUE(both[0]->approximate);
  EXPECT_EQ(both[0]->min, 150);
  EXPECT_EQ(both[0]->speaker, "مصادر");
}

TEST_F(SeedsFactsTest, RussianSoldiersAssertedAndDenied) {
  auto p002 = ClaimsOf("002", "presence:russian_personnel");
  bool asserted = false, denied = false;
  for (const Claim* c : p002) {
    if (c->modality == "asserted" && Has(c->speaker, "مصدر عسكري سوري"))
      asserted = true;
    if (c->modality == "denied" && Has(c->speaker, "الدفاع")) denied = true;
  }
  EXPECT_TRUE(asserted);
  EXPECT_TRUE(denied);
  auto syrian = QuotesBy("002", "مصدر عسكري سوري");
  ASSERT_EQ(syrian.size(), 1u);
  EXPECT_TRUE(Has(syrian[0]->via, "الألمانية"));
  auto p003 = ClaimsOf("003", "presence:russian_personnel");
  ASSERT_EQ(p003.size(), 1u);
  EXPECT_EQ(p003[0]->modality, "denied");
}

TEST_F(SeedsFactsTest, OtherFacts) {
  bool asapov = false;
  for (const Event& e : docs_["001"].events) {
    for (const Casualty& c : e.casualties) {
      asapov |= c.kind == "killed" && c.number.value == 1 &&
                Has(Words(docs_["001"], c.number.span), "الفريق");
    }
  }
  EXPECT_TRUE(asapov);
  const Event* su22 = EventWith("002", "shoot-down", "06-18");
  ASSERT_NE(su22, nullptr);
  EXPECT_TRUE(Has(su22->location, "الرقة"));
  bool abu_kamal = false;
  for (const Event& e : docs_["004"].events) {
    abu_kamal |= e.plover == "ASSAULT" && Has(e.location, "البوكمال");
  }
  EXPECT_TRUE(abu_kamal);
}

TEST_F(SeedsFactsTest, NothingFromTheDroppedHeadlines) {
  const Document& d = docs_["004"];
  for (const Event& e : d.events) {
    EXPECT_NE(e.mode, "suicide attack");
    EXPECT_FALSE(Has(Words(d, e.sentence), "بغداد"));
  }
  for (const Claim& c : d.claims) EXPECT_FALSE(Has(Words(d, c.span), "24"));
}

TEST_F(SeedsFactsTest, StoryComparisonFlagsBothDisagreements) {
  std::vector<const Document*> story = {&docs_["000"], &docs_["002"],
                                        &docs_["003"]};
  Comparison c = CompareStory(TestFactsLexicon(), story);
  const Disagreement* figures = nullptr;
  const Disagreement* presence = nullptr;
  for (const Disagreement& d : c.disagreements) {
    if (d.kind == "kind_and_size" && d.slots.size() == 2 &&
        d.slots[0] == "injured" && d.slots[1] == "killed_or_injured") {
      figures = &d;
    }
    if (d.kind == "assertion_vs_denial" &&
        d.slots[0] == "presence:russian_personnel") {
      presence = &d;
    }
  }
  ASSERT_NE(figures, nullptr);
  ASSERT_NE(presence, nullptr);
  std::set<int64_t> articles;
  for (int i : figures->claims) articles.insert(c.claims[i].article);
  EXPECT_EQ(articles, (std::set<int64_t>{docs_["000"].id, docs_["002"].id}));
  for (const Disagreement* d : {figures, presence}) {
    for (int i : d->claims) {
      const ComparedClaim& cc = c.claims[i];
      const Document* doc = cc.article == docs_["000"].id   ? &docs_["000"]
                            : cc.article == docs_["002"].id ? &docs_["002"]
                                                            : &docs_["003"];
      EXPECT_EQ(Words(*doc, cc.claim.span), cc.text);
      EXPECT_FALSE(cc.text.empty());
    }
  }
  EXPECT_GT(c.agreements, 0);
}

}  // namespace
}  // namespace marsad
