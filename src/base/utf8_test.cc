#include "src/base/utf8.h"

#include <gtest/gtest.h>

namespace marsad {
namespace {

TEST(Utf8Test, Validation) {
  EXPECT_TRUE(IsValidUtf8("abc"));
  EXPECT_TRUE(IsValidUtf8("مرصد"));
  EXPECT_EQ(FindInvalidUtf8("ab\xff"), 2u);
  EXPECT_EQ(FindInvalidUtf8("\xc0\xaf"), 0u);          // overlong
  EXPECT_EQ(FindInvalidUtf8("\xed\xa0\x80"), 0u);      // surrogate
  EXPECT_EQ(FindInvalidUtf8("x\xd9"), 1u);             // truncated
  EXPECT_EQ(FindInvalidUtf8("\xf4\x90\x80\x80"), 0u);  // > U+10FFFF
}

TEST(Utf8Test, DecodeEncodeRoundTrip) {
  std::string s = "aم€😀";
  std::string out;
  size_t i = 0;
  while (i < s.size()) AppendUtf8(DecodeUtf8(s, &i), &out);
  EXPECT_EQ(out, s);
  EXPECT_EQ(Utf8Length(s), 4u);
}

TEST(Utf8Test, ArabicBlocks) {
  EXPECT_TRUE(IsArabicCodePoint(U'م'));
  EXPECT_TRUE(IsArabicCodePoint(0xFEFB));  // lam-alef ligature
  EXPECT_FALSE(IsArabicCodePoint(U'a'));
}

}  // namespace
}  // namespace marsad
