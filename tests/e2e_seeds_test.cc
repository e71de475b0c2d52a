// The five seed reports through the real binary (issue 2): three stories,
// the outlets and dates of ../shared/seeds/EXPECTED.md, no furniture.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "tests/e2e_util.h"

namespace marsad::e2e {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

class SeedsTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    seeds_ = SharedDir() + "/seeds";
    if (!fs::is_directory(seeds_)) return;
    db_ = TempDir("seeds") + "/seeds.db";
    ingest_ = Marsad("ingest --db " + db_ + " " + seeds_);
    RunResult exp = Marsad("export --db " + db_ + " --what articles");
    std::istringstream lines(exp.out);
    std::string line;
    while (std::getline(lines, line)) {
      json a = json::parse(line);
      std::string name = fs::path(a["source"].get<std::string>()).filename();
      articles_[name.substr(0, 3)] = a;
    }
    RunResult st = Marsad("stories --db " + db_ + " --json");
    stories_ = json::parse(st.out, nullptr, false);
  }
  void SetUp() override {
    if (!fs::is_directory(seeds_)) GTEST_SKIP() << "no seeds at " << seeds_;
  }
  static std::string Text(const std::string& id) {
    return articles_.count(id) ? articles_[id].value("text", "") : "";
  }
  static std::string SeedLine(const std::string& prefix, int line_no) {
    for (const auto& e : fs::directory_iterator(seeds_)) {
      if (e.path().filename().string().rfind(prefix, 0) != 0) continue;
      std::ifstream in(e.path());
      std::string line;
      for (int i = 0; i <= line_no && std::getline(in, line); ++i) {
      }
      return line;
    }
    return "";
  }

  static inline std::string seeds_, db_;
  static inline RunResult ingest_;
  static inline std::map<std::string, json> articles_;
  static inline json stories_;
};

TEST_F(SeedsTest, IngestsAllFive) {
  EXPECT_EQ(ingest_.exit_code, 0) << ingest_.out << ingest_.err;
  EXPECT_EQ(articles_.size(), 5u);
}

TEST_F(SeedsTest, ThreeStories) {
  ASSERT_EQ(articles_.size(), 5u);
  auto story = [](const std::string& id) { return articles_[id]["story"]; };
  EXPECT_EQ(story("000"), story("002"));
  EXPECT_EQ(story("000"), story("003"));
  EXPECT_NE(story("000"), story("001"));
  EXPECT_NE(story("000"), story("004"));
  EXPECT_NE(story("001"), story("004"));
  ASSERT_TRUE(stories_.is_array());
  EXPECT_EQ(stories_.size(), 3u);
}

TEST_F(SeedsTest, StoriesAreLinkedAsRelated) {
  ASSERT_TRUE(stories_.is_array());
  for (const json& s : stories_) {
    EXPECT_FALSE(s["related"].empty())
        << "story " << s["id"] << " has no related story";
  }
}

TEST_F(SeedsTest, OutletsAgencyAndDates) {
  ASSERT_EQ(articles_.size(), 5u);
  EXPECT_EQ(articles_["000"]["outlet"], "الثورة");
  EXPECT_EQ(articles_["002"]["outlet"], "سيريانيوز");
  EXPECT_EQ(articles_["004"]["outlet"], "ميدل ايست أونلاين");
  EXPECT_TRUE(articles_["003"]["outlet"].is_null())
      << articles_["003"]["outlet"];
  EXPECT_EQ(articles_["001"]["agency"], "سانا");
  EXPECT_EQ(articles_["004"]["published"].get<std::string>().substr(0, 10),
            "2017-11-14");
  EXPECT_TRUE(articles_["003"]["title"].is_null());
  EXPECT_EQ(articles_["004"]["title"].get<std::string>().rfind(
                "موسكو تتهم أميركا", 0),
            0u);
}

TEST_F(SeedsTest, NoFurnitureInAnyText) {
  ASSERT_EQ(articles_.size(), 5u);
  const char* furniture[] = {"قد يعجبك ايضا",
                             "إضافة تعليق جديد",
                             "المصدر:",
                             "المواضيع الأكثر قراءة",
                             "SHARE",
                             "close",
                             "تم أضافة تعليقك",
                             "First Published",
                             ">>",
                             "24 قتيلا بهجوم انتحاري شمال بغداد",
                             "فرنسا تقر موازنة",
                             "عون يدافع عن حزب الله",
                             "الثورة/",
                             "سيريانيوز",
                             "ميدل ايست أونلاين"};
  for (const auto& [id, a] : articles_) {
    std::string text = a.value("text", "");
    for (const char* f : furniture) {
      EXPECT_EQ(text.find(f), std::string::npos)
          << id << " keeps furniture: " << f;
    }
  }
}

TEST_F(SeedsTest, RepeatedLeadKeptOnceAndRealContentKept) {
  std::string lead = SeedLine("002", 2);  // the paragraph after the title
  ASSERT_GT(lead.size(), 100u);
  std::string probe = lead.substr(0, 80);
  std::string t = Text("002");
  size_t first = t.find(probe);
  ASSERT_NE(first, std::string::npos);
  EXPECT_EQ(t.find(probe, first + 1), std::string::npos)
      << "lead paragraph twice";
  EXPECT_NE(Text("001").find("الدفاع الروسية: لم نحصل على توضيح"),
            std::string::npos);
  EXPECT_NE(Text("004").find("الولايات المتحدة تتظاهر بقتال الإرهاب"),
            std::string::npos);
  EXPECT_NE(Text("003").find("سيرجى ريابكوف"), std::string::npos);
}

TEST_F(SeedsTest, ReingestAddsNothing) {
  RunResult again = Marsad("ingest --db " + db_ + " " + seeds_);
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("0 stored"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("5 already stored"), std::string::npos) << again.out;
}

// marsad export --what points (issue 22): the story comparison of every
// story in the API's shape; the strike story flags exactly the two
// disagreements of EXPECTED.md, and CSV gives one row per position.
TEST_F(SeedsTest, ExportPointsFlagsExactlyTheTwoDisagreements) {
  ASSERT_EQ(articles_.size(), 5u);
  RunResult exp = Marsad("export --db " + db_ + " --what points");
  ASSERT_EQ(exp.exit_code, 0) << exp.err;
  const json strike = articles_["002"]["story"];
  std::istringstream lines(exp.out);
  std::string line;
  std::map<std::string, json> contested;
  int points = 0;
  while (std::getline(lines, line)) {
    json p = json::parse(line);
    if (p["story"] != strike) continue;
    ++points;
    EXPECT_FALSE(p.value("label", "").empty());
    if (p["contested"] == true) contested[p["kind"].get<std::string>()] = p;
  }
  EXPECT_GT(points, 2);
  ASSERT_EQ(contested.size(), 2u) << exp.out;
  std::set<std::string> values, modalities;
  for (const json& pos : contested["killed_or_injured"]["positions"])
    values.insert(pos["value"]);
  for (const json& pos : contested["presence"]["positions"])
    modalities.insert(pos["modality"]);
  EXPECT_TRUE(values.count("25") && values.count("~150"))
      << contested["killed_or_injured"].dump();
  EXPECT_TRUE(modalities.count("asserted") && modalities.count("denied"));
  for (const auto& [kind, p] : contested) {
    for (const json& pos : p["positions"]) {
      ASSERT_FALSE(pos["claims"].empty());
      const json& c = pos["claims"][0];
      std::string text;
      for (const auto& [id, a] : articles_) {
        if (a["id"] == c["article"]) text = a.value("text", "");
      }
      size_t b = c["span"]["begin"], e = c["span"]["end"];
      ASSERT_LE(e, text.size());
      EXPECT_EQ(text.substr(b, e - b), c["text"].get<std::string>());
    }
  }
  RunResult csv = Marsad("export --db " + db_ + " --what points --format csv");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind("story,rank,kind,label,about,scope,contested,"
                          "timeline,position,value,",
                          0),
            0u)
      << csv.out.substr(0, 200);
}

}  // namespace
}  // namespace marsad::e2e
