// The queue codec (report_codec.h) and the report field table
// (src/base/report_fields.h, issue 25): every row crosses the processed
// message; only the input rows cross the report message.
#include "src/distrib/report_codec.h"

#include <gtest/gtest.h>

#include <string>

#include "src/base/report_fields.h"

namespace marsad {
namespace {

// A document whose every report field holds a value of its own.
Document Full() {
  Document d;
  for (size_t i = 0; i < kReportFieldCount; ++i) {
    const ReportField& f = kReportFields[i];
    if (f.type == FieldType::kInt) {
      d.*f.integer = 500 + static_cast<int64_t>(i);
    } else {
      d.*f.text = "قيمة " + std::string(f.name);
    }
  }
  d.raw = "خام";
  d.input_hash = 0xabcdef;
  d.text = "نص";
  d.fingerprint = std::string("f\0p", 3);
  return d;
}

TEST(ReportCodecTest, ProcessedCarriesEveryReportField) {
  Processed p;
  p.seq = 9;
  p.doc = Full();
  auto back = DecodeProcessed(EncodeProcessed(p));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->seq, 9u);
  for (const ReportField& f : kReportFields) {
    if (f.type == FieldType::kInt) {
      EXPECT_EQ(back->doc.*f.integer, p.doc.*f.integer) << f.name;
    } else {
      EXPECT_EQ(back->doc.*f.text, p.doc.*f.text) << f.name;
    }
  }
  EXPECT_EQ(back->doc.raw, p.doc.raw);
  EXPECT_EQ(back->doc.input_hash, p.doc.input_hash);
  EXPECT_EQ(back->doc.text, p.doc.text);
  EXPECT_EQ(back->doc.fingerprint, p.doc.fingerprint);
}

TEST(ReportCodecTest, ReportCarriesTheInputFieldsOnly) {
  Report r;
  r.doc = Full();
  std::string encoded = EncodeReport(r);
  auto back = DecodeReport(encoded);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  for (const ReportField& f : kReportFields) {
    bool input = f.codec == FieldCodec::kInput;
    EXPECT_EQ(
        encoded.find("\"" + std::string(f.name) + "\"") != std::string::npos,
        input)
        << f.name;
    if (f.type == FieldType::kInt) {
      EXPECT_EQ(back->doc.*f.integer, input ? r.doc.*f.integer : 0) << f.name;
    } else {
      EXPECT_EQ(back->doc.*f.text, input ? r.doc.*f.text : "") << f.name;
    }
  }
  EXPECT_EQ(back->doc.raw, r.doc.raw);
  EXPECT_EQ(back->doc.input_hash, r.doc.input_hash);
}

// The report message's bytes, held: operators read and inject it with the
// nats CLI, and the table must not change them (keys sorted, as nlohmann
// writes an object).
TEST(ReportCodecTest, ReportBytesAreHeld) {
  Report r;
  r.doc.source = "a.txt";
  r.doc.format = "txt";
  r.doc.raw = "نص";
  r.doc.outlet = "الوطن";
  r.doc.word_count = 3;  // derived: not in the report message
  r.doc.input_hash = 0x1f;
  EXPECT_EQ(EncodeReport(r),
            "{\"agency\":\"\",\"author\":\"\",\"encoding\":\"\",\"format\":"
            "\"txt\",\"input_hash\":\"000000000000001f\",\"language\":\"\","
            "\"modified\":\"\",\"outlet\":\"الوطن\",\"published\":\"\","
            "\"raw\":\"نص\",\"section\":\"\",\"source\":\"a.txt\","
            "\"standfirst\":\"\",\"title\":\"\",\"url\":\"\",\"v\":1}");
}

}  // namespace
}  // namespace marsad
