// The story comparison on hand-built claims and on our own short reports.
#include <gtest/gtest.h>

#include <limits>

#include "src/facts/compare.h"
#include "src/facts/facts.h"
#include "src/text/analyze.h"

namespace marsad {
namespace {

Claim Figure(const std::string& slot, double min, double max, bool approx,
             const std::string& speaker) {
  Claim c;
  c.slot = slot;
  c.value = std::to_string(static_cast<int>(min));
  c.min = min;
  c.max = max;
  c.approximate = approx;
  c.speaker = speaker;
  c.span = {0, 1};
  return c;
}

Document Report(int64_t id, const std::string& outlet, std::vector<Claim> claims) {
  Document d;
  d.id = id;
  d.outlet = outlet;
  d.text = "x";
  d.claims = std::move(claims);
  return d;
}

std::vector<const Disagreement*> OfKind(const Comparison& c, const std::string& kind) {
  std::vector<const Disagreement*> out;
  for (const Disagreement& d : c.disagreements) {
    if (d.kind == kind) out.push_back(&d);
  }
  return out;
}

TEST(CompareTest, SameFigureIsAnAgreementNotADisagreement) {
  Document a = Report(1, "أ", {Figure("killed", 12, 12, false, "")});
  Document b = Report(2, "ب", {Figure("killed", 12, 12, false, "")});
  Comparison c = CompareStory({&a, &b});
  EXPECT_TRUE(c.disagreements.empty());
  EXPECT_EQ(c.agreements, 1);
  ASSERT_EQ(c.matrix.size(), 1u);
  EXPECT_EQ(c.matrix[0].cells.size(), 2u);
}

TEST(CompareTest, ApproximateFiguresOverlapWithinTenPercent) {
  Document a = Report(1, "أ", {Figure("killed", 100, 100, true, "")});
  Document b = Report(2, "ب", {Figure("killed", 105, 105, false, "")});
  EXPECT_TRUE(CompareStory({&a, &b}).disagreements.empty());
  Document x = Report(3, "ج", {Figure("killed", 130, 130, false, "")});
  EXPECT_EQ(OfKind(CompareStory({&a, &x}), "size").size(), 1u);
}

TEST(CompareTest, InjuredVersusCombinedIsDifferentInKindAndSize) {
  Document a = Report(1, "أ", {Figure("injured", 25, 25, false, "الوزارة")});
  Document b = Report(2, "ب", {Figure("killed_or_injured", 150, 150, true, "مصادر")});
  Comparison c = CompareStory({&a, &b});
  auto d = OfKind(c, "kind_and_size");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0]->claims.size(), 2u);
  EXPECT_EQ(d[0]->slots, (std::vector<std::string>{"injured", "killed_or_injured"}));
}

TEST(CompareTest, KilledAndInjuredAreNotCompared) {
  Document a = Report(1, "أ", {Figure("injured", 25, 25, false, "")});
  Document b = Report(2, "ب", {Figure("killed", 3, 3, false, "")});
  EXPECT_TRUE(CompareStory({&a, &b}).disagreements.empty());
}

TEST(CompareTest, LowerBoundOverlapsLargerFigures) {
  double inf = std::numeric_limits<double>::infinity();
  Document a = Report(1, "أ", {Figure("killed", 20, inf, true, "")});
  Document b = Report(2, "ب", {Figure("killed", 35, 35, false, "")});
  EXPECT_TRUE(CompareStory({&a, &b}).disagreements.empty());
}

TEST(CompareTest, OneSourceNeverDisagreesWithItself) {
  Document a = Report(1, "أ", {Figure("killed", 3, 3, false, "الشرطة"),
                               Figure("killed", 5, 5, false, "الشرطة")});
  EXPECT_TRUE(CompareStory({&a}).disagreements.empty());
}

TEST(CompareTest, AssertionVersusDenialFromText) {
  auto run = [](int64_t id, const std::string& outlet, const std::string& text) {
    Document d;
    d.id = id;
    d.outlet = outlet;
    d.text = text;
    AnalyzeText(&d);
    FindQuotes(&d);
    FindEvents(&d);
    BuildClaims(&d);
    return d;
  };
  Document a = run(1, "أ", "وقال مصدر محلي إن القصف طال مواقع بينهم جنود أتراك.");
  Document b = run(2, "ب", "ونفت الوزارة وجود جنود أتراك في المنطقة.");
  Comparison c = CompareStory({&a, &b});
  auto d = OfKind(c, "assertion_vs_denial");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0]->slots[0], "presence:turkish_personnel");
  nlohmann::json j = ComparisonToJson(c);
  const auto& claim = j["disagreements"][0]["claims"][0];
  EXPECT_EQ(claim["article"], 1);
  EXPECT_EQ(claim["speaker"], "مصدر محلي");
  EXPECT_EQ(claim["text"], "بينهم جنود أتراك");
  size_t begin = claim["span"]["begin"], end = claim["span"]["end"];
  EXPECT_EQ(a.text.substr(begin, end - begin), "بينهم جنود أتراك");
  EXPECT_EQ(j["outlets"].size(), 2u);
}

TEST(CompareTest, JsonShape) {
  Document a = Report(7, "", {Figure("killed", 2, 2, false, "")});
  nlohmann::json j = ComparisonToJson(CompareStory({&a}));
  EXPECT_EQ(j["outlets"][0], "تقرير 7");
  const auto& cell = j["matrix"][0]["cells"][0];
  EXPECT_EQ(cell["outlet"], "تقرير 7");
  for (const char* key : {"article", "outlet", "slot", "value", "min", "max", "approximate",
                          "speaker", "via", "modality", "text", "span"}) {
    EXPECT_TRUE(cell["claims"][0].contains(key)) << key;
  }
  EXPECT_TRUE(j["agreements"].is_number());
}

}  // namespace
}  // namespace marsad
