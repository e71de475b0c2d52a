#include "src/watch/watch.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <thread>

#include "src/store/sqlite_store.h"
#include "src/watch/alerts.h"

namespace marsad {
namespace {

TEST(WebTest, CanonicalUrlDropsTrackingAndFragments) {
  EXPECT_EQ(CanonicalUrl("HTTP://Example.COM:80/a?utm_source=x&b=2&a=1#top"),
            "http://example.com/a?a=1&b=2");
  EXPECT_EQ(CanonicalUrl("https://x.org"), "https://x.org/");
  EXPECT_EQ(ResolveUrl("http://x.org/news/feed.xml", "/a.html"), "http://x.org/a.html");
  EXPECT_EQ(ResolveUrl("http://x.org/news/feed.xml", "b.html"), "http://x.org/news/b.html");
}

TEST(WebTest, RobotsLongestMatch) {
  RobotsRules r = RobotsRules::Parse(
      "User-agent: other\nDisallow: /\n\nUser-agent: *\nDisallow: /private/\nAllow: /private/ok\n",
      "marsad");
  EXPECT_TRUE(r.Allowed("/news/1.html"));
  EXPECT_FALSE(r.Allowed("/private/x"));
  EXPECT_TRUE(r.Allowed("/private/ok.html"));
}

TEST(WebTest, FeedsAndSitemaps) {
  FeedKind kind;
  auto rss = ParseFeed(R"(<rss><channel><item><title>أ</title><link>/n/1</link>
      <pubDate>Tue, 14 Nov 2017 10:00:00 GMT</pubDate></item></channel></rss>)",
                       "http://x.org/feed", &kind);
  ASSERT_TRUE(rss.ok());
  EXPECT_EQ(kind, FeedKind::kRss);
  EXPECT_EQ((*rss)[0].url, "http://x.org/n/1");
  auto atom = ParseFeed(R"(<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>ب</title>
      <link rel="alternate" href="http://x.org/a"/><updated>2026-01-01</updated></entry></feed>)",
                        "http://x.org/", &kind);
  ASSERT_TRUE(atom.ok());
  EXPECT_EQ(kind, FeedKind::kAtom);
  EXPECT_EQ((*atom)[0].url, "http://x.org/a");
  auto sm = ParseFeed(R"(<urlset xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>http://x.org/s</loc><news:news><news:publication_date>2026-02-02</news:publication_date>
      </news:news></url></urlset>)", "http://x.org/", &kind);
  ASSERT_TRUE(sm.ok());
  EXPECT_EQ(kind, FeedKind::kSitemap);
  EXPECT_EQ((*sm)[0].published, "2026-02-02");
  EXPECT_FALSE(ParseFeed("<html><body>x</body></html>", "", &kind).ok());
}

std::string Page(const std::string& title, const std::string& body) {
  return "<html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><article><h1>" +
         title + "</h1><p>" + body + "</p><p>" + body + " وأضاف المصدر أن التحقيق مستمر.</p></article></body></html>";
}

class WatchTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::TempDir() + "/marsad_watch_" + std::to_string(::getpid());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    pages_["/news/1.html"] = Page("افتتاح جسر جديد", "افتتحت البلدية جسرا جديدا فوق النهر في وسط المدينة بعد عامين من العمل");
    pages_["/news/2.html"] = Page("ارتفاع أسعار القمح", "ارتفعت أسعار القمح في الأسواق المحلية بنسبة كبيرة خلال الأسبوع الماضي");
    pages_["/news/3.html"] = Page("مهرجان للمسرح", "انطلق مهرجان المسرح السنوي بمشاركة فرق من عشر دول عربية");
    pages_["/private/secret.html"] = Page("سري", "لا ينبغي جلب هذه الصفحة أبدا لأن ملف الروبوتات يمنعها");
    pages_["/news/4.html"] = Page("فيضان في الوادي", "غمر فيضان مفاجئ عددا من القرى في الوادي وأجلت السلطات السكان");
    server_.Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> l(mu_);
      ++hits_[req.path];
      if (req.path == "/robots.txt") {
        res.set_content("User-agent: *\nDisallow: /private/\n", "text/plain");
      } else if (req.path == "/feed.xml") {
        std::string etag = "\"v" + std::to_string(feed_version_) + "\"";
        if (req.get_header_value("If-None-Match") == etag) {
          res.status = 304;
          ++not_modified_;
          return;
        }
        std::string items;
        for (const char* p : {"/news/1.html", "/news/2.html?utm_source=rss", "/private/secret.html"}) {
          items += std::string("<item><title>x</title><link>") + p + "</link></item>";
        }
        if (feed_version_ > 1) items += "<item><title>y</title><link>/news/4.html</link></item>";
        res.set_header("ETag", etag);
        res.set_content("<rss><channel>" + items + "</channel></rss>", "application/rss+xml");
      } else if (req.path == "/sitemap.xml") {
        res.set_content("<urlset><url><loc>/news/3.html</loc></url></urlset>", "application/xml");
      } else if (req.path == "/broken.xml") {
        res.status = 500;
      } else if (pages_.count(req.path)) {
        res.set_content(pages_[req.path], "text/html; charset=utf-8");
      } else {
        res.status = 404;
      }
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    base_ = "http://127.0.0.1:" + std::to_string(port_);
  }
  void TearDown() override {
    server_.stop();
    thread_.join();
  }
  WatchOptions Options() {
    WatchOptions o;
    o.db = dir_ + "/w.db";
    o.sources = {base_ + "/feed.xml", base_ + "/sitemap.xml", base_ + "/broken.xml"};
    o.cycles = 1;
    o.alerts_out = dir_ + "/alerts.jsonl";
    o.fetch.host_delay = std::chrono::milliseconds(0);
    o.fetch.attempts = 1;
    return o;
  }
  CycleSummary RunOnce() {
    std::atomic<bool> stop{false};
    CycleSummary last;
    Status st = RunWatch(Options(), stop, [&](const CycleSummary& s) { last = s; });
    EXPECT_TRUE(st.ok()) << st.ToString();
    return last;
  }
  int64_t Articles() {
    auto s = Store::Open(dir_ + "/w.db", {.read_only = true});
    return *(*s)->CountArticles();
  }
  int AlertLines() {
    std::ifstream in(dir_ + "/alerts.jsonl");
    int n = 0;
    std::string line;
    while (std::getline(in, line)) ++n;
    return n;
  }

  std::string dir_, base_;
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mu_;
  std::map<std::string, int> hits_;
  std::map<std::string, std::string> pages_;
  int feed_version_ = 1;
  int not_modified_ = 0;
};

TEST_F(WatchTest, FetchesOncePolitelyResumesAndAlertsOnce) {
  CycleSummary s1 = RunOnce();
  EXPECT_EQ(Articles(), 3);
  EXPECT_EQ(s1.failed_sources, 1);  // the broken feed, which did not stop the others
  EXPECT_EQ(s1.skipped_robots, 1);
  EXPECT_EQ(hits_["/private/secret.html"], 0);
  EXPECT_EQ(hits_["/news/2.html"], 1);

  // A restart: the feed is unchanged (304), no page is fetched again.
  RunOnce();
  EXPECT_EQ(not_modified_, 1);
  EXPECT_EQ(hits_["/news/1.html"], 1);
  EXPECT_EQ(Articles(), 3);

  // A saved search fires once for the new matching report.
  {
    auto store = SqliteStore::Open(dir_ + "/w.db", {});
    ASSERT_TRUE(store.ok());
    SavedSearch s;
    s.name = "floods";
    s.request.query = "فيضان";
    ASSERT_TRUE(AddSavedSearch(store->get(), s).ok());
    EXPECT_FALSE(AddSavedSearch(store->get(), s).ok());
  }
  feed_version_ = 2;
  RunOnce();
  EXPECT_EQ(Articles(), 4);
  EXPECT_EQ(AlertLines(), 1);
  RunOnce();
  EXPECT_EQ(AlertLines(), 1);

  std::string status;
  ASSERT_TRUE(PrintWatchStatus(dir_ + "/w.db", &status).ok());
  EXPECT_NE(status.find("broken.xml"), std::string::npos);
  EXPECT_NE(status.find("failure(s) in a row: Unavailable"), std::string::npos) << status;
}

}  // namespace
}  // namespace marsad
