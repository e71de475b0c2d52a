#include "src/base/document_json.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

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

// AnalysisJsonText writes what the tree dumps, byte for byte: 500 random
// analyses with every optional key present and absent, strings that need
// escaping (quotes, backslashes, every C0 control, DEL, Arabic, a 4-byte
// code point) and doubles of every shape nlohmann formats differently
// (integral, tiny, huge, negative zero, infinities, NaN).
TEST(DocumentJsonTest, AnalysisTextIsTheTreeDumped) {
  std::mt19937 rng(25);
  const std::vector<std::string> strings = {"",
                                            "a",
                                            "الوزارة",
                                            "قال \"المتحدث\"",
                                            "back\\slash",
                                            "tab\tnl\nend",
                                            "\b\f\r",
                                            std::string("nul\0x", 5),
                                            "\x01\x1f\x7f",
                                            "😀 ok",
                                            "/ / '",
                                            "ـــ ًٌٍ",
                                            "x\xC2\xA0y",
                                            "\xEF\xBF\xBD"};
  const double inf = std::numeric_limits<double>::infinity();
  const std::vector<double> doubles = {0,
                                       -0.0,
                                       1,
                                       -1,
                                       0.1,
                                       1.0 / 3,
                                       1e-7,
                                       1e-5,
                                       123.456,
                                       1e15,
                                       1e16,
                                       1e20,
                                       -2.5e-300,
                                       33.5,
                                       40,
                                       inf,
                                       -inf,
                                       NAN,
                                       1e308,
                                       5e-324,
                                       123456789012.0,
                                       0.30000000000000004};
  auto str = [&] { return strings[rng() % strings.size()]; };
  auto dbl = [&] { return doubles[rng() % doubles.size()]; };
  auto span = [&] {
    uint32_t a = rng() % 3 ? rng() % 5000 : rng();
    return Span{
        a, rng() % 2 ? static_cast<uint32_t>(a + rng() % 40) : 4294967295u};
  };
  auto number = [&] {
    return NumberMention{span(), dbl(), dbl(), dbl(), rng() % 2 == 0, str()};
  };
  auto count = [&] { return rng() % 4; };
  std::string text;
  for (int round = 0; round < 500; ++round) {
    Document d;
    for (size_t i = count(); i > 0; --i) d.numbers.push_back(number());
    for (size_t i = count(); i > 0; --i) {
      d.dates.push_back({span(), str(), str(), str(),
                         static_cast<DatePrecision>(rng() % 5),
                         rng() % 2 == 0});
    }
    for (size_t i = count(); i > 0; --i) {
      EntityMention e;
      e.span = span();
      e.type = static_cast<EntityType>(rng() % 4);
      e.text = str();
      e.entity_id = str();
      e.canonical = str();
      e.role = str();
      e.role_span = span();
      if (rng() % 2) e.lat = dbl();
      if (rng() % 2) e.lon = dbl();
      d.entities.push_back(e);
    }
    for (size_t i = count(); i > 0; --i) {
      d.quotes.push_back({span(), span(), span(), span(), str(), str(), str(),
                          rng() % 2 == 0, rng() % 2 == 0});
    }
    for (size_t i = count(); i > 0; --i) {
      Event e;
      e.plover = str();
      e.mode = str();
      e.acled_type = str();
      e.acled_subtype = str();
      e.trigger = span();
      e.sentence = span();
      e.actor = str();
      e.target = str();
      e.location = str();
      e.weapon = str();
      e.actor_span = span();
      e.target_span = span();
      e.location_span = span();
      e.weapon_span = span();
      e.date = str();
      e.date_span = span();
      for (size_t k = count(); k > 0; --k)
        e.casualties.push_back({str(), number()});
      e.modality = str();
      e.quote = static_cast<int>(rng() % 7) - 1;
      d.events.push_back(e);
    }
    for (size_t i = count(); i > 0; --i) {
      Claim c;
      c.slot = str();
      c.value = str();
      c.min = dbl();
      c.max = dbl();
      c.approximate = rng() % 2 == 0;
      c.speaker = str();
      c.modality = str();
      c.span = span();
      c.event = rng() % 3 ? static_cast<int>(rng() % 9) - 1 : -2147483647 - 1;
      c.scope = str();
      d.claims.push_back(c);
    }
    for (size_t i = count(); i > 0; --i) d.removed.push_back({str(), str()});
    ASSERT_TRUE(AnalysisJsonText(d, &text)) << round;
    ASSERT_EQ(text, AnalysisToJson(d).dump()) << round;
  }
  ASSERT_TRUE(AnalysisJsonText(Document(), &text));
  EXPECT_EQ(text, AnalysisToJson(Document()).dump());
}

// Where the tree's dump throws (a string that is not UTF-8), the text says
// so instead of writing something else.
TEST(DocumentJsonTest, AnalysisTextRefusesWhatDumpRefuses) {
  for (std::string bad : {"\xC3", "a\xC0\x80", "\xED\xA0\x80",
                          "\xF4\x90\x80\x80", "\x80", "\xE2\x82", "ok\xFF"}) {
    Document d;
    d.removed.push_back({bad, "repeat"});
    std::string text;
    EXPECT_FALSE(AnalysisJsonText(d, &text)) << bad;
    EXPECT_THROW(AnalysisToJson(d).dump(), nlohmann::json::exception) << bad;
  }
}

TEST(DocumentJsonTest, MalformedIsCorruption) {
  Document d;
  auto j = nlohmann::json::parse(R"({"numbers": [{"value": "x"}]})");
  EXPECT_EQ(AnalysisFromJson(j, &d).code(), StatusCode::kCorruption);
}

}  // namespace
}  // namespace marsad
