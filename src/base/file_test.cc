#include "src/base/file.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdio>

namespace marsad {
namespace {

std::string Gzip(const std::string& in) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(compressBound(in.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = in.size();
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = out.size();
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

TEST(FileTest, GunzipRoundTripAndMultiMember) {
  std::string a = "خبر عاجل\n", b = "second member\n";
  std::string gz = Gzip(a);
  EXPECT_TRUE(IsGzip(gz));
  EXPECT_EQ(*Gunzip(gz), a);
  EXPECT_EQ(*Gunzip(gz + Gzip(b)), a + b);
}

TEST(FileTest, GunzipRejectsDamageAndBombs) {
  std::string gz = Gzip(std::string(100000, 'x'));
  EXPECT_EQ(Gunzip(gz.substr(0, gz.size() / 2)).status().code(),
            StatusCode::kCorruption);
  EXPECT_EQ(Gunzip(gz, 1000).status().code(), StatusCode::kInvalidArgument);
}

TEST(FileTest, ReadWrite) {
  std::string path = testing::TempDir() + "/marsad_file_test.txt";
  ASSERT_TRUE(WriteFileAtomic(path, "abc").ok());
  EXPECT_EQ(*ReadFile(path), "abc");
  std::remove(path.c_str());
  EXPECT_EQ(ReadFile(path).status().code(), StatusCode::kIOError);
}

}  // namespace
}  // namespace marsad
