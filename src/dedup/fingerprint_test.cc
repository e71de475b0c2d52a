#include "src/dedup/fingerprint.h"

#include <gtest/gtest.h>

#include <string>

#include "src/text/test_tables.h"

namespace marsad {
namespace {

// Our own sentences (not press text).
constexpr char kReport[] =
    "أعلنت وزارة الصحة في مدينة الواحة اليوم عن افتتاح مستشفى جديد للأطفال "
    "بسعة مئتي سرير، وقال الوزير في مؤتمر صحفي إن المستشفى سيخدم سكان "
    "المنطقة الشمالية كلها، وإن العمل فيه بدأ قبل ثلاث سنوات بتمويل من "
    "صندوق التنمية الوطني. وأضاف أن الكوادر الطبية تلقت تدريبا خاصا على "
    "رعاية حديثي الولادة، وأن أقسام الطوارئ ستعمل على مدار الساعة.";

TEST(FingerprintTest, SerializeRoundTrips) {
  Fingerprint fp = ComputeFingerprint(TestTextTables(), kReport);
  EXPECT_GT(fp.num_shingles, 30u);
  StatusOr<Fingerprint> back = Fingerprint::Deserialize(fp.Serialize());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, fp);
}

TEST(FingerprintTest, DeserializeRejectsBadInput) {
  std::string data = ComputeFingerprint(TestTextTables(), kReport).Serialize();
  for (std::string bad : {std::string(), data.substr(0, data.size() - 1),
                          data + "x", "G" + data.substr(1)}) {
    EXPECT_FALSE(Fingerprint::Deserialize(bad).ok()) << bad.size();
  }
}

TEST(FingerprintTest, SpellingAndSpacingVariantsAreExactCopies) {
  std::string variant = kReport;
  // ى for ي at a word end, and doubled spaces: folded away.
  size_t pos = variant.find("في ");
  variant.replace(pos, std::string("في").size(), "فى");
  variant.insert(variant.find(' '), "  ");
  EXPECT_EQ(ComputeFingerprint(TestTextTables(), variant).exact,
            ComputeFingerprint(TestTextTables(), kReport).exact);
}

TEST(FingerprintTest, JaccardTracksEdits) {
  Fingerprint a = ComputeFingerprint(TestTextTables(), kReport);
  std::string edited = std::string("الواحة - خاص: ") + kReport;
  Fingerprint b = ComputeFingerprint(TestTextTables(), edited);
  EXPECT_NE(a.exact, b.exact);
  EXPECT_GE(EstimateJaccard(a, b), 0.8);
  Fingerprint other = ComputeFingerprint(
      TestTextTables(),
      "هطلت أمطار غزيرة على المدن الساحلية مساء أمس وأغلقت السلطات عددا من "
      "الطرق الرئيسية، فيما دعا الدفاع المدني السكان إلى البقاء في منازلهم "
      "وتجنب الأودية حتى انحسار السيول صباح الغد.");
  EXPECT_LE(EstimateJaccard(a, other), 0.1);
  EXPECT_DOUBLE_EQ(EstimateJaccard(a, a), 1.0);
}

TEST(FingerprintTest, ContainmentOfTruncatedCopy) {
  std::string text = kReport;
  std::string half = text.substr(0, text.find("وأضاف"));
  Fingerprint full = ComputeFingerprint(TestTextTables(), text);
  Fingerprint part = ComputeFingerprint(TestTextTables(), half);
  EXPECT_LT(EstimateJaccard(full, part), 0.9);
  EXPECT_GE(EstimateContainment(full, part), 0.85);
}

TEST(FingerprintTest, EmptyTextHasNoShingles) {
  Fingerprint fp = ComputeFingerprint(TestTextTables(), "");
  EXPECT_EQ(fp.num_shingles, 0u);
  EXPECT_EQ(EstimateJaccard(fp, fp), 0.0);
  Fingerprint one = ComputeFingerprint(TestTextTables(), "كلمة");
  EXPECT_EQ(one.num_shingles, 1u);
}

}  // namespace
}  // namespace marsad
