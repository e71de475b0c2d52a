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
  for (int i = 0; i < 20; ++i)
    text += kCp1256 + " \xdf\xe3\xc7 \xed\xe1\xed\r\n";
  auto d = DecodeToUtf8(text, false);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_NE(d->text.find("الوزير"), std::string::npos) << d->text;
  EXPECT_TRUE(d->encoding == "windows-1256" || d->encoding == "ISO-8859-6")
      << d->encoding;
}

TEST(DecodeTest, HtmlDeclaredCharsetWins) {
  std::string page =
      "<html><head><meta charset=\"windows-1256\"></head><body>" + kCp1256 +
      "</body></html>";
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

TEST(DecodeTest, RejectsEmptyAndBinary) {
  EXPECT_EQ(DecodeToUtf8("", false).status().message(), "empty file");
  EXPECT_EQ(DecodeToUtf8(std::string("PK\x03\x04\0\0\x01", 7), false)
                .status()
                .message(),
            "binary file");
  // Junk without NUL bytes: control bytes give it away.
  std::string junk;
  uint32_t x = 12345;
  for (int i = 0; i < 4096; ++i) {
    x = x * 1103515245 + 12345;
    junk.push_back(static_cast<char>(1 + (x >> 16) % 255));
  }
  auto d = DecodeToUtf8(junk, true);
  ASSERT_FALSE(d.ok()) << d->encoding;
  EXPECT_EQ(d.status().message(), "binary file");
}

// Issue 24 finding 8: a page refused for a few bytes.
TEST(DecodeTest, Utf8WithStrayBytesIsDecodedAndTheBytesCounted) {
  std::string page = "<html><head><meta charset=\"utf-8\"></head><body><p>";
  for (int i = 0; i < 10; ++i) page += "قال الوزير إن الاجتماع انتهى. ";
  page += "\xff";
  page +=
      "</p><p>\xff\xfe"
      "نهاية</p></body></html>";
  auto d = DecodeToUtf8(page, true);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->replaced, 3u);
  EXPECT_EQ(d->encoding, "UTF-8; 3 invalid bytes replaced with U+FFFD");
  EXPECT_EQ(d->warning, "3 invalid bytes replaced with U+FFFD");
  EXPECT_NE(
      d->text.find("انتهى. \xEF\xBF\xBD</p><p>\xEF\xBF\xBD\xEF\xBF\xBDنهاية"),
      std::string::npos);
}

TEST(DecodeTest, MostlyAsciiUtf8WithOneLatin1Byte) {
  // Two well-formed sequences (curly quotes) and one Latin-1 "é": UTF-8
  // with a stray byte, not windows-1252 (which would garble the quotes).
  std::string text =
      "The minister said \xE2\x80\x9CWe will meet again\xE2\x80\x9D at the "
      "caf\xE9 on Monday, and the talks went on until late in the evening.";
  auto d = DecodeToUtf8(text, false);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->encoding, "UTF-8; 1 invalid byte replaced with U+FFFD");
  EXPECT_NE(d->text.find("\xE2\x80\x9CWe will"), std::string::npos);
  EXPECT_NE(d->text.find("caf\xEF\xBF\xBD on"), std::string::npos);
}

TEST(DecodeTest, HeavilyDamagedUtf8StaysUtf8) {
  // 5% stray bytes, but nearly all high bytes are in well-formed Arabic.
  std::string text;
  for (int i = 0; i < 40; ++i) text += "قال الوزير إن المحادثات ستستأنف \x80\n";
  auto d = DecodeToUtf8(text, false);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->replaced, 40u);
  EXPECT_NE(d->text.find("المحادثات"), std::string::npos);
}

TEST(DecodeTest, UndeclaredWindows1256PageIsDetected) {
  std::string page =
      "<html><head><title>\xc3\xce\xc8\xc7\xd1</title></head><body>";
  for (int i = 0; i < 15; ++i) {
    page += "<p>" + kCp1256 +
            " \xdf\xe3\xc7 \xed\xe1\xed \xd3\xca\xd3\xca\xc3\xe4\xdd "
            "\xc7\xe1\xe3\xcd\xc7\xcf\xcb\xc7\xca</p>\n";
  }
  page += "</body></html>";
  auto d = DecodeToUtf8(page, true);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->replaced, 0u);
  EXPECT_TRUE(d->encoding == "windows-1256" || d->encoding == "ISO-8859-6")
      << d->encoding;
  EXPECT_NE(d->text.find("قال الوزير"), std::string::npos) << d->text;
  EXPECT_NE(d->text.find("المحادثات"), std::string::npos) << d->text;
}

TEST(DecodeTest, Windows1256PageDeclaredUtf8IsDetected) {
  std::string page = "<html><head><meta charset=\"utf-8\"></head><body>";
  for (int i = 0; i < 15; ++i)
    page += "<p>" + kCp1256 + " \xdf\xe3\xc7 \xed\xe1\xed</p>";
  page += "</body></html>";
  auto d = DecodeToUtf8(page, true);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_NE(d->text.find("قال الوزير"), std::string::npos) << d->text;
}

TEST(DecodeTest, UndeclaredWindows1252PageIsDetected) {
  std::string page = "<html><body>";
  for (int i = 0; i < 10; ++i) {
    page +=
        "<p>Le minist\xe8re a d\xe9"
        "clar\xe9 que la r\xe9union "
        "\xe9tait termin\xe9"
        "e \x96 \xe0 suivre.</p>\n";
  }
  page += "</body></html>";
  auto d = DecodeToUtf8(page, true);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_TRUE(d->encoding == "windows-1252" || d->encoding == "ISO-8859-1")
      << d->encoding;
  EXPECT_NE(d->text.find("ministère a déclaré"), std::string::npos) << d->text;
}

}  // namespace
}  // namespace marsad
