#include "src/ingest/decode.h"

#include <gtest/gtest.h>

namespace marsad {
namespace {

// "قال الوزير" in windows-1256.
const std::string kCp1256 = "\xde\xc7\xe1 \xc7\xe1\xe6\xd2\xed\xd1";

TEST(DecodeTest, Utf8PassesThroughAndBomIsStripped) {
  auto d = DecodeToUtf8("\xEF\xBB\xBFقال الوزير", false);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->text, "قال الوزير");
  EXPECT_EQ(d->encoding, "UTF-8");
}

TEST(DecodeTest, Windows1256IsDetected) {
  std::string text;
  for (int i = 0; i < 20; ++i) text += kCp1256 + " \xdf\xe3\xc7 \xed\xe1\xed\r\n";
  auto d = DecodeToUtf8(text, false);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_NE(d->text.find("الوزير"), std::string::npos) << d->text;
  EXPECT_TRUE(d->encoding == "windows-1256" || d->encoding == "ISO-8859-6")
      << d->encoding;
}

TEST(DecodeTest, HtmlDeclaredCharsetWins) {
  std::string page = "<html><head><meta charset=\"windows-1256\"></head><body>" +
                     kCp1256 + "</body></html>";
  EXPECT_EQ(DeclaredHtmlCharset(page), "windows-1256");
  auto d = DecodeToUtf8(page, true);
  ASSERT_TRUE(d.ok());
  EXPECT_NE(d->text.find("قال الوزير"), std::string::npos);
}

TEST(DecodeTest, Utf16WithBom) {
  std::string le = "\xFF\xFE";
  for (char16_t c : std::u16string(u"خبر")) {
    le.push_back(static_cast<char>(c & 0xFF));
    le.push_back(static_cast<char>(c >> 8));
  }
  auto d = DecodeToUtf8(le, false);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->text, "خبر");
  EXPECT_EQ(d->encoding, "UTF-16LE");
}

TEST(DecodeTest, RejectsEmptyBinaryAndBrokenUtf8) {
  EXPECT_EQ(DecodeToUtf8("", false).status().message(), "empty file");
  EXPECT_EQ(DecodeToUtf8(std::string("PK\x03\x04\0\0\x01", 7), false)
                .status()
                .message(),
            "binary file");
  std::string broken;
  for (int i = 0; i < 10; ++i) broken += "قال الوزير إن ";
  broken += "\xff";
  auto d = DecodeToUtf8(broken, false);
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("invalid UTF-8 at byte"), std::string::npos);
}

}  // namespace
}  // namespace marsad
