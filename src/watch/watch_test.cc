// Tests of monitoring: the web helpers (canonical URLs, robots.txt, feed
// parsing) as units, then `RunWatch` against real HTTP servers on loopback
// that each test starts itself. The servers are cpp-httplib in this process,
// so a test can see every request the watcher made (paths, conditional
// headers) and hold a response back. Nothing asserts on wall time: a slow
// endpoint holds its response until the test ends, so the only way the
// watch can finish is by its own timeout firing, and the test then checks
// what was stored rather than how long it took.
#include "src/watch/watch.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "src/facts/test_lexicon.h"
#include "src/store/sqlite_store.h"
#include "src/store/test_store.h"
#include "src/watch/alerts.h"
#include "src/watch/testing.h"

namespace marsad {
namespace {

TEST(WebTest, CanonicalUrlDropsTrackingAndFragments) {
  EXPECT_EQ(CanonicalUrl("HTTP://Example.COM:80/a?utm_source=x&b=2&a=1#top"),
            "http://example.com/a?a=1&b=2");
  EXPECT_EQ(CanonicalUrl("https://x.org"), "https://x.org/");
  EXPECT_EQ(ResolveUrl("http://x.org/news/feed.xml", "/a.html"),
            "http://x.org/a.html");
  EXPECT_EQ(ResolveUrl("http://x.org/news/feed.xml", "b.html"),
            "http://x.org/news/b.html");
}

TEST(WebTest, RobotsLongestMatch) {
  RobotsRules r = RobotsRules::Parse(
      "User-agent: other\nDisallow: /\n\nUser-agent: *\nDisallow: "
      "/private/\nAllow: /private/ok\n",
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
  auto atom = ParseFeed(
      R"(<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>ب</title>
      <link rel="alternate" href="http://x.org/a"/><updated>2026-01-01</updated></entry></feed>)",
      "http://x.org/", &kind);
  ASSERT_TRUE(atom.ok());
  EXPECT_EQ(kind, FeedKind::kAtom);
  EXPECT_EQ((*atom)[0].url, "http://x.org/a");
  auto sm = ParseFeed(
      R"(<urlset xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>http://x.org/s</loc><news:news><news:publication_date>2026-02-02</news:publication_date>
      </news:news></url></urlset>)",
      "http://x.org/", &kind);
  ASSERT_TRUE(sm.ok());
  EXPECT_EQ(kind, FeedKind::kSitemap);
  EXPECT_EQ((*sm)[0].published, "2026-02-02");
  EXPECT_FALSE(ParseFeed("<html><body>x</body></html>", "", &kind).ok());
}

std::string Page(const std::string& title, const std::string& body) {
  return "<html><head><meta charset=\"utf-8\"><title>" + title +
         "</title></head><body><article><h1>" + title + "</h1><p>" + body +
         "</p><p>" + body +
         " وأضاف المصدر أن التحقيق مستمر.</p></article></body></html>";
}

class WatchTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::TempDir() + "/marsad_watch_" + std::to_string(::getpid());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    pages_["/news/1.html"] = Page("افتتاح جسر جديد",
                                  "افتتحت البلدية جسرا جديدا فوق النهر في وسط "
                                  "المدينة بعد عامين من العمل");
    pages_["/news/2.html"] = Page("ارتفاع أسعار القمح",
                                  "ارتفعت أسعار القمح في الأسواق المحلية بنسبة "
                                  "كبيرة خلال الأسبوع الماضي");
    pages_["/news/3.html"] =
        Page("مهرجان للمسرح",
             "انطلق مهرجان المسرح السنوي بمشاركة فرق من عشر دول عربية");
    pages_["/private/secret.html"] =
        Page("سري", "لا ينبغي جلب هذه الصفحة أبدا لأن ملف الروبوتات يمنعها");
    pages_["/news/4.html"] =
        Page("فيضان في الوادي",
             "غمر فيضان مفاجئ عددا من القرى في الوادي وأجلت السلطات السكان");
    server_.Post("/hook",
                 [this](const httplib::Request& req, httplib::Response&) {
                   std::lock_guard<std::mutex> l(mu_);
                   hooks_.push_back(req.body);
                 });
    server_.Get(R"(/.*)", [this](const httplib::Request& req,
                                 httplib::Response& res) {
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
        for (const char* p : {"/news/1.html", "/news/2.html?utm_source=rss",
                              "/private/secret.html"}) {
          items += std::string("<item><title>x</title><link>") + p +
                   "</link></item>";
        }
        if (feed_version_ > 1)
          items += "<item><title>y</title><link>/news/4.html</link></item>";
        res.set_header("ETag", etag);
        res.set_content("<rss><channel>" + items + "</channel></rss>",
                        "application/rss+xml");
      } else if (req.path == "/sitemap.xml") {
        res.set_content("<urlset><url><loc>/news/3.html</loc></url></urlset>",
                        "application/xml");
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
    o.sources = {base_ + "/feed.xml", base_ + "/sitemap.xml",
                 base_ + "/broken.xml"};
    o.cycles = 1;
    o.alerts_out = dir_ + "/alerts.jsonl";
    o.fetch.host_delay = std::chrono::milliseconds(0);
    o.fetch.attempts = 1;
    o.webhook = base_ + "/hook";
    return o;
  }
  CycleSummary RunOnce() {
    std::atomic<bool> stop{false};
    CycleSummary last;
    Status st =
        RunWatch(Options(), stop, [&](const CycleSummary& s) { last = s; });
    EXPECT_TRUE(st.ok()) << st.ToString();
    return last;
  }
  int64_t Articles() {
    auto s = Store::Open(dir_ + "/w.db", TestStoreOptions(/*read_only=*/true));
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
  std::vector<std::string> hooks_;  // webhook POST bodies
};

TEST_F(WatchTest, FetchesOncePolitelyResumesAndAlertsOnce) {
  CycleSummary s1 = RunOnce();
  EXPECT_EQ(Articles(), 3);
  EXPECT_EQ(s1.failed_sources,
            1);  // the broken feed, which did not stop the others
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
    auto store = SqliteStore::Open(dir_ + "/w.db", TestStoreOptions());
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
  {  // and was POSTed to the webhook, once
    std::lock_guard<std::mutex> l(mu_);
    ASSERT_EQ(hooks_.size(), 1u);
    nlohmann::json batch = nlohmann::json::parse(hooks_[0]);
    ASSERT_EQ(batch.size(), 1u);
    EXPECT_EQ(batch[0]["alert"], "floods");
    EXPECT_EQ(batch[0]["title"], "فيضان في الوادي");
  }

  std::string status;
  ASSERT_TRUE(PrintWatchStatus(dir_ + "/w.db", &status).ok());
  EXPECT_NE(status.find("broken.xml"), std::string::npos);
  EXPECT_NE(status.find("failure(s) in a row: Unavailable"), std::string::npos)
      << status;
}

// More new matches than one search page holds: every one is reported, once,
// in the order stored (the first page is ranked by relevance, so stopping
// there would have skipped some for good).
TEST_F(WatchTest, SavedSearchReportsEveryMatchBeyondOnePage) {
  RunOnce();
  ASSERT_EQ(Articles(), 3);
  auto store = SqliteStore::Open(dir_ + "/w.db", TestStoreOptions());
  ASSERT_TRUE(store.ok());
  SavedSearch s;
  s.name = "all";
  s.request.query = "المصدر";  // in every page
  ASSERT_TRUE(AddSavedSearch(store->get(), s).ok());
  ASSERT_TRUE((*store)->AdvanceSavedSearch("all", 0, {}).ok());
  auto fired = RunAlerts(store->get(), TestFactsLexicon(),
                         dir_ + "/alerts.jsonl", "", /*page_size=*/2);
  ASSERT_TRUE(fired.ok()) << fired.status().ToString();
  EXPECT_EQ(*fired, 3);
  std::ifstream in(dir_ + "/alerts.jsonl");
  std::string line;
  std::vector<int64_t> ids;
  while (std::getline(in, line))
    ids.push_back(nlohmann::json::parse(line)["article_id"].get<int64_t>());
  EXPECT_EQ(ids, (std::vector<int64_t>{1, 2, 3}));
  EXPECT_EQ(*RunAlerts(store->get(), TestFactsLexicon(), dir_ + "/alerts.jsonl",
                       "", 2),
            0);
}

// A folder source: read at the first poll, then watched with inotify; a
// file written between polls starts the next poll at once (the interval is
// an hour; a watchdog stops the watch if the notification never comes),
// also in a folder made after the watch started.
TEST(FolderWatchTest, NewFileStartsAPollAtOnce) {
  std::string dir =
      testing::TempDir() + "/marsad_folder_" + std::to_string(::getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir + "/in/sub");
  std::ofstream(dir + "/in/a.html") << Page(
      "افتتاح جسر جديد", "افتتحت البلدية جسرا جديدا فوق النهر في وسط المدينة");
  std::ofstream(dir + "/sources.txt") << "# the folder\n" << dir + "/in\n";
  WatchOptions o;
  o.db = dir + "/w.db";
  o.sources = {"@" + dir + "/sources.txt"};
  o.cycles = 3;
  o.interval_s = 3600;
  o.alerts_out = dir + "/alerts.jsonl";
  std::atomic<bool> stop{false};
  std::vector<CycleSummary> polls;
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
  std::thread watchdog([&] {
    std::unique_lock<std::mutex> l(mu);
    if (!cv.wait_for(l, std::chrono::seconds(60), [&] { return done; }))
      stop = true;
  });
  Status st = RunWatch(o, stop, [&](const CycleSummary& s) {
    polls.push_back(s);
    if (polls.size() == 1) {  // a new file in a subfolder, and a new folder
      std::ofstream(dir + "/in/sub/b.html")
          << Page("ارتفاع أسعار القمح",
                  "ارتفعت أسعار القمح في الأسواق المحلية بنسبة كبيرة");
      std::filesystem::create_directories(dir + "/in/new");
    } else if (polls.size() == 2) {  // a file in the new folder
      std::ofstream(dir + "/in/new/c.html")
          << Page("مهرجان للمسرح",
                  "انطلق مهرجان المسرح السنوي بمشاركة فرق من عشر دول عربية");
    }
  });
  {
    std::lock_guard<std::mutex> l(mu);
    done = true;
  }
  cv.notify_all();
  watchdog.join();
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_FALSE(stop) << "a poll did not come: inotify did not wake the watch";
  ASSERT_EQ(polls.size(), 3u);
  EXPECT_EQ(polls[0].stored, 1);
  EXPECT_EQ(polls[1].stored,
            1);  // only the new file: the old one is not stored again
  EXPECT_EQ(polls[2].stored, 1);
  auto store = Store::Open(dir + "/w.db", TestStoreOptions(/*read_only=*/true));
  EXPECT_EQ(*(*store)->CountArticles(), 3);
}

using testing_watch::ToCp1256;

// A port on loopback that refuses connections: bound (so that nothing
// else can take it) but never listening. Closed when destroyed.
class RefusingPort {
 public:
  RefusingPort() {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof(a));
    socklen_t len = sizeof(a);
    getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
  }
  ~RefusingPort() { close(fd_); }
  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

// One site with every kind of source and every way a fetch can go wrong.
class SiteTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::TempDir() + "/marsad_site_" + std::to_string(::getpid());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    server_.new_task_queue = [] { return new httplib::ThreadPool(16); };
    server_.Get(R"(/.*)", [this](const httplib::Request& req,
                                 httplib::Response& res) { Serve(req, res); });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    base_ = "http://127.0.0.1:" + std::to_string(port_);
  }
  void TearDown() override {
    Release();
    server_.stop();
    thread_.join();
  }
  void Release() {
    {
      std::lock_guard<std::mutex> l(mu_);
      released_ = true;
    }
    cv_.notify_all();
  }

  // Titles and bodies of the pages that must be stored, by path.
  std::map<std::string, std::pair<std::string, std::string>> articles_ = {
      {"/p/utf8.html",
       {"افتتاح جسر جديد",
        "افتتحت البلدية جسرا جديدا فوق النهر في وسط المدينة بعد عامين من "
        "العمل"}},
      {"/p/cp1256-header.html",
       {"ارتفاع أسعار القمح",
        "ارتفعت أسعار القمح في الأسواق المحلية بنسبة كبيرة خلال الأسبوع "
        "الماضي"}},
      {"/p/cp1256-meta.html",
       {"مهرجان للمسرح",
        "انطلق مهرجان المسرح السنوي بمشاركة فرق من عشر دول عربية في العاصمة"}},
      {"/p/news.html",
       {"فيضان في الوادي",
        "غمر فيضان مفاجئ عددا من القرى في الوادي وأجلت السلطات مئات السكان"}},
      {"/p/after-slow.html",
       {"افتتاح مدرسة",
        "افتتحت وزارة التربية مدرسة جديدة في الحي الشرقي تتسع لألف طالب"}},
      {"/p/flaky.html",
       {"انقطاع الكهرباء",
        "انقطعت الكهرباء عن أحياء واسعة من المدينة بسبب عطل في محطة التوليد"}},
      {"/p/atom1.html",
       {"معرض الكتاب",
        "افتتح معرض الكتاب الدولي أبوابه أمام الزوار بمشاركة مئات دور النشر"}},
      {"/p/rss1.html",
       {"مباراة الكأس",
        "فاز الفريق المحلي في مباراة نهائي الكأس بهدفين مقابل هدف واحد"}},
      {"/p/slow.html",
       {"تقرير متأخر",
        "وصل هذا التقرير متأخرا لأن الخادم كان بطيئا جدا في الرد على الطلب"}},
      {"/p/late.html",
       {"اكتشاف أثري",
        "أعلنت البعثة الأثرية اكتشاف مقبرة قديمة قرب ضفة النهر الغربية"}},
  };

  void Serve(const httplib::Request& req, httplib::Response& res) {
    std::unique_lock<std::mutex> l(mu_);
    const std::string& p = req.path;
    ++hits_[p];
    conditional_[p].push_back(req.get_header_value("If-None-Match") + "|" +
                              req.get_header_value("If-Modified-Since"));
    if (req.get_header_value("Accept-Encoding").find("gzip") !=
        std::string::npos)
      ++accepts_gzip_;
    auto page = [&](const std::string& path) {
      const auto& [title, body] = articles_.at(path);
      return Page(title, body);
    };
    auto etag_or_304 = [&](const std::string& etag) {
      if (req.get_header_value("If-None-Match") == etag) {
        res.status = 304;
        return true;
      }
      res.set_header("ETag", etag);
      return false;
    };
    if (p == "/robots.txt") {
      res.set_content("User-agent: *\nDisallow: /private/\n", "text/plain");
    } else if (p == "/slow-feed.xml" || p == "/p/slow.html") {
      // Held until the test releases it: only a timeout lets the watch go on.
      bool released =
          cv_.wait_for(l, std::chrono::seconds(30), [&] { return released_; });
      if (p == "/p/slow.html" && released)
        res.set_content(page(p), "text/html; charset=utf-8");
      else
        res.set_content("<rss><channel></channel></rss>",
                        "application/rss+xml");
    } else if (p == "/broken.xml") {
      res.status = 500;
    } else if (p == "/garbage.xml") {
      res.set_content("<html><body>not a feed</body></html>", "text/html");
    } else if (p == "/index.xml") {
      if (etag_or_304("\"index-1\"")) return;
      res.set_content(
          "<sitemapindex><sitemap><loc>/sitemap-a.xml</loc></sitemap>"
          "<sitemap><loc>" +
              base_ + "/sitemap-news.xml</loc></sitemap></sitemapindex>",
          "application/xml");
    } else if (p == "/sitemap-a.xml") {
      if (etag_or_304("\"a-1\"")) return;
      res.set_content(
          "<urlset><url><loc>/p/utf8.html</loc></url><url><loc>/p/"
          "cp1256-header.html</loc>"
          "</url><url><loc>/p/cp1256-meta.html?utm_source=x#top</loc></url></"
          "urlset>",
          "application/xml");
    } else if (p == "/sitemap-news.xml") {
      if (etag_or_304("\"news-" + std::to_string(news_version_) + "\"")) return;
      std::string urls;
      std::vector<std::string> paths = {
          "/p/news.html", "/private/x.html",      "/p/loop",
          "/p/huge.html", "/p/huge-chunked.html", "/p/missing.html",
          "/p/slow.html", "/p/after-slow.html",   "/p/flaky.html"};
      if (news_version_ > 1) paths.push_back("/p/late.html");
      for (const std::string& u : paths) {
        urls += "<url><loc>" + u +
                "</loc><news:news><news:publication_date>2026-03-0" +
                std::to_string(news_version_) +
                "</news:publication_date></news:news></url>";
      }
      res.set_content(
          "<urlset "
          "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">" +
              urls + "</urlset>",
          "application/xml");
    } else if (p == "/atom.xml") {
      const std::string modified = "Wed, 01 Jan 2025 00:00:00 GMT";
      if (req.get_header_value("If-Modified-Since") == modified) {
        res.status = 304;
        return;
      }
      res.set_header("Last-Modified", modified);
      res.set_content(
          "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>t</title>"
          "<link "
          "href=\"/p/atom1.html\"/><updated>2026-03-01T10:00:00Z</updated>"
          "</entry></feed>",
          "application/atom+xml");
    } else if (p == "/rss.xml") {
      if (etag_or_304("\"rss-1\"")) return;
      res.set_content(
          "<rss><channel><item><link>/p/rss1.html</link></item></channel></"
          "rss>",
          "application/rss+xml");
    } else if (p ==
               "/p/cp1256-header.html") {  // charset only in the HTTP header
      const auto& [title, body] = articles_.at(p);
      std::string html =
          "<html><head><title>" + title + "</title></head><body><article><h1>" +
          title + "</h1><p>" + body + "</p><p>" + body +
          " وأضاف المصدر أن التحقيق مستمر.</p></article></body></html>";
      res.set_content(ToCp1256(html), "text/html; charset=windows-1256");
    } else if (p == "/p/cp1256-meta.html") {  // charset only in the page
      std::string html = page(p);
      html.replace(html.find("<meta charset=\"utf-8\">"), 22,
                   "<meta http-equiv=\"Content-Type\" content=\"text/html; "
                   "charset=windows-1256\">");
      res.set_content(ToCp1256(html), "text/html");
    } else if (p == "/p/loop") {
      res.set_redirect("/p/loop2");
    } else if (p == "/p/loop2") {
      res.set_redirect("/p/loop");
    } else if (p == "/p/huge.html") {
      // Served as is (a compressible type would be compressed by the server
      // first, slowly): the declared length is over the limit.
      std::string big = "<html><body><p>";
      while (big.size() < (3u << 20)) big += "نص طويل جدا يتكرر ";
      res.set_content(big + "</p></body></html>", "application/octet-stream");
    } else if (p == "/p/huge-chunked.html") {
      // No Content-Length: the limit cuts the stream.
      res.set_chunked_content_provider(
          "application/octet-stream",
          [](size_t offset, httplib::DataSink& sink) {
            std::string chunk(64 << 10, 'x');
            if (offset < (3u << 20)) {
              sink.write(chunk.data(), chunk.size());
            } else {
              sink.done();
            }
            return true;
          });
    } else if (p == "/p/flaky.html" && hits_[p] == 1) {
      res.status = 503;  // once: the retry gets it
    } else if (articles_.count(p)) {
      res.set_content(page(p), "text/html; charset=utf-8");
    } else {
      res.status = 404;
    }
  }

  WatchOptions Options() {
    WatchOptions o;
    o.db = dir_ + "/w.db";
    o.sources = {
        base_ + "/slow-feed.xml",
        base_ + "/broken.xml",
        base_ + "/garbage.xml",
        "http://127.0.0.1:" + std::to_string(refusing_.port()) + "/feed.xml",
        base_ + "/index.xml",
        base_ + "/atom.xml",
        base_ + "/rss.xml"};
    o.cycles = 1;
    o.alerts_out = dir_ + "/alerts.jsonl";
    o.fetch.host_delay = std::chrono::milliseconds(0);
    o.fetch.attempts = 1;  // retries: ResumeTest
    // Generous for a loaded machine; the held responses never come.
    o.fetch.timeout_s = 2;
    o.fetch.max_redirects = 3;
    o.fetch.max_bytes = 1 << 20;
    return o;
  }
  CycleSummary RunOnce() {
    std::atomic<bool> stop{false};
    CycleSummary last;
    Status st =
        RunWatch(Options(), stop, [&](const CycleSummary& s) { last = s; });
    EXPECT_TRUE(st.ok()) << st.ToString();
    return last;
  }
  // url -> (title, text, count) of the stored articles.
  std::map<std::string, Document> Stored(std::map<std::string, int>* count) {
    std::map<std::string, Document> out;
    auto store =
        SqliteStore::Open(dir_ + "/w.db", TestStoreOptions(/*read_only=*/true));
    EXPECT_TRUE(store.ok());
    EXPECT_TRUE((*store)
                    ->ForEachArticle([&](const Document& d) {
                      ++(*count)[d.url];
                      out[d.url] = d;
                    })
                    .ok());
    return out;
  }
  std::vector<std::string> Column(const std::string& sql) {
    std::vector<std::string> out;
    // The file itself, read by SQL: what the store keeps, not what it
    // answers.
    auto store =
        SqliteStore::Open(dir_ + "/w.db", TestStoreOptions(/*read_only=*/true));
    auto st = Stmt::Prepare((*store)->handle(), sql);
    EXPECT_TRUE(st.ok());
    while (st.ok()) {
      auto row = st->Step();
      if (!row.ok() || !*row) break;
      out.push_back(st->Text(0));
    }
    return out;
  }
  std::string Rejection(const std::string& path) {
    auto store =
        SqliteStore::Open(dir_ + "/w.db", TestStoreOptions(/*read_only=*/true));
    auto all = (*store)->ListRejected();
    EXPECT_TRUE(all.ok());
    std::string out;
    for (const RejectedInput& r : *all) {
      if (r.source == base_ + path) out += r.reason + "\n";
    }
    return out;
  }
  int Hits(const std::string& path) {
    std::lock_guard<std::mutex> l(mu_);
    return hits_[path];
  }

  std::string dir_, base_;
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mu_;
  std::condition_variable cv_;
  bool released_ = false;
  int news_version_ = 1;
  int accepts_gzip_ = 0;
  RefusingPort refusing_;
  std::map<std::string, int> hits_;
  std::map<std::string, std::vector<std::string>> conditional_;
};

TEST_F(SiteTest, EveryKindOfSourceAndFailure) {
  CycleSummary s1 = RunOnce();
  // The slow feed, the 500, the non-feed and the dead port failed; the
  // index, atom and rss feeds went on regardless.
  EXPECT_EQ(s1.sources, 7);
  EXPECT_EQ(s1.failed_sources, 4);
  EXPECT_EQ(s1.skipped_robots, 1);

  std::map<std::string, int> count;
  auto stored = Stored(&count);
  std::vector<std::string> expected = {
      "/p/utf8.html", "/p/cp1256-header.html", "/p/cp1256-meta.html",
      "/p/news.html", "/p/after-slow.html",    "/p/atom1.html",
      "/p/rss1.html"};
  EXPECT_EQ(stored.size(), expected.size());
  for (const std::string& p : expected) {
    SCOPED_TRACE(p);
    ASSERT_EQ(count[base_ + p], 1);
    const Document& d = stored[base_ + p];
    EXPECT_EQ(d.title, articles_[p].first);
    EXPECT_NE(d.text.find(articles_[p].second), std::string::npos) << d.text;
  }
  EXPECT_EQ(stored[base_ + "/p/news.html"].published.substr(0, 10),
            "2026-03-01");
  EXPECT_EQ(stored[base_ + "/p/atom1.html"].published.substr(0, 10),
            "2026-03-01");
  EXPECT_GT(accepts_gzip_, 0);

  // robots.txt: never fetched. Redirect loop: stopped at the limit (the
  // first request and 3 redirects), not retried, a clear reason kept.
  EXPECT_EQ(Hits("/private/x.html"), 0);
  EXPECT_EQ(Hits("/p/loop") + Hits("/p/loop2"), 4);
  EXPECT_NE(Rejection("/p/loop").find("more than 3 redirects"),
            std::string::npos)
      << Rejection("/p/loop");
  // Huge pages: refused at the size limit, nothing of them kept.
  for (const char* p : {"/p/huge.html", "/p/huge-chunked.html"}) {
    EXPECT_NE(Rejection(p).find("larger than the size limit"),
              std::string::npos)
        << p;
    EXPECT_EQ(Hits(p), 1) << p;
  }
  EXPECT_NE(Rejection("/p/missing.html").find("HTTP 404"), std::string::npos);
  // The slow page timed out and the page after it was stored; the page
  // that answered 503 waits for the next poll.
  EXPECT_NE(Rejection("/p/slow.html").find("timed out"), std::string::npos)
      << Rejection("/p/slow.html");
  EXPECT_EQ(Hits("/p/slow.html"), 1);
  EXPECT_NE(Rejection("/p/flaky.html").find("HTTP 503"), std::string::npos);
  std::vector<std::string> raw =
      Column("SELECT url FROM raw_pages ORDER BY url");
  EXPECT_EQ(raw.size(), expected.size());
  for (const std::string& u : raw)
    EXPECT_EQ(u.find("huge"), std::string::npos) << u;

  std::string status;
  ASSERT_TRUE(PrintWatchStatus(dir_ + "/w.db", &status).ok());
  EXPECT_NE(status.find("slow-feed.xml\n  url, polled"), std::string::npos)
      << status;
  EXPECT_NE(status.find("timed out"), std::string::npos) << status;
  EXPECT_NE(status.find("broken.xml: HTTP 500"), std::string::npos) << status;
  EXPECT_NE(status.find("not a feed or sitemap: <html>"), std::string::npos)
      << status;
  EXPECT_NE(status.find("robots.txt unreadable"), std::string::npos) << status;
  EXPECT_NE(status.find("sitemap-news.xml\n  url, polled"), std::string::npos)
      << status;

  // Second poll: the held responses are let go, so the slow and the 503
  // pages (which failed for now) are fetched; the sitemap index is fetched
  // whole and its changed sitemap read, the unchanged ones answer 304 to
  // conditional requests; nothing stored before is fetched or stored again.
  Release();
  news_version_ = 2;
  CycleSummary s2 = RunOnce();
  EXPECT_EQ(s2.failed_sources, 3);
  EXPECT_EQ(s2.not_modified, 3);  // sitemap-a, atom, rss
  count.clear();
  stored = Stored(&count);
  EXPECT_EQ(stored.size(), expected.size() + 3);
  for (const auto& [url, n] : count) EXPECT_EQ(n, 1) << url;
  EXPECT_EQ(stored[base_ + "/p/slow.html"].title,
            articles_["/p/slow.html"].first);
  EXPECT_EQ(stored[base_ + "/p/late.html"].title,
            articles_["/p/late.html"].first);
  EXPECT_EQ(stored[base_ + "/p/flaky.html"].title,
            articles_["/p/flaky.html"].first);
  {
    std::lock_guard<std::mutex> l(mu_);
    EXPECT_EQ(conditional_["/rss.xml"].back(), "\"rss-1\"|");
    EXPECT_EQ(conditional_["/atom.xml"].back(),
              "|Wed, 01 Jan 2025 00:00:00 GMT");
    EXPECT_EQ(conditional_["/sitemap-a.xml"].back(), "\"a-1\"|");
    EXPECT_EQ(conditional_["/index.xml"].back(), "|");  // always whole
    for (const char* p : {"/p/utf8.html", "/p/news.html", "/p/flaky.html",
                          "/p/after-slow.html"}) {
      EXPECT_EQ(hits_[p], p == std::string("/p/flaky.html") ? 2 : 1) << p;
    }
    EXPECT_EQ(hits_["/p/loop"] + hits_["/p/loop2"], 4);  // given up for good
    EXPECT_EQ(hits_["/p/huge.html"], 1);
    EXPECT_EQ(hits_["/private/x.html"], 0);
  }
}

// A poll cut short — by a stop, or by a page that failed for now — must not
// save the feed's validators: the next poll would be "not modified" and the
// rest of the feed would never be fetched.
class ResumeTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::TempDir() + "/marsad_resume_" + std::to_string(::getpid());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    const char* words[] = {"الزراعة", "الصحة",   "التعليم", "النقل",
                           "السياحة", "الصناعة", "الطاقة",  "المياه"};
    for (int i = 0; i < 8; ++i) {
      pages_.push_back(Page(std::string("تقرير عن ") + words[i],
                            std::string("أعلنت وزارة ") + words[i] +
                                " عن خطة جديدة للعام المقبل تشمل مشاريع في " +
                                std::to_string(i + 3) + " محافظات"));
    }
    server_.Get(
        R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
          std::lock_guard<std::mutex> l(mu_);
          ++hits_[req.path];
          if (req.path == "/feed.xml") {
            std::string etag = "\"" + std::to_string(items_) + "\"";
            if (req.get_header_value("If-None-Match") == etag) {
              res.status = 304;
              return;
            }
            std::string items;
            for (int i = 0; i < items_; ++i)
              items += "<item><link>/n/" + std::to_string(i) + "</link></item>";
            res.set_header("ETag", etag);
            res.set_content("<rss><channel>" + items + "</channel></rss>",
                            "application/rss+xml");
            return;
          }
          if (req.path.rfind("/n/", 0) != 0) {
            res.status = 404;
            return;
          }
          int i = std::stoi(req.path.substr(3));
          if (i == fail_ || (i == flaky_ && hits_[req.path] == 1)) {
            res.status = 503;
            return;
          }
          if (i == stop_at_)
            stop_ = true;  // as if SIGTERM came during this page
          res.set_content(pages_[i], "text/html; charset=utf-8");
        });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  void TearDown() override {
    server_.stop();
    thread_.join();
  }
  void Run() {
    WatchOptions o;
    o.db = dir_ + "/w.db";
    o.sources = {"http://127.0.0.1:" + std::to_string(port_) + "/feed.xml"};
    o.cycles = 1;
    o.alerts_out = dir_ + "/alerts.jsonl";
    o.fetch.host_delay = std::chrono::milliseconds(0);
    o.fetch.attempts = 2;
    stop_ = false;
    Status st = RunWatch(o, stop_);
    EXPECT_TRUE(st.ok()) << st.ToString();
  }
  int64_t Articles() {
    auto s = Store::Open(dir_ + "/w.db", TestStoreOptions(/*read_only=*/true));
    return *(*s)->CountArticles();
  }

  std::string dir_;
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mu_;
  std::map<std::string, int> hits_;
  std::vector<std::string> pages_;
  std::atomic<bool> stop_{false};
  int items_ = 5, fail_ = 1, flaky_ = 3, stop_at_ = -1;
};

TEST_F(ResumeTest, CutShortPollIsNotNotModifiedNextTime) {
  Run();  // page 1 fails for now (twice); page 3 fails once, and the retry gets
          // it
  EXPECT_EQ(Articles(), 4);
  EXPECT_EQ(hits_["/n/1"], 2);
  EXPECT_EQ(hits_["/n/3"], 2);
  fail_ = -1;
  Run();  // the feed is unchanged, but asked for whole: page 1 is fetched
  EXPECT_EQ(Articles(), 5);
  Run();  // now everything is done: 304
  EXPECT_EQ(hits_["/n/1"], 3);
  EXPECT_EQ(hits_["/n/3"], 2);
  EXPECT_EQ(hits_["/n/0"], 1);

  items_ = 8;
  stop_at_ = 6;
  Run();  // stopped during page 6
  EXPECT_LT(Articles(), 8);
  stop_at_ = -1;
  Run();
  EXPECT_EQ(Articles(), 8);
  EXPECT_EQ(hits_["/n/5"], 1);
  EXPECT_EQ(hits_["/n/7"], 1);
}

}  // namespace
}  // namespace marsad
