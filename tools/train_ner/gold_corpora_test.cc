#include "tools/train_ner/gold_corpora.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "src/nlp/tags.h"

namespace marsad {
namespace {

TaggedSentence Sent(std::vector<std::string> tokens, std::vector<int> tags) {
  return TaggedSentence{std::move(tokens), std::move(tags)};
}

TEST(NerGoldCorpora, JoinsWikifaneClitics) {
  const int kO = 0, kBLoc = TagId("B-LOC"), kBPers = TagId("B-PERS");
  TaggedSentence s = JoinClitics(
      Sent({"و", "قد", "مد", "نفوذ", "ه", "ل", "الحكم", "و", "ب", "دمشق"},
           {kO, kO, kO, kO, kO, kO, kO, kO, kO, kBLoc}));
  EXPECT_EQ(s.tokens, (std::vector<std::string>{"وقد", "مد", "نفوذه", "للحكم",
                                                "وبدمشق"}));
  EXPECT_EQ(s.tags, (std::vector<int>{kO, kO, kO, kO, kBLoc}));
  // A clitic at the end of a sentence stays a token.
  s = JoinClitics(Sent({"علي", "و"}, {kBPers, kO}));
  EXPECT_EQ(s.tokens, (std::vector<std::string>{"علي", "و"}));
}

TEST(NerGoldCorpora, ParsesSpecs) {
  auto s = ParseGoldCorpusSpec("aqmar:/x/train.txt:0.5:o");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->format, "aqmar");
  EXPECT_EQ(s->path, "/x/train.txt");
  EXPECT_DOUBLE_EQ(s->weight, 0.5);
  EXPECT_EQ(s->misc, MiscMode::kToO);
  EXPECT_DOUBLE_EQ(s->hold_out, 0);
  s = ParseGoldCorpusSpec("wikifane:/x/w.tsv.gz:0.3:skip:0.1");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->misc, MiscMode::kSkipSentence);
  EXPECT_DOUBLE_EQ(s->hold_out, 0.1);
  EXPECT_FALSE(ParseGoldCorpusSpec("aqmar:/x:1:skip:1").ok());
  EXPECT_FALSE(ParseGoldCorpusSpec("aqmar:/x:1:skip:half").ok());
  EXPECT_FALSE(ParseGoldCorpusSpec("conll:/x").ok());
  EXPECT_FALSE(ParseGoldCorpusSpec("aqmar:/x:1:maybe").ok());
  EXPECT_FALSE(ParseGoldCorpusSpec("aqmar").ok());
}

TEST(NerGoldCorpora, MapsTagsAndMiscModes) {
  auto path = std::filesystem::temp_directory_path() / "gold_corpora_test.txt";
  std::ofstream(path) << "زار B-PER\nجون I-PER\nمتحف B-MIS\nاللوفر I-MIS\n\n"
                         "في O\nباريس B-LOC\n";
  GoldCorpusSpec spec{"aqmar", path.string()};
  auto keep = ReadGoldCorpus(spec);
  ASSERT_TRUE(keep.ok());
  ASSERT_EQ(keep->size(), 2u);
  EXPECT_EQ((*keep)[0].tags,
            (std::vector<int>{TagId("B-PERS"), TagId("I-PERS"), TagId("B-MISC"),
                              TagId("I-MISC")}));
  spec.misc = MiscMode::kToO;
  EXPECT_EQ((*ReadGoldCorpus(spec))[0].tags,
            (std::vector<int>{TagId("B-PERS"), TagId("I-PERS"), 0, 0}));
  spec.misc = MiscMode::kSkipSentence;
  EXPECT_EQ(ReadGoldCorpus(spec)->size(), 1u);
  spec.misc = MiscMode::kPersOnly;
  EXPECT_EQ(ReadGoldCorpus(spec)->size(), 0u);
  std::filesystem::remove(path);
}

// The held-out part is the last fraction of every sentence read (eval_ner's
// split of the same file), cut before the MISC mode drops sentences.
TEST(NerGoldCorpora, HoldsOutTheLastSentences) {
  auto path = std::filesystem::temp_directory_path() / "gold_corpora_hold.txt";
  std::ofstream(path) << "زار B-PER\n\nمتحف B-MIS\n\nفي O\nباريس B-LOC\n\n"
                         "وصل B-PER\n\nقال O\n\nعاد O\n\nفي O\nروما B-LOC\n";
  GoldCorpusSpec spec{"aqmar", path.string()};
  ASSERT_EQ(ReadGoldCorpus(spec)->size(), 7u);
  spec.hold_out = 0.3;  // 2.1 sentences, rounded: the last two
  auto held = ReadGoldCorpus(spec);
  ASSERT_TRUE(held.ok());
  ASSERT_EQ(held->size(), 5u);
  EXPECT_EQ(held->back().tokens, (std::vector<std::string>{"قال"}));
  spec.misc = MiscMode::kSkipSentence;  // the MISC sentence, not one more
  held = ReadGoldCorpus(spec);
  ASSERT_EQ(held->size(), 4u);
  EXPECT_EQ(held->back().tokens, (std::vector<std::string>{"قال"}));
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace marsad
