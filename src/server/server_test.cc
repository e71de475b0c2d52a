#include "src/server/server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <cstdio>
#include <future>
#include <nlohmann/json.hpp>
#include <thread>

#include "src/pipeline/pipeline.h"

namespace marsad {
namespace {

using json = nlohmann::json;

class ServerTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = testing::TempDir() + "/marsad_server_test_" +
          std::to_string(::getpid()) + ".db";
    std::remove(db_.c_str());
    auto store = Store::Open(db_);
    ASSERT_TRUE(store.ok());
    auto ing = Ingestor::Create(store->get(), IngestOptions{});
    ASSERT_TRUE(ing.ok());
    auto add = [&](const std::string& name, const std::string& text) {
      Document d;
      d.source = name;
      d.format = "txt";
      d.raw = text;
      d.input_hash = std::hash<std::string>{}(name);
      ASSERT_TRUE((*ing)->Add(std::move(d)).ok());
    };
    add("a.txt",
        "زيارة الوزير\n\nقال الوزير سيرغي ريابكوف إن المحادثات في جنيف كانت "
        "مثمرة وإن بلاده مستعدة للتعاون.\n");
    add("b.txt",
        "نص بوسوم\n\nكتب أحدهم <script>alert(1)</script> و<b>عريض</b> في تعليق "
        "على الخبر الطويل نسبيا هنا.\n");
    ASSERT_TRUE((*ing)->Flush().ok());
    // A saved search, as `marsad alert add` makes it, that has reported nothing
    // yet.
    ASSERT_TRUE((*store)
                    ->Query("INSERT INTO alerts (name, query, last_article_id) "
                            "VALUES ('geneva', 'جنيف', 0)",
                            {}, [](const SqlRow&) {})
                    .ok());
    std::promise<int> port;
    auto fut = port.get_future();
    thread_ = std::thread([p = std::move(port)]() mutable {
      ServerOptions o;
      o.db = db_;
      o.port = 0;
      o.web_root = "/nonexistent";
      o.threads = 2;
      Status st = RunServer(o, [&](int bound) { p.set_value(bound); });
      (void)st;
    });
    port_ = fut.get();
  }
  static void TearDownTestSuite() {
    StopServer();
    thread_.join();
  }
  httplib::Result Get(const std::string& path) {
    httplib::Client c("127.0.0.1", port_);
    return c.Get(path);
  }
  static inline std::string db_;
  static inline std::thread thread_;
  static inline int port_ = 0;
};

TEST_F(ServerTest, ASecondServerOnTheSamePortIsRefused) {
  // Not silently sharing the port (SO_REUSEPORT) with the running server.
  ServerOptions o;
  o.db = db_;
  o.port = port_;
  o.web_root = "/nonexistent";
  o.threads = 1;
  auto second =
      std::async(std::launch::async, [&] { return RunServer(o, nullptr); });
  if (second.wait_for(std::chrono::seconds(5)) != std::future_status::ready) {
    StopServer();
    FAIL() << "a second server started on port " << port_;
  }
  Status st = second.get();
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("cannot listen"), std::string::npos)
      << st.ToString();
}

TEST_F(ServerTest, AlertsListSavedSearchesWithTheirMatches) {
  auto r = Get("/api/alerts");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  json j = json::parse(r->body);
  ASSERT_EQ(j["items"].size(), 1u) << j.dump();
  const json& a = j["items"][0];
  EXPECT_EQ(a["name"], "geneva");
  EXPECT_EQ(a["query"], "جنيف");
  EXPECT_EQ(a["matches"], 1);
  EXPECT_EQ(a["unreported"], 1);
  ASSERT_EQ(a["latest"].size(), 1u);
  EXPECT_EQ(a["latest"][0]["title"], "زيارة الوزير");
  EXPECT_EQ(a["latest"][0]["reported"], false);
}

TEST_F(ServerTest, StoriesAndArticlesWithUtf16Spans) {
  auto r = Get("/api/stories");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  json j = json::parse(r->body);
  EXPECT_EQ(j["total"], 2);
  auto a = Get("/api/articles/1");
  ASSERT_TRUE(a);
  json art = json::parse(a->body);
  std::string text = art["text"];
  EXPECT_NE(text.find("ريابكوف"), std::string::npos);
  ASSERT_FALSE(art["analysis"]["numbers"].is_null());
}

TEST_F(ServerTest, SearchHighlightsAndMarkupIsRawText) {
  auto r = Get("/api/search?q=Ryabkov");
  ASSERT_TRUE(r);
  json j = json::parse(r->body);
  ASSERT_EQ(j["total"], 1);
  const json& hit = j["items"][0];
  ASSERT_FALSE(hit["snippet_highlights"].empty());
  const json& h = hit["snippet_highlights"][0];
  std::string snippet = hit["snippet"];
  EXPECT_EQ(
      snippet.substr(h["begin"], h["end"].get<int>() - h["begin"].get<int>()),
      "ريابكوف");
  EXPECT_TRUE(h.contains("begin16"));
  auto b = Get("/api/articles/2");
  ASSERT_TRUE(b);
  EXPECT_NE(json::parse(b->body)["text"].get<std::string>().find("<script>"),
            std::string::npos);
}

TEST_F(ServerTest, BrowsersGetGzipNotBrotli) {
  // Brotli at cpp-httplib's quality 11 took seconds for the map's data.
  httplib::Client c("127.0.0.1", port_);
  c.set_decompress(false);
  auto r = c.Get("/api/stories?limit=50",
                 {{"Accept-Encoding", "gzip, deflate, br"}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Encoding"), "gzip");
  auto only_br = c.Get("/api/stories?limit=50", {{"Accept-Encoding", "br"}});
  ASSERT_TRUE(only_br);
  EXPECT_EQ(only_br->get_header_value("Content-Encoding"), "");
  EXPECT_TRUE(json::parse(only_br->body, nullptr, false).is_object());
}

TEST_F(ServerTest, ErrorsAreJsonAndHeadersAreStrict) {
  auto r = Get("/api/nope");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(json::parse(r->body)["error"]["code"], "not_found");
  auto bad = Get("/api/stories?limit=100000");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(json::parse(bad->body)["error"]["code"], "bad_request");
  auto missing = Get("/api/stories/999");
  EXPECT_EQ(missing->status, 404);
  EXPECT_NE(
      r->get_header_value("Content-Security-Policy").find("default-src 'self'"),
      std::string::npos);
  EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
  auto trav = Get("/../../../../etc/passwd");
  ASSERT_TRUE(trav);
  EXPECT_EQ(trav->body.find("root:"), std::string::npos);
}

TEST_F(ServerTest, IngestIsRefusedWhenReadOnly) {
  httplib::Client c("127.0.0.1", port_);
  auto r = c.Post("/api/ingest", R"({"documents":[{"text":"x"}]})",
                  "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
}

}  // namespace
}  // namespace marsad
