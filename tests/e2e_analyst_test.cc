// The analyst's next steps (issue 27) through the real binary: the brief of
// a story (golden Markdown and HTML, the PDF through Chromium) and alerts on
// new contradictions. Our own made-up reports in tests/golden/brief; the
// seeds' brief is compared with their words masked.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "tests/e2e_util.h"

namespace marsad::e2e {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

std::string GoldenDir() { return SourceDir() + "/tests/golden/brief"; }

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Compares with a golden file, or rewrites it with MARSAD_UPDATE_GOLDEN=1.
void ExpectGolden(const std::string& name, const std::string& actual) {
  std::string path = GoldenDir() + "/" + name;
  const char* update = std::getenv("MARSAD_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(fs::exists(path))
      << path << " missing (MARSAD_UPDATE_GOLDEN=1 writes it)";
  EXPECT_EQ(ReadAll(path), actual) << "differs from " << path;
}

// The story of our three reports (A and B agree on 12 dead, C says 40).
class BriefTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = TempDir("brief");
    db_ = dir_ + "/own.db";
    ingest_ = Marsad("ingest --db " + db_ + " " + GoldenDir() +
                     "/reports_ab.jsonl " + GoldenDir() + "/report_c.jsonl");
  }
  static inline std::string dir_, db_;
  static inline RunResult ingest_;
};

TEST_F(BriefTest, OwnStoryMarkdownMatchesGolden) {
  ASSERT_EQ(ingest_.exit_code, 0) << ingest_.err;
  RunResult r = Marsad("brief --db " + db_ + " 1");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ExpectGolden("own_story.md", r.out);
  // The figures of both sides, the outletless report named in words.
  EXPECT_NE(r.out.find("**12** — وزارة الصحة"), std::string::npos);
  EXPECT_NE(r.out.find("**40** — مصدر في الدفاع المدني"), std::string::npos);
  EXPECT_NE(r.out.find("وسيلة غير معروفة (التقرير 3)"), std::string::npos);
  EXPECT_NE(r.out.find("(<https://example.org/sahil/1>)"), std::string::npos);
}

TEST_F(BriefTest, OwnStoryHtmlMatchesGoldenAndFetchesNothing) {
  ASSERT_EQ(ingest_.exit_code, 0) << ingest_.err;
  std::string out = dir_ + "/brief.html";
  RunResult r = Marsad("brief --db " + db_ + " 1 --format html --out " + out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string html = ReadAll(out);
  ExpectGolden("own_story.html", html);
  EXPECT_NE(html.find("<html lang=\"ar\" dir=\"rtl\">"), std::string::npos);
  // Pasted into an email: no stylesheet, script, image or font to fetch.
  for (const char* banned :
       {"<link", "<script", "<img", "src=", "@import", "url("}) {
    EXPECT_EQ(html.find(banned), std::string::npos) << banned;
  }
}

TEST_F(BriefTest, PdfIsPrintedWhenChromiumIsPresent) {
  ASSERT_EQ(ingest_.exit_code, 0) << ingest_.err;
  const char* env = std::getenv("MARSAD_CHROMIUM");
  std::string chromium = env && *env ? env : "/usr/bin/chromium";
  if (!fs::exists(chromium)) GTEST_SKIP() << "no chromium at " << chromium;
  std::string out = dir_ + "/brief.pdf";
  RunResult r = Marsad("brief --db " + db_ + " 1 --format pdf --out " + out);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  std::string pdf = ReadAll(out);
  ASSERT_GT(pdf.size(), 1000u);
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
}

TEST_F(BriefTest, PdfWithoutChromiumSaysSo) {
  // PATH without chromium and MARSAD_CHROMIUM pointing nowhere.
  RunResult none = Shell(
      "MARSAD_CHROMIUM=/nonexistent/chromium MARSAD_DATA_DIR=" + SourceDir() +
      "/data " + MARSAD_BINARY + " brief --db " + db_ +
      " 1 --format pdf --out " + dir_ + "/none.pdf");
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.err.find("Chromium"), std::string::npos) << none.err;
  EXPECT_FALSE(fs::exists(dir_ + "/none.pdf"));
}

TEST_F(BriefTest, BadFormatAndMissingStory) {
  EXPECT_EQ(Marsad("brief --db " + db_ + " 1 --format doc").exit_code, 2);
  RunResult r = Marsad("brief --db " + db_ + " 99");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no story 99"), std::string::npos) << r.err;
}

// The seed story {000, 002, 003}: its brief's structure, the seeds' words
// masked (they are never copied into the project).
std::string MaskSeedWords(const std::string& md) {
  std::string s = std::regex_replace(md, std::regex("«[^»]*»"), "«…»");
  s = std::regex_replace(s, std::regex("# موجز القصة: [^\n]*"),
                         "# موجز القصة: …");
  s = std::regex_replace(
      s, std::regex("\n(\\d+)\\. [^\n]* \\((التقرير \\d+)\\) — "),
      "\n$1. … ($2) — ");
  return s;
}

TEST(BriefSeedsTest, SeedStoryBriefMatchesGoldenSkeleton) {
  std::string seeds = SharedDir() + "/seeds";
  if (!fs::is_directory(seeds)) GTEST_SKIP() << "no seeds at " << seeds;
  std::string db = TempDir("brief-seeds") + "/seeds.db";
  ASSERT_EQ(Marsad("ingest --db " + db + " " + seeds).exit_code, 0);
  json stories =
      json::parse(Marsad("stories --db " + db + " --json").out, nullptr, false);
  ASSERT_TRUE(stories.is_array());
  int64_t id = 0;
  for (const json& s : stories) {
    if (s.value("article_count", 0) == 3 ||
        (s.contains("articles") && s["articles"].size() == 3))
      id = s["id"].get<int64_t>();
  }
  ASSERT_NE(id, 0) << stories.dump();
  RunResult r = Marsad("brief --db " + db + " " + std::to_string(id));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("## نقاط الخلاف (2)"), std::string::npos) << r.out;
  ExpectGolden("seeds_story.skeleton.md", MaskSeedWords(r.out));
}

// Alerts on contradictions: A and B agree (no alert), C contradicts (one
// alert with C's position and span), a later ingest repeats nothing.
TEST(ContradictionAlertTest, FiresOncePerNewPositionWithItsSpan) {
  std::string dir = TempDir("alert-contradiction");
  std::string db = dir + "/a.db", out = dir + "/alerts.jsonl";
  ASSERT_EQ(
      Marsad("alert --db " + db + " add port ميناء --contradictions").exit_code,
      0);
  RunResult ab = Marsad("ingest --db " + db + " --alerts-out " + out + " " +
                        GoldenDir() + "/reports_ab.jsonl");
  ASSERT_EQ(ab.exit_code, 0) << ab.err;
  EXPECT_FALSE(fs::exists(out) && fs::file_size(out) > 0) << ReadAll(out);

  RunResult c = Marsad("ingest --db " + db + " --alerts-out " + out + " " +
                       GoldenDir() + "/report_c.jsonl");
  ASSERT_EQ(c.exit_code, 0) << c.err;
  std::istringstream lines(ReadAll(out));
  std::vector<json> alerts;
  for (std::string line; std::getline(lines, line);)
    alerts.push_back(json::parse(line));
  ASSERT_EQ(alerts.size(), 1u) << ReadAll(out);
  const json& a = alerts[0];
  EXPECT_EQ(a["alert"], "port");
  EXPECT_EQ(a["kind"], "new_position");
  EXPECT_EQ(a["point"]["kind"], "killed");
  EXPECT_EQ(a["point"]["label"], "قتلى");
  EXPECT_EQ(a["position"]["value"], "40");
  EXPECT_EQ(a["position"]["source"], "مصدر في الدفاع المدني");
  EXPECT_EQ(a["outlet"], "وسيلة غير معروفة (التقرير 3)");
  ASSERT_EQ(a["against"].size(), 1u);
  EXPECT_EQ(a["against"][0]["value"], "12");
  // The span indexes C's text and holds its words.
  std::istringstream exp(Marsad("export --db " + db + " --what articles").out);
  std::string text;
  for (std::string line; std::getline(exp, line);) {
    json art = json::parse(line);
    if (art["id"] == a["article_id"]) text = art["text"];
  }
  size_t b = a["span"]["begin"], e = a["span"]["end"];
  ASSERT_LE(e, text.size());
  EXPECT_EQ(text.substr(b, e - b), a["words"].get<std::string>());
  EXPECT_NE(a["words"].get<std::string>().find("40"), std::string::npos);

  // Another ingest (an unrelated report) and C again: nothing repeated.
  ASSERT_EQ(Marsad("ingest --db " + db + " --alerts-out " + out + " " +
                   GoldenDir() + "/report_d.jsonl")
                .exit_code,
            0);
  ASSERT_EQ(Marsad("ingest --db " + db + " --alerts-out " + out + " " +
                   GoldenDir() + "/report_c.jsonl")
                .exit_code,
            0);
  std::istringstream again(ReadAll(out));
  int n = 0;
  for (std::string line; std::getline(again, line);) ++n;
  EXPECT_EQ(n, 1);
}

TEST(ContradictionAlertTest, AWatchedStoryOnlyAndKnownPositionsDoNotFire) {
  std::string dir = TempDir("alert-story");
  std::string db = dir + "/a.db", out = dir + "/alerts.jsonl";
  // Everything is in the store before the alert: nothing is new.
  ASSERT_EQ(Marsad("ingest --db " + db + " " + GoldenDir() +
                   "/reports_ab.jsonl " + GoldenDir() + "/report_c.jsonl")
                .exit_code,
            0);
  ASSERT_EQ(Marsad("alert --db " + db + " add s1 --contradictions --story 1")
                .exit_code,
            0);
  RunResult list = Marsad("alert --db " + db + " list");
  EXPECT_NE(list.out.find("s1"), std::string::npos);
  ASSERT_EQ(Marsad("ingest --db " + db + " --alerts-out " + out + " " +
                   GoldenDir() + "/report_d.jsonl")
                .exit_code,
            0);
  EXPECT_FALSE(fs::exists(out) && fs::file_size(out) > 0) << ReadAll(out);
  // A search alert without a query is refused; removing the alert works.
  EXPECT_EQ(Marsad("alert --db " + db + " add empty").exit_code, 2);
  EXPECT_EQ(Marsad("alert --db " + db + " remove s1").exit_code, 0);
}

}  // namespace
}  // namespace marsad::e2e
