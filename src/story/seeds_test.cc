// The five seed reports (../shared/seeds, see EXPECTED.md): three stories,
// {000, 002, 003}, {001} and {004}, all three linked as related.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "src/base/file.h"
#include "src/story/story_index.h"
#include "src/story/test_tables.h"
#include "src/text/analyze.h"
#include "src/text/test_tables.h"
#ifdef MARSAD_HAVE_CLEAN
#include "src/clean/clean.h"
#include "src/clean/test_lexicon.h"
#endif
#ifdef MARSAD_HAVE_NLP
#include "src/nlp/entities.h"
#endif

namespace marsad {
namespace {

const char* kSeeds[] = {"000_95382a98b4e2d13a.txt", "001_98c889641a669656.txt",
                        "002_f39a727b267a0778.txt", "003_ec78a9380f52c065.txt",
                        "004_d38ce0d4f4cf5e4f.txt"};

bool Linked(const StoryIndex& index, int64_t a, int64_t b) {
  std::vector<int64_t> rel = index.Info(a)->related;
  return std::find(rel.begin(), rel.end(), b) != rel.end();
}

TEST(SeedsTest, ThreeStoriesLinkedAsRelated) {
  const std::string dir = std::string(MARSAD_SHARED_DIR) + "/seeds";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << dir << " is absent";
#ifdef MARSAD_HAVE_NLP
  // Entities are part of the score, as ingest computes it.
  StatusOr<std::unique_ptr<EntityAnnotator>> entities =
      EntityAnnotator::Create();
  ASSERT_TRUE(entities.ok()) << entities.status().ToString();
#endif
  StoryIndex index(TestTextTables());
  int64_t story[5];
  for (int i = 0; i < 5; ++i) {
    StatusOr<std::string> raw = ReadFile(dir + "/" + kSeeds[i]);
    ASSERT_TRUE(raw.ok()) << raw.status().ToString();
    Document doc;
    doc.raw = *raw;
    doc.format = "txt";
#ifdef MARSAD_HAVE_CLEAN
    ASSERT_TRUE(
        CleanDocument(TestCleanLexicon(), TestTextTables().normalizer(), &doc)
            .ok());
#else
    doc.text = doc.raw;
#endif
    TextAnalysis a;
    a.Build(doc.text, TestTextTables());
    AnalyzeText(TestTextTables(), a, &doc);
#ifdef MARSAD_HAVE_NLP
    (*entities)->Annotate(a, &doc);
#endif
    story[i] =
        index.Add(i + 1, doc, ComputeStoryFeatures(TestStoryTables(), doc, a))
            .story_id;
  }
  EXPECT_EQ(story[0], story[2]);
  EXPECT_EQ(story[0], story[3]);
  EXPECT_NE(story[0], story[1]);
  EXPECT_NE(story[0], story[4]);
  EXPECT_NE(story[1], story[4]);
  EXPECT_TRUE(Linked(index, story[0], story[1]));
  EXPECT_TRUE(Linked(index, story[0], story[4]));
  EXPECT_TRUE(Linked(index, story[1], story[4]));
}

}  // namespace
}  // namespace marsad
