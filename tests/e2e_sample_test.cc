// The bundled sample corpus (data/sample) through the real binary: the
// grouping and metadata that data/sample/EXPECTED.tsv records, and the demo.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/e2e_util.h"

namespace marsad::e2e {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

struct Expected {
  std::string story_key, outlet, published;
};

std::map<std::string, Expected> ReadExpected(const std::string& path) {
  std::map<std::string, Expected> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string x;
    while (std::getline(ss, x, '\t')) f.push_back(x);
    if (f.size() < 2 || f[0] == "file") continue;
    f.resize(4);
    out[f[0]] = {f[1], f[2], f[3]};
  }
  return out;
}

// "…/data/sample/x.jsonl#2" -> "x.jsonl#2"
std::string Key(const std::string& source, const std::string& root) {
  return source.rfind(root, 0) == 0 ? source.substr(root.size() + 1) : source;
}

TEST(SampleTest, GroupingAndMetadataMatchExpected) {
  std::string sample = SourceDir() + "/data/sample";
  auto expected = ReadExpected(sample + "/EXPECTED.tsv");
  ASSERT_GE(expected.size(), 20u);
  std::string db = TempDir("sample") + "/s.db";
  RunResult ing = Marsad("ingest --db " + db + " " + sample);
  ASSERT_EQ(ing.exit_code, 0) << ing.out << ing.err;

  RunResult exp = Marsad("export --db " + db + " --what articles");
  std::map<std::string, json> got;
  std::istringstream lines(exp.out);
  std::string line;
  while (std::getline(lines, line)) {
    json a = json::parse(line);
    got[Key(a["source"], sample)] = a;
  }
  ASSERT_EQ(got.size(), expected.size());
  for (const auto& [file, e] : expected) {
    ASSERT_TRUE(got.count(file)) << "not stored: " << file;
    const json& a = got[file];
    if (!e.outlet.empty()) EXPECT_EQ(a["outlet"], e.outlet) << file;
    if (!e.published.empty()) {
      ASSERT_TRUE(a["published"].is_string()) << file;
      EXPECT_EQ(a["published"].get<std::string>().substr(0, 10), e.published) << file;
    }
  }
  // Same story key <=> same story id, for every pair.
  for (const auto& [f1, e1] : expected) {
    for (const auto& [f2, e2] : expected) {
      if (f1 >= f2) continue;
      bool same = got[f1]["story"] == got[f2]["story"];
      EXPECT_EQ(same, e1.story_key == e2.story_key)
          << f1 << " (" << e1.story_key << ") vs " << f2 << " (" << e2.story_key << ")";
    }
  }
}

TEST(SampleTest, DemoPrintsStories) {
  std::string dir = TempDir("demo");
  RunResult r = Shell("cd " + dir + " && MARSAD_DATA_DIR=" + SourceDir() + "/data " +
                      MARSAD_BINARY + " demo");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("stories, newest first"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Explore:"), std::string::npos);
  EXPECT_TRUE(fs::exists(dir + "/marsad-demo.db"));
}

}  // namespace
}  // namespace marsad::e2e
