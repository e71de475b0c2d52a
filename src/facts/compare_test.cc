// The story comparison on hand-built claims and on our own short reports.
#include <gtest/gtest.h>

#include <limits>
#include <set>
#include <string>
#include <vector>

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

TEST(CompareTest, JsonLimitsKeepBothSidesAndSayTheTotals) {
  // Three outlets say 10 killed, a fourth says 50: one disagreement, three
  // claims against one.
  Document a = Report(1, "أ", {Figure("killed", 10, 10, false, "")});
  Document b = Report(2, "ب", {Figure("killed", 10, 10, false, "")});
  Document c = Report(3, "ج", {Figure("killed", 10, 10, false, "")});
  Document d = Report(4, "د", {Figure("killed", 50, 50, false, "")});
  Comparison cmp = CompareStory({&a, &b, &c, &d});
  ASSERT_EQ(cmp.disagreements.size(), 1u);
  nlohmann::json full = ComparisonToJson(cmp);
  EXPECT_EQ(full["disagreements"][0]["claims"].size(), 4u);
  EXPECT_FALSE(full["disagreements"][0].contains("claims_total"));
  nlohmann::json j = ComparisonToJson(cmp, {.max_claims = 2});
  const auto& dis = j["disagreements"][0];
  ASSERT_EQ(dis["claims"].size(), 2u);
  EXPECT_EQ(dis["claims_total"], 4);
  std::set<std::string> values;
  for (const auto& cl : dis["claims"]) values.insert(cl["value"]);
  EXPECT_EQ(values, (std::set<std::string>{"10", "50"}));
  for (const auto& cell : j["matrix"][0]["cells"])
    EXPECT_TRUE(cell["claims"][0]["disputed"].get<bool>());
  EXPECT_EQ(j["disagreements_total"], 1);

  // Five figures that all differ: ten disagreements, three kept.
  std::vector<Document> docs;
  for (int i = 1; i <= 5; ++i)
    docs.push_back(Report(i, std::string(1, static_cast<char>('a' + i)),
                          {Figure("killed", i * 10, i * 10, false, "")}));
  std::vector<const Document*> ptrs;
  for (const Document& x : docs) ptrs.push_back(&x);
  Comparison many = CompareStory(ptrs);
  ASSERT_EQ(many.disagreements.size(), 10u);
  nlohmann::json k = ComparisonToJson(many, {.max_disagreements = 3});
  EXPECT_EQ(k["disagreements"].size(), 3u);
  EXPECT_EQ(k["disagreements_total"], 10);
}

TEST(CompareTest, AClaimNoDisagreementNamesIsNotDisputed) {
  Document a = Report(1, "أ", {Figure("killed", 12, 12, false, "")});
  Document b = Report(2, "ب", {Figure("killed", 12, 12, false, "")});
  nlohmann::json j = ComparisonToJson(CompareStory({&a, &b}));
  EXPECT_FALSE(j["matrix"][0]["cells"][0]["claims"][0]["disputed"].get<bool>());
}

}  // namespace
}  // namespace marsad
