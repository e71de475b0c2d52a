#include "src/dedup/duplicate_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "src/dedup/days.h"
#include "src/text/test_tables.h"

namespace marsad {
namespace {

std::string Report(int topic) {
  // Distinct, long-enough texts built from our own sentences.
  static const char* kSentences[] = {
      "افتتح محافظ المدينة الجسر الجديد فوق النهر صباح اليوم بحضور عدد من "
      "المسؤولين",
      "وقال المهندس المشرف إن الجسر يختصر الطريق بين الضفتين إلى عشر دقائق فقط",
      "أعلن نادي الشروق تعاقده مع مدرب جديد لموسم كامل بعد خسارة البطولة",
      "وأكد رئيس النادي أن الإدارة ستدعم الفريق بثلاثة لاعبين أجانب قبل بداية "
      "الدوري",
      "ارتفعت أسعار الخضار في الأسواق المركزية بسبب موجة الحر التي ضربت "
      "المزارع",
      "ودعا التجار وزارة التجارة إلى مراقبة الأسعار ومنع الاحتكار في الموسم "
      "المقبل",
  };
  std::string text;
  for (int i = 0; i < 3; ++i) {
    text += kSentences[(topic % 3) * 2] + std::string("، ") +
            kSentences[(topic % 3) * 2 + 1] + " " +
            std::to_string(topic * 10 + i) + ". ";
  }
  return text;
}

// A distinct text for each seed: 60 words drawn from 40 Arabic word stems
// with numeric suffixes, so that two seeds share almost no 3-shingles.
std::string DistinctReport(uint64_t seed) {
  static const char* kWords[] = {
      "مدينة", "جسر",   "نهر",   "سوق",    "وزير", "نادي",  "مدرب",  "طريق",
      "مزرعة", "مطر",   "بحر",   "جبل",    "مصنع", "مدرسة", "طالب",  "قطار",
      "ميناء", "سفينة", "شارع",  "حديقة",  "كتاب", "مكتبة", "فندق",  "مطار",
      "ملعب",  "لاعب",  "مسرح",  "فيلم",   "قرية", "شجرة",  "بئر",   "صحراء",
      "قلعة",  "متحف",  "جامعة", "مستشفى", "طبيب", "ممرض",  "سيارة", "حافلة"};
  std::string text;
  uint64_t x = seed * 0x9E3779B97F4A7C15ull + 1;
  for (int i = 0; i < 60; ++i) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    text += kWords[x % 40];
    text += std::to_string((x >> 8) % 50) + " ";
  }
  return text;
}

TEST(DaysTest, StreamClockIsTheMedianOfRecentDays) {
  StreamClock clock;
  EXPECT_FALSE(clock.Now().has_value());
  for (int i = 0; i < 10; ++i) clock.Observe(100 + i);
  clock.Observe(90000);  // a stray date moves it by one place at most
  EXPECT_EQ(clock.Now(), 105);
  for (int i = 0; i < 1000; ++i) clock.Observe(50);  // the stream moved back
  EXPECT_EQ(clock.Now(), 50);
}

TEST(DaysTest, RoundTripsAndRejects) {
  EXPECT_EQ(DayNumber("1970-01-01"), 0);
  EXPECT_EQ(DayString(*DayNumber("2015-07-21 02:51:32")), "2015-07-21");
  EXPECT_EQ(DayString(*DayNumber("2016-02-29")), "2016-02-29");
  for (const char* bad :
       {"", "2015-13-01", "2015-02-29", "15-07-21", "abcd-ef-gh"}) {
    EXPECT_FALSE(DayNumber(bad).has_value()) << bad;
  }
}

TEST(DuplicateIndexTest, ExactAndNearCopiesPointToFirstCopy) {
  DuplicateIndex index;
  Fingerprint a = ComputeFingerprint(TestTextTables(), Report(0));
  EXPECT_EQ(index.FindOrAdd(1, a, "2015-07-21"), std::nullopt);
  EXPECT_EQ(index.FindOrAdd(2, ComputeFingerprint(TestTextTables(), Report(1)),
                            "2015-07-21"),
            std::nullopt);
  EXPECT_EQ(index.FindOrAdd(3, a, "2015-07-22"), 1);
  std::string edited = "المدينة - خاص: " + Report(0) + " شارك";
  auto m = index.FindOrAddDetailed(
      4, ComputeFingerprint(TestTextTables(), edited), "2015-07-22");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->first_id, 1);
  EXPECT_FALSE(m->exact);
  // A copy of the near-copy still points to the first copy.
  std::string edited2 = edited + " تعليقات";
  EXPECT_EQ(
      index.FindOrAdd(5, ComputeFingerprint(TestTextTables(), edited2), ""), 1);
}

TEST(DuplicateIndexTest, ReAddingTheSameIdIsNotItsOwnDuplicate) {
  DuplicateIndex index;
  Fingerprint a = ComputeFingerprint(TestTextTables(), Report(2));
  EXPECT_EQ(index.FindOrAdd(7, a, "2015-07-21"), std::nullopt);
  EXPECT_EQ(index.FindOrAdd(7, a, "2015-07-21"), std::nullopt);
}

TEST(DuplicateIndexTest, WindowForgetsOldReports) {
  DuplicateOptions options;
  options.window_days = 5;
  options.grace_reports = 0;
  DuplicateIndex index(options);
  Fingerprint a = ComputeFingerprint(TestTextTables(), Report(0));
  EXPECT_EQ(index.FindOrAdd(1, a, "2015-07-01"), std::nullopt);
  EXPECT_EQ(index.size(), 1u);
  EXPECT_EQ(index.FindOrAdd(2, ComputeFingerprint(TestTextTables(), Report(1)),
                            "2015-07-20"),
            std::nullopt);
  EXPECT_EQ(index.size(), 1u);
  EXPECT_EQ(index.FindOrAdd(3, a, "2015-07-20"), std::nullopt);
}

// Ingest keeps the story of each first copy only while ForEachLiveRoot
// names it: a near copy in the window keeps its root named, a forgotten day
// names nothing.
TEST(DuplicateIndexTest, LiveRootsAreTheFirstCopiesOfTheWindow) {
  DuplicateOptions options;
  options.window_days = 5;
  options.grace_reports = 0;
  DuplicateIndex index(options);
  auto roots = [&] {
    std::vector<int64_t> out;
    index.ForEachLiveRoot([&](int64_t r) { out.push_back(r); });
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  EXPECT_EQ(index.FindOrAdd(1, ComputeFingerprint(TestTextTables(), Report(0)),
                            "2015-07-01"),
            std::nullopt);
  std::string edited = "المدينة - خاص: " + Report(0) + " شارك";
  EXPECT_EQ(index.FindOrAdd(4, ComputeFingerprint(TestTextTables(), edited),
                            "2015-07-01"),
            1);
  EXPECT_EQ(roots(), (std::vector<int64_t>{1}));
  for (int64_t id : {5, 6, 7}) {
    EXPECT_EQ(index.FindOrAdd(
                  id, ComputeFingerprint(TestTextTables(), Report(id - 4)),
                  "2015-07-20"),
              std::nullopt);
  }
  EXPECT_EQ(roots(), (std::vector<int64_t>{5, 6, 7}));
}

// Issue 24, finding 1: one report dated later than the rest (a 2017 report
// before a 2015 archive, a stray 2099) switched duplicate detection off for
// every report after it.
TEST(DuplicateIndexTest, Issue24NewerDatedReportDoesNotSwitchDedupOff) {
  for (const char* stray : {"2017-03-01", "2099-01-01"}) {
    DuplicateIndex index;
    EXPECT_EQ(index.FindOrAdd(
                  1, ComputeFingerprint(TestTextTables(), Report(1)), stray),
              std::nullopt);
    Fingerprint a = ComputeFingerprint(TestTextTables(), Report(0));
    EXPECT_EQ(index.FindOrAdd(2, a, "2015-07-21"), std::nullopt) << stray;
    EXPECT_EQ(index.FindOrAdd(3, a, "2015-07-22"), 2) << stray;
    // And the stray report still finds its own copy.
    EXPECT_EQ(index.FindOrAdd(
                  4, ComputeFingerprint(TestTextTables(), Report(1)), stray),
              1);
  }
}

// Each report is compared within the window around its own date.
TEST(DuplicateIndexTest, WindowFollowsEachReportsOwnDate) {
  DuplicateOptions options;
  options.window_days = 5;
  DuplicateIndex index(options);
  Fingerprint a = ComputeFingerprint(TestTextTables(), Report(0));
  EXPECT_EQ(index.FindOrAdd(1, a, "2015-07-20"), std::nullopt);
  EXPECT_EQ(index.FindOrAdd(2, a, "2015-07-01"), std::nullopt);  // 19 days
  EXPECT_EQ(index.FindOrAdd(3, a, "2015-07-03"), 2);             // 2 days
  EXPECT_EQ(index.FindOrAdd(4, a, "2015-07-24"), 1);             // 4 days
}

// An archive back-filled newest-first, and one in date order: copies a day
// apart are found either way, and memory stays bounded by the window.
TEST(DuplicateIndexTest, BackfillInEitherOrderIsBounded) {
  for (bool newest_first : {true, false}) {
    DuplicateOptions options;
    options.window_days = 3;
    options.grace_reports = 10;
    DuplicateIndex index(options);
    const int32_t start = *DayNumber("2015-01-01");
    size_t most = 0;
    int found = 0;
    int64_t id = 1;
    for (int i = 0; i < 120; ++i) {
      const int32_t day = newest_first ? start + 119 - i : start + i;
      for (int k = 0; k < 4; ++k) {
        Fingerprint fp =
            ComputeFingerprint(TestTextTables(), DistinctReport(i * 4 + k));
        if (index.FindOrAdd(id++, fp, DayString(day))) ++found;
        if (index.FindOrAdd(id++, fp, DayString(day + (newest_first ? -1 : 1))))
          ++found;
      }
      most = std::max(most, index.size());
    }
    EXPECT_EQ(found, 120 * 4) << newest_first;
    // The days around the clock, the grace, and the clock's lag (the median
    // of the last kSpan arrivals trails the newest by kSpan / 2 of them):
    // bounded, while the run holds 480 reports.
    EXPECT_LE(most, size_t{(2 * 3 + 2) * 4 + 10 + StreamClock::kSpan / 2})
        << newest_first;
  }
}

TEST(DuplicateIndexTest, RestoreRebuildsState) {
  DuplicateIndex before, after;
  Fingerprint a = ComputeFingerprint(TestTextTables(), Report(0));
  Fingerprint b = ComputeFingerprint(TestTextTables(), Report(1));
  before.FindOrAdd(10, a, "2015-07-21");
  before.FindOrAdd(11, b, "2015-07-21");
  after.Restore(10, 0, Fingerprint::Deserialize(a.Serialize()).value(),
                "2015-07-21");
  after.Restore(11, 0, b, "2015-07-21");
  EXPECT_EQ(after.size(), before.size());
  EXPECT_EQ(after.FindOrAdd(12, b, "2015-07-22"), 11);
}

TEST(DuplicateIndexTest, DifferentReportsAreNotDuplicates) {
  DuplicateIndex index;
  for (int t = 0; t < 3; ++t) {
    EXPECT_EQ(
        index.FindOrAdd(t + 1, ComputeFingerprint(TestTextTables(), Report(t)),
                        "2015-07-21"),
        std::nullopt)
        << t;
  }
}

}  // namespace
}  // namespace marsad
