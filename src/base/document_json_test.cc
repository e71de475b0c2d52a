#include "src/base/document_json.h"

#include <gtest/gtest.h>

namespace marsad {
namespace {

TEST(DocumentJsonTest, AnalysisRoundTrip) {
  Document d;
  d.text = "قتل 3 في دمشق";
  d.numbers.push_back({Span{7, 8}, 3, 3, 3, false, ""});
  d.dates.push_back({Span{0, 2}, "--02-07", "", "", DatePrecision::kDay, false});
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

TEST(DocumentJsonTest, MalformedIsCorruption) {
  Document d;
  auto j = nlohmann::json::parse(R"({"numbers": [{"value": "x"}]})");
  EXPECT_EQ(AnalysisFromJson(j, &d).code(), StatusCode::kCorruption);
}

}  // namespace
}  // namespace marsad
