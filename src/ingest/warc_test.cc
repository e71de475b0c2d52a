#include "src/ingest/warc.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <fstream>
#include <string>
#include <vector>

namespace marsad {
namespace {

std::string GzipMember(const std::string& in) {
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

std::string Record(
    const std::string& type, const std::string& uri, const std::string& block,
    const std::string& content_type = "application/http; msgtype=response") {
  return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
         "\r\nContent-Type: " + content_type +
         "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" +
         block + "\r\n\r\n";
}

const std::string kPage =
    "<html><head><title>خبر</title></head><body><p>قال المتحدث إن الاجتماع "
    "انتهى.</p></body></html>";

TEST(WarcTest, ResponsesBecomeDocumentsOthersAreSkipped) {
  std::string chunked =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
      "Transfer-Encoding: chunked\r\n\r\n" +
      [] {
        char hex[16];
        std::snprintf(hex, sizeof(hex), "%zx", kPage.size());
        return std::string(hex) + "\r\n" + kPage + "\r\n0\r\n\r\n";
      }();
  std::string gz = GzipMember(kPage);
  std::string gzipped =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
      "Content-Length: " +
      std::to_string(gz.size()) + "\r\n\r\n" + gz;
  std::string warc =
      GzipMember(
          Record("warcinfo", "", "software: test", "application/warc-fields")) +
      GzipMember(Record("request", "http://x.test/a", "GET /a HTTP/1.1\r\n\r\n",
                        "application/http; msgtype=request")) +
      GzipMember(Record("response", "http://x.test/a", chunked)) +
      GzipMember(Record(
          "response", "http://x.test/b",
          "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\nnope")) +
      GzipMember(Record("response", "http://x.test/c", gzipped)) +
      GzipMember(
          Record("response", "http://x.test/d.png",
                 "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG"));
  std::string path = testing::TempDir() + "/marsad_test.warc.gz";
  std::ofstream(path, std::ios::binary) << warc;
  std::vector<Document> docs;
  std::vector<std::string> rejected;
  ReadCallbacks cb;
  cb.on_document = [&](Document&& d) { docs.push_back(std::move(d)); };
  cb.on_reject = [&](const std::string& s, const Status& st) {
    rejected.push_back(s + " " + st.ToString());
  };
  ReadStats stats;
  ASSERT_TRUE(ReadInput(path, cb, &stats).ok());
  ASSERT_EQ(docs.size(), 2u) << (rejected.empty() ? "" : rejected[0]);
  EXPECT_TRUE(rejected.empty()) << rejected[0];
  EXPECT_EQ(docs[0].url, "http://x.test/a");
  EXPECT_EQ(docs[0].format, "html");
  EXPECT_EQ(docs[0].raw, kPage);
  EXPECT_EQ(docs[1].url, "http://x.test/c");
  EXPECT_EQ(docs[1].raw, kPage);
  EXPECT_EQ(docs[0].input_hash, docs[1].input_hash);  // same page, same key
  EXPECT_EQ(docs[0].source, path + "#3");
}

TEST(WarcTest, TruncatedRecordIsRejected) {
  std::string rec =
      Record("response", "http://x.test/a", "HTTP/1.1 200 OK\r\n\r\n" + kPage);
  std::string path = testing::TempDir() + "/marsad_trunc.warc";
  std::ofstream(path, std::ios::binary) << rec.substr(0, rec.size() - 40);
  int docs = 0, rejected = 0;
  ReadCallbacks cb;
  cb.on_document = [&](Document&&) { ++docs; };
  cb.on_reject = [&](const std::string&, const Status&) { ++rejected; };
  ReadStats stats;
  ASSERT_TRUE(ReadInput(path, cb, &stats).ok());
  EXPECT_EQ(docs, 0);
  EXPECT_EQ(rejected, 1);
}

// A Content-Length that is not digits ("-96" read by strtoull is 2^64 - 96)
// is a clear rejection, not an allocation that throws; a record over
// --max-document-bytes is skipped without being held and the next is read.
TEST(WarcTest, BadOrOversizedContentLengthIsRejected) {
  const std::string http = "HTTP/1.1 200 OK\r\n\r\n" + kPage;
  std::string bad = Record("response", "http://x.test/a", http);
  bad.replace(bad.find("Content-Length: ") + 16,
              std::to_string(http.size()).size(), "-96");
  std::string path = testing::TempDir() + "/marsad_badlen.warc";
  std::ofstream(path, std::ios::binary) << bad;
  int docs = 0;
  std::vector<std::string> why;
  ReadCallbacks cb;
  cb.on_document = [&](Document&&) { ++docs; };
  cb.on_reject = [&](const std::string&, const Status& s) {
    why.push_back(s.message());
  };
  ReadStats stats;
  ASSERT_TRUE(ReadInput(path, cb, &stats).ok());
  EXPECT_EQ(docs, 0);
  ASSERT_EQ(why.size(), 1u);
  EXPECT_NE(why[0].find("Content-Length"), std::string::npos) << why[0];

  std::string big =
      Record("response", "http://x.test/big", http + std::string(4096, ' '));
  std::string small = Record("response", "http://x.test/small", http);
  std::string path2 = testing::TempDir() + "/marsad_biglen.warc.gz";
  std::ofstream(path2, std::ios::binary) << GzipMember(big + small);
  docs = 0;
  why.clear();
  cb.limits.max_document_bytes = 1024;
  ASSERT_TRUE(ReadInput(path2, cb, &stats).ok());
  EXPECT_EQ(docs, 1);
  ASSERT_EQ(why.size(), 1u);
  EXPECT_NE(why[0].find("max-document-bytes"), std::string::npos) << why[0];
}

}  // namespace
}  // namespace marsad
