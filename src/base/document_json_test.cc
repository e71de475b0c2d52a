#include "src/base/document_json.h"

#include <gtest/gtest.h>

#include <limits>

namespace marsad {
namespace {

TEST(DocumentJsonTest, AnalysisRoundTrip) {
  Document d;
  d.text = "قتل 3 في دمشق";
  d.numbers.push_back({Span{7, 8}, 3, 3, 3, false, ""});
  d.dates.push_back(
      {Span{0, 2}, "--02-07", "", "", DatePrecision::kDay, false});
  EntityMention e;
  e.span = Span{12, 20};
  e.type = EntityType::kLocation;
  e.text = "دمشق";
  e.entity_id = "loc:dmshq";
  e.lat = 33.5;
  e.lon = 36.3;
  d.entities.push_back(e);
  Quote q;
  q.speaker = "الوزارة";
  q.direct = true;
  d.quotes.push_back(q);
  Event ev;
  ev.plover = "ASSAULT";
  ev.casualties.push_back({"killed", d.numbers[0]});
  ev.quote = 0;
  d.events.push_back(ev);
  d.claims.push_back({"killed", "3", 3, 3, false, "الوزارة", "denied", {}, 0});
  d.removed.push_back({"شارك", "furniture-phrase"});

  Document back;
  ASSERT_TRUE(AnalysisFromJson(AnalysisToJson(d), &back).ok());
  EXPECT_EQ(AnalysisToJson(back), AnalysisToJson(d));
  EXPECT_EQ(back.entities[0].lat.value_or(0), 33.5);
  EXPECT_EQ(back.dates[0].precision, DatePrecision::kDay);
  EXPECT_EQ(back.claims[0].modality, "denied");
}

TEST(DocumentJsonTest, OpenUpperBoundRoundTrips) {
  // "أكثر من 40 قتيلا": max is +infinity, written as null; reading it back
  // must neither fail (the store would drop the whole analysis) nor turn
  // the bound into 0.
  Document d;
  d.text = "قتل أكثر من 40";
  const double inf = std::numeric_limits<double>::infinity();
  d.numbers.push_back({Span{7, 25}, 40, 40, inf, false, ""});
  Event ev;
  ev.plover = "ASSAULT";
  ev.casualties.push_back({"killed", d.numbers[0]});
  d.events.push_back(ev);
  d.claims.push_back({"killed", "40+", 40, inf, false, "", "asserted", {}, 0});
  nlohmann::json j = nlohmann::json::parse(AnalysisToJson(d).dump());
  EXPECT_TRUE(j["numbers"][0]["max"].is_null());
  Document back;
  ASSERT_TRUE(AnalysisFromJson(j, &back).ok());
  ASSERT_EQ(back.numbers.size(), 1u);
  EXPECT_EQ(back.numbers[0].max, inf);
  EXPECT_EQ(back.events[0].casualties[0].number.max, inf);
  EXPECT_EQ(back.claims[0].max, inf);
  EXPECT_EQ(back.claims[0].min, 40);
}

// Issue 22 (round 5): the stored analysis lost a figure's scope, so the
// story comparison read from the store (marsad story, the API, export)
// lined up a campaign's total, a subset and a past toll against the
// incident's own figure.
TEST(DocumentJsonTest, Issue22ClaimScopeRoundTrips) {
  Document d;
  d.text = "قتل 30 بينهم 5 أطفال";
  for (const char* scope : {"wider", "part", "past", "other", "incident"}) {
    Claim c;
    c.slot = "killed";
    c.value = "5";
    c.scope = scope;
    d.claims.push_back(c);
  }
  Document back;
  ASSERT_TRUE(AnalysisFromJson(AnalysisToJson(d), &back).ok());
  ASSERT_EQ(back.claims.size(), 5u);
  EXPECT_EQ(back.claims[0].scope, "wider");
  EXPECT_EQ(back.claims[1].scope, "part");
  EXPECT_EQ(back.claims[2].scope, "past");
  EXPECT_EQ(back.claims[3].scope, "other");
  EXPECT_EQ(back.claims[4].scope, "incident");
}

TEST(DocumentJsonTest, MalformedIsCorruption) {
  Document d;
  auto j = nlohmann::json::parse(R"({"numbers": [{"value": "x"}]})");
  EXPECT_EQ(AnalysisFromJson(j, &d).code(), StatusCode::kCorruption);
}

}  // namespace
}  // namespace marsad
