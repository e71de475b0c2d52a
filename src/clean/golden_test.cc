// Golden-file tests of the cleaning stage: tests/golden/clean/*.{txt,html}
// each hold an input, a line "----", and the expected rendering of the
// cleaned document (metadata fields, the text, the removed blocks).
// MARSAD_UPDATE_GOLDEN=1 rewrites the expected part after a reviewed change.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "src/base/file.h"
#include "src/clean/clean.h"
#include "src/clean/test_lexicon.h"
#include "src/text/test_tables.h"

namespace marsad {
namespace {

namespace fs = std::filesystem;
constexpr std::string_view kSeparator = "\n----\n";

std::string Render(const Document& d) {
  std::string out;
  auto field = [&](const char* name, const std::string& v) {
    if (!v.empty()) out += std::string(name) + ": " + v + "\n";
  };
  field("title", d.title);
  field("standfirst", d.standfirst);
  field("outlet", d.outlet);
  field("agency", d.agency);
  field("author", d.author);
  field("published", d.published);
  field("modified", d.modified);
  field("url", d.url);
  field("section", d.section);
  field("language", d.language);
  out += "text:\n" + d.text + "\nremoved:\n";
  for (const RemovedBlock& r : d.removed)
    out += "[" + r.reason + "] " + r.text + "\n";
  return out;
}

std::vector<fs::path> GoldenFiles() {
  std::vector<fs::path> files;
  fs::path dir = fs::path(MARSAD_SOURCE_DIR) / "tests" / "golden" / "clean";
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string ext = e.path().extension().string();
    if (ext == ".txt" || ext == ".html") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(GoldenTest, CleanStage) {
  std::vector<fs::path> files = GoldenFiles();
  ASSERT_GE(files.size(), 6u) << "golden files missing";
  bool update = std::getenv("MARSAD_UPDATE_GOLDEN") != nullptr;
  for (const fs::path& path : files) {
    SCOPED_TRACE(path.filename().string());
    auto content = ReadFile(path.string());
    ASSERT_TRUE(content.ok());
    size_t sep = content->find(kSeparator);
    if (sep == std::string::npos && update)
      sep = content->size() - 1;  // new file
    ASSERT_NE(sep, std::string::npos) << "no ---- line";
    Document d;
    d.format = path.extension() == ".html" ? "html" : "txt";
    d.raw = content->substr(0, sep + 1);
    ASSERT_TRUE(
        CleanDocument(TestCleanLexicon(), TestTextTables().normalizer(), &d)
            .ok());
    std::string got = Render(d);
    std::string want =
        content->substr(std::min(sep + kSeparator.size(), content->size()));
    if (update) {
      ASSERT_TRUE(WriteFileAtomic(path.string(), d.raw + "----\n" + got).ok());
      continue;
    }
    EXPECT_EQ(got, want);
  }
}

}  // namespace
}  // namespace marsad
