// The story comparison on hand-built claims and on our own short reports.
#include "src/facts/compare.h"

#include <gtest/gtest.h>

#include <limits>
#include <set>
#include <string>
#include <vector>

#include "src/facts/facts.h"
#include "src/facts/test_lexicon.h"
#include "src/text/analyze.h"
#include "src/text/test_tables.h"

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

Document Report(int64_t id, const std::string& outlet,
                std::vector<Claim> claims) {
  Document d;
  d.id = id;
  d.outlet = outlet;
  d.text = "x";
  d.claims = std::move(claims);
  return d;
}

std::vector<const Disagreement*> OfKind(const Comparison& c,
                                        const std::string& kind) {
  std::vector<const Disagreement*> out;
  for (const Disagreement& d : c.disagreements) {
    if (d.kind == kind) out.push_back(&d);
  }
  return out;
}

TEST(CompareTest, SameFigureIsAnAgreementNotADisagreement) {
  Document a = Report(1, "أ", {Figure("killed", 12, 12, false, "")});
  Document b = Report(2, "ب", {Figure("killed", 12, 12, false, "")});
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  EXPECT_TRUE(c.disagreements.empty());
  EXPECT_EQ(c.agreements, 1);
  ASSERT_EQ(c.matrix.size(), 1u);
  EXPECT_EQ(c.matrix[0].cells.size(), 2u);
}

TEST(CompareTest, ApproximateFiguresOverlapWithinTenPercent) {
  Document a = Report(1, "أ", {Figure("killed", 100, 100, true, "")});
  Document b = Report(2, "ب", {Figure("killed", 105, 105, false, "")});
  EXPECT_TRUE(CompareStory(TestFactsLexicon(), {&a, &b}).disagreements.empty());
  Document x = Report(3, "ج", {Figure("killed", 150, 150, false, "")});
  EXPECT_EQ(OfKind(CompareStory(TestFactsLexicon(), {&a, &x}), "size").size(),
            1u);
}

TEST(CompareTest, InjuredVersusCombinedIsDifferentInKindAndSize) {
  Document a = Report(1, "أ", {Figure("injured", 25, 25, false, "الوزارة")});
  Document b =
      Report(2, "ب", {Figure("killed_or_injured", 150, 150, true, "مصادر")});
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  auto d = OfKind(c, "kind_and_size");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0]->claims.size(), 2u);
  EXPECT_EQ(d[0]->slots,
            (std::vector<std::string>{"injured", "killed_or_injured"}));
}

// The wounded outnumber the dead: 40 killed beside about 150 killed and
// wounded is consistent; 25 injured beside it (the seeds) is not.
TEST(CompareTest, ACombinedCountAboveADeathTollIsConsistent) {
  Document a = Report(1, "أ", {Figure("killed", 40, 40, false, "الوزارة")});
  Document b =
      Report(2, "ب", {Figure("killed_or_injured", 150, 150, true, "مصادر")});
  EXPECT_TRUE(CompareStory(TestFactsLexicon(), {&a, &b}).disagreements.empty());
  Document c = Report(3, "ج", {Figure("killed", 250, 250, false, "الوزارة")});
  EXPECT_EQ(OfKind(CompareStory(TestFactsLexicon(), {&c, &b}), "kind_and_size")
                .size(),
            1u);
}

TEST(CompareTest, KilledAndInjuredAreNotCompared) {
  Document a = Report(1, "أ", {Figure("injured", 25, 25, false, "")});
  Document b = Report(2, "ب", {Figure("killed", 3, 3, false, "")});
  EXPECT_TRUE(CompareStory(TestFactsLexicon(), {&a, &b}).disagreements.empty());
}

TEST(CompareTest, LowerBoundOverlapsLargerFigures) {
  double inf = std::numeric_limits<double>::infinity();
  Document a = Report(1, "أ", {Figure("killed", 20, inf, true, "")});
  Document b = Report(2, "ب", {Figure("killed", 35, 35, false, "")});
  EXPECT_TRUE(CompareStory(TestFactsLexicon(), {&a, &b}).disagreements.empty());
}

TEST(CompareTest, OneSourceNeverDisagreesWithItself) {
  Document a = Report(1, "أ",
                      {Figure("killed", 3, 3, false, "الشرطة"),
                       Figure("killed", 5, 5, false, "الشرطة")});
  EXPECT_TRUE(CompareStory(TestFactsLexicon(), {&a}).disagreements.empty());
}

TEST(CompareTest, AssertionVersusDenialFromText) {
  auto run = [](int64_t id, const std::string& outlet,
                const std::string& text) {
    Document d;
    d.id = id;
    d.outlet = outlet;
    d.text = text;
    TextAnalysis a;
    a.Build(d.text, TestTextTables());
    AnalyzeText(TestTextTables(), a, &d);
    FactsFinder(TestFactsLexicon(), a, &d).Run();
    return d;
  };
  Document a =
      run(1, "أ", "وقال مصدر محلي إن القصف طال مواقع بينهم جنود أتراك.");
  Document b = run(2, "ب", "ونفت الوزارة وجود جنود أتراك في المنطقة.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
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
  nlohmann::json j = ComparisonToJson(CompareStory(TestFactsLexicon(), {&a}));
  EXPECT_EQ(j["outlets"][0], "تقرير 7");
  const auto& cell = j["matrix"][0]["cells"][0];
  EXPECT_EQ(cell["outlet"], "تقرير 7");
  for (const char* key :
       {"article", "outlet", "slot", "value", "min", "max", "approximate",
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
  Comparison cmp = CompareStory(TestFactsLexicon(), {&a, &b, &c, &d});
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

  // Five figures that all differ: one contested point, one disagreement.
  std::vector<Document> docs;
  for (int i = 1; i <= 5; ++i)
    docs.push_back(Report(i, std::string(1, static_cast<char>('a' + i)),
                          {Figure("killed", i * 10, i * 10, false, "")}));
  std::vector<const Document*> ptrs;
  for (const Document& x : docs) ptrs.push_back(&x);
  Comparison many = CompareStory(TestFactsLexicon(), ptrs);
  ASSERT_EQ(many.points.size(), 1u);
  EXPECT_EQ(many.points[0].positions.size(), 5u);
  EXPECT_EQ(many.disagreements.size(), 1u);
  nlohmann::json k = ComparisonToJson(many, {.max_points = 1, .max_claims = 1});
  EXPECT_EQ(k["points"].size(), 1u);
  EXPECT_EQ(k["points_total"], 1);
  EXPECT_EQ(k["contested_total"], 1);
}

TEST(CompareTest, AClaimNoDisagreementNamesIsNotDisputed) {
  Document a = Report(1, "أ", {Figure("killed", 12, 12, false, "")});
  Document b = Report(2, "ب", {Figure("killed", 12, 12, false, "")});
  nlohmann::json j =
      ComparisonToJson(CompareStory(TestFactsLexicon(), {&a, &b}));
  EXPECT_FALSE(j["matrix"][0]["cells"][0]["claims"][0]["disputed"].get<bool>());
}

// Our own short reports (made up for these tests), through the fact stage.
Document Analyzed(int64_t id, const std::string& outlet,
                  const std::string& published, const std::string& text) {
  Document d;
  d.id = id;
  d.outlet = outlet;
  d.published = published;
  d.text = text;
  TextAnalysis a;
  a.Build(d.text, TestTextTables());
  AnalyzeText(TestTextTables(), a, &d);
  FactsFinder(TestFactsLexicon(), a, &d).Run();
  return d;
}

const ContestedPoint* PointAbout(const Comparison& c, const std::string& about,
                                 const std::string& scope = "incident") {
  for (const ContestedPoint& p : c.points) {
    if (p.about == about && p.scope == scope) return &p;
  }
  return nullptr;
}

std::string Dump(const ContestedPoint& p) {
  std::string s;
  for (const PointPosition& pos : p.positions) {
    s += pos.value + "{" + pos.source + "}" + pos.slot + "/" + pos.modality +
         " ";
  }
  return s;
}

int Contested(const Comparison& c) {
  int n = 0;
  for (const ContestedPoint& p : c.points) n += p.contested;
  return n;
}

TEST(ComparePointsTest, ARisingTollIsATimelineNotADispute) {
  Document a =
      Analyzed(1, "أ", "2030-04-02T08:00:00+00:00",
               "وقالت مصادر طبية إن 7 أشخاص قتلوا في قصف على بلدة الزيتون.");
  Document b = Analyzed(
      2, "ب", "2030-04-02T20:00:00+00:00",
      "وقال الدفاع المدني إن القصف على بلدة الزيتون أسفر عن مقتل 19 شخصا.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* killed = PointAbout(c, "killed");
  ASSERT_NE(killed, nullptr);
  EXPECT_EQ(killed->positions.size(), 2u);
  EXPECT_FALSE(killed->contested);
  EXPECT_TRUE(killed->timeline);
  EXPECT_TRUE(c.disagreements.empty());
}

TEST(ComparePointsTest, FiguresAtTheSameHourAreContestedOncePerPoint) {
  Document a =
      Analyzed(1, "أ", "2030-04-02T10:00:00+00:00",
               "وقالت مصادر طبية إن 7 أشخاص قتلوا في قصف على بلدة الزيتون.");
  Document b = Analyzed(
      2, "ب", "2030-04-02T10:40:00+00:00",
      "وقال الدفاع المدني إن القصف على بلدة الزيتون أسفر عن مقتل 19 شخصا.");
  Document d = Analyzed(
      3, "ج", "2030-04-02T11:00:00+00:00",
      "وقال الدفاع المدني إن القصف على بلدة الزيتون أسفر عن مقتل 19 شخصا.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b, &d});
  const ContestedPoint* killed = PointAbout(c, "killed");
  ASSERT_NE(killed, nullptr);
  EXPECT_TRUE(killed->contested);
  ASSERT_EQ(killed->positions.size(), 2u) << Dump(*killed);
  EXPECT_EQ(Contested(c), 1);
  // The 19 of the civil defence: one position, two reports, the earliest first.
  const PointPosition& p19 = killed->positions[1];
  EXPECT_EQ(p19.value, "19");
  EXPECT_EQ(p19.reports, 2);
  EXPECT_EQ(p19.first_article, 2);
  EXPECT_EQ(p19.outlets, (std::vector<std::string>{"ب", "ج"}));
  for (int i : p19.claims) {
    const ComparedClaim& cc = c.claims[i];
    const Document& doc = cc.article == 2 ? b : d;
    EXPECT_EQ(std::string(cc.claim.span.In(doc.text)), cc.text);
  }
  EXPECT_EQ(c.points[0].about, "killed");  // contested first
}

TEST(ComparePointsTest, AWiderTotalIsKeptApart) {
  Document a =
      Analyzed(1, "أ", "2030-04-02T10:00:00+00:00",
               "وقالت مصادر طبية إن 7 أشخاص قتلوا في قصف على بلدة الزيتون.");
  Document b =
      Analyzed(2, "ب", "2030-04-02T10:30:00+00:00",
               "وقال المرصد إن 640 شخصا قتلوا منذ بداية الهجوم على المنطقة.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  ASSERT_NE(PointAbout(c, "killed"), nullptr);
  ASSERT_NE(PointAbout(c, "killed", "wider"), nullptr);
  EXPECT_EQ(Contested(c), 0);
}

TEST(ComparePointsTest, AnEarlierIncidentIsNotCompared) {
  Document a =
      Analyzed(1, "أ", "2030-04-02T10:00:00+00:00",
               "وقالت مصادر طبية إن 7 أشخاص قتلوا في قصف على بلدة الزيتون.");
  Document b = Analyzed(2, "ب", "2030-04-02T10:30:00+00:00",
                        "ويأتي القصف في ذكرى مقتل 40 شخصا في البلدة نفسها.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* killed = PointAbout(c, "killed");
  ASSERT_NE(killed, nullptr);
  EXPECT_EQ(killed->positions.size(), 1u);
  EXPECT_EQ(Contested(c), 0);
}

TEST(ComparePointsTest, AboutAHundredAgainstDozensIsNoConflict) {
  Document a =
      Report(1, "أ", {Figure("killed", 100, 100, true, "الصليب الأحمر")});
  Claim dozens = Figure("killed", 20, 99, true, "مسعفون");
  Document b = Report(2, "ب", {dozens});
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  EXPECT_EQ(Contested(c), 0);
  EXPECT_TRUE(c.disagreements.empty());
}

TEST(ComparePointsTest, ChemicalUseAssertedAgainstDenied) {
  Document a =
      Analyzed(1, "أ", "2030-04-02T10:00:00+00:00",
               "وقالت منظمة إغاثة إن القوات استخدمت غاز الكلور في قصف البلدة.");
  Document b =
      Analyzed(2, "ب", "2030-04-02T18:00:00+00:00",
               "ونفت وزارة الدفاع استخدام أي أسلحة كيماوية في البلدة.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* weapon = PointAbout(c, "weapon:chemical");
  ASSERT_NE(weapon, nullptr);
  EXPECT_TRUE(weapon->contested);
  std::set<std::string> modalities;
  for (const PointPosition& p : weapon->positions)
    modalities.insert(p.modality);
  EXPECT_TRUE(modalities.count("denied"));
  EXPECT_TRUE(modalities.count("asserted"));
  bool found = false;
  for (const Disagreement& d : c.disagreements)
    found |= d.kind == "assertion_vs_denial";
  EXPECT_TRUE(found);
}

TEST(ComparePointsTest, ResponsibilityClaimedAgainstDenied) {
  Document a = Analyzed(
      1, "أ", "2030-04-02T10:00:00+00:00",
      "واتهم المتحدث باسم الشرطة جماعة مسلحة بتنفيذ التفجير في السوق.");
  Document b = Analyzed(2, "ب", "2030-04-02T12:00:00+00:00",
                        "ونفت الجماعة مسؤوليتها عن التفجير في السوق.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* resp = PointAbout(c, "responsibility");
  ASSERT_NE(resp, nullptr);
  EXPECT_TRUE(resp->contested) << Dump(*resp);
  nlohmann::json j = ComparisonToJson(c);
  bool shown = false;
  for (const auto& p : j["points"])
    shown |= p["kind"] == "responsibility" && p["contested"];
  EXPECT_TRUE(shown);
}

// Issue 22, dev stories: a toll over days (خلال الأيام، منذ الأحد) is a
// wider total, kept apart from the day's own toll given in the same report.
TEST(ComparePointsTest, ATollOverDaysIsWiderThanTheDays) {
  Document a =
      Analyzed(1, "أ", "2030-04-02T10:00:00+00:00",
               "وقال المرصد إن 400 مدني قتلوا خلال الأيام الماضية. وقالت مصادر "
               "طبية إن 46 مدنيا قتلوا يوم الخميس.");
  Document b =
      Analyzed(2, "ب", "2030-04-02T10:30:00+00:00",
               "وقال الدفاع المدني إن القصف أوقع 250 قتيلا منذ الأحد.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* wider = PointAbout(c, "killed", "wider");
  ASSERT_NE(wider, nullptr);
  EXPECT_EQ(wider->positions.size(), 2u) << Dump(*wider);
  const ContestedPoint* day = PointAbout(c, "killed");
  ASSERT_NE(day, nullptr);
  EXPECT_FALSE(day->contested) << Dump(*day);
}

// "X يتحمل المسؤولية" holds X responsible; the party never takes the
// responsibility word (الجيش, not "الجيش المسؤولية").
TEST(ComparePointsTest, ResponsibilityBorneByThePartyBeforeTheVerb) {
  Document a =
      Analyzed(1, "أ", "2030-04-02T10:00:00+00:00",
               "وقال المتحدث إن الجيش يتحمل المسؤولية الكاملة عن الأحداث.");
  Document b = Analyzed(2, "ب", "2030-04-02T11:00:00+00:00",
                        "وحمّل الوزير الحوثيين المسؤولية عن سقوط الضحايا.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* resp = PointAbout(c, "responsibility");
  ASSERT_NE(resp, nullptr);
  std::set<std::string> parties;
  for (const PointPosition& p : resp->positions) parties.insert(p.value);
  EXPECT_TRUE(parties.count("الجيش")) << Dump(*resp);
  EXPECT_TRUE(parties.count("الحوثيين")) << Dump(*resp);
  EXPECT_TRUE(resp->contested) << Dump(*resp);
}

// Issue 22: a denial of one's part in an attack (نفى ضلوع روسيا في القصف)
// denies responsibility, not that the attack happened, even inside the
// denier's own quotation.
TEST(ComparePointsTest, ADenialOfInvolvementIsNoDenialOfTheAttack) {
  Document a = Analyzed(1, "أ", "2030-04-02T10:00:00+00:00",
                        "وقال الدفاع المدني إن القصف استهدف سوق البلدة.");
  Document b = Analyzed(2, "ب", "2030-04-02T11:00:00+00:00",
                        "ونفى الكرملين ضلوع روسيا في القصف على سوق البلدة.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* occurred = PointAbout(c, "attack");
  ASSERT_NE(occurred, nullptr);
  EXPECT_FALSE(occurred->contested) << Dump(*occurred);
  const ContestedPoint* resp = PointAbout(c, "responsibility");
  ASSERT_NE(resp, nullptr);
  EXPECT_EQ(resp->positions[0].modality, "denied") << Dump(*resp);
}

// A ceasefire (وقف إطلاق النار) names no attack, and adopting a text (تبني
// مشروع قرار) claims no responsibility.
TEST(ComparePointsTest, ACeasefireAndAnAdoptedResolutionAreNoPoints) {
  Document a = Analyzed(
      1, "أ", "2030-04-02T10:00:00+00:00",
      "ونفت روسيا اتفاقا على وقف لإطلاق النار في المنطقة. وفشل تبني مشروع "
      "قرار في مجلس الأمن الدولي.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a});
  EXPECT_EQ(PointAbout(c, "attack"), nullptr);
  EXPECT_EQ(PointAbout(c, "responsibility"), nullptr);
}

// A claim of responsibility in noun form (أعلن التنظيم مسؤوليته) names the
// party; "no group has claimed it" claims nothing.
TEST(ComparePointsTest, ResponsibilityAnnouncedInNounForm) {
  Document a = Analyzed(1, "أ", "2030-04-02T10:00:00+00:00",
                        "وأعلن تنظيم داعش مسؤوليته عن الهجوم على الكنيسة.");
  Document b = Analyzed(2, "ب", "2030-04-02T09:00:00+00:00",
                        "ولم تعلن أي جهة مسؤوليتها عن الهجوم على الكنيسة.");
  Comparison ca = CompareStory(TestFactsLexicon(), {&a});
  const ContestedPoint* resp = PointAbout(ca, "responsibility");
  ASSERT_NE(resp, nullptr);
  ASSERT_EQ(resp->positions.size(), 1u);
  EXPECT_NE(resp->positions[0].value.find("داعش"), std::string::npos)
      << Dump(*resp);
  EXPECT_EQ(
      PointAbout(CompareStory(TestFactsLexicon(), {&b}), "responsibility"),
      nullptr);
}

// An accusation of something other than violence (اتهم موسكو بعرقلة
// المفاوضات) holds no one responsible for the attack.
TEST(ComparePointsTest, AnAccusationOfNoViolenceIsNoResponsibility) {
  Document a = Analyzed(1, "أ", "2030-04-02T10:00:00+00:00",
                        "واتهمت الخارجية الأميركية موسكو بعرقلة المفاوضات.");
  EXPECT_EQ(
      PointAbout(CompareStory(TestFactsLexicon(), {&a}), "responsibility"),
      nullptr);
  Document b = Analyzed(2, "ب", "2030-04-02T10:00:00+00:00",
                        "واتهم الحوثيون التحالف بقيادة السعودية بتنفيذهما.");
  Comparison cb = CompareStory(TestFactsLexicon(), {&b});
  const ContestedPoint* resp = PointAbout(cb, "responsibility");
  ASSERT_NE(resp, nullptr);
  EXPECT_NE(resp->positions[0].value.find("التحالف"), std::string::npos)
      << Dump(*resp);
}

// A report called fabricated (مفبركة) denies the chemical attack it names.
TEST(ComparePointsTest, AFabricatedReportDeniesTheChemicalClaim) {
  Document a =
      Analyzed(1, "أ", "2030-04-02T10:00:00+00:00",
               "وقالت منظمة إغاثة إن القوات استخدمت غاز الكلور في قصف البلدة.");
  Document b =
      Analyzed(2, "ب", "2030-04-02T12:00:00+00:00",
               "ووصف الوزير التقارير عن هجوم كيماوي في البلدة بأنها مفبركة.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* weapon = PointAbout(c, "weapon:chemical");
  ASSERT_NE(weapon, nullptr);
  EXPECT_TRUE(weapon->contested) << Dump(*weapon);
}

// Election fraud alleged against a fair vote: an "other" point, contested.
TEST(ComparePointsTest, ElectionFraudAllegedAgainstAFairVote) {
  Document a = Analyzed(1, "أ", "2030-04-02T10:00:00+00:00",
                        "وطالب الائتلاف بإلغاء نتائج الانتخابات بسبب التزوير.");
  Document b = Analyzed(2, "ب", "2030-04-02T12:00:00+00:00",
                        "وقالت الخارجية إن الانتخابات كانت حرة ونزيهة.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* fraud = PointAbout(c, "other:election_fraud");
  ASSERT_NE(fraud, nullptr);
  EXPECT_EQ(fraud->kind, "other");
  EXPECT_TRUE(fraud->contested) << Dump(*fraud);
  EXPECT_EQ(PointLabel(*fraud), "تزوير الانتخابات");
  // Fraud doubted of a vote (تشكيك في نزاهة) is fraud asserted, not denied.
  Document d = Analyzed(3, "ج", "2030-04-02T12:00:00+00:00",
                        "وأعلن الحزب التشكيك في نزاهة الانتخابات.");
  Comparison cd = CompareStory(TestFactsLexicon(), {&d});
  const ContestedPoint* doubted = PointAbout(cd, "other:election_fraud");
  ASSERT_NE(doubted, nullptr);
  EXPECT_EQ(doubted->positions[0].value, "asserted") << Dump(*doubted);
}

// Figures of different populations (جنود، مدنيون) and of incidents on
// different days are different counts, never a conflict.
TEST(ComparePointsTest, DifferentPopulationsAndDaysAreNoConflict) {
  Document a = Analyzed(1, "أ", "2030-04-02T10:00:00+00:00",
                        "وقال الجيش إن 46 جنديا قتلوا في الهجوم على البلدة.");
  Document b = Analyzed(2, "ب", "2030-04-02T10:30:00+00:00",
                        "وقال المرصد إن 289 مدنيا قتلوا في الهجوم على البلدة.");
  EXPECT_EQ(Contested(CompareStory(TestFactsLexicon(), {&a, &b})), 0);
  Document d = Analyzed(
      3, "ج", "2030-04-02T10:00:00+00:00",
      "وقالت مصادر طبية إن غارة يوم الأحد 31 مارس 2030 أسفرت عن مقتل 7 أشخاص.");
  Document e = Analyzed(4, "د", "2030-04-02T10:30:00+00:00",
                        "وقال الدفاع المدني إن غارة يوم الثلاثاء 2 أبريل 2030 "
                        "أسفرت عن مقتل 30 شخصا.");
  EXPECT_EQ(Contested(CompareStory(TestFactsLexicon(), {&d, &e})), 0);
  // The same day's figures from two sources do conflict.
  Document f = Analyzed(5, "هـ", "2030-04-02T10:30:00+00:00",
                        "وقال الدفاع المدني إن غارة يوم الأحد 31 مارس 2030 "
                        "أسفرت عن مقتل 30 شخصا.");
  EXPECT_EQ(Contested(CompareStory(TestFactsLexicon(), {&d, &f})), 1);
}

// Our own report with place entities, as the entities stage would tag
// them: each (surface, gazetteer id) found in the text is a LOC mention.
Document WithPlaces(
    int64_t id, const std::string& outlet, const std::string& published,
    const std::string& text,
    const std::vector<std::pair<std::string, std::string>>& places) {
  Document d;
  d.id = id;
  d.outlet = outlet;
  d.published = published;
  d.text = text;
  TextAnalysis a;
  a.Build(d.text, TestTextTables());
  AnalyzeText(TestTextTables(), a, &d);
  for (const auto& [surface, place_id] : places) {
    size_t at = text.find(surface);
    if (at == std::string::npos) continue;
    EntityMention m;
    m.span = {static_cast<uint32_t>(at),
              static_cast<uint32_t>(at + surface.size())};
    m.type = EntityType::kLocation;
    m.text = surface;
    m.canonical = surface;
    m.entity_id = place_id;
    d.entities.push_back(m);
  }
  FactsFinder(TestFactsLexicon(), a, &d).Run();
  return d;
}

// Issue 22, round 6: a town's toll is no rival of another town's (two
// provinces of one country); the same town, or a town against its country,
// still compares.
TEST(ComparePointsTest, Issue22FiguresOfDifferentPlacesAreNoRivals) {
  Document a = WithPlaces(
      1, "أ", "2030-04-02T10:00:00+00:00",
      "وقالت الشرطة إن الاحتجاجات أسفرت عن إصابة 12 شخصا في الديوانية.",
      {{"الديوانية", "geo:99762"}});
  Document b =
      WithPlaces(2, "ب", "2030-04-02T10:30:00+00:00",
                 "وقال مصدر طبي إن الاحتجاجات أسفرت عن إصابة 30 شخصا في بغداد.",
                 {{"بغداد", "geo:98182"}});
  Comparison apart = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* injured = PointAbout(apart, "injured");
  ASSERT_NE(injured, nullptr) << apart.points.size();
  EXPECT_EQ(injured->positions.size(), 2u) << Dump(*injured);
  EXPECT_FALSE(injured->contested) << Dump(*injured);
  // The same town from two sources does conflict.
  Document c = WithPlaces(
      3, "ج", "2030-04-02T10:30:00+00:00",
      "وقال مصدر طبي إن الاحتجاجات أسفرت عن إصابة 30 شخصا في الديوانية.",
      {{"الديوانية", "geo:99762"}});
  EXPECT_EQ(Contested(CompareStory(TestFactsLexicon(), {&a, &c})), 1);
  // A town against its country: a place inside the other, still one count.
  Document d = WithPlaces(
      4, "د", "2030-04-02T10:30:00+00:00",
      "وقال مصدر طبي إن الاحتجاجات أسفرت عن إصابة 30 شخصا في العراق.",
      {{"العراق", "ctry:IQ"}});
  EXPECT_EQ(Contested(CompareStory(TestFactsLexicon(), {&a, &d})), 1);
  // The place noun المدينة ("the city") taken for Medina names no place.
  Document e = WithPlaces(
      5, "هـ", "2030-04-02T10:30:00+00:00",
      "وقال مصدر طبي إن الاحتجاجات أسفرت عن إصابة 30 شخصا في المدينة.",
      {{"المدينة", "geo:109223"}});
  EXPECT_EQ(Contested(CompareStory(TestFactsLexicon(), {&a, &e})), 1);
}

// An accusation across commas names its party (اتهمت الخارجية، الثلاثاء،
// الجيش الروسي), and its accuser is the subject between the verb and the party.
TEST(ComparePointsTest, TheAccuserAndThePartyOfAnAccusation) {
  Document a =
      Analyzed(1, "أ", "2030-04-02T10:00:00+00:00",
               "وحملت الولايات المتحدة حركة حماس المسؤولية عن أعمال العنف.");
  Comparison ca = CompareStory(TestFactsLexicon(), {&a});
  const ContestedPoint* resp = PointAbout(ca, "responsibility");
  ASSERT_NE(resp, nullptr);
  EXPECT_NE(resp->positions[0].value.find("حماس"), std::string::npos)
      << Dump(*resp);
  EXPECT_EQ(resp->positions[0].source, "الولايات المتحدة") << Dump(*resp);
  Document b =
      Analyzed(2, "ب", "2030-04-02T10:00:00+00:00",
               "بعدما اتهمت الخارجية الأميركية، الثلاثاء، الجيش الروسي "
               "بأنه مسؤول عن الهجمات.");
  Comparison cb = CompareStory(TestFactsLexicon(), {&b});
  resp = PointAbout(cb, "responsibility");
  ASSERT_NE(resp, nullptr);
  EXPECT_EQ(resp->positions[0].value, "الجيش الروسي") << Dump(*resp);
  const ComparedClaim& cc = cb.claims[resp->positions[0].claims[0]];
  EXPECT_NE(cc.text.find("الجيش"), std::string::npos) << cc.text;
}

// Full control of a town claimed against partial control in the same hour:
// an "other" point, contested; control described (الخاضعة لسيطرة) or
// intended (هدفهم الاستيلاء والسيطرة على) claims nothing, and partial control
// hours later is a timeline, not a dispute.
TEST(ComparePointsTest, FullControlAgainstPartialControl) {
  Document a =
      Analyzed(1, "أ", "2030-04-02T10:00:00+00:00",
               "وقال الرئيس إن القوات سيطرت على مركز مدينة الزيتون بالكامل.");
  Document b =
      Analyzed(2, "ب", "2030-04-02T10:30:00+00:00",
               "وقال المرصد إن القوات دخلت المدينة وسيطرت على أحياء منها.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* control = PointAbout(c, "other:control");
  ASSERT_NE(control, nullptr);
  EXPECT_TRUE(control->contested) << Dump(*control);
  EXPECT_EQ(PointLabel(*control), "السيطرة على المكان");
  Document late =
      Analyzed(3, "ج", "2030-04-02T20:00:00+00:00",
               "وقال المرصد إن القوات دخلت المدينة وسيطرت على أحياء منها.");
  Comparison cl = CompareStory(TestFactsLexicon(), {&a, &late});
  control = PointAbout(cl, "other:control");
  ASSERT_NE(control, nullptr);
  EXPECT_FALSE(control->contested) << Dump(*control);
  Document d = Analyzed(
      4, "د", "2030-04-02T10:00:00+00:00",
      "وقصفت الطائرات المناطق الخاضعة لسيطرة المعارضة. وقال الوزير إن هدفهم "
      "ليس القتال بل الاستيلاء والسيطرة على حقول النفط.");
  Comparison cd = CompareStory(TestFactsLexicon(), {&d});
  EXPECT_EQ(PointAbout(cd, "other:control"), nullptr);
  Document f =
      Analyzed(5, "هـ", "2030-04-02T10:00:00+00:00",
               "وأعلن الرئيس \"السيطرة الكاملة\" على مركز مدينة الزيتون.");
  Comparison cf = CompareStory(TestFactsLexicon(), {&f});
  EXPECT_NE(PointAbout(cf, "other:control"), nullptr);
}

// A party that denies its own strikes (نفى المتحدث باسم التحالف أن تكون
// غارات التحالف قد استهدفت ...) denies responsibility against the accusation.
TEST(ComparePointsTest, APartyDenyingItsOwnAttackDeniesResponsibility) {
  Document a = Analyzed(1, "أ", "2030-04-02T10:00:00+00:00",
                        "واتهم الحوثيون التحالف بشن الغارات على سوق البلدة.");
  Document b = Analyzed(
      2, "ب", "2030-04-02T12:00:00+00:00",
      "ونفى المتحدث باسم التحالف أن تكون غارات التحالف قد استهدفت سوق البلدة.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* resp = PointAbout(c, "responsibility");
  ASSERT_NE(resp, nullptr);
  EXPECT_TRUE(resp->contested) << Dump(*resp);
}

// Accusations rejected or called baseless deny responsibility, and leave the
// accusation they answer in the same sentence its own claim.
TEST(ComparePointsTest, RejectedAccusationsDenyResponsibility) {
  Document a =
      Analyzed(1, "أ", "2030-04-02T10:00:00+00:00",
               "ورفضت السلطات الاتهامات الموجهة لها بالتورط في قصف البلدة.");
  Comparison ca = CompareStory(TestFactsLexicon(), {&a});
  const ContestedPoint* resp = PointAbout(ca, "responsibility");
  ASSERT_NE(resp, nullptr);
  EXPECT_EQ(resp->positions[0].value, "denied") << Dump(*resp);
  Document b =
      Analyzed(2, "ب", "2030-04-02T10:00:00+00:00",
               "وقال الوزير \"إنها اتهامات لا أساس لها\" بعدما اتهمت الخارجية، "
               "الثلاثاء، الجيش الروسي بأنه مسؤول عن الهجمات.");
  Comparison cb = CompareStory(TestFactsLexicon(), {&b});
  resp = PointAbout(cb, "responsibility");
  ASSERT_NE(resp, nullptr);
  std::set<std::string> values;
  for (const PointPosition& p : resp->positions) values.insert(p.value);
  EXPECT_TRUE(values.count("denied")) << Dump(*resp);
  EXPECT_TRUE(values.count("الجيش الروسي")) << Dump(*resp);
}

// Round 3 of issue 22 (false flags). Names of one party (data/facts/
// parties.tsv) are no competing parties: "تنظيم الدولة الإسلامية" and
// "داعش".
TEST(ComparePointsTest, AliasesOfOnePartyAreNoCompetingParties) {
  Document a = Analyzed(
      1, "أ", "2030-04-02T10:00:00+00:00",
      "وأعلن تنظيم الدولة الإسلامية مسؤوليته عن التفجير في سوق البلدة.");
  Document b = Analyzed(2, "ب", "2030-04-02T10:30:00+00:00",
                        "وحمّل الوزير داعش المسؤولية عن التفجير في سوق البلدة.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* resp = PointAbout(c, "responsibility");
  ASSERT_NE(resp, nullptr);
  ASSERT_EQ(resp->positions.size(), 2u) << Dump(*resp);
  EXPECT_FALSE(resp->contested) << Dump(*resp);
  // Two parties that are not one still compete.
  Document d =
      Analyzed(3, "ج", "2030-04-02T10:30:00+00:00",
               "وحمّل الوزير الحوثيين المسؤولية عن التفجير في سوق البلدة.");
  const ContestedPoint* both = nullptr;
  Comparison cd = CompareStory(TestFactsLexicon(), {&a, &d});
  both = PointAbout(cd, "responsibility");
  ASSERT_NE(both, nullptr);
  EXPECT_TRUE(both->contested) << Dump(*both);
}

// A report that ends with the year's earlier crashes: a figure dated weeks
// before the happening, and the undated ones after it, are no figures of
// this story.
TEST(ComparePointsTest, ARecalledEarlierIncidentIsNotCompared) {
  Document a = Analyzed(1, "أ", "2030-05-19T10:00:00+00:00",
                        "وقالت السلطات إن تحطم الطائرة يوم الجمعة 18 مايو 2030 "
                        "أسفر عن مقتل 107 أشخاص.");
  Document b = Analyzed(
      2, "ب", "2030-05-19T10:30:00+00:00",
      "وقال مسؤولون إن تحطم الطائرة يوم الجمعة 18 مايو 2030 أسفر عن مقتل 107 "
      "أشخاص. وفي 11 فبراير 2030 تحطمت طائرة أخرى ولقي 71 راكبا مصرعهم. "
      "وبعد أسابيع سقطت طائرة في منطقة جبلية ما أدى إلى مقتل 59 راكبا.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* killed = PointAbout(c, "killed");
  ASSERT_NE(killed, nullptr);
  EXPECT_FALSE(killed->contested) << Dump(*killed);
  EXPECT_EQ(Contested(c), 0);
}

// One victim the report adds (مقتل مزارع في قصف) is no rival of a toll of
// several.
TEST(ComparePointsTest, OneVictimIsNoRivalOfAToll) {
  Document a =
      Analyzed(1, "أ", "2030-04-02T10:00:00+00:00",
               "وقالت مصادر طبية إن 14 شخصا قتلوا في القصف على البلدة، "
               "وأعلنت وزارة الصحة مقتل مزارع في قصف قرب السياج.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a});
  const ContestedPoint* killed = PointAbout(c, "killed");
  ASSERT_NE(killed, nullptr);
  ASSERT_EQ(killed->positions.size(), 2u) << Dump(*killed);
  EXPECT_FALSE(killed->contested) << Dump(*killed);
}

// A death sentence or an execution of N is another happening, and N of a
// country's nationals a part of the toll.
TEST(ComparePointsTest, AnExecutionAndNationalsAreNoRivalTolls) {
  Document a = Analyzed(1, "أ", "2030-04-02T10:00:00+00:00",
                        "وقالت الشرطة إن 12 شخصا قتلوا في القصف على المقر.");
  Document b = Analyzed(2, "ب", "2030-04-02T10:30:00+00:00",
                        "وأصدرت المحكمة، السبت، حكمها بإعدام 75 متهما.");
  EXPECT_EQ(Contested(CompareStory(TestFactsLexicon(), {&a, &b})), 0);
  Document d =
      Analyzed(3, "ج", "2030-04-02T10:30:00+00:00",
               "وأكدت الحكومة مقتل ستة من مواطنيها في القصف على المقر.");
  EXPECT_EQ(Contested(CompareStory(TestFactsLexicon(), {&a, &d})), 0);
}

// A denier denying its own act (نفت X أن تكون قد ...) denies its part in
// the attack, not that the attack happened.
TEST(ComparePointsTest, DenyingOnesOwnActIsNoDenialOfTheAttack) {
  Document a =
      Analyzed(1, "أ", "2030-04-02T10:00:00+00:00",
               "وقال الجيش إن القصف الصاروخي استهدف مواقعه في الهضبة.");
  Document b = Analyzed(2, "ب", "2030-04-02T11:00:00+00:00",
                        "ونفت الحكومة أن تكون قد أطلقت أي صواريخ على الهضبة.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* occurred = PointAbout(c, "attack");
  ASSERT_NE(occurred, nullptr);
  EXPECT_FALSE(occurred->contested) << Dump(*occurred);
  const ContestedPoint* resp = PointAbout(c, "responsibility");
  ASSERT_NE(resp, nullptr);
  EXPECT_EQ(resp->positions[0].modality, "denied") << Dump(*resp);
}

// Issue 22, round 4: a position's source. A figure outside every quotation
// takes the source its own sentence names (after وفقا/بحسب, or as the
// subject of a tallying verb); a bare head (المرصد) is completed by the
// article's fuller phrase; a report noun (أحدث حصيلة لـ) and a hashtag name
// the body behind them; the outlet's own voice stays "".
std::string SpeakerOf(const Document& d, const std::string& slot) {
  for (const Claim& c : d.claims) {
    if (c.slot == slot) return c.speaker;
  }
  return "<none>";
}

TEST(ComparePointsTest, AFigureTakesTheSourceItsSentenceNames) {
  const char* kWhen = "2030-04-02T10:00:00+00:00";
  EXPECT_EQ(SpeakerOf(Analyzed(1, "أ", kWhen,
                               "ووفقا للمرصد الوطني لحقوق الإنسان، قتل 14 "
                               "مدنيا في القصف على البلدة."),
                      "killed"),
            "المرصد الوطني لحقوق الإنسان");
  EXPECT_EQ(SpeakerOf(Analyzed(2, "أ", kWhen,
                               "وقال المرصد الوطني لحقوق الإنسان إن الغارة "
                               "استهدفت السوق. ووثق المرصد مقتل 9 أشخاص في "
                               "الغارة."),
                      "killed"),
            "المرصد الوطني لحقوق الإنسان");
  EXPECT_EQ(SpeakerOf(Analyzed(3, "أ", kWhen,
                               "في الوقت الذي أعلنت فيه وزارة الصحة المحلية "
                               "ارتفاع عدد القتلى إلى 20 شخصا."),
                      "killed"),
            "وزارة الصحة المحلية");
  EXPECT_EQ(SpeakerOf(Analyzed(4, "أ", kWhen,
                               "قتل 5 أشخاص في الهجوم، بحسب أحدث حصيلة "
                               "لوزارة الصحة."),
                      "killed"),
            "وزارة الصحة");
  EXPECT_EQ(SpeakerOf(Analyzed(5, "أ", kWhen,
                               "وقالت #منظمة_العفو_الدولية إن 3 أشخاص قتلوا "
                               "في الهجوم."),
                      "killed"),
            "منظمة العفو الدولية");
  EXPECT_EQ(SpeakerOf(Analyzed(7, "أ", kWhen,
                               "استهدف القصف مقر الحزب الديمقراطي الوطني في "
                               "المدينة. وقال الحزب إن 12 شخصا قتلوا في "
                               "القصف."),
                      "killed"),
            "الحزب الديمقراطي الوطني");
  EXPECT_EQ(SpeakerOf(Analyzed(8, "أ", kWhen,
                               "وقال المرصد الوطني لحقوق الإنسان إن الغارة "
                               "استهدفت السوق. وقال مدير المرصد سامي الأحمد إن "
                               "12 شخصا قتلوا في الغارة."),
                      "killed"),
            "مدير المرصد الوطني لحقوق الإنسان سامي الأحمد");
  EXPECT_EQ(
      SpeakerOf(Analyzed(6, "أ", kWhen, "قتل 5 أشخاص في الهجوم على السوق."),
                "killed"),
      "");
}

// Who holds a responsibility position when no quotation names one: the
// claimant itself, the accuser written before its verb, the one who
// rejects the accusations (not the accusations after it).
TEST(ComparePointsTest, TheSourceOfAResponsibilityPosition) {
  const char* kWhen = "2030-04-02T10:00:00+00:00";
  EXPECT_EQ(SpeakerOf(Analyzed(1, "أ", kWhen,
                               "وأصدر تنظيم داعش بيانا أعلن فيه مسؤوليته عن "
                               "الهجوم."),
                      "responsibility"),
            "تنظيم داعش");
  EXPECT_EQ(SpeakerOf(Analyzed(2, "أ", kWhen,
                               "لكن وسائل الإعلام الرسمية اتهمت التحالف بشن "
                               "الغارة على المدينة."),
                      "responsibility"),
            "وسائل الإعلام الرسمية");
  EXPECT_EQ(SpeakerOf(Analyzed(3, "أ", kWhen,
                               "ورفضت السلطات الاتهامات الموجهة إليها."),
                      "responsibility"),
            "السلطات");
}

// A force's own soldiers (46 من جنوده) and the fighters of the other side
// (400 عنصر) are two counts, also once each has its own source.
TEST(ComparePointsTest, ItsSoldiersAndTheOtherSidesFightersAreTwoCounts) {
  Document a = Analyzed(
      1, "أ", "2030-04-02T10:00:00+00:00",
      "ووثق المرصد مقتل أكثر من 400 عنصر من الفصائل في المعارك. كما أعلن "
      "الجيش حتى الآن عن مقتل 46 من جنوده.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a});
  const ContestedPoint* killed = PointAbout(c, "killed");
  ASSERT_NE(killed, nullptr);
  ASSERT_EQ(killed->positions.size(), 2u) << Dump(*killed);
  EXPECT_FALSE(killed->contested) << Dump(*killed);
}

// A denier that names another doer (X هي من نفذت), that denies its own
// means (استهداف غاراته) or accuses another party of the attacks denies its
// part, not that the attack happened; the cleft names the doer.
TEST(ComparePointsTest, ADenierNamingAnotherDoerDeniesItsPartNotTheAttack) {
  Document a = Analyzed(1, "أ", "2030-04-02T10:00:00+00:00",
                        "وقال مسعفون إن غارة جوية استهدفت السوق في المدينة.");
  for (const char* text :
       {"ونفى الجيش قصف السوق، مؤكدا أن الحوثيين هم من نفذوا الهجوم.",
        "الجيش ينفي استهداف طائراته للسوق في المدينة.",
        "ونفى المتحدث باسم الجيش القيام بأي عمليات في المدينة، متهما "
        "الحوثيين بالوقوف وراء الهجمات التي أسقطت عشرات المدنيين."}) {
    Document b = Analyzed(2, "ب", "2030-04-02T11:00:00+00:00", text);
    Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
    const ContestedPoint* occurred = PointAbout(c, "attack");
    ASSERT_NE(occurred, nullptr) << text;
    EXPECT_FALSE(occurred->contested) << text << " " << Dump(*occurred);
  }
  Document b =
      Analyzed(2, "ب", "2030-04-02T11:00:00+00:00",
               "ونفى الجيش قصف السوق، مؤكدا أن الحوثيين هم من نفذوا الهجوم.");
  bool party = false, denied = false;
  for (const Claim& cl : b.claims) {
    if (cl.slot != "responsibility") continue;
    party |= cl.value == "الحوثيين";
    denied |= cl.modality == "denied";
  }
  EXPECT_TRUE(party);
  EXPECT_TRUE(denied);
}

// A toll rising over the morning through several voices is a timeline: the
// later report, two hours on, has the higher figure. A later report with a
// lower figure, or voices within the hour, still disagree.
TEST(ComparePointsTest, ATollRisingThroughSeveralVoicesIsATimeline) {
  Document a = Analyzed(
      1, "أ", "2030-04-02T08:00:00+00:00",
      "وقال المتحدث باسم الشرطة إن 13 شخصا أصيبوا في التفجير على الكنيسة.");
  Document b = Analyzed(
      2, "ب", "2030-04-02T10:00:00+00:00",
      "وقالت مصادر طبية إن التفجير على الكنيسة أسفر عن إصابة 35 شخصا.");
  Comparison up = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* injured = PointAbout(up, "injured");
  ASSERT_NE(injured, nullptr);
  EXPECT_FALSE(injured->contested) << Dump(*injured);
  EXPECT_TRUE(injured->timeline);
  Document later_lower = Analyzed(
      3, "ج", "2030-04-02T10:00:00+00:00",
      "وقال المتحدث باسم الشرطة إن 13 شخصا أصيبوا في التفجير على الكنيسة.");
  Document earlier_higher = Analyzed(
      4, "د", "2030-04-02T08:00:00+00:00",
      "وقالت مصادر طبية إن التفجير على الكنيسة أسفر عن إصابة 35 شخصا.");
  EXPECT_EQ(Contested(CompareStory(TestFactsLexicon(),
                                   {&later_lower, &earlier_higher})),
            1);
}

// A higher count two hours after a lower one is no rising toll when the
// first voice keeps giving lower figures afterwards: a ministry at 8, then
// 14 the next morning, while civil defence says 30 in between, is a dispute
// with a timeline, not one toll rising.
TEST(ComparePointsTest, AHigherCountContradictedAfterwardsStaysContested) {
  Document a = Analyzed(1, "أ", "2030-04-02T08:00:00+00:00",
                        "وقالت وزارة الصحة إن 8 أشخاص قتلوا في حريق المصنع.");
  Document b =
      Analyzed(2, "ب", "2030-04-02T10:00:00+00:00",
               "وقال مصدر في الدفاع المدني إن 30 شخصا قتلوا في حريق المصنع.");
  Comparison rising = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* killed = PointAbout(rising, "killed");
  ASSERT_NE(killed, nullptr);
  EXPECT_FALSE(killed->contested) << Dump(*killed);
  Document c = Analyzed(3, "أ", "2030-04-02T20:00:00+00:00",
                        "وقالت وزارة الصحة إن 14 شخصا قتلوا في حريق المصنع.");
  Comparison apart = CompareStory(TestFactsLexicon(), {&a, &b, &c});
  killed = PointAbout(apart, "killed");
  ASSERT_NE(killed, nullptr);
  EXPECT_TRUE(killed->contested) << Dump(*killed);
}

// A spokesman speaks for the body his role names, written before or after
// his name: its updates are one source's timeline.
TEST(ComparePointsTest, ASpokesmanNamedBeforeHisRoleIsHisBody) {
  Document a = Analyzed(1, "أ", "2030-04-02T10:00:00+00:00",
                        "وقال المتحدث باسم الشرطة فرانز موللر إن 13 شخصا "
                        "أصيبوا في التفجير على الكنيسة.");
  Document b = Analyzed(2, "ب", "2030-04-02T10:20:00+00:00",
                        "وقال فرانز موللر المتحدث باسم الشرطة إن 35 شخصا "
                        "أصيبوا في التفجير على الكنيسة.");
  Document c = Analyzed(3, "ج", "2030-04-02T10:30:00+00:00",
                        "وقالت الشرطة إن 41 شخصا أصيبوا في التفجير على "
                        "الكنيسة.");
  Comparison cmp = CompareStory(TestFactsLexicon(), {&a, &b, &c});
  const ContestedPoint* injured = PointAbout(cmp, "injured");
  ASSERT_NE(injured, nullptr);
  EXPECT_EQ(injured->sources, 1) << Dump(*injured);
  EXPECT_FALSE(injured->contested) << Dump(*injured);
}

// "لم يشن التحالف غارات" and "نافيا شن التحالف أي ضربات" deny the party's
// part; "X هي التي شنت" (a cleft with a relative) names the doer.
TEST(ComparePointsTest, ANegatedActOfDoingDeniesResponsibility) {
  Document a = Analyzed(1, "أ", "2030-04-02T10:00:00+00:00",
                        "واتهمت الحكومة التحالف بشن الغارة على الموقع.");
  for (const char* text :
       {"وقال المتحدث في تغريدة \"لم يشن التحالف غارات قرب الموقع\".",
        "ونفى المتحدث التقارير، نافيا شن التحالف أي ضربات في المنطقة."}) {
    Document b = Analyzed(2, "ب", "2030-04-02T11:00:00+00:00", text);
    Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
    const ContestedPoint* resp = PointAbout(c, "responsibility");
    ASSERT_NE(resp, nullptr) << text;
    EXPECT_TRUE(resp->contested) << text << " " << Dump(*resp);
  }
  Document d = Analyzed(3, "ج", "2030-04-02T11:00:00+00:00",
                        "وقال المسؤول إن الحوثيين هم الذين شنوا الهجوم.");
  bool named = false;
  for (const Claim& cl : d.claims)
    named |= cl.slot == "responsibility" && cl.value == "الحوثيين";
  EXPECT_TRUE(named);
}

// Issue 22 round 5 (read on a fresh sample of the international outlets):
// a denier's involvement written with its pronoun (تورطها، مسؤوليتها) and a
// denial that civilians were hit deny a part, not that the attack happened
// or that the agent was used (nor does a denial of the accusations about
// its use); the denier outside a quotation holds it.
TEST(ComparePointsTest, Issue22DenyingOnesPartIsNoDenialOfTheHappening) {
  Document a =
      Analyzed(1, "أ", "2030-04-02T10:00:00+00:00",
               "وقالت الشرطة إن الهجوم على الرجل في المدينة نفذ بغاز الأعصاب.");
  Document b =
      Analyzed(2, "ب", "2030-04-02T11:00:00+00:00",
               "ونفت السفارة الفلانية تورطها في الهجوم على الرجل في المدينة.");
  Document c1 =
      Analyzed(3, "ج", "2030-04-02T12:00:00+00:00",
               "وتنفي الحكومة مسؤوليتها في قضية تسميم الرجل بغاز الأعصاب.");
  Document d = Analyzed(4, "د", "2030-04-02T13:00:00+00:00",
                        "وتنفي الحكومة استهداف المدنيين في قصف البلدة.");
  // A denial of the accusations about the agent's use is one of who used
  // it.
  Document e = Analyzed(
      5, "هـ", "2030-04-02T14:00:00+00:00",
      "ونفى الرئيس اتهامات الحكومة لبلاده حول استخدام غاز الأعصاب في المدينة.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b, &c1, &d, &e});
  const ContestedPoint* occurred = PointAbout(c, "attack");
  ASSERT_NE(occurred, nullptr);
  EXPECT_FALSE(occurred->contested) << Dump(*occurred);
  const ContestedPoint* weapon = PointAbout(c, "weapon:chemical");
  ASSERT_NE(weapon, nullptr);
  EXPECT_FALSE(weapon->contested) << Dump(*weapon);
  const ContestedPoint* resp = PointAbout(c, "responsibility");
  ASSERT_NE(resp, nullptr);
  std::set<std::string> deniers;
  for (const PointPosition& p : resp->positions) {
    if (p.modality == "denied") deniers.insert(p.source);
  }
  EXPECT_TRUE(deniers.count("السفارة الفلانية")) << Dump(*resp);
}

// Issue 22 round 5: a toll of an earlier period a few words around the
// figure (العام الماضي، الأسبوع الماضي) is no rival of the incident's toll,
// nor is a toll since a month named some words before it (منذ آذار حيث قتل).
TEST(ComparePointsTest, Issue22AnEarlierPeriodAndASinceClauseAreNoRivals) {
  Document a = Analyzed(1, "أ", "2030-07-17T10:00:00+00:00",
                        "وأدت موجة الحر إلى مقتل 14 شخصا في البلاد. وفي العام "
                        "الماضي لقي 48 شخصا حتفهم بسبب الحر.");
  Document b =
      Analyzed(2, "ب", "2030-07-17T11:00:00+00:00",
               "وقتل 14 شخصا بسبب موجة الحر. وقتل أكثر من 200 شخص في السيول "
               "الأسبوع الماضي.");
  Document c1 = Analyzed(3, "ج", "2030-07-17T12:00:00+00:00",
                         "وقتل 14 شخصا في موجة الحر. ويواصل السكان "
                         "احتجاجاتهم منذ آذار حيث قتل نحو 149 شخصا.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b, &c1});
  const ContestedPoint* killed = PointAbout(c, "killed");
  ASSERT_NE(killed, nullptr);
  EXPECT_FALSE(killed->contested) << Dump(*killed);
  for (const PointPosition& p : killed->positions) {
    EXPECT_NE(p.value, "48") << Dump(*killed);
    EXPECT_NE(p.value, ">=200") << Dump(*killed);
    EXPECT_NE(p.value, "~149") << Dump(*killed);
  }
}

// Issue 22 round 7 (read on fresh news, no gold day): a denial of one's role
// (نفت ... أي دور لها في الهجوم) or of the attack's casualties (نفت ... وقوع
// أي إصابات في القصف) is no denial that the attack happened; a denial verb
// right before the attack denies it even inside an assertion (أكدت فيه أن
// الهيئة تنفي اختطاف), and so does a denial of reports about it (نفى ... كل
// ما تردد من أنباء عن اغتيال).
TEST(ComparePointsTest, Issue22DenialsOfARoleOfATollAndOfReports) {
  Document a = Analyzed(1, "أ", "2030-05-23T10:00:00+00:00",
                        "وقال الدفاع المدني إن القصف على الميناء أسفر عن "
                        "مقتل 3 صيادين.");
  Document b =
      Analyzed(2, "ب", "2030-05-23T10:30:00+00:00",
               "ونفت وزارة الصحة وقوع أي إصابات في القصف على الميناء.");
  Document c1 =
      Analyzed(3, "ج", "2030-05-23T11:00:00+00:00",
               "ونفت الحكومة الفلانية أي دور لها في القصف على الميناء.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b, &c1});
  const ContestedPoint* occurred = PointAbout(c, "attack");
  ASSERT_NE(occurred, nullptr);
  EXPECT_FALSE(occurred->contested) << Dump(*occurred);
  for (const PointPosition& p : occurred->positions)
    EXPECT_NE(p.modality, "denied") << Dump(*occurred);

  Document d =
      Analyzed(4, "د", "2030-05-23T12:00:00+00:00",
               "وقال مسؤول إن مسلحين حاولوا اختطاف الطائرة فوق البحر.");
  Document e = Analyzed(5, "هـ", "2030-05-23T12:30:00+00:00",
                        "ونشرت الوكالة خبرا أكدت فيه أن الهيئة تنفي اختطاف "
                        "الطائرة فوق البحر.");
  Comparison hijack = CompareStory(TestFactsLexicon(), {&d, &e});
  const ContestedPoint* taken = PointAbout(hijack, "attack");
  ASSERT_NE(taken, nullptr);
  EXPECT_TRUE(taken->contested) << Dump(*taken);

  Document f = Analyzed(6, "و", "2030-05-28T09:00:00+00:00",
                        "وكان المتحدث باسم الحركة قد نفى، الاثنين، كل ما تردد "
                        "من أنباء عن اغتيال القائد في المدينة.");
  ASSERT_FALSE(f.claims.empty());
  bool denied = false;
  for (const Claim& cl : f.claims)
    denied |= cl.slot == "attack" && cl.modality == "denied";
  EXPECT_TRUE(denied);
}

// Issue 22 round 7: a toll of the current year (هذا العام، العام الجاري) is
// a wider total, no rival of the incident's toll; a date's year (في 12 مايو
// من العام الجاري) stays the incident's.
TEST(ComparePointsTest, Issue22ThisYearsTollIsWider) {
  Document a = Analyzed(1, "أ", "2030-05-25T02:00:00+00:00",
                        "وقتل 6 أشخاص في انفجار سيارة مفخخة في المدينة. وقتل "
                        "35 شخصا على الأقل في تفجيرات بمسجدين في المدينة هذا "
                        "العام.");
  Document b = Analyzed(2, "ب", "2030-05-25T03:00:00+00:00",
                        "وقالت الشرطة إن 7 أشخاص قتلوا في انفجار السيارة "
                        "المفخخة في 24 مايو من العام الجاري.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* killed = PointAbout(c, "killed");
  ASSERT_NE(killed, nullptr);
  EXPECT_FALSE(killed->contested) << Dump(*killed);
  std::set<std::string> values;
  for (const PointPosition& p : killed->positions) values.insert(p.value);
  EXPECT_FALSE(values.count(">=35")) << Dump(*killed);
  EXPECT_TRUE(values.count("7")) << Dump(*killed);
  EXPECT_NE(PointAbout(c, "killed", "wider"), nullptr);
}

// Issue 22 round 7 (fresh sample): attackers named by what they are (مسلحين
// هم من شنوا الهجوم) are no party competing with the group that claims the
// attack; commanders counted apart (ثلاثة من أبرز القيادات) are no rival of
// a count of fighters; a missing count that moves between reports hours
// apart (19, then 12 as people are found) is a timeline.
TEST(ComparePointsTest, Issue22GenericDoersLeadersAndMovingMissingCounts) {
  Document a = Analyzed(1, "أ", "2030-10-01T04:00:00+00:00",
                        "وقالت الوزارة إن أربعة مسلحين هم من شنوا الهجوم على "
                        "العرض العسكري.");
  Document b = Analyzed(2, "ب", "2030-10-01T04:30:00+00:00",
                        "وكان مسلحون قد أطلقوا النار على العرض العسكري، وقد "
                        "تبنى تنظيم داعش مسؤولية الهجوم.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* resp = PointAbout(c, "responsibility");
  ASSERT_NE(resp, nullptr);
  EXPECT_FALSE(resp->contested) << Dump(*resp);

  Document d = Analyzed(3, "ج", "2030-05-26T08:00:00+00:00",
                        "ولقي ثلاثة من أبرز القيادات الميدانية للجماعة مصرعهم "
                        "في المعارك.");
  Document e = Analyzed(4, "د", "2030-05-26T08:30:00+00:00",
                        "وقتل في المعارك أكثر من 80 عنصرا من الجماعة.");
  Comparison leaders = CompareStory(TestFactsLexicon(), {&d, &e});
  const ContestedPoint* killed = PointAbout(leaders, "killed");
  ASSERT_NE(killed, nullptr);
  EXPECT_FALSE(killed->contested) << Dump(*killed);

  Document f = Analyzed(5, "هـ", "2030-05-24T07:00:00+00:00",
                        "وأدى الإعصار إلى فقدان 19 شخصا في الجزيرة.");
  Document g = Analyzed(6, "و", "2030-05-24T09:00:00+00:00",
                        "وقال المحافظ إن الإعصار خلف 12 مفقودا في الجزيرة.");
  Comparison storm = CompareStory(TestFactsLexicon(), {&f, &g});
  const ContestedPoint* missing = PointAbout(storm, "missing");
  ASSERT_NE(missing, nullptr);
  EXPECT_EQ(missing->positions.size(), 2u) << Dump(*missing);
  EXPECT_FALSE(missing->contested) << Dump(*missing);
}

// Issue 22 round 7 (fresh sample): a party right after an accusation verb
// with an object after it is the accuser (اتهمت الحكومة الفلانية، الأربعاء،
// أجهزة المخابرات ...), not the accused; a charge in quote marks is still
// read (وتتهم الحكومة الرئيس "بتسييس" ...: no act of violence, no one held
// responsible).
TEST(ComparePointsTest, Issue22TheAccuserIsNoAccused) {
  Document a = Analyzed(1, "أ", "2030-10-04T00:00:00+00:00",
                        "اتهمت الحكومة الفلانية، الأربعاء، أجهزة المخابرات "
                        "الأجنبية بشن هجمات إلكترونية واسعة.");
  Document b = Analyzed(2, "ب", "2030-10-04T01:00:00+00:00",
                        "اتهمت بريطانيا وكالة الاستخبارات العسكرية (ج ر) "
                        "بالوقوف وراء أربع هجمات إلكترونية.");
  Document c1 = Analyzed(3, "ج", "2030-10-04T02:00:00+00:00",
                         "وتتهم الحكومة الرئيس \"بتسييس\" أسعار النفط.");
  for (const Document* d : {&a, &b, &c1}) {
    for (const Claim& cl : d->claims) {
      if (cl.slot != "responsibility") continue;
      EXPECT_EQ(cl.value.find(
                    "\xD8\xA7\xD9\x84\xD8\xAD\xD9\x83\xD9\x88\xD9\x85\xD8\xA9"),
                std::string::npos)
          << cl.value;  // الحكومة
      EXPECT_NE(
          cl.value,
          "\xD8\xA8\xD8\xB1\xD9\x8A\xD8\xB7\xD8\xA7\xD9\x86\xD9\x8A\xD8\xA7")
          << cl.value;  // بريطانيا
    }
  }
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b, &c1});
  const ContestedPoint* resp = PointAbout(c, "responsibility");
  if (resp != nullptr) {
    EXPECT_FALSE(resp->contested) << Dump(*resp);
  }
}

// Issue 22 round 7 (re-tally week): officers named among the dead (مصرع
// ضابطين من كبار قادة الجيش) are no rival of a toll that names no
// population; "among the casualties" (وبين الإصابات 4 حالات خطيرة) is a part.
TEST(ComparePointsTest, Issue22OfficersAndSevereCasesAreNoRivals) {
  Document a = Analyzed(1, "أ", "2030-07-02T08:00:00+00:00",
                        "وأفادت مصادر ميدانية بمصرع ضابطين من كبار قادة الجيش "
                        "في الاشتباكات.");
  Document b = Analyzed(2, "ب", "2030-07-02T08:20:00+00:00",
                        "وقال المرصد إن عشرة قتلى سقطوا في الاشتباكات.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* killed = PointAbout(c, "killed");
  ASSERT_NE(killed, nullptr);
  EXPECT_FALSE(killed->contested) << Dump(*killed);

  Document d = Analyzed(3, "ج", "2030-06-29T20:00:00+00:00",
                        "وأكد المتحدث إصابة 415 مواطنا بالرصاص، وبين الإصابات "
                        "4 حالات خطيرة.");
  Document e = Analyzed(4, "د", "2030-06-29T20:30:00+00:00",
                        "وقالت مصادر طبية إن 415 أصيبوا بالرصاص.");
  Comparison shot = CompareStory(TestFactsLexicon(), {&d, &e});
  const ContestedPoint* injured = PointAbout(shot, "injured");
  ASSERT_NE(injured, nullptr);
  EXPECT_FALSE(injured->contested) << Dump(*injured);
  for (const PointPosition& p : injured->positions)
    EXPECT_NE(p.value, "4") << Dump(*injured);
}

// Issue 22 round 7 (fresh sample): a figure the report gives as said earlier
// (قالت في وقت سابق إن عدد المفقودين يقدر بمئة) is a point of the timeline,
// no rival of the report's newer figure.
TEST(ComparePointsTest, Issue22AFigureSaidEarlierIsATimeline) {
  Document a =
      Analyzed(1, "أ", "2030-10-05T09:00:00+00:00",
               "وقال المتحدث باسم الوكالة إن أكثر من ألف شخص ما زالوا في عداد "
               "المفقودين. وكانت فرق الإنقاذ قالت في وقت سابق إن عدد المفقودين "
               "يقدر بمئة شخص.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a});
  const ContestedPoint* missing = PointAbout(c, "missing");
  ASSERT_NE(missing, nullptr);
  EXPECT_GE(missing->positions.size(), 2u) << Dump(*missing);
  EXPECT_FALSE(missing->contested) << Dump(*missing);
}

// Issue 22 round 7 (last re-tally week): a denial of one's involvement or of
// the accusations further back in the sentence (نفت الدولة ... أي ضلوع لها
// في القضية، وألمحت إلى أن ... هي التي نفذت الهجوم; تنفي الاتهامات بممارسة
// هذه الهجمات) is no denial that the attack happened; a toll "since then"
// (منذ ذلك الحين) is wider; a party under a shorter name (غولن, فتح الله
// غولن) is one party.
TEST(ComparePointsTest, Issue22FurtherDenialsSinceThenAndShorterNames) {
  Document a = Analyzed(1, "أ", "2030-07-08T10:00:00+00:00",
                        "وقالت الشرطة إن الهجوم على المرأة نفذ بغاز الأعصاب.");
  Document b = Analyzed(
      2, "ب", "2030-07-08T11:00:00+00:00",
      "ونفت الدولة الفلانية التي تستضيف حاليا البطولة الكبرى أي ضلوع لها في "
      "القضية، وألمحت إلى أن أجهزة الأمن الأجنبية هي التي نفذت الهجوم.");
  Document c1 = Analyzed(3, "ج", "2030-07-08T12:00:00+00:00",
                         "أما الدولة الفلانية، التي تنفي الاتهامات الأجنبية "
                         "بممارسة هذه الهجمات، فقالت إن الأمر مفتعل.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b, &c1});
  const ContestedPoint* occurred = PointAbout(c, "attack");
  ASSERT_NE(occurred, nullptr);
  EXPECT_FALSE(occurred->contested) << Dump(*occurred);

  Document d = Analyzed(4, "د", "2030-07-06T08:00:00+00:00",
                        "وقال المكتب إن السلطات ألقت القبض على نحو 160 ألفا "
                        "منذ ذلك الحين.");
  Document e = Analyzed(5, "هـ", "2030-07-06T08:30:00+00:00",
                        "وأمرت النيابة العامة باعتقال 271 شخصا.");
  Comparison arrests = CompareStory(TestFactsLexicon(), {&d, &e});
  const ContestedPoint* arrested = PointAbout(arrests, "arrested");
  ASSERT_NE(arrested, nullptr);
  EXPECT_FALSE(arrested->contested) << Dump(*arrested);

  Claim full = Figure("responsibility", 0, 0, false, "الحكومة");
  full.value = "فتح الله غولن";
  Claim shorter = Figure("responsibility", 0, 0, false, "الإعلام الرسمي");
  shorter.value = "غولن";
  Document f = Report(6, "و", {full});
  Document g = Report(7, "ز", {shorter});
  Comparison names = CompareStory(TestFactsLexicon(), {&f, &g});
  const ContestedPoint* resp = PointAbout(names, "responsibility");
  ASSERT_NE(resp, nullptr);
  EXPECT_FALSE(resp->contested) << Dump(*resp);
}

// Issue 22 round 7 (last re-tally week): within one report, a figure of one
// named place and a figure of another (19 dead in the province, 12 in its
// city) are two counts even in one province; across reports a town and its
// province still compare.
TEST(ComparePointsTest, Issue22TwoPlacesOfOneReportAreTwoCounts) {
  Document a = WithPlaces(
      1, "أ", "2030-07-05T04:00:00+00:00",
      "وأعلنت السلطات الصحية أن 19 شخصا على الأقل توفوا في الناصرية بسبب "
      "موجة الحر. وقالت المسؤولة إن عدد الوفيات بسبب موجة الحر في الشطرة "
      "وصل إلى 12.",
      {{"الناصرية", "geo:98854"}, {"الشطرة", "geo:98622"}});
  Comparison c = CompareStory(TestFactsLexicon(), {&a});
  const ContestedPoint* killed = PointAbout(c, "killed");
  ASSERT_NE(killed, nullptr);
  EXPECT_EQ(killed->positions.size(), 2u) << Dump(*killed);
  EXPECT_FALSE(killed->contested) << Dump(*killed);
  // Across reports, the two towns of one province still compare.
  Document b =
      WithPlaces(2, "ب", "2030-07-05T04:30:00+00:00",
                 "وقال مصدر طبي إن 40 شخصا توفوا بسبب موجة الحر في الشطرة.",
                 {{"الشطرة", "geo:98622"}});
  Document d = WithPlaces(
      3, "ج", "2030-07-05T04:40:00+00:00",
      "وأعلنت السلطات الصحية أن 19 شخصا توفوا بسبب موجة الحر في الناصرية.",
      {{"الناصرية", "geo:98854"}});
  EXPECT_EQ(Contested(CompareStory(TestFactsLexicon(), {&b, &d})), 1);
}

// Who holds a figure said inside another's reported speech (issue 22,
// round 8): the innermost reporting clause that is someone's, and an
// attribution within the paraphrase or right after the figure.
std::string SpeakerOfValue(const Document& d, const std::string& slot,
                           const std::string& value) {
  for (const Claim& c : d.claims) {
    if (c.slot == slot && c.value == value) return c.speaker;
  }
  return "<none>";
}

TEST(ComparePointsTest, Issue22TheInnermostReportingClauseHoldsTheFigure) {
  const char* kWhen = "2030-04-02T10:00:00+00:00";
  Document a = Analyzed(1, "أ", kWhen,
                        "وذكرت وسائل إعلام محلية أن عدد القتلى بلغ 42، في حين "
                        "تقول السلطات المحلية إن الحصيلة هي 39 قتيلا.");
  EXPECT_EQ(SpeakerOfValue(a, "killed", "39"), "السلطات المحلية");
  // A nested clause whose subject is no one keeps the outer speaker.
  Document b = Analyzed(2, "أ", kWhen,
                        "وقال الوزير إن الفرضية التي تشير إلى أن الانفجار أودى "
                        "بحياة 10 أشخاص تؤخذ بالاعتبار.");
  EXPECT_EQ(SpeakerOfValue(b, "killed", "10"), "الوزير");
}

TEST(ComparePointsTest, Issue22AnAttributionInsideReportedSpeech) {
  const char* kWhen = "2030-04-02T10:00:00+00:00";
  Document a = Analyzed(1, "أ", kWhen,
                        "ونفت الحكومة أن تكون طائراتها قد قصفت القرية مما "
                        "أسفر، بحسب مصادر طبية، عن مقتل 12 شخصا.");
  EXPECT_EQ(SpeakerOfValue(a, "killed", "12"), "مصادر طبية");
  Document b = Analyzed(2, "أ", kWhen,
                        "وأعلنت الوزارة أن الطائرات قصفت المواقع حيث قتل أكثر "
                        "من 20 عنصرا، وفق المرصد الوطني لحقوق الإنسان.");
  EXPECT_EQ(SpeakerOfValue(b, "killed", ">=20"), "المرصد الوطني لحقوق الإنسان");
  // A wire agency after the figure carried the words; it said nothing.
  Document c = Analyzed(3, "أ", kWhen,
                        "وتقول السلطات إن الحصيلة بلغت 39 قتيلا، وفقا لوكالة "
                        "الأنباء الفرنسية.");
  EXPECT_EQ(SpeakerOfValue(c, "killed", "39"), "السلطات");
  // Words in quote marks are the speaker's own.
  Document d = Analyzed(
      4, "أ", kWhen, "وقال المتحدث: \"قتل 7 أشخاص بحسب تقديراتنا الأولية\".");
  EXPECT_EQ(SpeakerOfValue(d, "killed", "7"), "المتحدث");
}

TEST(ComparePointsTest, Issue22WhereAnIndefiniteSourceStands) {
  const char* kWhen = "2030-04-02T10:00:00+00:00";
  EXPECT_EQ(SpeakerOfValue(Analyzed(1, "أ", kWhen,
                                    "وأعلنت الوزارة أن الطائرات قصفت المواقع "
                                    "حيث قتل 5 جنود، وفق مصدر عسكري سوري."),
                           "killed", "5"),
            "مصدر عسكري سوري");
  Document b = WithPlaces(2, "أ", kWhen,
                          "وأعلنت الوزارة أن الطائرات قصفت المواقع حيث قتل 16 "
                          "شخصا، وفق مصادر طبية في غزة.",
                          {{"غزة", "geo:281133"}});
  EXPECT_EQ(SpeakerOfValue(b, "killed", "16"), "مصادر طبية في غزة");
}

// The responsibility claim of doc's first responsibility claim, or null.
const Claim* Responsibility(const Document& d) {
  for (const Claim& cl : d.claims)
    if (cl.slot == "responsibility") return &cl;
  return nullptr;
}

// A claim that is no figure far from its announcing verb (issue 22, round
// 8, from round-1 dev story 10).
TEST(ComparePointsTest, Issue22AClaimFarFromItsAnnouncingVerb) {
  const char* kWhen = "2030-04-02T10:00:00+00:00";
  EXPECT_EQ(SpeakerOf(Analyzed(1, "أ", kWhen,
                               "أعلنت وزارة الدفاع، في بيان لها بمناسبة انتهاء "
                               "المرحلة الأولى من العملية العسكرية الواسعة في "
                               "شمال البلاد، مساء الأحد، عن السيطرة الكاملة "
                               "على مركز المدينة."),
                      "other:control"),
            "وزارة الدفاع");
  // A figure that far is the outlet's background.
  EXPECT_EQ(SpeakerOf(Analyzed(2, "أ", kWhen,
                               "أعلنت وزارة الدفاع، في بيان لها بمناسبة انتهاء "
                               "المرحلة الأولى من العملية العسكرية الواسعة في "
                               "شمال البلاد، مساء الأحد، عن الهجوم الذي أسفر "
                               "عن مقتل 12 شخصا."),
                      "killed"),
            "");
}

std::string ScopeOfValue(const Document& d, const std::string& slot,
                         const std::string& value) {
  for (const Claim& c : d.claims) {
    if (c.slot == slot && c.value == value) return c.scope;
  }
  return "<none>";
}

// From a fresh week of ant2018 read by hand (issue 22, round 8): another
// incident the report adds, N of them, and a claim of an earlier attack.
TEST(ComparePointsTest, Issue22ASeparateIncidentAndNOfThemAreNoRivals) {
  const char* kWhen = "2030-05-06T10:00:00+00:00";
  Document a = Analyzed(1, "أ", kWhen,
                        "قتل 17 شخصا في تفجير استهدف مسجدا في المدينة. وفي "
                        "واقعة منفصلة، قتل سبعة أشخاص في انفجار قنبلة في "
                        "سيارتهم.");
  EXPECT_EQ(ScopeOfValue(a, "killed", "17"), "incident");
  EXPECT_EQ(ScopeOfValue(a, "killed", "7"), "other");
  EXPECT_EQ(Contested(CompareStory(TestFactsLexicon(), {&a})), 0);
  // في سياق منفصل opens a paragraph of the same story: its toll stays.
  Document b = Analyzed(2, "أ", kWhen,
                        "وفي سياق منفصل، قتل سبعة أشخاص في انفجار قنبلة.");
  EXPECT_EQ(ScopeOfValue(b, "killed", "7"), "incident");
  Document c = Analyzed(3, "أ", kWhen,
                        "وقالت مصادر طبية إن 400 شخص أصيبوا في المواجهات، 3 "
                        "منهم في حالة خطيرة.");
  EXPECT_EQ(ScopeOfValue(c, "injured", "3"), "part");
}

TEST(ComparePointsTest, Issue22AClaimOfAnEarlierAttackIsNoPoint) {
  Document a = Analyzed(1, "أ", "2030-05-06T10:00:00+00:00",
                        "ونفت الحركة في بيان أي تورط لها في الهجوم على "
                        "المسجد.");
  Document b = Analyzed(2, "ب", "2030-05-06T11:00:00+00:00",
                        "وكان هجوم انتحاري على مركز انتخابي في العاصمة الشهر "
                        "الماضي قد أعلن تنظيم داعش مسؤوليته عنه.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* p = PointAbout(c, "responsibility");
  if (p) {
    EXPECT_FALSE(p->contested) << Dump(*p);
  }
}

// Issue 22 round 9 (fresh weeks of ant2018): figures that one source gives
// in one sentence are a breakdown (4 killed in one county, 5 in another, 3
// on the coast) and no rival of another source's total; the largest stays
// the whole when it is at least the sum of the others.
TEST(ComparePointsTest, Issue22ABreakdownByOneSourceIsNoRival) {
  Document a = Analyzed(1, "أ", "2030-10-13T04:00:00+00:00",
                        "وأسفرت العاصفة عن مقتل 12 شخصا في الولاية.");
  Document b = Analyzed(2, "ب", "2030-10-13T04:30:00+00:00",
                        "وقال مسؤولون إن العاصفة تسببت في مقتل 4 أشخاص في "
                        "المقاطعة الشمالية و5 في المقاطعة الجنوبية و3 في "
                        "الساحل.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* killed = PointAbout(c, "killed");
  ASSERT_NE(killed, nullptr);
  EXPECT_GE(killed->positions.size(), 3u) << Dump(*killed);
  EXPECT_FALSE(killed->contested) << Dump(*killed);
  // A total and a part after it: the total still contests.
  Document d = Analyzed(3, "ج", "2030-10-13T04:40:00+00:00",
                        "وقالت الشرطة إن العاصفة تسببت في مقتل 40 شخصا في "
                        "الولاية و3 في الساحل.");
  Comparison x = CompareStory(TestFactsLexicon(), {&a, &d});
  const ContestedPoint* total = PointAbout(x, "killed");
  ASSERT_NE(total, nullptr);
  EXPECT_TRUE(total->contested) << Dump(*total);
}

// A toll rising to a total (points.tsv rise): the day's toll before the
// rise word is the incident's, the total after it since a date, or after
// the day's figure, is wider; so is a toll since a campaign began however
// far منذ stands (points.tsv since_start).
TEST(ComparePointsTest, Issue22ATollRisingToATotalIsWider) {
  Document a = Analyzed(1, "أ", "2030-10-12T16:00:00+00:00",
                        "وبمقتل المتظاهرين الستة، الجمعة، يرتفع عدد القتلى "
                        "منذ 30 مارس الماضي إلى أكثر من 200 شخص، "
                        "وأكثر من 20 ألف مصاب.");
  Document b = Analyzed(2, "ب", "2030-10-12T16:30:00+00:00",
                        "وقالت وزارة الصحة إن 6 متظاهرين قتلوا وأصيب 150 "
                        "آخرون الجمعة.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  for (const char* about : {"killed", "injured"}) {
    const ContestedPoint* p = PointAbout(c, about);
    ASSERT_NE(p, nullptr) << about;
    EXPECT_FALSE(p->contested) << Dump(*p);
  }
  const ContestedPoint* wider = PointAbout(c, "killed", "wider");
  ASSERT_NE(wider, nullptr);
  for (const PointPosition& pos : wider->positions)
    EXPECT_NE(pos.value, "6") << Dump(*wider);
  EXPECT_NE(PointAbout(c, "injured", "wider"), nullptr);

  Document d = Analyzed(3, "ج", "2030-05-14T12:00:00+00:00",
                        "وأدت المواجهات إلى مقتل 40 شخصا وإصابة 1700 آخرين، "
                        "ليرتفع بذلك عدد قتلى المسيرة التي انطلقت قبل شهرين "
                        "إلى نحو 100.");
  Document e = Analyzed(4, "د", "2030-05-14T12:30:00+00:00",
                        "وقالت الوزارة إن 41 شخصا قتلوا في المواجهات.");
  Comparison x = CompareStory(TestFactsLexicon(), {&d, &e});
  const ContestedPoint* day = PointAbout(x, "killed");
  ASSERT_NE(day, nullptr);
  EXPECT_FALSE(day->contested) << Dump(*day);

  Document f = Analyzed(5, "هـ", "2030-03-12T19:00:00+00:00",
                        "ومنذ بدء القوات هجومها على المنطقة الشرقية المحاصرة "
                        "بالقرب من العاصمة الذي تسبب بمقتل 900 مدني، لم تسلم "
                        "المستشفيات من القصف.");
  Document g = Analyzed(6, "و", "2030-03-12T19:30:00+00:00",
                        "وقال الدفاع المدني إن 12 مدنيا قتلوا في القصف.");
  Comparison y = CompareStory(TestFactsLexicon(), {&f, &g});
  const ContestedPoint* since = PointAbout(y, "killed");
  ASSERT_NE(since, nullptr);
  EXPECT_FALSE(since->contested) << Dump(*since);
}

// Issue 22 round 10 (fresh days of ant2018, 2018-02-16..25): a toll whose
// own event is dated to an earlier year (a truck bomb "in October of last
// year") is an earlier incident, not a rival of the happening's toll; a year
// named in passing before an undated figure ends nothing.
TEST(ComparePointsTest, Issue22AnEventOfLastYearIsAnEarlierIncident) {
  Document a = Analyzed(1, "أ", "2030-02-23T20:00:00+00:00",
                        "قتل 40 شخصا في تفجيرين بسيارتين مفخختين في العاصمة "
                        "مساء الجمعة.");
  Document b = Analyzed(2, "ب", "2030-02-23T21:00:00+00:00",
                        "وأسفر التفجيران عن مقتل 38 شخصا. وكان أكثر من 500 "
                        "شخص قد لقوا مصرعهم في انفجار شاحنة مفخخة في العاصمة "
                        "في أكتوبر من العام الماضي.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* killed = PointAbout(c, "killed");
  ASSERT_NE(killed, nullptr);
  EXPECT_FALSE(killed->contested) << Dump(*killed);
  for (const PointPosition& pos : killed->positions)
    EXPECT_NE(pos.value, ">=500") << Dump(*killed);
  // A year the report names in passing leaves the figures after it.
  Document d = Analyzed(3, "ج", "2030-02-23T20:30:00+00:00",
                        "ويعد الهجوم الأعنف منذ حرب عام 2014. وقال مسؤولون إن "
                        "التفجيرين أسفرا عن مقتل 300 شخص.");
  Comparison x = CompareStory(TestFactsLexicon(), {&a, &d});
  const ContestedPoint* k = PointAbout(x, "killed");
  ASSERT_NE(k, nullptr);
  EXPECT_TRUE(k->contested) << Dump(*k);
}

// A first toll (في حصيلة أولية) is one step of a rising toll: a timeline,
// not a rival of another voice's fuller figure within the hour.
TEST(ComparePointsTest, Issue22AnInitialTollIsAStepOfTheTimeline) {
  Document a = Analyzed(1, "أ", "2030-06-03T09:00:00+00:00",
                        "وأعلنت الشرطة في حصيلة أولية مقتل 11 مهاجرا في غرق "
                        "قارب قبالة السواحل الجنوبية.");
  Document b = Analyzed(2, "ب", "2030-06-03T09:40:00+00:00",
                        "وقال خفر السواحل إن غرق القارب أسفر عن مقتل 35 "
                        "مهاجرا.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* killed = PointAbout(c, "killed");
  ASSERT_NE(killed, nullptr);
  EXPECT_FALSE(killed->contested) << Dump(*killed);
  EXPECT_TRUE(killed->timeline) << Dump(*killed);
}

// An accusation whose charge, past a long party phrase, is no act of
// violence (false statements, fraud) holds no one responsible for the
// happening; a violent charge that far still does.
TEST(ComparePointsTest, Issue22AnAccusationsChargeOfNoViolence) {
  Document a = Analyzed(1, "أ", "2030-02-20T22:00:00+00:00",
                        "واتهم المدعي العام الحكومة السابقة ووزراءها الخمسة "
                        "الذين غادروا مناصبهم العام الماضي بالتلاعب بالأموال "
                        "العامة.");
  Document b = Analyzed(2, "ب", "2030-02-21T01:00:00+00:00",
                        "ونفت الحكومة السابقة الاتهامات.");
  EXPECT_EQ(Responsibility(a), nullptr);
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  EXPECT_EQ(Contested(c), 0);
  Document v = Analyzed(3, "ج", "2030-02-20T22:30:00+00:00",
                        "واتهم المدعي العام الحكومة السابقة ووزراءها الخمسة "
                        "الذين غادروا مناصبهم العام الماضي بتدبير الهجوم.");
  ASSERT_NE(Responsibility(v), nullptr);
}

// A tallying verb told in the past perfect has its subject before it,
// between كانت and قد (وكانت وزارة الصحة قد أعلنت، فجر الثلاثاء، عن ...):
// the figure's source, not the outlet's voice.
TEST(ComparePointsTest, Issue22ASourceBeforeAVerbInThePastPerfect) {
  Document a = Analyzed(1, "أ", "2030-05-15T08:00:00+00:00",
                        "وكانت وزارة الصحة قد أعلنت، فجر الثلاثاء، عن مقتل 3 "
                        "أشخاص في القصف.");
  EXPECT_EQ(SpeakerOfValue(a, "killed", "3"), "وزارة الصحة");
  Document b = Analyzed(2, "ب", "2030-05-15T08:00:00+00:00",
                        "وكانت الأمطار قد تسببت، فجر الثلاثاء، في مقتل 3 "
                        "أشخاص.");
  EXPECT_EQ(SpeakerOfValue(b, "killed", "3"), "");
}

// "وذكر المصدر ذاته" names the source named before with the same head; a
// state noun and a nation's adjective (الحكومة البريطانية، السلطات
// البريطانية) are the nation's party (data/facts/parties.tsv).
TEST(ComparePointsTest, Issue22TheSameSourceAndAStateUnderTwoNames) {
  Document a = Analyzed(1, "أ", "2030-03-14T08:00:00+00:00",
                        "وقال مصدر أمني عراقي، الأربعاء، إن مسلحين هاجموا "
                        "نقطة تفتيش قرب الحدود. وذكر المصدر ذاته أن 5 من "
                        "عناصر الأمن قتلوا في الهجوم.");
  EXPECT_EQ(SpeakerOfValue(a, "killed", "5"), "مصدر أمني عراقي");
  Document b = Analyzed(2, "ب", "2030-03-29T16:00:00+00:00",
                        "واتهمت موسكو الحكومة البريطانية بتدبير الهجوم "
                        "بالغاز السام.");
  Document d = Analyzed(3, "ج", "2030-03-29T17:00:00+00:00",
                        "واتهم الكرملين السلطات البريطانية بتنفيذ الهجوم "
                        "بالغاز السام.");
  Comparison c = CompareStory(TestFactsLexicon(), {&b, &d});
  const ContestedPoint* who = PointAbout(c, "responsibility");
  ASSERT_NE(who, nullptr);
  EXPECT_EQ(who->positions.size(), 2u) << Dump(*who);
  EXPECT_FALSE(who->contested) << Dump(*who);
}

// Issue 22 round 8 (non-figure points, round-1 dev story 14): a hashtag in
// an accusation clause is a name (اتهم فيه حركة #حماس), the accuser of
// "a statement in which" is its author; حمّل reaches its responsibility
// word across a longer blamer (الرئيس الفلاني، #فلان_الفلاني); a definite
// noun with a nation's adjective is a party (الدولة الروسية).
TEST(ComparePointsTest, Issue22HashtagsStatementsAndLongerBlameClauses) {
  Document a = Analyzed(1, "أ", "2030-03-31T07:00:00+00:00",
                        "أما السفير لدى الأمم المتحدة، فأصدر، قبيل الجلسة، "
                        "بيانا اتهم فيه حركة #حماس بالوقوف خلف أعمال العنف.");
  const Claim* ra = Responsibility(a);
  ASSERT_NE(ra, nullptr);
  EXPECT_EQ(ra->value, "\xD8\xAD\xD9\x85\xD8\xA7\xD8\xB3");  // حماس
  EXPECT_EQ(
      ra->speaker.rfind("\xD8\xA7\xD9\x84\xD8\xB3\xD9\x81\xD9\x8A\xD8\xB1", 0),
      0u)
      << ra->speaker;  // السفير
  Document b = Analyzed(2, "ب", "2030-03-31T08:00:00+00:00",
                        "وحمّل الرئيس الفلاني، #فلان_الفلاني الحكومة المجاورة "
                        "\"المسؤولية الكاملة\" عن سقوط الضحايا.");
  const Claim* rb = Responsibility(b);
  ASSERT_NE(rb, nullptr);
  EXPECT_NE(rb->value.find("\xD8\xA7\xD9\x84\xD8\xAD\xD9\x83\xD9\x88\xD9\x85"
                           "\xD8\xA9"),
            std::string::npos)
      << rb->value;  // الحكومة
  EXPECT_NE(rb->speaker.find("\xD9\x81\xD9\x84\xD8\xA7\xD9\x86 "
                             "\xD8\xA7\xD9\x84\xD9\x81\xD9\x84\xD8\xA7\xD9\x86"
                             "\xD9\x8A"),
            std::string::npos)
      << rb->speaker;  // فلان الفلاني, the hashtag as words
  const Comparison ab = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* resp = PointAbout(ab, "responsibility");
  ASSERT_NE(resp, nullptr);
  EXPECT_TRUE(resp->contested) << Dump(*resp);
  Document c = Analyzed(3, "ج", "2030-03-24T21:00:00+00:00",
                        "وحملت لندن وواشنطن الدولة الروسية المسؤولية عن "
                        "الهجوم بغاز الأعصاب.");
  const Claim* rc = Responsibility(c);
  ASSERT_NE(rc, nullptr);
  EXPECT_EQ(rc->value,
            "\xD8\xA7\xD9\x84\xD8\xAF\xD9\x88\xD9\x84\xD8\xA9 "
            "\xD8\xA7\xD9\x84\xD8\xB1\xD9\x88\xD8\xB3\xD9\x8A\xD8\xA9");
}

// The cause claims of doc, "value/modality" each.
std::vector<std::string> Causes(const Document& d) {
  std::vector<std::string> out;
  for (const Claim& cl : d.claims)
    if (cl.slot == "weapon:cause") out.push_back(cl.value + "/" + cl.modality);
  return out;
}

// Issue 22 round 8 (non-figure points, round-2 dev story 15): what an
// explosion came from, an accident (أسطوانة غاز، عطل فني) against a
// deliberate act (جهاز متفجر، عبوة ناسفة), is a contested point; a denied
// accident agrees with a deliberate act; explosives that caused nothing in
// the sentence, and tear-gas grenades, make no cause.
TEST(ComparePointsTest, Issue22CauseAnAccidentAgainstAnExplosiveDevice) {
  Document a = Analyzed(1, "أ", "2030-10-17T10:00:00+00:00",
                        "وأكدت اللجنة في بيان أن جهازا متفجرا تسبب بالانفجار "
                        "في الكلية.");
  Document b = Analyzed(2, "ب", "2030-10-17T10:30:00+00:00",
                        "ونقلت وسائل إعلام عن مسؤولين في الطوارئ أن انفجار "
                        "أسطوانة غاز وقع في الكلية.");
  EXPECT_EQ(Causes(a), std::vector<std::string>{"deliberate/asserted"});
  ASSERT_EQ(Causes(b).size(), 1u);
  EXPECT_EQ(Causes(b)[0].rfind("accident/", 0), 0u) << Causes(b)[0];
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* cause = PointAbout(c, "weapon:cause");
  ASSERT_NE(cause, nullptr);
  EXPECT_EQ(cause->kind, "weapon");
  EXPECT_TRUE(cause->contested) << Dump(*cause);
  EXPECT_EQ(PointLabel(*cause),
            "\xD8\xB3\xD8\xA8\xD8\xA8 "
            "\xD8\xA7\xD9\x84\xD8\xA7\xD9\x86\xD9\x81\xD8"
            "\xAC\xD8\xA7\xD8\xB1 \xD8\xA3\xD9\x88 "
            "\xD8\xA7\xD9\x84\xD8\xAD\xD8\xA7\xD8\xAF\xD8"
            "\xAB");  // سبب الانفجار أو الحادث
  // An accident ruled out agrees with the explosive device.
  Document d = Analyzed(3, "ج", "2030-10-17T11:00:00+00:00",
                        "واستبعد الخبير أن يكون الانفجار ناجما عن تسرب غاز.");
  EXPECT_EQ(Causes(d), std::vector<std::string>{"accident/denied"});
  const Comparison ad = CompareStory(TestFactsLexicon(), {&a, &d});
  const ContestedPoint* agreed = PointAbout(ad, "weapon:cause");
  ASSERT_NE(agreed, nullptr);
  EXPECT_FALSE(agreed->contested) << Dump(*agreed);
  // No cause without an explosion, a crash or a fire in the sentence;
  // tear-gas grenades are no explosive.
  Document f = Analyzed(5, "هـ", "2030-03-06T19:00:00+00:00",
                        "وكانت طائرات مسيرة محملة متفجرات قد هاجمت القاعدة "
                        "الشهر الماضي.");
  EXPECT_TRUE(Causes(f).empty());
  Document g = Analyzed(6, "و", "2030-03-06T19:00:00+00:00",
                        "وأطلقت الشرطة قنابل مسيلة للدموع بعد الانفجار.");
  EXPECT_TRUE(Causes(g).empty());
}

// Issue 22 round 9: the doer of a strike named in its words (طائرات تابعة
// للتحالف قصفت، ضربة إسرائيلية) is a position on who is responsible: it
// contests the denial of its own party, never a denial or a doer of the
// other side of an exchange of fire.
std::vector<std::string> Doers(const Document& d) {
  std::vector<std::string> out;
  for (const Claim& c : d.claims) {
    if (c.slot == "responsibility:doer") out.push_back(c.value);
  }
  return out;
}

TEST(ComparePointsTest, Issue22TheDoerOfAStrikeAgainstItsOwnDenial) {
  Document a = Analyzed(1, "أ", "2030-06-18T06:00:00+00:00",
                        "وقالت وسائل إعلام رسمية إن طائرات تابعة للتحالف "
                        "قصفت موقعا للجيش قرب الحدود.");
  Document b = Analyzed(2, "ب", "2030-06-18T07:00:00+00:00",
                        "وقال المتحدث باسم التحالف \"لم يشن التحالف أي "
                        "غارات قرب الحدود\".");
  EXPECT_EQ(Doers(a), std::vector<std::string>{"التحالف"});
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* who = PointAbout(c, "responsibility");
  ASSERT_NE(who, nullptr);
  EXPECT_TRUE(who->contested) << Dump(*who);
  EXPECT_EQ(PositionLabel(who->positions[0]).rfind("المنفّذ: ", 0), 0u)
      << PositionLabel(who->positions[0]);

  // An exchange of fire: Israel's strike and Iran's denial that it fired
  // rockets are two strikes, not two positions on one.
  Document d = Analyzed(3, "ج", "2030-05-10T06:00:00+00:00",
                        "وأعلن الجيش أن ضربة إسرائيلية استهدفت مواقع في "
                        "الجنوب.");
  Document e = Analyzed(4, "د", "2030-05-10T07:00:00+00:00",
                        "ونفت إيران أن تكون قد أطلقت صواريخ على الجولان.");
  EXPECT_EQ(Doers(d), std::vector<std::string>{"إسرائيلية"});
  Comparison x = CompareStory(TestFactsLexicon(), {&d, &e});
  const ContestedPoint* two = PointAbout(x, "responsibility");
  ASSERT_NE(two, nullptr);
  EXPECT_FALSE(two->contested) << Dump(*two);
  // Two doers named by two sources are no dispute either, and a denied
  // strike names no doer.
  Document f = Analyzed(5, "هـ", "2030-05-10T06:30:00+00:00",
                        "وقال مسؤول إن طائرات تابعة للتحالف ضربت مواقع "
                        "أخرى.");
  Comparison y = CompareStory(TestFactsLexicon(), {&d, &f});
  const ContestedPoint* doers = PointAbout(y, "responsibility");
  ASSERT_NE(doers, nullptr);
  EXPECT_FALSE(doers->contested) << Dump(*doers);
  Document g = Analyzed(6, "و", "2030-06-18T08:00:00+00:00",
                        "ونفى المتحدث أن تكون غارات التحالف قد استهدفت "
                        "الموقع.");
  EXPECT_TRUE(Doers(g).empty());
}

// Issue 22 round 9: whether a killing or a shooting was meant
// (other:deliberate): a sniper's shot or a deliberate act against the
// shooter's denial of deliberate fire, or against a mistake.
std::vector<std::string> Intents(const Document& d) {
  std::vector<std::string> out;
  for (const Claim& c : d.claims) {
    if (c.slot == "other:deliberate") out.push_back(c.value + "/" + c.modality);
  }
  return out;
}

TEST(ComparePointsTest, Issue22ADeliberateShotAgainstItsDenialOrAMistake) {
  Document a = Analyzed(1, "أ", "2030-06-02T08:00:00+00:00",
                        "وقال مسعف إن الممرضة قتلت برصاص قناص إسرائيلي "
                        "أثناء عملها قرب السياج.");
  Document b = Analyzed(2, "ب", "2030-06-05T08:00:00+00:00",
                        "وقال الجيش في بيان إنه لم يتم إطلاق نار مباشر "
                        "ومتعمد باتجاهها خلال الحادث.");
  EXPECT_EQ(Intents(a), std::vector<std::string>{"deliberate/asserted"});
  EXPECT_EQ(Intents(b), std::vector<std::string>{"deliberate/denied"});
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* meant = PointAbout(c, "other:deliberate");
  ASSERT_NE(meant, nullptr);
  EXPECT_TRUE(meant->contested) << Dump(*meant);
  // A mistake against a deliberate strike; a fault in machines, with no
  // attack, is no point.
  Document d = Analyzed(3, "ج", "2030-08-09T08:00:00+00:00",
                        "وقال التحالف إن الغارة أصابت الحافلة عن طريق "
                        "الخطأ.");
  Document e = Analyzed(4, "د", "2030-08-09T09:00:00+00:00",
                        "وقال مسؤول محلي إن الغارة الجوية استهدفت الحافلة "
                        "عمدا.");
  EXPECT_EQ(Intents(d), std::vector<std::string>{"mistake/asserted"});
  Comparison x = CompareStory(TestFactsLexicon(), {&d, &e});
  const ContestedPoint* either = PointAbout(x, "other:deliberate");
  ASSERT_NE(either, nullptr);
  EXPECT_TRUE(either->contested) << Dump(*either);
  Document f = Analyzed(5, "هـ", "2030-06-02T12:00:00+00:00",
                        "وقالت الشركة إن العطل يعود لخطأ في الأجهزة.");
  EXPECT_TRUE(Intents(f).empty());
}

std::vector<std::string> Interceptions(const Document& d) {
  std::vector<std::string> out;
  for (const Claim& c : d.claims) {
    if (c.slot == "other:interception")
      out.push_back(c.value + "/" + c.modality);
  }
  return out;
}

TEST(ComparePointsTest, Issue22MissilesInterceptedAgainstMissilesThatHit) {
  // One side's air defences shot the missiles down; the other side says they
  // reached their targets, or that the defences tried and failed.
  Document a = Analyzed(1, "أ", "2030-04-14T02:00:00+00:00",
                        "وقال مصدر عسكري إن الدفاعات الجوية تصدت للصواريخ "
                        "وأسقطت معظمها قبل وصولها إلى أهدافها.");
  Document b = Analyzed(2, "ب", "2030-04-14T09:00:00+00:00",
                        "وقال المتحدث باسم وزارة الدفاع إن جميع الصواريخ "
                        "أصابت أهدافها بدقة.");
  Document c = Analyzed(3, "ج", "2030-04-14T10:00:00+00:00",
                        "وقال ضابط في الأركان إن المنظومات حاولت إسقاط "
                        "الطائرات لكنها فشلت في ذلك.");
  EXPECT_EQ(Interceptions(a),
            (std::vector<std::string>{"intercepted/asserted", "hit/denied"}));
  EXPECT_EQ(Interceptions(b), std::vector<std::string>{"hit/asserted"});
  EXPECT_EQ(Interceptions(c), std::vector<std::string>{"intercepted/denied"});
  Comparison ab = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* p = PointAbout(ab, "other:interception");
  ASSERT_NE(p, nullptr);
  EXPECT_TRUE(p->contested) << Dump(*p);
  Comparison ac = CompareStory(TestFactsLexicon(), {&a, &c});
  p = PointAbout(ac, "other:interception");
  ASSERT_NE(p, nullptr);
  EXPECT_TRUE(p->contested) << Dump(*p);
  // Two sources that both report the interception agree, whatever share
  // each gives; a hit denied agrees with an interception.
  Document d = Analyzed(4, "د", "2030-04-14T11:00:00+00:00",
                        "وقالت وزارة الدفاع الروسية إن الدفاعات الجوية "
                        "اعترضت نصف الصواريخ.");
  Comparison ad = CompareStory(TestFactsLexicon(), {&a, &d});
  p = PointAbout(ad, "other:interception");
  ASSERT_NE(p, nullptr);
  EXPECT_FALSE(p->contested) << Dump(*p);
  // An objection to a decision, an interceptor's launcher destroyed and a
  // goal in a match name no interception and no hit.
  Document e = Analyzed(5, "هـ", "2030-04-15T08:00:00+00:00",
                        "وأبدت الحكومة اعتراضها على القرار. ودمرت الغارة "
                        "منصة صواريخ اعتراضية. وأصاب اللاعب هدفه الأول في "
                        "المباراة.");
  EXPECT_TRUE(Interceptions(e).empty());
  // A hit of some, after an interception in the same words, is a partial
  // interception: no hit claim.
  Document f = Analyzed(6, "و", "2030-04-14T03:00:00+00:00",
                        "وقال المصدر إن دفاعاتنا الجوية تتصدى لعشرات "
                        "الصواريخ وبعضها يصيب هدفه.");
  EXPECT_EQ(Interceptions(f), std::vector<std::string>{"intercepted/asserted"});
  // A digest line of an earlier year is another happening's.
  Document g = Analyzed(7, "ز", "2030-04-15T09:00:00+00:00",
                        "وفي 13 سبتمبر 2026 نفى الجيش إسقاط أي من طائراته "
                        "بصواريخ الدفاع الجوي.");
  EXPECT_TRUE(Interceptions(g).empty());
}

std::vector<std::string> Responsibilities(const Document& d) {
  std::vector<std::string> out;
  for (const Claim& c : d.claims) {
    if (c.slot == "responsibility") out.push_back(c.value + "/" + c.modality);
  }
  return out;
}

TEST(ComparePointsTest, Issue22ResponsibilityInPredicateAndVerbFirstForm) {
  // "X هي المسؤولة عن العنف" and "تتحمل X المسؤولية": the party held
  // responsible in the predicate and in the verb-first form.
  Document a = Analyzed(1, "أ", "2030-06-01T08:00:00+00:00",
                        "وقال السفير إن حماس هي المسؤولة عن العنف على "
                        "الحدود.");
  Document b = Analyzed(2, "ب", "2030-06-01T09:00:00+00:00",
                        "وقال الوزير: تتحمل قوات الاحتلال كامل المسؤولية عن "
                        "سقوط الضحايا.");
  EXPECT_EQ(Responsibilities(a), std::vector<std::string>{"حماس/asserted"});
  EXPECT_EQ(Responsibilities(b),
            std::vector<std::string>{"قوات الاحتلال/asserted"});
  Comparison ab = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* p = PointAbout(ab, "responsibility");
  ASSERT_NE(p, nullptr);
  EXPECT_TRUE(p->contested) << Dump(*p);
  // Without ال and denied by a denial before the party.
  Document c = Analyzed(3, "ج", "2030-03-08T08:00:00+00:00",
                        "وقالت الخارجية إن النظام السوري مسؤول عن الهجوم "
                        "الكيميائي. ونفت دمشق أن يكون النظام مسؤولا عن "
                        "الهجوم.");
  EXPECT_EQ(
      Responsibilities(c),
      (std::vector<std::string>{"النظام السوري/asserted", "denied/denied"}));
  // Those responsible, unnamed, and an official in charge of a file name
  // no party.
  Document d = Analyzed(4, "د", "2030-03-08T09:00:00+00:00",
                        "ودعا المجلس إلى محاسبة المسؤولين عن الهجوم. وقال "
                        "إن الموظف المسؤول عن إدارة الملف سيزور المدينة.");
  EXPECT_TRUE(Responsibilities(d).empty());
}

// From a fresh week of ant2018 read by hand (issue 22, round 11): the police's
// count of its own injured members is no rival of the count of injured
// protesters; the same figure with no group stays a rival.
TEST(ComparePointsTest, Issue22AGroupsOwnCountIsNoRivalOfAGeneralCount) {
  const char* kWhen = "2030-07-04T17:00:00+00:00";
  Document a = Analyzed(1, "أ", kWhen,
                        "وأسفرت المواجهات عند مدخل القرية عن إصابة 30 شخصا من "
                        "المحتجين، حسب ما ذكر الهلال الأحمر.");
  Document b = Analyzed(2, "ب", kWhen,
                        "وقالت الشرطة إن 3 من أفراد الشرطة أصيبوا في "
                        "المواجهات عند مدخل القرية.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* injured = PointAbout(c, "injured");
  ASSERT_NE(injured, nullptr);
  EXPECT_FALSE(injured->contested) << Dump(*injured);
  Document d = Analyzed(3, "ب", kWhen,
                        "وقالت الشرطة إن 3 أشخاص أصيبوا في المواجهات عند "
                        "مدخل القرية.");
  Comparison cd = CompareStory(TestFactsLexicon(), {&a, &d});
  injured = PointAbout(cd, "injured");
  ASSERT_NE(injured, nullptr);
  EXPECT_TRUE(injured->contested) << Dump(*injured);
}

// Control of a match or of a fire is no control of a place (round 11).
TEST(ComparePointsTest, Issue22ControlOfAMatchIsNoControlOfAPlace) {
  const char* kWhen = "2030-07-07T17:00:00+00:00";
  Document a = Analyzed(1, "أ", kWhen,
                        "وسيطر لاعبو الفريق الأحمر على معظم المباراة وسجلوا "
                        "هدفين.");
  Document b =
      Analyzed(2, "ب", kWhen, "وسيطر الفريق الأحمر على الشوط الأول بالكامل.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  EXPECT_EQ(PointAbout(c, "other:control"), nullptr);
  Document d = Analyzed(3, "ب", kWhen,
                        "وسيطرت القوات على معظم المدينة بعد معارك عنيفة.");
  Comparison cd = CompareStory(TestFactsLexicon(), {&d});
  EXPECT_NE(PointAbout(cd, "other:control"), nullptr);
}

// A total a toll rose to over a span of days named after it (بين الجمعة
// والأحد) is wider, no rival of the incident's figure; with no span it is
// the incident's own rival figure (round 11).
TEST(ComparePointsTest, Issue22ARiseToATotalBetweenTwoDaysIsWider) {
  const char* kWhen = "2030-07-03T01:00:00+00:00";
  Document a = Analyzed(1, "أ", kWhen,
                        "وأعلن خفر السواحل أن 63 مهاجرا في عداد المفقودين إثر "
                        "غرق زورقهم قبالة السواحل. ومع الحادث الجديد يرتفع "
                        "إلى 170 عدد المهاجرين المفقودين في البحر بين الجمعة "
                        "والأحد.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a});
  EXPECT_EQ(Contested(c), 0);
  Document b = Analyzed(2, "أ", kWhen,
                        "وأعلن خفر السواحل أن 63 مهاجرا في عداد المفقودين إثر "
                        "غرق زورقهم قبالة السواحل. ومع الحادث الجديد يرتفع "
                        "إلى 170 عدد المهاجرين المفقودين في البحر.");
  EXPECT_EQ(Contested(CompareStory(TestFactsLexicon(), {&b})), 1);
}

std::vector<std::string> SlotClaims(const Document& d,
                                    const std::string& slot) {
  std::vector<std::string> out;
  for (const Claim& c : d.claims) {
    if (c.slot == slot) out.push_back(c.value + "/" + c.modality);
  }
  return out;
}

// A party's denial that it struck (نافيا شن التحالف أي ضربات) denies its
// part, not that the strike happened: the occurred point is not contested,
// the responsibility point is (round 12, r2 dev story 8's kind).
TEST(ComparePointsTest, Issue22ADenialOfWhoStruckIsNoDenialThatItHappened) {
  const char* kWhen = "2030-06-18T06:00:00+00:00";
  Document a = Analyzed(1, "أ", kWhen,
                        "وقالت وكالة الأنباء الرسمية إن طائرات التحالف شنت "
                        "غارة على موقع للجيش قرب الحدود.");
  Document b = Analyzed(2, "ب", kWhen,
                        "وقال المتحدث باسم التحالف إنه سمع بهذه التقارير، "
                        "نافيا شن التحالف أي ضربات في المنطقة.");
  for (const std::string& m : SlotClaims(b, "attack"))
    EXPECT_EQ(m.substr(m.find('/') + 1), "asserted") << m;
  EXPECT_EQ(SlotClaims(b, "responsibility"),
            std::vector<std::string>{"denied/denied"});
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* occurred = PointAbout(c, "attack");
  ASSERT_NE(occurred, nullptr);
  EXPECT_FALSE(occurred->contested) << Dump(*occurred);
  // A denial that the strike took place is still one.
  Document d = Analyzed(3, "ب", kWhen,
                        "ونفى المتحدث باسم الجيش وقوع أي غارة على الموقع.");
  EXPECT_EQ(SlotClaims(d, "attack").size(), 1u);
  for (const std::string& m : SlotClaims(d, "attack"))
    EXPECT_EQ(m.substr(m.find('/') + 1), "denied") << m;
}

// Whether an act or a building is lawful: a legality recognized against
// an illegality, or an illegality asserted and denied (round 12: a court's
// recognition of a settlement against "all settlements are illegal").
TEST(ComparePointsTest, Issue22LegalAgainstIllegal) {
  const char* kWhen = "2030-08-29T10:00:00+00:00";
  Document a = Analyzed(1, "أ", kWhen,
                        "واعترفت محكمة محلية بقانونية بؤرة استيطانية أقيمت "
                        "على أرض خاصة.");
  Document b = Analyzed(2, "ب", kWhen,
                        "وقال المتحدث باسم الرئاسة إن جميع المستوطنات غير "
                        "قانونية.");
  Document c = Analyzed(3, "ج", kWhen,
                        "وقالت منظمة حقوقية إن البناء انتهاك صارخ للقانون "
                        "الدولي.");
  Document d =
      Analyzed(4, "د", kWhen, "ونفى الوزير أن يكون البناء غير قانوني.");
  EXPECT_EQ(SlotClaims(a, "other:legality"),
            std::vector<std::string>{"legal/asserted"});
  EXPECT_EQ(SlotClaims(b, "other:legality"),
            std::vector<std::string>{"illegal/asserted"});
  EXPECT_EQ(SlotClaims(c, "other:legality"),
            std::vector<std::string>{"illegal/asserted"});
  EXPECT_EQ(SlotClaims(d, "other:legality"),
            std::vector<std::string>{"illegal/denied"});
  auto contested = [](const Document& x, const Document& y) {
    Comparison c = CompareStory(TestFactsLexicon(), {&x, &y});
    const ContestedPoint* p = PointAbout(c, "other:legality");
    return p != nullptr && p->contested;
  };
  EXPECT_TRUE(contested(a, b));
  EXPECT_TRUE(contested(a, c));
  EXPECT_FALSE(contested(b, c));  // both illegal: an agreement
  EXPECT_TRUE(contested(b, d));
  EXPECT_FALSE(contested(a, d));  // legal, and illegality denied
  // Not recognized is illegal; people and goods called illegal, and a
  // legality no verb recognizes, are no claim.
  Document e = Analyzed(5, "هـ", kWhen, "ولم تعترف الحكومة بشرعية الانتخابات.");
  EXPECT_EQ(SlotClaims(e, "other:legality"),
            std::vector<std::string>{"illegal/asserted"});
  Document f = Analyzed(6, "و", kWhen,
                        "وضبطت الشرطة عشرات المهاجرين غير الشرعيين، وصادرت "
                        "أموالا غير مشروعة. وأكد التحالف دعمه للشرعية.");
  EXPECT_TRUE(SlotClaims(f, "other:legality").empty());
}

// The outcome of talks: an agreement or progress against failure at
// comparable times; talks that failed and later reached a deal are a
// timeline; an aim (يسعى الجانبان إلى التوصل إلى اتفاق) is no claim.
TEST(ComparePointsTest, Issue22TheOutcomeOfTalks) {
  Document a = Analyzed(1, "أ", "2030-07-05T10:00:00+00:00",
                        "وقال الوزير إن الطرفين توصلا إلى اتفاق بشأن تبادل "
                        "الأسرى.");
  Document b = Analyzed(2, "ب", "2030-07-05T11:00:00+00:00",
                        "وقال المتحدث باسم المعارضة إن المفاوضات فشلت.");
  Document c = Analyzed(3, "ج", "2030-07-07T11:00:00+00:00",
                        "وأعلن الوسيط أنه تم التوصل إلى اتفاق نهائي.");
  Document d = Analyzed(4, "د", "2030-07-05T11:00:00+00:00",
                        "ويسعى الجانبان إلى التوصل إلى اتفاق خلال أيام.");
  Document e = Analyzed(5, "هـ", "2030-07-05T12:00:00+00:00",
                        "وانتهت الجولة دون إحراز أي تقدم.");
  Document f = Analyzed(6, "و", "2030-07-05T12:30:00+00:00",
                        "وقال المبعوث إننا أحرزنا تقدما كبيرا.");
  EXPECT_EQ(SlotClaims(a, "other:talks"),
            std::vector<std::string>{"agreed/asserted"});
  EXPECT_EQ(SlotClaims(b, "other:talks"),
            std::vector<std::string>{"failed/asserted"});
  EXPECT_EQ(SlotClaims(c, "other:talks"),
            std::vector<std::string>{"agreed/asserted"});
  EXPECT_TRUE(SlotClaims(d, "other:talks").empty());
  EXPECT_EQ(SlotClaims(e, "other:talks"),
            std::vector<std::string>{"failed/asserted"});
  EXPECT_EQ(SlotClaims(f, "other:talks"),
            std::vector<std::string>{"progress/asserted"});
  auto contested = [](const Document& x, const Document& y) {
    Comparison c = CompareStory(TestFactsLexicon(), {&x, &y});
    const ContestedPoint* p = PointAbout(c, "other:talks");
    return p != nullptr && p->contested;
  };
  EXPECT_TRUE(contested(a, b));
  EXPECT_FALSE(contested(b, c));  // two days apart: a timeline
  EXPECT_TRUE(contested(e, f));
  EXPECT_FALSE(contested(a, f));  // agreed and progress agree
  // One source giving both outcomes in its report (a press review) tells of
  // several talks: none of them contests another source's.
  Document g = Analyzed(7, "ز", "2030-07-05T11:30:00+00:00",
                        "فشلت المفاوضات بين الجيش والفصائل. وتوصل الحزبان "
                        "إلى اتفاق بشأن الميزانية.");
  EXPECT_FALSE(contested(a, g));
}

// Whether an act has begun: a demolition begun against a later report that
// it has not; not yet begun and then begun is a timeline (round 12, the
// kind of round 11's week N).
TEST(ComparePointsTest, Issue22AnActBegunAgainstNotBegun) {
  Document a = Analyzed(1, "أ", "2030-07-04T07:00:00+00:00",
                        "وشرعت جرافات الجيش بهدم القرية منذ الفجر.");
  Document b = Analyzed(2, "ب", "2030-07-04T20:00:00+00:00",
                        "ووصلت الجرافات إلى القرية لكن عملية الهدم لم تبدأ "
                        "حتى الآن.");
  Document c = Analyzed(3, "ج", "2030-07-03T08:00:00+00:00",
                        "وقال السكان إن الهدم لم يبدأ بعد.");
  Document d = Analyzed(4, "د", "2030-07-04T08:00:00+00:00",
                        "وبدأ انسحاب القوات من المدينة.");
  EXPECT_EQ(SlotClaims(a, "other:began"),
            std::vector<std::string>{"هدم/asserted"});
  EXPECT_EQ(SlotClaims(b, "other:began"),
            std::vector<std::string>{"هدم/denied"});
  auto contested = [](const Document& x, const Document& y) {
    Comparison c = CompareStory(TestFactsLexicon(), {&x, &y});
    for (const ContestedPoint& p : c.points)
      if (p.about == "other:began" && p.contested) return true;
    return false;
  };
  EXPECT_TRUE(contested(a, b));   // begun, then a later "not yet"
  EXPECT_FALSE(contested(a, c));  // not yet the day before: a timeline
  EXPECT_FALSE(contested(b, d));  // another act
}

// An allegation of an act (its charge no violence: harassment, fraud)
// against the accused's denial, compared only when the charge is the
// story's subject (its titles' words): a line on a denied allegation in a
// story about something else is background (issue 22 round 13, the fresh
// pool's most frequent missed kind).
TEST(ComparePointsTest, Issue22AnAllegationAgainstTheAccusedsDenial) {
  const char* kWhen = "2030-09-10T10:00:00+00:00";
  Document a = Analyzed(1, "أ", kWhen,
                        "واتهمت موظفة سابقة مدير الشركة بالتحرش بها أثناء "
                        "العمل.");
  Document b = Analyzed(2, "ب", "2030-09-10T15:00:00+00:00",
                        "ونفى مدير الشركة الاتهامات الموجهة إليه بالتحرش، "
                        "وقال إنها كاذبة.");
  Document c = Analyzed(3, "ج", kWhen,
                        "ونفى وزير المالية الاتهامات بالفساد في صفقة "
                        "الأسلحة.");
  EXPECT_EQ(SlotClaims(a, "other:allegation").size(), 1u);
  EXPECT_EQ(SlotClaims(b, "other:allegation"),
            std::vector<std::string>{"denied/denied"});
  auto point = [](Document x, Document y, const std::string& title) {
    x.title = title;
    y.title = title;
    Comparison c = CompareStory(TestFactsLexicon(), {&x, &y});
    const ContestedPoint* p = PointAbout(c, "other:allegation");
    return p == nullptr   ? std::string("none")
           : p->contested ? "contested"
                          : "shown";
  };
  EXPECT_EQ(point(a, b, "موظفة تتهم مدير شركة بالتحرش"), "contested");
  // The same two lines in a story about oil prices: no point.
  EXPECT_EQ(point(a, b, "ارتفاع أسعار النفط في الأسواق"), "none");
  // A denial of another charge by someone else answers nothing.
  EXPECT_EQ(point(a, c, "موظفة تتهم مدير شركة بالتحرش"), "shown");
  // A denial alone makes no point.
  EXPECT_EQ(point(b, c, "مدير الشركة ينفي التحرش"), "none");
  // A bare denial (هذه الاتهامات) answers the allegation of its own report,
  // not another report's.
  Document d = Analyzed(4, "د", kWhen,
                        "ويواجه مدير الشركة عددا من الاتهامات بالتحرش. "
                        "وينفي مدير الشركة هذه الاتهامات.");
  Document e = Analyzed(5, "هـ", kWhen, "وينفي المدير هذه الاتهامات.");
  auto one = [](Document x, const std::string& title) {
    x.title = title;
    Comparison c = CompareStory(TestFactsLexicon(), {&x});
    const ContestedPoint* p = PointAbout(c, "other:allegation");
    return p != nullptr && p->contested;
  };
  EXPECT_TRUE(one(d, "مدير شركة يواجه اتهامات بالتحرش"));
  EXPECT_FALSE(one(d, "افتتاح مهرجان السينما"));
  EXPECT_EQ(point(a, e, "موظفة تتهم مدير شركة بالتحرش"), "shown");
}

// One contest, one point: an allegation whose denial a contested
// responsibility point already sets against its rival (the same source's
// denial in the same report) is shown, not flagged again.
TEST(ComparePointsTest,
     Issue22AnAllegationDeniedInAContestedPointIsNotFlaggedTwice) {
  const char* kWhen = "2030-09-12T10:00:00+00:00";
  Document a = Analyzed(1, "أ", kWhen,
                        "واتهم الجيش حركة حماس بشن الهجوم. واتهم الجيش "
                        "حركة حماس بالتحريض على العنف.");
  Document b =
      Analyzed(2, "ب", kWhen, "ونفت حركة حماس الاتهامات بالتحريض على العنف.");
  a.title = "الجيش يتهم حماس بالتحريض على العنف";
  b.title = a.title;
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* resp = PointAbout(c, "responsibility");
  const ContestedPoint* alleg = PointAbout(c, "other:allegation");
  ASSERT_NE(resp, nullptr);
  ASSERT_NE(alleg, nullptr) << Dump(*resp);
  EXPECT_TRUE(resp->contested) << Dump(*resp);
  EXPECT_FALSE(alleg->contested) << Dump(*alleg);
  // Without the contested responsibility point, the allegation is flagged.
  Document a2 =
      Analyzed(3, "أ", kWhen, "واتهم الجيش حركة حماس بالتحريض على العنف.");
  a2.title = a.title;
  Comparison c2 = CompareStory(TestFactsLexicon(), {&a2, &b});
  const ContestedPoint* alleg2 = PointAbout(c2, "other:allegation");
  ASSERT_NE(alleg2, nullptr);
  EXPECT_TRUE(alleg2->contested) << Dump(*alleg2);
}

// A roundup report (issue 22, round 15): a report that gives two different
// whole counts of one kind tells several incidents. Its first count is the
// story's; a later one (another town's attack) is its own incident and
// contests no other report's figure unless both name one place for it.
TEST(ComparePointsTest, Issue22ALaterIncidentOfARoundupIsNoRival) {
  const char* kWhen = "2030-09-14T10:00:00+00:00";
  Document roundup = Analyzed(
      1, "أ", kWhen,
      "وقالت الشرطة إن 12 شخصا قتلوا في هجوم على سوق البلدة صباح اليوم.\n\n"
      "وفي هجوم آخر على حاجز للجيش، قالت الشرطة إن 40 شخصا قتلوا.");
  Document other = Analyzed(2, "ب", kWhen,
                            "وقال مسعفون إن 12 شخصا قتلوا في الهجوم على "
                            "سوق البلدة.");
  Comparison c = CompareStory(TestFactsLexicon(), {&roundup, &other});
  const ContestedPoint* killed = PointAbout(c, "killed");
  ASSERT_NE(killed, nullptr);
  EXPECT_EQ(killed->positions.size(), 3u) << Dump(*killed);
  EXPECT_FALSE(killed->contested) << Dump(*killed);
  // The same 40 as a report's only count is the story's own, and contests.
  Document lone =
      Analyzed(3, "ج", kWhen, "وقالت مصادر محلية إن 40 شخصا قتلوا في الهجوم.");
  Comparison x = CompareStory(TestFactsLexicon(), {&lone, &other});
  const ContestedPoint* one = PointAbout(x, "killed");
  ASSERT_NE(one, nullptr);
  EXPECT_TRUE(one->contested) << Dump(*one);
  // A roundup's first count still contests another report's figure.
  Document low = Analyzed(4, "د", kWhen,
                          "وقال مسعفون إن 3 أشخاص قتلوا في الهجوم على سوق "
                          "البلدة.");
  Comparison y = CompareStory(TestFactsLexicon(), {&roundup, &low});
  const ContestedPoint* lead = PointAbout(y, "killed");
  ASSERT_NE(lead, nullptr);
  EXPECT_TRUE(lead->contested) << Dump(*lead);
}

// N more (بينما أصيب 15 آخرون): one source's figures that add up are parts
// of a toll whose sum the sentence does not give, none of them a whole that
// contests another report's figure (issue 22, round 15).
TEST(ComparePointsTest, Issue22FiguresThatAddUpAreParts) {
  const char* kWhen = "2030-09-15T10:00:00+00:00";
  Document a = Analyzed(1, "أ", kWhen,
                        "وقال متحدث باسم الدفاع المدني إن الانفجار أدى إلى "
                        "إصابة 11 شخصا بجروح بالغة، بينما أصيب 15 آخرون "
                        "بجروح طفيفة.");
  Document b =
      Analyzed(2, "ب", kWhen, "وقالت الشرطة إن 26 شخصا أصيبوا في الانفجار.");
  Comparison c = CompareStory(TestFactsLexicon(), {&a, &b});
  const ContestedPoint* injured = PointAbout(c, "injured");
  ASSERT_NE(injured, nullptr);
  EXPECT_EQ(injured->positions.size(), 3u) << Dump(*injured);
  EXPECT_FALSE(injured->contested) << Dump(*injured);
  // Without "others" the larger figure is the whole and still contests.
  Document d = Analyzed(3, "ج", kWhen,
                        "وقال متحدث باسم الدفاع المدني إن الانفجار أدى إلى "
                        "إصابة 11 شخصا بجروح بالغة، بينما أصيب 15 شخصا "
                        "بجروح طفيفة.");
  Comparison x = CompareStory(TestFactsLexicon(), {&d, &b});
  const ContestedPoint* whole = PointAbout(x, "injured");
  ASSERT_NE(whole, nullptr);
  EXPECT_TRUE(whole->contested) << Dump(*whole);
}

}  // namespace
}  // namespace marsad
