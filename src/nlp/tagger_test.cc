// Tags and chunks, ANERcorp reading, the model file and its decoder.
#include "src/nlp/tagger.h"

#include <gtest/gtest.h>
#include <zstd.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "src/base/data.h"
#include "src/nlp/conll.h"
#include "src/nlp/features.h"
#include "src/nlp/gazetteer.h"
#include "src/nlp/tags.h"
#include "src/nlp/test_text.h"
#include "src/text/test_tables.h"

namespace marsad {
namespace {

std::vector<int> Tags(std::initializer_list<std::string_view> names) {
  std::vector<int> out;
  for (auto n : names) out.push_back(TagId(n));
  return out;
}

TEST(TagsTest, ChunksFollowConlleval) {
  std::vector<Chunk> c;
  TagChunks(Tags({"B-PERS", "I-PERS", "O", "I-LOC", "B-LOC", "B-LOC", "I-ORG"}),
            &c);
  ASSERT_EQ(c.size(), 5u);
  EXPECT_EQ(c[0], (Chunk{0, 2, 1}));
  EXPECT_EQ(c[1], (Chunk{3, 4, 2}));  // I- after O starts a chunk
  EXPECT_EQ(c[2], (Chunk{4, 5, 2}));
  EXPECT_EQ(c[3], (Chunk{5, 6, 2}));
  EXPECT_EQ(c[4], (Chunk{6, 7, 3}));  // I-ORG after B-LOC starts one too
  // I-ORG after B-LOC is not a continuation: a third kind of chunk start.
  TagChunks(Tags({"B-LOC", "I-ORG"}), &c);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[1], (Chunk{1, 2, 3}));
}

TEST(TagsTest, CountsAreExactSpanAndType) {
  NerCounts c;
  c.Add(Tags({"B-PERS", "I-PERS", "O", "B-LOC"}),
        Tags({"B-PERS", "O", "O", "B-LOC"}));
  EXPECT_EQ(c.tp[2], 1);
  EXPECT_EQ(c.fp[1], 1);
  EXPECT_EQ(c.fn[1], 1);
  EXPECT_DOUBLE_EQ(c.Precision(0), 0.5);
  EXPECT_DOUBLE_EQ(c.Recall(0), 0.5);
  EXPECT_DOUBLE_EQ(c.F1(2), 1.0);
}

TEST(TagsTest, NoveltySplitsRecallBySeenNames) {
  NoveltyCounts n;
  n.AddTraining({"زار", "سيرغي", "ريابكوف", "دمشق"},
                Tags({"O", "B-PERS", "I-PERS", "B-LOC"}));
  n.AddTraining({"نادي", "دمشق"}, Tags({"O", "B-ORG"}));
  n.AddTraining({"الأردن"}, Tags({"B-ORG"}));
  EXPECT_EQ(n.KindOf("سيرغي ريابكوف", 1), NoveltyCounts::kSeen);
  EXPECT_EQ(n.KindOf("ريابكوف", 1), NoveltyCounts::kUnseen);  // part only
  EXPECT_EQ(n.KindOf("دمشق", 3), NoveltyCounts::kSeen);       // LOC and ORG
  EXPECT_EQ(n.KindOf("الأردن", 2), NoveltyCounts::kOtherType);
  // Gold: a seen person (found), a place read only as an organisation
  // (missed), an unseen place (found) and an unseen person (missed).
  n.Add({"سيرغي", "ريابكوف", "في", "الأردن", "و", "عمان", "مع", "لافروف"},
        Tags({"B-PERS", "I-PERS", "O", "B-LOC", "O", "B-LOC", "O", "B-PERS"}),
        Tags({"B-PERS", "I-PERS", "O", "B-ORG", "O", "B-LOC", "O", "O"}));
  EXPECT_EQ(n.Gold(NoveltyCounts::kSeen), 1);
  EXPECT_EQ(n.Found(NoveltyCounts::kSeen), 1);
  EXPECT_EQ(n.Gold(NoveltyCounts::kOtherType), 1);
  EXPECT_EQ(n.Found(NoveltyCounts::kOtherType), 0);
  EXPECT_EQ(n.Gold(NoveltyCounts::kUnseen), 2);
  EXPECT_DOUBLE_EQ(n.Recall(NoveltyCounts::kUnseen), 0.5);
}

TEST(TagsTest, CleansAnercorpNoise) {
  EXPECT_EQ(CleanTag("B-ERS"), "B-PERS");
  EXPECT_EQ(CleanTag("IPERS"), "I-PERS");
  EXPECT_EQ(CleanTag("b-misc"), "B-MISC");
  EXPECT_EQ(CleanTag("B-OEG"), "B-ORG");
  EXPECT_EQ(CleanTag("o"), "O");
  EXPECT_EQ(CleanTag("X-Y"), "");
  EXPECT_FALSE(TagTransitionAllowed(0, TagId("I-LOC")));
  EXPECT_FALSE(TagTransitionAllowed(-1, TagId("I-LOC")));
  EXPECT_TRUE(TagTransitionAllowed(TagId("B-LOC"), TagId("I-LOC")));
}

TEST(TagsTest, BilouRoundTripsThroughBio) {
  // Conlleval reading: "I-LOC" after O opens a chunk, so it becomes U-LOC.
  std::vector<int> bio = Tags({"B-PERS", "I-PERS", "I-PERS", "O", "B-LOC",
                               "I-LOC", "I-ORG", "B-MISC", "O", "I-LOC"});
  std::vector<int> model;
  BioToModelTags(bio, &model);
  EXPECT_EQ(model, (std::vector<int>{
                       ModelTag(1, Bilou::kB), ModelTag(1, Bilou::kI),
                       ModelTag(1, Bilou::kL), 0, ModelTag(2, Bilou::kB),
                       ModelTag(2, Bilou::kL), ModelTag(3, Bilou::kU),
                       ModelTag(4, Bilou::kU), 0, ModelTag(2, Bilou::kU)}));
  std::vector<int> back;
  for (int m : model) back.push_back(ModelTagToBio(m));
  EXPECT_EQ(back, Tags({"B-PERS", "I-PERS", "I-PERS", "O", "B-LOC", "I-LOC",
                        "B-ORG", "B-MISC", "O", "B-LOC"}));
  EXPECT_TRUE(ModelTransitionAllowed(-1, ModelTag(2, Bilou::kU)));
  EXPECT_FALSE(ModelTransitionAllowed(-1, ModelTag(2, Bilou::kL)));
  EXPECT_FALSE(ModelTransitionAllowed(ModelTag(2, Bilou::kB), 0));
  EXPECT_FALSE(
      ModelTransitionAllowed(ModelTag(2, Bilou::kB), ModelTag(3, Bilou::kL)));
  EXPECT_TRUE(
      ModelTransitionAllowed(ModelTag(2, Bilou::kI), ModelTag(2, Bilou::kL)));
  EXPECT_TRUE(
      ModelTransitionAllowed(ModelTag(2, Bilou::kL), ModelTag(2, Bilou::kB)));
  EXPECT_FALSE(ModelTagMayEnd(ModelTag(1, Bilou::kI)));
}

TEST(ConllTest, SplitsOnBlankLinesAndFinalPunctuation) {
  ConllOptions o;
  o.split_on_final_punct = true;
  auto s = ParseConll("أ\tB-LOC\nب\tO\n.\tO\nج\tB-PERS\n\nد\tO\n", o);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_EQ(s->size(), 3u);
  EXPECT_EQ((*s)[0].tokens.size(), 3u);
  EXPECT_EQ((*s)[1].tags, Tags({"B-PERS"}));
}

TEST(ConllTest, RepairsOrRejectsNoise) {
  std::string text =
      "B-PERS\tسمير\n O\nكلمة O\nأ\u200f\t\u200f\tI-ORG\nب\tZZZ\n";
  ConllOptions strict;
  auto bad = ParseConll(text, strict);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("line 1"), std::string::npos)
      << bad.status().ToString();
  ConllOptions repair;
  repair.repair = true;
  auto s = ParseConll(text, repair);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_EQ(s->size(), 1u);
  const TaggedSentence& t = (*s)[0];
  ASSERT_EQ(t.tokens.size(), 4u);
  EXPECT_EQ(t.tokens[0], "سمير");  // swapped columns
  EXPECT_EQ(t.tags[0], TagId("B-PERS"));
  EXPECT_EQ(t.tokens[1], "كلمة");        // space instead of tab
  EXPECT_EQ(t.tokens[2], "أ");           // invisible marks dropped
  EXPECT_EQ(t.tags[2], TagId("B-ORG"));  // I- after O is read as B-
  EXPECT_EQ(t.tags[3], TagId("O"));      // unreadable tag
}

TEST(ConllTest, UntaggedInputKeepsFirstField) {
  ConllOptions o;
  o.tagged = false;
  auto s = ParseConll("موسكو\tB-LOC\nتقول\n\nنعم\n", o);
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(s->size(), 2u);
  EXPECT_EQ((*s)[0].tokens, (std::vector<std::string>{"موسكو", "تقول"}));
  EXPECT_TRUE((*s)[0].tags.empty());
  // ANERcorp has tokens of a lone right-to-left mark: `marsad ner` must
  // answer a line for each, not fail the file or drop the line.
  auto marks = ParseConll("حسان\n\u200f\n:\n", o);
  ASSERT_TRUE(marks.ok()) << marks.status().ToString();
  EXPECT_EQ((*marks)[0].tokens,
            (std::vector<std::string>{"حسان", "\u200f", ":"}));
}

// `marsad ner`'s reading: a line for each input line, whatever the layout.
TEST(ConllTest, LinesKeepTheLayout) {
  auto l = ReadConllLines(
      "\xEF\xBB\xBFموسكو\tB-LOC\r\nتقول O\n\n \n\u200f\tO\n\tO\n  نعم  \n");
  ASSERT_EQ(l.size(), 7u);
  EXPECT_EQ(l[0].token, "موسكو");  // BOM and CR gone
  EXPECT_EQ(l[1].token, "تقول");   // `token TAG` with a space
  EXPECT_TRUE(l[2].blank);
  EXPECT_TRUE(l[3].blank);          // whitespace only
  EXPECT_EQ(l[4].token, "\u200f");  // a lone mark is a token
  EXPECT_FALSE(l[5].blank);         // no token, but a line to answer
  EXPECT_EQ(l[5].token, "");
  EXPECT_EQ(l[6].token, "نعم");
  EXPECT_EQ(ReadConllLines("a\n\n").size(),
            2u);  // the final newline ends a line
  EXPECT_TRUE(ReadConllLines("").empty());
}

TEST(ConllTest, DevSplitIsTheLastFraction) {
  std::vector<TaggedSentence> all(10);
  for (int i = 0; i < 10; ++i) all[i].tokens = {std::to_string(i)};
  std::vector<TaggedSentence> train, dev;
  SplitTrainDev(all, 0.2, &train, &dev);
  ASSERT_EQ(train.size(), 8u);
  ASSERT_EQ(dev.size(), 2u);
  EXPECT_EQ(dev[0].tokens[0], "8");
}

// A two-feature model: feature 11 votes B-LOC, feature 22 votes L-LOC
// (the model's BILOU tags; Decode answers in BIO).
std::unique_ptr<TaggerModel> TinyModel() {
  std::vector<float> w(2 * kNumModelTags, 0.f);
  w[ModelTag(2, Bilou::kB)] = 5;
  w[kNumModelTags + ModelTag(2, Bilou::kL)] = 5;
  std::vector<float> trans((kNumModelTags + 1) * kNumModelTags, 0.f);
  return TaggerModel::FromWeights({11, 22}, w, trans);
}

TEST(TaggerModelTest, DecodesAndRoundTrips) {
  auto m = TinyModel();
  const int P = 2;
  std::vector<uint64_t> feats = {11, 99, 22, 99, 99, 99, 99, 99};
  TaggerModel::Scratch s;
  std::vector<int> tags;
  m->Decode(feats.data(), 4, P, &s, &tags);
  EXPECT_EQ(tags, Tags({"B-LOC", "I-LOC", "O", "O"}));
  // An L-LOC vote after a neutral token: L-LOC may not follow O, so the
  // best legal path opens the entity one token earlier.
  std::vector<uint64_t> late = {99, 99, 22, 99};
  std::vector<int> tags_late;
  m->Decode(late.data(), 2, P, &s, &tags_late);
  EXPECT_EQ(tags_late, Tags({"B-LOC", "I-LOC"}));
  auto back = TaggerModel::Parse(m->Serialize());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  std::vector<int> tags2;
  (*back)->Decode(feats.data(), 4, P, &s, &tags2);
  EXPECT_EQ(tags, tags2);
  EXPECT_EQ((*back)->rows(), 2u);
  EXPECT_EQ((*back)->Row(22), 1);
  EXPECT_EQ((*back)->Row(23), -1);
}

// Two one-token names side by side (55 votes U-PERS at each token). With
// no link blocks they stay two names; a transition penalty on U-PERS after
// U-PERS in block 0, cancelled in the conjunction block, keeps them apart
// only where the second token carries a conjunction.
TEST(TaggerModelTest, LinkBlocksAddToTheTransitions) {
  constexpr int T = kNumModelTags;
  std::vector<float> w(T, 0.f);
  w[ModelTag(1, Bilou::kU)] = 4;
  w[ModelTag(1, Bilou::kB)] = 3;
  w[ModelTag(1, Bilou::kL)] = 3;
  std::vector<float> trans(TaggerModel::kTransitionSize, 0.f);
  const int u = ModelTag(1, Bilou::kU);
  trans[(u + 1) * T + u] = -10;  // U-PERS then U-PERS: two names touching
  trans[FeatureExtractor::kLinkConjunction * TaggerModel::kTransitionBlock +
        (u + 1) * T + u] = 10;  // ... unless the second begins with و
  auto m = TaggerModel::FromWeights({55}, w, trans);
  // The bias slot's hashes of each link class, as the extractor writes them.
  auto g = Gazetteer::Load(DataPath("nlp"), TestTextTables());
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  FeatureExtractor fx(**g, TestSegmenter());
  FeatureExtractor::Scratch fs;
  std::vector<uint64_t> f;
  std::vector<std::string_view> words = {"سامي", "وديانا"};
  fx.Extract(words, &fs, &f);
  const int P = FeatureExtractor::kFeaturesPerToken;
  EXPECT_EQ(FeatureExtractor::LinkOf(f[0]), FeatureExtractor::kLinkNone);
  EXPECT_EQ(FeatureExtractor::LinkOf(f[P]), FeatureExtractor::kLinkConjunction);
  std::vector<std::string_view> prep = {"لسامي"};
  std::vector<uint64_t> fp;
  fx.Extract(prep, &fs, &fp);
  EXPECT_EQ(FeatureExtractor::LinkOf(fp[0]),
            FeatureExtractor::kLinkPreposition);
  // Two tokens whose only known feature is 55, with those link classes.
  auto decode = [&](uint64_t bias0, uint64_t bias1) {
    std::vector<uint64_t> feats = {bias0, 55, bias1, 55};
    TaggerModel::Scratch s;
    std::vector<int> tags;
    m->Decode(feats.data(), 2, 2, &s, &tags);
    return tags;
  };
  EXPECT_EQ(decode(f[0], f[0]), Tags({"B-PERS", "I-PERS"}))
      << "one name of two words";
  EXPECT_EQ(decode(f[0], f[P]), Tags({"B-PERS", "B-PERS"}))
      << "two names, joined by و";
  // The blocks survive the file.
  auto back = TaggerModel::Parse(m->Serialize());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  std::vector<uint64_t> feats = {f[0], 55, f[P], 55};
  TaggerModel::Scratch s;
  std::vector<int> tags;
  (*back)->Decode(feats.data(), 2, 2, &s, &tags);
  EXPECT_EQ(tags, Tags({"B-PERS", "B-PERS"}));
}

TEST(TaggerModelTest, DocumentPassOptionsRoundTrip) {
  auto m = TinyModel();
  EXPECT_EQ(m->document_pass().beta, 0.f);  // off unless set
  m->set_document_pass(DocumentPassOptions{12.5f, 7});
  auto back = TaggerModel::Parse(m->Serialize());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ((*back)->document_pass().beta, 12.5f);
  EXPECT_EQ((*back)->document_pass().window, 7);
}

// Feature 33 votes PERS weakly (a name the tagger half knows), feature 44
// votes U-PERS firmly (the same name with a first name before it).
std::unique_ptr<TaggerModel> NameModel() {
  std::vector<float> w(2 * kNumModelTags, 0.f);
  w[ModelTag(1, Bilou::kU)] = 1;  // 33: weaker than O's 2 below
  w[0] = 2;
  w[kNumModelTags + ModelTag(1, Bilou::kU)] = 9;  // 44
  std::vector<float> trans((kNumModelTags + 1) * kNumModelTags, 0.f);
  return TaggerModel::FromWeights({33, 44}, w, trans);
}

TEST(DocumentPassTest, OtherOccurrencesPushTheirType) {
  auto m = NameModel();
  const int P = 1;
  TaggerModel::Scratch s;
  DocumentPass doc;
  std::vector<int> tags;
  // Sentence 0: the word (key 7) alone, weakly PERS: pass 1 says O.
  // Sentence 1: the same word, firmly PERS. Sentence 2: far away.
  std::vector<std::vector<uint64_t>> feats = {{33}, {44}, {33}};
  std::vector<std::vector<uint64_t>> keys = {{7}, {7}, {7}};
  std::vector<std::vector<int>> pass1(3);
  for (int i = 0; i < 3; ++i) {
    m->Decode(feats[i].data(), 1, P, &s, &pass1[i]);
    doc.Add(s, keys[i], pass1[i]);
  }
  EXPECT_EQ(pass1[0], Tags({"O"}));
  EXPECT_EQ(pass1[1], Tags({"B-PERS"}));
  DocumentPassOptions o{5.f, 1};
  doc.Redecode(*m, o, 0, &s, &tags);
  EXPECT_EQ(tags, Tags({"B-PERS"})) << "1 - 2 + 5 beats O";
  doc.Redecode(*m, o, 2, &s, &tags);
  EXPECT_EQ(tags, Tags({"B-PERS"})) << "sentence 1 is within the window";
  // Too small a push, or the evidence out of the window: pass 1 stands.
  doc.Redecode(*m, DocumentPassOptions{0.5f, 1}, 0, &s, &tags);
  EXPECT_EQ(tags, Tags({"O"}));
  DocumentPass far;
  std::vector<uint64_t> none = {0};
  far.Add(s, keys[0], pass1[0]);  // scratch emissions: any sentence's do here
  m->Decode(feats[1].data(), 1, P, &s, &tags);
  far.Add(s, keys[1], tags);
  for (int i = 0; i < 3; ++i) {
    m->Decode(feats[0].data(), 1, P, &s, &tags);
    far.Add(s, none, tags);  // unkeyed filler sentences
  }
  m->Decode(feats[2].data(), 1, P, &s, &tags);
  far.Add(s, keys[2], tags);
  far.Redecode(*m, o, 5, &s, &tags);
  EXPECT_EQ(tags, Tags({"O"})) << "sentence 1 is 4 sentences away";
  far.Tags(1, &tags);
  EXPECT_EQ(tags, Tags({"B-PERS"}));
}

// A place name elsewhere is no evidence (see DocumentPass): the same case as
// above with LOC for PERS leaves pass 1's O.
TEST(DocumentPassTest, PlacesPushNothing) {
  std::vector<float> w(2 * kNumModelTags, 0.f);
  w[ModelTag(2, Bilou::kU)] = 1;
  w[0] = 2;
  w[kNumModelTags + ModelTag(2, Bilou::kU)] = 9;
  std::vector<float> trans((kNumModelTags + 1) * kNumModelTags, 0.f);
  auto m = TaggerModel::FromWeights({33, 44}, w, trans);
  TaggerModel::Scratch s;
  DocumentPass doc;
  std::vector<int> tags;
  std::vector<uint64_t> key = {7};
  for (uint64_t f : {33, 44}) {
    m->Decode(&f, 1, 1, &s, &tags);
    doc.Add(s, key, tags);
  }
  doc.Tags(1, &tags);
  ASSERT_EQ(tags, Tags({"B-LOC"}));
  doc.Redecode(*m, DocumentPassOptions{5.f, 10}, 0, &s, &tags);
  EXPECT_EQ(tags, Tags({"O"}));
}

TEST(TaggerModelTest, BadFilesAreClearErrors) {
  std::string good = TinyModel()->Serialize();
  auto not_model = TaggerModel::Parse("hello, world, this is text");
  ASSERT_FALSE(not_model.ok());
  EXPECT_EQ(not_model.status().code(), StatusCode::kCorruption);
  EXPECT_NE(not_model.status().message().find("magic"), std::string::npos);

  auto truncated = TaggerModel::Parse(good.substr(0, good.size() / 2));
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.status().code(), StatusCode::kCorruption);

  std::string future = good;
  future[4] = 9;  // format version
  auto f = TaggerModel::Parse(future);
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().code(), StatusCode::kUnsupported);

  EXPECT_FALSE(TaggerModel::Parse("").ok());
  auto missing = TaggerModel::Load("/nonexistent/ner_model.bin");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("/nonexistent/ner_model.bin"),
            std::string::npos);
}

// A format-3 file (one transition block, before the link classes) still
// loads, with zero link blocks, and decodes as it did.
TEST(TaggerModelTest, FormatThreeLoadsWithoutLinkBlocks) {
  auto m = TinyModel();
  m->set_document_pass(DocumentPassOptions{3.f, 5});
  std::string file = m->Serialize();
  uint64_t raw = 0;
  std::memcpy(&raw, file.data() + 8, 8);
  std::string payload(raw, '\0');
  ASSERT_EQ(
      ZSTD_decompress(payload.data(), raw, file.data() + 16, file.size() - 16),
      raw);
  // Drop the net's size (format 5, the last 4 bytes), then the link blocks:
  // they sit right before beta and window (8 bytes).
  payload.resize(payload.size() - 4);
  const size_t blocks =
      (TaggerModel::kTransitionSize - TaggerModel::kTransitionBlock) *
      sizeof(float);
  payload.erase(payload.size() - 8 - blocks, blocks);
  std::string old = file.substr(0, 16);
  uint32_t three = 3;
  std::memcpy(old.data() + 4, &three, 4);
  uint64_t size = payload.size();
  std::memcpy(old.data() + 8, &size, 8);
  std::string frame(ZSTD_compressBound(payload.size()), '\0');
  frame.resize(ZSTD_compress(frame.data(), frame.size(), payload.data(),
                             payload.size(), 1));
  auto back = TaggerModel::Parse(old + frame);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ((*back)->document_pass().beta, 3.f);
  for (size_t k = TaggerModel::kTransitionBlock;
       k < TaggerModel::kTransitionSize; ++k)
    ASSERT_EQ((*back)->transitions()[k], 0.f) << k;
  std::vector<uint64_t> feats = {11, 99, 22, 99, 99, 99, 99, 99};
  TaggerModel::Scratch s;
  std::vector<int> tags;
  (*back)->Decode(feats.data(), 4, 2, &s, &tags);
  EXPECT_EQ(tags, Tags({"B-LOC", "I-LOC", "O", "O"}));
}

// Keys 11 and 22 lean to O in the linear weights; a net of two hidden units
// reads 11 as a person and 22 as nothing.
std::unique_ptr<TaggerModel> NetModel(float weight) {
  constexpr int T = kNumModelTags;
  std::vector<float> w(2 * T, 0.f);
  w[0] = w[T] = 1;  // O
  std::vector<float> trans((kNumModelTags + 1) * kNumModelTags, 0.f);
  TaggerNet net;
  net.hidden = 2;
  net.weight = weight;
  net.rows = {127, 0, 0, 127};  // key 11 -> unit 0, key 22 -> unit 1
  net.scale = {1 / 127.f, 1 / 127.f};
  net.bias = {0, 0};
  net.out.assign(2 * T, 0.f);
  net.out[ModelTag(1, Bilou::kU)] = 10;  // unit 0: U-PERS
  net.out[T + 0] = 10;                   // unit 1: O
  net.out_bias.assign(T, 0.f);
  return TaggerModel::FromWeights({11, 22}, w, trans, net);
}

TEST(TaggerModelTest, NetScoresAddToTheLinearOnes) {
  TaggerModel::Scratch s;
  std::vector<int> tags;
  std::vector<uint64_t> feats = {11, 22};
  NetModel(0)->Decode(feats.data(), 2, 1, &s, &tags);
  EXPECT_EQ(tags, Tags({"O", "O"}));  // weight 0: the linear scores alone
  auto m = NetModel(1);
  m->Decode(feats.data(), 2, 1, &s, &tags);
  EXPECT_EQ(tags, Tags({"B-PERS", "O"}));
  auto back = TaggerModel::Parse(m->Serialize());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ((*back)->net().hidden, 2);
  EXPECT_EQ((*back)->net().weight, 1.f);
  std::vector<int> tags2;
  (*back)->Decode(feats.data(), 2, 1, &s, &tags2);
  EXPECT_EQ(tags2, tags);
  // A damaged net is an error, not a crash.
  TaggerNet bad = m->net();
  bad.out[3] = std::numeric_limits<float>::quiet_NaN();
  std::vector<float> w(2 * kNumModelTags, 0.f);
  std::vector<float> trans((kNumModelTags + 1) * kNumModelTags, 0.f);
  auto broken = TaggerModel::Parse(
      TaggerModel::FromWeights({11, 22}, w, trans, bad)->Serialize());
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.status().message().find("net"), std::string::npos);
}

TEST(TaggerModelTest, UnsortedKeysAreRejected) {
  std::vector<float> w(2 * kNumModelTags, 1.f);
  std::vector<float> trans((kNumModelTags + 1) * kNumModelTags, 0.f);
  auto m = TaggerModel::FromWeights({22, 11}, w, trans);
  auto back = TaggerModel::Parse(m->Serialize());
  ASSERT_FALSE(back.ok());
  EXPECT_NE(back.status().message().find("sorted"), std::string::npos);
}

// A model of `rows` random keys (into *keys) with small integer weights
// (ties happen; with `real_weights`, floats in [-1, 1), whose sums depend
// on their order) and random transitions, and a net of `hidden` units.
std::unique_ptr<TaggerModel> RandomModel(std::mt19937_64& rng, int rows,
                                         int hidden,
                                         std::vector<uint64_t>* keys,
                                         bool real_weights = false) {
  constexpr int T = kNumModelTags;
  std::set<uint64_t> distinct;
  while (static_cast<int>(distinct.size()) < rows) distinct.insert(rng() | 1);
  keys->assign(distinct.begin(), distinct.end());
  std::uniform_int_distribution<int> small(-3, 3);
  std::uniform_real_distribution<float> real(-1, 1);
  std::vector<float> w(rows * T);
  for (float& x : w) x = real_weights ? real(rng) : small(rng) * 0.5f;
  std::vector<float> trans(TaggerModel::kTransitionSize);
  for (float& x : trans) x = small(rng);
  TaggerNet net;
  net.hidden = hidden;
  net.weight = 0.7f;
  std::uniform_int_distribution<int> q(-7, 7);
  std::uniform_real_distribution<float> u(-1, 1);
  for (int i = 0; i < rows * hidden; ++i)
    net.rows.push_back(static_cast<int8_t>(q(rng)));
  for (int i = 0; i < rows && hidden > 0; ++i)
    net.scale.push_back(u(rng) * 0.1f);
  for (int j = 0; j < hidden; ++j) net.bias.push_back(u(rng));
  for (int i = 0; i < hidden * T; ++i) net.out.push_back(u(rng));
  for (int y = 0; y < T && hidden > 0; ++y) net.out_bias.push_back(u(rng));
  return TaggerModel::FromWeights(*keys, w, trans, net);
}

// Decode() remembers the sums of a word's first kPrefixSlots features and
// starts the next occurrence of the word from them. Sentences of words
// from a vocabulary larger than the memo (so entries are overwritten and
// hashes collide), each word with its own first features and random
// others per occurrence, decoded through one scratch: emission scores bit
// for bit and tags those of a fresh scratch per sentence; and, with no
// net, the scores are the rows' sums in feature order.
TEST(TaggerModelTest, PrefixMemoNeverChangesScores) {
  constexpr int T = kNumModelTags;
  const int P = FeatureExtractor::kFeaturesPerToken;
  const int own = TaggerModel::kPrefixSlots;
  for (int hidden : {40, 0}) {
    std::mt19937_64 rng(25 + hidden);
    std::vector<uint64_t> known;
    auto m = RandomModel(rng, 3000, hidden, &known);
    // A feature: a key of the model three times in four, else unknown.
    auto pick = [&] {
      return (rng() & 3) ? known[rng() % known.size()] : (rng() | 1);
    };
    std::vector<std::vector<uint64_t>> word(3 * TaggerModel::kPrefixMemoSize);
    for (auto& f : word)
      for (int k = 0; k < own; ++k) f.push_back(pick());
    TaggerModel::Scratch shared;
    std::vector<int> tags, fresh_tags;
    for (int sentence = 0; sentence < 400; ++sentence) {
      const size_t n = 1 + rng() % 40;
      std::vector<uint64_t> feats;
      for (size_t i = 0; i < n; ++i) {
        // Common words often (the memo hits), rare ones now and then.
        size_t w = rng() % 8 ? rng() % 50 : rng() % word.size();
        feats.insert(feats.end(), word[w].begin(), word[w].end());
        for (int k = own; k < P; ++k) feats.push_back(pick());
      }
      m->Decode(feats.data(), n, P, &shared, &tags);
      TaggerModel::Scratch fresh;
      m->Decode(feats.data(), n, P, &fresh, &fresh_tags);
      ASSERT_EQ(tags, fresh_tags) << sentence;
      ASSERT_EQ(0, std::memcmp(shared.emit.data(), fresh.emit.data(),
                               n * T * sizeof(float)))
          << sentence;
      if (hidden > 0) continue;
      for (size_t i = 0; i < n; ++i) {
        float e[T] = {};
        for (int k = 0; k < P; ++k) {
          int row = m->Row(feats[i * P + k]);
          if (row < 0) continue;
          for (int y = 0; y < T; ++y) e[y] += m->Weights(row)[y];
        }
        ASSERT_EQ(0, std::memcmp(e, &shared.emit[i * T], sizeof(e))) << i;
      }
    }
  }
}

// Each row's weights, net row and scale sit in one record (tagger.h): a
// token of one known feature scores that row's linear weights plus the
// net's log-probabilities from that row alone, computed here from the
// arrays the model was given; the same after Serialize() and Parse(),
// whose model keeps the rows in its records only, and Serialize() gives
// back the same bytes.
TEST(TaggerModelTest, RowRecordsHoldTheRowsAsGiven) {
  constexpr int T = kNumModelTags;
  for (int hidden : {0, 3, 40, 128}) {
    std::mt19937_64 rng(7 + hidden);
    std::vector<uint64_t> keys;
    auto m = RandomModel(rng, 300, hidden, &keys);
    const TaggerNet net = m->net();  // the arrays as given
    const std::string bytes = m->Serialize();
    auto back = TaggerModel::Parse(bytes);
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ((*back)->Serialize(), bytes) << hidden;
    EXPECT_TRUE((*back)->net().rows.empty());
    for (const TaggerModel* model :
         {static_cast<const TaggerModel*>(m.get()), back->get()}) {
      TaggerModel::Scratch s;
      std::vector<int> tags;
      for (size_t r = 0; r < keys.size(); r += 7) {
        ASSERT_EQ(model->Row(keys[r]), static_cast<int>(r));
        model->Decode(&keys[r], 1, 1, &s, &tags);
        float e[T];
        for (int y = 0; y < T; ++y) e[y] = m->Weights(r)[y];
        if (hidden > 0) {
          std::vector<float> z(hidden);
          for (int j = 0; j < hidden; ++j)
            z[j] = std::max(
                0.f, net.bias[j] + net.scale[r] * net.rows[r * hidden + j]);
          float o[T], mx = -1e30f, sum = 0;
          for (int y = 0; y < T; ++y) {
            o[y] = net.out_bias[y];
            for (int j = 0; j < hidden; ++j) o[y] += net.out[j * T + y] * z[j];
            mx = std::max(mx, o[y]);
          }
          for (int y = 0; y < T; ++y) sum += std::exp(o[y] - mx);
          for (int y = 0; y < T; ++y)
            e[y] += net.weight * (o[y] - mx - std::log(sum));
        }
        for (int y = 0; y < T; ++y)
          ASSERT_NEAR(s.emit[y], e[y], 1e-4) << hidden << " " << r << " " << y;
      }
    }
  }
}

// The net's sums, computed here in the order tagger.h documents, bit for
// bit: the linear weights of the token's known features added in feature
// order to 0; the hidden sums from the bias, each row's rounded product with
// its scale then a rounded sum, row after row; ReLU; each tag's output as
// eight running sums over the hidden units (unit j into sum j mod 8; the
// units past the last multiple of 8 first, then the eight sums, added to
// 0) plus its bias; the softmax's log-probabilities times the net's weight.
// Sizes that are and are not multiples of 8 (the AVX2 loops take only the
// first), real-valued weights (their sums depend on the order), sentences
// long enough that the prefix memo hits.
TEST(TaggerModelTest, NetSumsAreTheScalarOnes) {
  constexpr int T = kNumModelTags;
  const int P = FeatureExtractor::kFeaturesPerToken;
  for (int hidden : {8, 40, 128, 3, 130}) {
    std::mt19937_64 rng(91 + hidden);
    std::vector<uint64_t> known;
    auto m = RandomModel(rng, 600, hidden, &known, /*real_weights=*/true);
    const TaggerNet& net = m->net();
    std::vector<std::vector<uint64_t>> word(30);
    for (auto& f : word)
      for (int k = 0; k < P; ++k)
        f.push_back((rng() & 3) ? known[rng() % known.size()] : (rng() | 1));
    TaggerModel::Scratch s;
    std::vector<int> tags;
    for (int sentence = 0; sentence < 40; ++sentence) {
      const size_t n = 1 + rng() % 30;
      std::vector<uint64_t> feats;
      for (size_t i = 0; i < n; ++i) {
        const auto& w = word[rng() % word.size()];
        feats.insert(feats.end(), w.begin(), w.end());
        if (rng() & 1)  // the same word in another context
          for (int k = TaggerModel::kPrefixSlots; k < P; ++k)
            feats[i * P + k] = known[rng() % known.size()];
      }
      m->Decode(feats.data(), n, P, &s, &tags);
      for (size_t i = 0; i < n; ++i) {
        float e[T] = {};
        std::vector<float> z(net.bias);
        for (int k = 0; k < P; ++k) {
          const int r = m->Row(feats[i * P + k]);
          if (r < 0) continue;
          for (int y = 0; y < T; ++y) e[y] += m->Weights(r)[y];
          for (int j = 0; j < hidden; ++j) {
            const float product =
                net.scale[r] * static_cast<float>(net.rows[r * hidden + j]);
            z[j] = z[j] + product;
          }
        }
        for (float& v : z) v = v > 0 ? v : 0;
        float o[T];
        for (int y = 0; y < T; ++y) {
          float acc[8] = {};
          int j = 0;
          for (; j + 8 <= hidden; j += 8)
            for (int k = 0; k < 8; ++k)
              acc[k] += net.out[(j + k) * T + y] * z[j + k];
          float sum = 0;
          for (; j < hidden; ++j) sum += net.out[j * T + y] * z[j];
          for (int k = 0; k < 8; ++k) sum += acc[k];
          o[y] = net.out_bias[y] + sum;
        }
        float mx = o[0];
        for (int y = 1; y < T; ++y) mx = std::max(mx, o[y]);
        float sum = 0;
        for (int y = 0; y < T; ++y) sum += std::exp(o[y] - mx);
        const float lz = mx + std::log(sum);
        for (int y = 0; y < T; ++y) e[y] += net.weight * (o[y] - lz);
        ASSERT_EQ(0, std::memcmp(e, &s.emit[i * T], sizeof(e)))
            << hidden << " " << sentence << " " << i;
      }
    }
  }
}

// The Viterbi of before the dense step (a list of allowed predecessors per
// tag, the link block summed per token), kept as the reference.
std::vector<int> ReferenceViterbi(const float* emit, size_t n,
                                  const float* transitions,
                                  const uint8_t* links) {
  constexpr int T = kNumModelTags;
  constexpr float kNo = -std::numeric_limits<float>::infinity();
  std::vector<int> tags(n, 0);
  if (n == 0) return tags;
  std::vector<float> score(n * T, kNo);
  std::vector<int> back(n * T, 0);
  std::vector<float> tr(TaggerModel::kTransitionBlock);
  auto into = [&](size_t i) -> const float* {
    int c = links ? links[i] : 0;
    if (c == 0) return transitions;
    const float* extra = transitions + c * TaggerModel::kTransitionBlock;
    for (size_t k = 0; k < TaggerModel::kTransitionBlock; ++k)
      tr[k] = transitions[k] + extra[k];
    return tr.data();
  };
  const float* t0 = into(0);
  for (int y = 0; y < T; ++y)
    if (ModelTransitionAllowed(-1, y)) score[y] = emit[y] + t0[y];
  for (size_t i = 1; i < n; ++i) {
    const float* ti = into(i);
    for (int y = 0; y < T; ++y) {
      float best = kNo;
      int arg = 0;
      for (int p = 0; p < T; ++p) {
        if (!ModelTransitionAllowed(p, y)) continue;
        float v = score[(i - 1) * T + p] + ti[(p + 1) * T + y];
        if (v > best) best = v, arg = p;
      }
      score[i * T + y] = best + emit[i * T + y];
      back[i * T + y] = arg;
    }
  }
  int y = 0;
  for (int k = 1; k < T; ++k)
    if (ModelTagMayEnd(k) && score[(n - 1) * T + k] > score[(n - 1) * T + y])
      y = k;
  for (size_t i = n; i-- > 0;) {
    tags[i] = y;
    y = back[i * T + y];
  }
  return tags;
}

// The dense Viterbi step against the reference: random scores, small
// integers half the time so that equal scores meet and the first
// predecessor must win, every link class; through the trainer's static
// Viterbi and through a model's own summed blocks.
TEST(TaggerModelTest, ViterbiMatchesTheReference) {
  constexpr int T = kNumModelTags;
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<int> small(-2, 2);
  std::uniform_real_distribution<float> real(-5, 5);
  for (int round = 0; round < 500; ++round) {
    const bool ties = round % 2 == 0;
    auto draw = [&] { return ties ? small(rng) : real(rng); };
    const size_t n = rng() % 30;
    std::vector<float> emit(n * T), trans(TaggerModel::kTransitionSize);
    for (float& x : emit) x = draw();
    for (float& x : trans) x = draw();
    std::vector<uint8_t> links(n);
    for (auto& c : links) c = rng() % FeatureExtractor::kNumLinks;
    std::vector<int> want = ReferenceViterbi(
        emit.data(), n, trans.data(), round % 3 ? links.data() : nullptr);
    TaggerModel::Scratch s;
    std::vector<int> got;
    TaggerModel::Viterbi(emit.data(), n, trans.data(),
                         round % 3 ? links.data() : nullptr, &s, &got);
    ASSERT_EQ(got, want) << round;
    auto m = TaggerModel::FromWeights({5}, std::vector<float>(T, 0.f), trans);
    m->Viterbi(emit.data(), n, round % 3 ? links.data() : nullptr, &s, &got);
    ASSERT_EQ(got, want) << round;
  }
}

}  // namespace
}  // namespace marsad
