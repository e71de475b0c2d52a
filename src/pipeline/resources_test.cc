// Resources::Load on the source tree's data/ and models/, and on copies of
// them with one file missing or damaged: each kind of failure is a Status
// naming the file, never a warning and a stage switched off.
#include "src/pipeline/resources.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "src/base/file.h"
#include "src/clean/lexicon.h"
#include "src/nlp/entities.h"
#include "src/pipeline/pipeline.h"
#include "src/text/normalize.h"
#include "src/text/tables.h"

namespace marsad {
namespace {

namespace fs = std::filesystem;

const std::string kData = std::string(MARSAD_SOURCE_DIR) + "/data";
const std::string kModels = std::string(MARSAD_SOURCE_DIR) + "/models";

// A copy of data/ and models/ made of symbolic links, one per file, in
// which a test removes or replaces files without touching the tree.
class ResourcesTest : public testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::path(testing::TempDir()) /
            ("marsad_resources_test_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    Mirror(kData, root_ / "data");
    Mirror(kModels, root_ / "models");
  }
  void TearDown() override { fs::remove_all(root_); }

  static void Mirror(const fs::path& from, const fs::path& to) {
    for (const auto& e : fs::recursive_directory_iterator(from)) {
      fs::path rel = fs::relative(e.path(), from);
      if (e.is_directory()) {
        fs::create_directories(to / rel);
      } else {
        fs::create_directories((to / rel).parent_path());
        fs::create_symlink(e.path(), to / rel);
      }
    }
  }
  // Replaces the link `rel` (under root_) by a file holding `content`.
  void Write(const std::string& rel, const std::string& content) {
    fs::remove(root_ / rel);
    std::ofstream(root_ / rel, std::ios::binary) << content;
  }
  std::string Original(const std::string& rel) {
    auto bytes = ReadFile(fs::read_symlink(root_ / rel).string());
    EXPECT_TRUE(bytes.ok()) << bytes.status().ToString();
    return bytes.ok() ? *bytes : "";
  }
  Status LoadCopy() {
    auto r =
        Resources::Load((root_ / "data").string(), (root_ / "models").string());
    return r.ok() ? Status::OK() : r.status();
  }
  fs::path root_;
};

TEST_F(ResourcesTest, LoadsTheSourceTreeAndTheStagesUseIt) {
  auto r = Resources::Load(kData, kModels);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)->normalizer().FoldKey("أحمد"), "احمد");
  // The text tables fold with the Resources' own normalizer and segmenter.
  EXPECT_EQ(&(*r)->text_tables().normalizer(), &(*r)->normalizer());
  EXPECT_EQ(&(*r)->text_tables().segmenter(), &(*r)->segmenter());
  EXPECT_NE((*r)->clean_lexicon().OutletById("aawsat"), nullptr);
  ASSERT_NE((*r)->facts_lexicon(), nullptr);
  auto processor = DocumentProcessor::Create(**r);
  ASSERT_TRUE(processor.ok()) << processor.status().ToString();
  Document doc;
  doc.text = "وقال وزير الخارجية فيصل بن فرحان في الرياض إن المحادثات مستمرة.";
  (*processor)->Analyze(&doc);
  bool riyadh = false;
  for (const EntityMention& e : doc.entities) {
    riyadh |= e.span.In(doc.text) == "الرياض";
  }
  EXPECT_TRUE(riyadh);
}

TEST_F(ResourcesTest, AMissingFileOfEachKindIsAnErrorNamingIt) {
  ASSERT_TRUE(LoadCopy().ok()) << LoadCopy().ToString();
  for (const char* rel : {"data/text/fold.tsv",
                          "data/text/display.tsv",
                          "data/clean/furniture.tsv",
                          "data/clean/outlets.tsv",
                          "data/facts/reporting_cues.tsv",
                          "data/facts/places.tsv",
                          "data/facts/points.tsv",
                          "data/facts/parties.tsv",
                          "data/nlp/places_curated.tsv",
                          "data/nlp/world_places.tsv",
                          "data/text/lexicon.tsv",
                          "data/text/segment_exceptions.tsv",
                          "data/text/months.tsv",
                          "data/text/date_words.tsv",
                          "data/text/number_words.tsv",
                          "data/text/number_cues.tsv",
                          "data/text/units.tsv",
                          "data/text/dual_nouns.tsv",
                          "data/text/abbreviations.tsv",
                          "data/nlp/name_variants.tsv",
                          "data/story/idf.tsv",
                          "data/story/synonyms.tsv",
                          "data/nlp/geonames_places.tsv",
                          "data/nlp/corpus_labels.tsv",
                          "models/ner_model.bin"}) {
    fs::path target = fs::read_symlink(root_ / rel);
    fs::remove(root_ / rel);
    Status st = LoadCopy();
    EXPECT_FALSE(st.ok()) << rel;
    EXPECT_NE(st.message().find((root_ / rel).string()), std::string::npos)
        << rel << ": " << st.ToString();
    fs::create_symlink(target, root_ / rel);
  }
}

TEST_F(ResourcesTest, ATruncatedModelIsAnErrorNamingIt) {
  std::string model = Original("models/ner_model.bin");
  ASSERT_GT(model.size(), 1000u);
  for (size_t keep : {size_t{3}, size_t{20}, model.size() / 2}) {
    Write("models/ner_model.bin", model.substr(0, keep));
    Status st = LoadCopy();
    EXPECT_FALSE(st.ok()) << keep;
    EXPECT_NE(st.message().find("ner_model.bin"), std::string::npos)
        << keep << ": " << st.ToString();
  }
  Write("models/ner_model.bin", "not a model at all");
  EXPECT_NE(LoadCopy().message().find("ner_model.bin"), std::string::npos);
}

// A table cut short in the middle of a row, or with a row that cannot be
// read, is reported with its name, one table of each loader.
TEST_F(ResourcesTest, ADamagedTableIsAnErrorNamingIt) {
  struct Case {
    const char* rel;
    std::string content;
  };
  std::string cues = Original("data/facts/reporting_cues.tsv");
  size_t cut = cues.rfind('\t');
  ASSERT_NE(cut, std::string::npos);
  std::string furniture = Original("data/clean/furniture.tsv");
  std::string points = Original("data/facts/points.tsv");
  std::string parties = Original("data/facts/parties.tsv");
  const Case cases[] = {
      {"data/facts/reporting_cues.tsv", cues.substr(0, cut)},  // cut short
      {"data/text/fold.tsv", "0622\tXYZ\n"},                   // bad hex
      {"data/text/display.tsv", "not-a-range\n"},
      {"data/text/lexicon.tsv", "في\t302610\nمن\n"},  // no count
      {"data/text/lexicon.tsv", "في\tmany\n"},
      {"data/clean/furniture.tsv", furniture + "شارك\n"},  // one field
      {"data/nlp/geonames_places.tsv", "الرياض\t1\n"},
      {"data/facts/points.tsv", points + "نفى\n"},     // no class
      {"data/facts/parties.tsv", parties + "داعش\n"},  // no key
      {"data/nlp/world_places.tsv", "tz:X\tمكان\tPlace\tPPL\n"},
      // The text core's tables (TextTables): a row short of a field, a
      // number that does not parse.
      {"data/text/months.tsv", "يناير\t1\n"},
      {"data/text/months.tsv", "يناير\tone\tgregorian\tegypt\n"},
      {"data/text/date_words.tsv", "أمس\tday\n"},
      {"data/text/date_words.tsv", "أمس\tday\tyesterday\n"},
      {"data/text/number_words.tsv", "خمسة\t5\n"},
      {"data/text/number_words.tsv", "خمسة\tfive\tunit\n"},
      {"data/text/number_cues.tsv", "نحو\tapprox\n"},
      {"data/text/units.tsv", "كيلومتر\n"},
      {"data/text/abbreviations.tsv", "د ب ا\n"},
      // The skeletons' name variants (step 6): a row without its skeleton,
      // a skeleton without its "~".
      {"data/nlp/name_variants.tsv", "mogherini\n"},
      {"data/nlp/name_variants.tsv", "mogherini\tmgrn\n"},
      // The story tables (StoryTables): no document count, a count that
      // does not parse, a synonym without its canonical word.
      {"data/story/idf.tsv", "في\t29489\n"},
      {"data/story/idf.tsv", "__N__\t31030\nفي\tmany\n"},
      {"data/story/synonyms.tsv", "هزة\n"},
  };
  for (const Case& c : cases) {
    std::string name = fs::path(c.rel).filename().string();
    Write(c.rel, c.content);
    Status st = LoadCopy();
    EXPECT_FALSE(st.ok()) << c.rel;
    EXPECT_NE(st.message().find(name), std::string::npos)
        << c.rel << ": " << st.ToString();
    fs::remove(root_ / c.rel);
    fs::create_symlink(fs::path(MARSAD_SOURCE_DIR) / c.rel, root_ / c.rel);
  }
  EXPECT_TRUE(LoadCopy().ok());
}

TEST(ResourcesOrLoadTest, GivenResourcesAreUsedAsTheyAre) {
  auto r = Resources::Load(kData, kModels);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::unique_ptr<const Resources> owned;
  auto got = ResourcesOrLoad(r->get(), &owned);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(*got, r->get());
  EXPECT_EQ(owned, nullptr);
}

}  // namespace
}  // namespace marsad
