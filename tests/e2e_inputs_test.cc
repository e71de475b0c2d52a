// Issue 26: exports in their publishers' shapes ingest with every report's
// outlet named in Arabic and every date parsed, as JSON Lines and as CSV
// (tests/inputs/, our own sentences); --field names what the known names
// miss, and an unknown target is refused with a clear error.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/e2e_util.h"

namespace marsad::e2e {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

std::string Fixture(const std::string& name) {
  return SourceDir() + "/tests/inputs/" + name;
}

// Whether `s` holds an Arabic letter (U+0600..U+06FF: lead bytes D8..DB).
bool HasArabic(const std::string& s) {
  for (unsigned char c : s) {
    if (c >= 0xD8 && c <= 0xDB) return true;
  }
  return false;
}

// The stored articles of `db`, one JSON object each.
std::vector<json> Articles(const std::string& db) {
  RunResult r = Marsad("export --db " + db + " --what articles --format jsonl");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::vector<json> out;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(json::parse(line));
  }
  return out;
}

void ExpectEveryOutletNamedAndDated(const std::string& input,
                                    const std::string& extra = "") {
  const std::string db = TempDir("inputs") + "/m.db";
  RunResult ing = Marsad("ingest --db " + db + " " + extra + " " + input);
  ASSERT_EQ(ing.exit_code, 0) << ing.out << ing.err;
  std::vector<json> arts = Articles(db);
  ASSERT_EQ(arts.size(), 6u) << ing.out << ing.err;
  const std::set<std::string> codes = {"skynews", "alarabia", "CNN", "BBC",
                                       "france24"};
  for (const json& a : arts) {
    ASSERT_TRUE(a["outlet"].is_string()) << a.dump();
    const std::string outlet = a["outlet"];
    EXPECT_TRUE(HasArabic(outlet)) << a.dump();
    EXPECT_EQ(codes.count(outlet), 0u) << a.dump();
    ASSERT_TRUE(a["published"].is_string()) << a.dump();
    const std::string date = a["published"];
    EXPECT_EQ(date.rfind("2018-02-", 0), 0u) << a.dump();
    // A full date-time with its offset ("+04:00", or "Z" for GMT).
    EXPECT_TRUE(date.size() == 25u || (date.size() == 20u && date[19] == 'Z'))
        << date;
  }
  // The outlet without a `src` comes from its URL's host.
  EXPECT_EQ(arts[5]["outlet"], "سكاي نيوز عربية");
  EXPECT_EQ(arts[3]["outlet"], "بي بي سي عربي");
  RunResult stories = Marsad("stories --db " + db);
  ASSERT_EQ(stories.exit_code, 0) << stories.err;
  // ("CNN" is part of the display name "CNN بالعربية".)
  for (const char* c : {"skynews", "alarabia", "BBC", "france24"}) {
    EXPECT_EQ(stories.out.find(c), std::string::npos) << stories.out;
  }
}

TEST(InputsTest, Issue26InternationalCorpusShapeAsJsonLines) {
  ExpectEveryOutletNamedAndDated(Fixture("international_shape.jsonl"));
}

TEST(InputsTest, Issue26InternationalCorpusShapeAsCsv) {
  ExpectEveryOutletNamedAndDated(Fixture("international_shape.csv"));
}

TEST(InputsTest, Issue26CsvWithQuotedFieldsKeepsTheirText) {
  const std::string db = TempDir("inputs_quoted") + "/m.db";
  ASSERT_EQ(
      Marsad("ingest --db " + db + " " + Fixture("international_shape.csv"))
          .exit_code,
      0);
  bool found = false;
  for (const json& a : Articles(db)) {
    const std::string text = a["text"];
    found |= text.find("\"الطرق الجبلية قد تغلق, والرحلات قد تتأخر\"") !=
             std::string::npos;
  }
  EXPECT_TRUE(found);
}

TEST(InputsTest, Issue26FieldOptionNamesOtherFields) {
  const fs::path dir = TempDir("inputs_field");
  std::ofstream(dir / "odd.jsonl")
      << "{\"channel\": \"alarabia\", \"stamp\": \"2018-02-18T10:00:00Z\", "
         "\"story_body\": \"قال مسؤول إن الجسر الجديد سيفتح أمام المشاة "
         "الشهر المقبل بعد انتهاء أعمال البناء.\"}\n";
  const std::string db = (dir / "m.db").string();
  RunResult plain =
      Marsad("ingest --db " + db + " " + (dir / "odd.jsonl").string());
  EXPECT_NE(plain.exit_code, 0);
  EXPECT_NE(plain.err.find("--field text="), std::string::npos) << plain.err;
  RunResult mapped =
      Marsad("ingest --db " + db +
             " --field text=story_body --field outlet=channel --field "
             "date=stamp " +
             (dir / "odd.jsonl").string());
  ASSERT_EQ(mapped.exit_code, 0) << mapped.err;
  std::vector<json> arts = Articles(db);
  ASSERT_EQ(arts.size(), 1u);
  EXPECT_EQ(arts[0]["outlet"], "العربية");
  EXPECT_EQ(arts[0]["published"], "2018-02-18T10:00:00Z");
  RunResult bad = Marsad("ingest --db " + db + " --field place=loc " +
                         (dir / "odd.jsonl").string());
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.err.find("unknown target field 'place'"), std::string::npos)
      << bad.err;
}

// Issue 25, architecture step 9: the outlet names (data/clean/outlets.tsv)
// are read at start-up like every other table. With them, `--outlet skynews`
// finds the report stored under "سكاي نيوز عربية"; a data folder without the
// file stops search, ingest, extract and serve at once with an error naming
// it, where search answered the outlet as given (and found nothing) before.
TEST(InputsTest, Issue25AMissingOutletTableStopsEachCommandAtStart) {
  const std::string dir = TempDir("no_outlets");
  const std::string db = dir + "/m.db";
  const std::string input = Fixture("international_shape.jsonl");
  RunResult ing = Marsad("ingest -q --db " + db + " " + input);
  ASSERT_EQ(ing.exit_code, 0) << ing.err;
  RunResult by_id =
      Marsad("search --db " + db + " --json --outlet skynews الطريق");
  ASSERT_EQ(by_id.exit_code, 0) << by_id.err;
  EXPECT_EQ(json::parse(by_id.out)["total"], 1) << by_id.out;
  RunResult other =
      Marsad("search --db " + db + " --json --outlet alarabia الطريق");
  ASSERT_EQ(other.exit_code, 0) << other.err;
  EXPECT_EQ(json::parse(other.out)["total"], 0) << other.out;

  fs::copy(SourceDir() + "/data", dir + "/data", fs::copy_options::recursive);
  ASSERT_TRUE(fs::remove(dir + "/data/clean/outlets.tsv"));
  const std::string run =
      "MARSAD_DATA_DIR=" + dir + "/data timeout 300 " + MARSAD_BINARY + " ";
  for (const std::string& args :
       {"search --db " + db + " --outlet skynews الطريق",
        "ingest -q --db " + dir + "/n.db " + input, "extract " + input,
        "serve --db " + db + " --port 0"}) {
    RunResult r = Shell(run + args + " </dev/null");
    EXPECT_NE(r.exit_code, 0) << args << "\n" << r.out;
    EXPECT_NE(r.exit_code, 124) << args << ": did not stop";
    EXPECT_NE(r.err.find("clean/outlets.tsv"), std::string::npos)
        << args << ": " << r.err;
  }
}

}  // namespace
}  // namespace marsad::e2e
