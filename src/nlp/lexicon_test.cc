// The corpus lexicon (src/nlp/lexicon.h): its codes, its file, and the
// tagger attribute it gives a word.
#include "src/nlp/lexicon.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "src/base/data.h"
#include "src/base/hash.h"
#include "src/nlp/features.h"
#include "src/nlp/gazetteer.h"
#include "src/nlp/test_text.h"
#include "src/text/test_tables.h"

namespace marsad {
namespace {

namespace fs = std::filesystem;

TEST(CorpusLexiconTest, CodesSeparateUnknownNeverAndTypes) {
  using C = CorpusLexicon::Counts;
  EXPECT_EQ(CorpusLexicon::CodeOf(C{0, 0, 0, 0, 0}), 0);
  EXPECT_EQ(CorpusLexicon::CodeOf(C{9, 0, 0, 0, 0}), 1);
  uint16_t person = CorpusLexicon::CodeOf(C{1, 30, 0, 0, 0});
  uint16_t place = CorpusLexicon::CodeOf(C{1, 0, 30, 0, 0});
  EXPECT_GT(person, 1);
  EXPECT_NE(person, place);
  // A place that is often a club: the runner-up type shows.
  EXPECT_NE(CorpusLexicon::CodeOf(C{0, 0, 20, 15, 0}),
            CorpusLexicon::CodeOf(C{0, 0, 35, 0, 0}));
  // Rare and frequent words differ.
  EXPECT_NE(CorpusLexicon::CodeOf(C{0, 3, 0, 0, 0}),
            CorpusLexicon::CodeOf(C{0, 30, 0, 0, 0}));
}

TEST(CorpusLexiconTest, FileMatchesCountsAndRejectsBadRows) {
  fs::path dir = fs::temp_directory_path() / "marsad_lexicon_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  {
    std::ofstream(dir / "good.tsv")
        << "# word\tO\tPERS\tLOC\tORG\tMISC\nشيراك\t1\t40\t0\t0\t0\n";
    std::ofstream(dir / "bad.tsv") << "شيراك\t1\tforty\t0\t0\t0\n";
  }
  auto good = CorpusLexicon::Load((dir / "good.tsv").string());
  ASSERT_TRUE(good.ok()) << good.status().ToString();
  auto made = CorpusLexicon::FromCounts({{"شيراك", {1, 40, 0, 0, 0}}});
  EXPECT_EQ((*good)->Code(Hash64("شيراك")), made->Code(Hash64("شيراك")));
  EXPECT_EQ((*good)->Code(Hash64("دمشق")), 0);
  auto bad = CorpusLexicon::Load((dir / "bad.tsv").string());
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("row 1"), std::string::npos);
  fs::remove_all(dir);
}

TEST(CorpusLexiconTest, GivesTheTaggerAnAttributeThroughProclitics) {
  auto g = Gazetteer::Load(DataPath("nlp"), TestTextTables());
  ASSERT_TRUE(g.ok());
  // Keyed like the tagger's alt key: folded, proclitics removed.
  auto lex = CorpusLexicon::FromCounts({{"شيراك", {1, 40, 0, 0, 0}}});
  FeatureExtractor with(**g, TestSegmenter(), lex.get()),
      without(**g, TestSegmenter());
  FeatureExtractor::Scratch s;
  std::vector<std::string_view> a = {"قال", "وشيراك", "أمس"};
  std::vector<uint64_t> f1, f2;
  with.Extract(a, &s, &f1);
  without.Extract(a, &s, &f2);
  const int P = FeatureExtractor::kFeaturesPerToken;
  const int slot = 1 + FeatureExtractor::kCorpus;
  EXPECT_NE(f1[P + slot], f2[P + slot]);  // وشيراك found as شيراك
  EXPECT_EQ(f1[slot], f2[slot]);          // قال is not in this lexicon
}

// The pattern lexicon is the same kind of table in another slot: a word the
// corpus writes after حزب gets it, here through its conjunction.
TEST(CorpusLexiconTest, PatternLexiconHasItsOwnSlot) {
  auto g = Gazetteer::Load(DataPath("nlp"), TestTextTables());
  ASSERT_TRUE(g.ok());
  auto patterns = CorpusLexicon::FromCounts({{"الليكود", {6, 0, 0, 5, 0}}});
  FeatureExtractor with(**g, TestSegmenter(), nullptr, patterns.get()),
      without(**g, TestSegmenter());
  FeatureExtractor::Scratch s;
  std::vector<std::string_view> a = {"وقال", "والليكود", "أمس"};
  std::vector<uint64_t> f1, f2;
  with.Extract(a, &s, &f1);
  without.Extract(a, &s, &f2);
  const int P = FeatureExtractor::kFeaturesPerToken;
  const int slot = 1 + FeatureExtractor::kPattern;
  EXPECT_NE(f1[P + slot], f2[P + slot]);
  EXPECT_EQ(f1[P + 1 + FeatureExtractor::kCorpus],
            f2[P + 1 + FeatureExtractor::kCorpus]);
  EXPECT_EQ(f1[slot], f2[slot]);
}

}  // namespace
}  // namespace marsad
