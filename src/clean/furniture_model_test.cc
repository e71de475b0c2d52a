#include <gtest/gtest.h>

#include <string>

#include "src/clean/clean.h"
#include "src/clean/test_lexicon.h"
#include "src/text/test_tables.h"

namespace marsad {
namespace {

std::string Report(int i) {
  return "صباح الخير يا وطن " + std::to_string(i) + " خبر جديد عن موضوع رقم " +
         std::to_string(i * 7) + ".\nللتواصل مع المحرر أرسل رسالة إلى 1234\n";
}

TEST(FurnitureModelTest, LearnsRecurringLinesPerOutlet) {
  FurnitureModel model;
  for (int i = 0; i < 40; ++i) model.Observe("outlet-a", Report(i));
  for (int i = 0; i < 40; ++i)
    model.Observe("outlet-b", "خبر رقم " + std::to_string(i));
  EXPECT_EQ(model.Reports("outlet-a"), 40u);
  EXPECT_TRUE(model.IsTemplateLine("outlet-a",
                                   "للتواصل مع المحرر أرسل رسالة إلى 1234"));
  // Spacing and punctuation variants are the same line.
  EXPECT_TRUE(model.IsTemplateLine("outlet-a",
                                   "للتواصل مع المحرر: أرسل رسالة إلى  1234"));
  // Per outlet: the same line is not a template of another outlet.
  EXPECT_FALSE(model.IsTemplateLine("outlet-b",
                                    "للتواصل مع المحرر أرسل رسالة إلى 1234"));
  // A line seen once is text.
  EXPECT_FALSE(model.IsTemplateLine(
      "outlet-a", "صباح الخير يا وطن 3 خبر جديد عن موضوع رقم 21."));
  EXPECT_FALSE(
      model.IsTemplateLine("unknown", "للتواصل مع المحرر أرسل رسالة إلى 1234"));
}

TEST(FurnitureModelTest, NeedsEnoughReports) {
  FurnitureModel model;
  for (int i = 0; i < FurnitureModel::kMinReports - 1; ++i) {
    model.Observe("x", "سطر متكرر\nنص " + std::to_string(i));
  }
  EXPECT_FALSE(model.IsTemplateLine("x", "سطر متكرر"));
  model.Observe("x", "سطر متكرر");
  EXPECT_TRUE(model.IsTemplateLine("x", "سطر متكرر"));
}

TEST(FurnitureModelTest, CountsALineOncePerReport) {
  FurnitureModel model;
  model.Observe("x", "سطر\nسطر\nسطر\nسطر\nسطر\nسطر");
  EXPECT_FALSE(model.IsTemplateLine("x", "سطر"));
}

TEST(FurnitureModelTest, ManyOutletsStayBounded) {
  FurnitureModel model;
  for (int i = 0; i < FurnitureModel::kMaxOutlets + 50; ++i) {
    model.Observe("outlet" + std::to_string(i), "سطر");
  }
  // Outlets past the cap share sketches: still answers, never crashes.
  EXPECT_GE(model.Reports("outlet" +
                          std::to_string(FurnitureModel::kMaxOutlets + 10)),
            1u);
  model.Observe("", "ignored");
  EXPECT_EQ(model.Reports(""), 0u);
}

TEST(FurnitureModelTest, CleanDocumentDropsTemplates) {
  FurnitureModel model;
  for (int i = 0; i < 20; ++i) model.Observe("okaz", Report(i));
  Document d;
  d.format = "jsonl";
  d.outlet = "okaz";
  d.raw =
      "افتتحت البلدية حديقة جديدة في الحي الشمالي وسط حضور كبير من السكان.\n"
      "للتواصل مع المحرر أرسل رسالة إلى 1234\n";
  ASSERT_TRUE(CleanDocument(TestCleanLexicon(), TestTextTables().normalizer(),
                            &d, &model)
                  .ok());
  EXPECT_EQ(d.text.find("للتواصل"), std::string::npos);
  ASSERT_FALSE(d.removed.empty());
  EXPECT_EQ(d.removed.back().reason, "furniture:template");
}

}  // namespace
}  // namespace marsad
