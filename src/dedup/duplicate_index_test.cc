#include "src/dedup/duplicate_index.h"

#include <gtest/gtest.h>

#include <string>

#include "src/dedup/days.h"

namespace marsad {
namespace {

std::string Report(int topic) {
  // Distinct, long-enough texts built from our own sentences.
  static const char* kSentences[] = {
      "افتتح محافظ المدينة الجسر الجديد فوق النهر صباح اليوم بحضور عدد من المسؤولين",
      "وقال المهندس المشرف إن الجسر يختصر الطريق بين الضفتين إلى عشر دقائق فقط",
      "أعلن نادي الشروق تعاقده مع مدرب جديد لموسم كامل بعد خسارة البطولة",
      "وأكد رئيس النادي أن الإدارة ستدعم الفريق بثلاثة لاعبين أجانب قبل بداية الدوري",
      "ارتفعت أسعار الخضار في الأسواق المركزية بسبب موجة الحر التي ضربت المزارع",
      "ودعا التجار وزارة التجارة إلى مراقبة الأسعار ومنع الاحتكار في الموسم المقبل",
  };
  std::string text;
  for (int i = 0; i < 3; ++i) {
    text += kSentences[(topic % 3) * 2] + std::string("، ") +
            kSentences[(topic % 3) * 2 + 1] + " " + std::to_string(topic * 10 + i) + ". ";
  }
  return text;
}

TEST(DaysTest, RoundTripsAndRejects) {
  EXPECT_EQ(DayNumber("1970-01-01"), 0);
  EXPECT_EQ(DayString(*DayNumber("2015-07-21 02:51:32")), "2015-07-21");
  EXPECT_EQ(DayString(*DayNumber("2016-02-29")), "2016-02-29");
  for (const char* bad : {"", "2015-13-01", "2015-02-29", "15-07-21", "abcd-ef-gh"}) {
    EXPECT_FALSE(DayNumber(bad).has_value()) << bad;
  }
}

TEST(DuplicateIndexTest, ExactAndNearCopiesPointToFirstCopy) {
  DuplicateIndex index;
  Fingerprint a = ComputeFingerprint(Report(0));
  EXPECT_EQ(index.FindOrAdd(1, a, "2015-07-21"), std::nullopt);
  EXPECT_EQ(index.FindOrAdd(2, ComputeFingerprint(Report(1)), "2015-07-21"),
            std::nullopt);
  EXPECT_EQ(index.FindOrAdd(3, a, "2015-07-22"), 1);
  std::string edited = "المدينة - خاص: " + Report(0) + " شارك";
  auto m = index.FindOrAddDetailed(4, ComputeFingerprint(edited), "2015-07-22");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->first_id, 1);
  EXPECT_FALSE(m->exact);
  // A copy of the near-copy still points to the first copy.
  std::string edited2 = edited + " تعليقات";
  EXPECT_EQ(index.FindOrAdd(5, ComputeFingerprint(edited2), ""), 1);
}

TEST(DuplicateIndexTest, ReAddingTheSameIdIsNotItsOwnDuplicate) {
  DuplicateIndex index;
  Fingerprint a = ComputeFingerprint(Report(2));
  EXPECT_EQ(index.FindOrAdd(7, a, "2015-07-21"), std::nullopt);
  EXPECT_EQ(index.FindOrAdd(7, a, "2015-07-21"), std::nullopt);
}

TEST(DuplicateIndexTest, WindowForgetsOldReports) {
  DuplicateOptions options;
  options.window_days = 5;
  DuplicateIndex index(options);
  Fingerprint a = ComputeFingerprint(Report(0));
  EXPECT_EQ(index.FindOrAdd(1, a, "2015-07-01"), std::nullopt);
  EXPECT_EQ(index.size(), 1u);
  EXPECT_EQ(index.FindOrAdd(2, ComputeFingerprint(Report(1)), "2015-07-20"),
            std::nullopt);
  EXPECT_EQ(index.size(), 1u);
  EXPECT_EQ(index.FindOrAdd(3, a, "2015-07-20"), std::nullopt);
}

TEST(DuplicateIndexTest, RestoreRebuildsState) {
  DuplicateIndex before, after;
  Fingerprint a = ComputeFingerprint(Report(0));
  Fingerprint b = ComputeFingerprint(Report(1));
  before.FindOrAdd(10, a, "2015-07-21");
  before.FindOrAdd(11, b, "2015-07-21");
  after.Restore(10, 0, Fingerprint::Deserialize(a.Serialize()).value(), "2015-07-21");
  after.Restore(11, 0, b, "2015-07-21");
  EXPECT_EQ(after.size(), before.size());
  EXPECT_EQ(after.FindOrAdd(12, b, "2015-07-22"), 11);
}

TEST(DuplicateIndexTest, DifferentReportsAreNotDuplicates) {
  DuplicateIndex index;
  for (int t = 0; t < 3; ++t) {
    EXPECT_EQ(index.FindOrAdd(t + 1, ComputeFingerprint(Report(t)), "2015-07-21"),
              std::nullopt)
        << t;
  }
}

}  // namespace
}  // namespace marsad
