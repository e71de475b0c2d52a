// `marsad watch`, `marsad alert` and WARC ingest, end to end: the real
// binary against an HTTP server on loopback that the test runs itself.
//
// Kill and restart: the server holds the response to the Nth page until the
// test has killed the watcher, so the kill always lands mid-run, whatever
// the machine's load, and never depends on timing. After a SIGKILL, a
// SIGTERM (while a response is held: the transfer must be cancelled) and a
// last full poll, every page must be stored exactly once, the store must be
// consistent, and the saved search must have fired exactly once per
// matching report. A SIGINT while idle ends the watch cleanly.
//
// WARC: Debian's wget writes a WARC of the same pages (UTF-8 and
// windows-1256, the charset declared by header or by meta); `marsad ingest`
// of it must give the same articles as `marsad watch` fetching them.
//
// Time limits here are guards only (generous, for a loaded machine): no
// assertion depends on how long anything took.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include "src/watch/testing.h"
#include "tests/e2e_util.h"

namespace marsad::e2e {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using std::chrono::seconds;

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

using testing_watch::ToCp1256;

std::string Html(const std::string& title, const std::string& body,
                 const std::string& head_extra = "<meta charset=\"utf-8\">") {
  return "<html><head>" + head_extra + "<title>" + title +
         "</title></head><body><article><h1>" + title + "</h1><p>" + body +
         "</p><p>وقال مصدر مطلع إن " + body + "</p></article></body></html>";
}

// A running `marsad` child process, stdout and stderr to a file.
class Child {
 public:
  Child(const std::vector<std::string>& args, const fs::path& log) : log_(log) {
    // Everything the child needs is built before fork(): the test process
    // has server threads, so the child may only exec.
    std::vector<std::string> argv_s = {MARSAD_BINARY};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::string data =
        std::string("MARSAD_DATA_DIR=") + MARSAD_SOURCE_DIR + "/data";
    std::vector<std::string> env_s = {data, "PATH=/usr/bin:/bin",
                                      "LANG=C.UTF-8"};
    std::vector<char*> env;
    for (std::string& e : env_s) env.push_back(e.data());
    env.push_back(nullptr);
    int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    pid_ = fork();
    if (pid_ == 0) {
      dup2(fd, 1);
      dup2(fd, 2);
      execve(argv[0], argv.data(), env.data());
      _exit(127);
    }
    close(fd);
  }
  ~Child() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  void Signal(int sig) { kill(pid_, sig); }
  // The exit code, or -1 - signal if killed by a signal; -1000 if it had not
  // ended by the guard (it is then killed).
  int Wait(seconds guard) {
    auto until = std::chrono::steady_clock::now() + guard;
    while (true) {
      int st = 0;
      pid_t r = waitpid(pid_, &st, WNOHANG);
      if (r == pid_) {
        exited_ = true;
        return WIFEXITED(st) ? WEXITSTATUS(st) : -1 - WTERMSIG(st);
      }
      if (std::chrono::steady_clock::now() > until) return -1000;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  std::string Log() const { return ReadAll(log_); }

 private:
  fs::path log_;
  pid_t pid_ = -1;
  bool exited_ = false;
};

// A news site on loopback; can hold the response to the Nth page request.
class Site {
 public:
  Site() {
    server_.Get(R"(/.*)", [this](const httplib::Request& req,
                                 httplib::Response& res) { Serve(req, res); });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~Site() {
    Release();
    server_.stop();
    thread_.join();
  }
  std::string Base() const {
    return "http://127.0.0.1:" + std::to_string(port_);
  }

  // path -> (content type, body)
  void Add(const std::string& path, const std::string& type,
           const std::string& body) {
    std::lock_guard<std::mutex> l(mu_);
    pages_[path] = {type, body};
  }
  // Holds the `n`th page request from now on until Release().
  void HoldAfter(int n) {
    std::lock_guard<std::mutex> l(mu_);
    hold_at_ = page_requests_ + n;
    holding_ = released_ = false;
  }
  // Waits (guard) until a response is being held.
  bool WaitHolding(seconds guard) {
    std::unique_lock<std::mutex> l(mu_);
    return cv_.wait_for(l, guard, [&] { return holding_; });
  }
  void Release() {
    {
      std::lock_guard<std::mutex> l(mu_);
      released_ = true;
      hold_at_ = -1;
    }
    cv_.notify_all();
  }
  std::map<std::string, int> Hits() {
    std::lock_guard<std::mutex> l(mu_);
    return hits_;
  }

 private:
  void Serve(const httplib::Request& req, httplib::Response& res) {
    std::unique_lock<std::mutex> l(mu_);
    ++hits_[req.path];
    if (req.path == "/robots.txt") {
      res.set_content("User-agent: *\nDisallow: /private/\n", "text/plain");
      return;
    }
    auto it = pages_.find(req.path);
    if (it == pages_.end()) {
      res.status = 404;
      return;
    }
    if (req.path.find(".xml") == std::string::npos &&
        ++page_requests_ == hold_at_) {
      holding_ = true;
      cv_.notify_all();
      cv_.wait_for(l, seconds(120), [&] { return released_; });
    }
    res.set_content(it->second.second, it->second.first);
  }

  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mu_;
  std::condition_variable cv_;
  std::map<std::string, std::pair<std::string, std::string>> pages_;
  std::map<std::string, int> hits_;
  int page_requests_ = 0, hold_at_ = -1;
  bool holding_ = false, released_ = false;
};

// Rows of one SQL query on the store, columns joined by '|'.
std::vector<std::string> Sql(const fs::path& db, const std::string& sql) {
  std::vector<std::string> out;
  sqlite3* h = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr),
            SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr), SQLITE_OK)
      << sql;
  while (st && sqlite3_step(st) == SQLITE_ROW) {
    std::string row;
    for (int i = 0; i < sqlite3_column_count(st); ++i) {
      const unsigned char* t = sqlite3_column_text(st, i);
      row += (i ? "|" : "") +
             std::string(t ? reinterpret_cast<const char*>(t) : "");
    }
    out.push_back(row);
  }
  sqlite3_finalize(st);
  sqlite3_close(h);
  return out;
}

std::vector<json> ExportArticles(const fs::path& db) {
  RunResult r =
      Marsad("export --db " + db.string() + " --what articles --format jsonl");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::vector<json> out;
  std::istringstream in(r.out);
  std::string line;
  while (std::getline(in, line)) out.push_back(json::parse(line));
  return out;
}

const char* kPlaces[] = {"حلب",       "حمص",      "درعا",  "إدلب", "الرقة",
                         "دير الزور", "اللاذقية", "طرطوس", "حماة", "السويداء"};
const char* kTopics[] = {"افتتاح مستشفى", "إصلاح طريق", "فيضان نهر"};

TEST(WatchE2eTest, KillMidRunRestartLosesAndDuplicatesNothing) {
  fs::path dir = TempDir("watch_kill");
  std::string db = (dir / "w.db").string();
  Site site;
  constexpr int kPages = 30;
  std::string urls;
  std::set<std::string> all_urls;
  std::map<std::string, std::string> flood_titles;  // url -> title
  for (int i = 0; i < kPages; ++i) {
    std::string path = "/news/" + std::to_string(i) + ".html";
    std::string topic = kTopics[i % 3], place = kPlaces[i % 10];
    std::string title = topic + " في " + place + " رقم " + std::to_string(i);
    std::string body = "أعلنت السلطات المحلية في " + place + " اليوم أن " +
                       topic + " شمل " + std::to_string(100 + i * 7) +
                       " منزلا وأن العمل مستمر منذ " + std::to_string(i + 2) +
                       " أيام";
    site.Add(path, "text/html; charset=utf-8", Html(title, body));
    std::string url = site.Base() + path;
    all_urls.insert(url);
    if (i % 3 == 2) flood_titles[url] = title;
    urls += "<url><loc>" + path + "?utm_source=feed</loc></url>";
  }
  site.Add("/sitemap.xml", "application/xml", "<urlset>" + urls + "</urlset>");
  std::string source = site.Base() + "/sitemap.xml";
  std::string alerts = (dir / "alerts.jsonl").string();
  std::vector<std::string> watch = {
      "watch", "--db", db, "--host-delay-ms", "20", "--alerts-out", alerts};

  // A saved search made with the CLI before anything is stored.
  RunResult add = Marsad("alert --db " + db + " add floods فيضان");
  ASSERT_EQ(add.exit_code, 0) << add.err;
  RunResult list = Marsad("alert --db " + db + " list");
  EXPECT_NE(list.out.find("floods\tفيضان"), std::string::npos)
      << list.out << list.err;

  // 1. SIGKILL while the 8th page is being fetched.
  site.HoldAfter(8);
  {
    std::vector<std::string> args = watch;
    args.push_back(source);
    Child c(args, dir / "run1.log");
    ASSERT_TRUE(site.WaitHolding(seconds(120))) << c.Log();
    c.Signal(SIGKILL);
    EXPECT_EQ(c.Wait(seconds(60)), -1 - SIGKILL);
  }
  site.Release();
  size_t after_kill = Sql(db, "SELECT url FROM raw_pages").size();
  EXPECT_GE(after_kill, 1u);
  EXPECT_LT(after_kill, static_cast<size_t>(kPages));

  // 2. SIGTERM while another page is held: the transfer is cancelled (with
  // a 10-minute request timeout, only the cancel lets it end within the
  // guard) and the watch ends cleanly.
  site.HoldAfter(8);
  {
    std::vector<std::string> args = watch;
    args.insert(args.end(), {"--timeout", "600", source});
    Child c(args, dir / "run2.log");
    ASSERT_TRUE(site.WaitHolding(seconds(120))) << c.Log();
    c.Signal(SIGTERM);
    EXPECT_EQ(c.Wait(seconds(60)), 0) << c.Log();
    EXPECT_NE(c.Log().find("poll: 1 sources"), std::string::npos) << c.Log();
  }
  site.Release();
  size_t after_term = Sql(db, "SELECT url FROM raw_pages").size();
  EXPECT_GT(after_term, after_kill);
  EXPECT_LT(after_term, static_cast<size_t>(kPages));

  // 3. A full poll finishes the job.
  {
    std::vector<std::string> args = watch;
    args.insert(args.end(), {"--cycles", "1", source});
    Child c(args, dir / "run3.log");
    EXPECT_EQ(c.Wait(seconds(300)), 0) << c.Log();
  }
  std::map<std::string, int> hits = site.Hits();

  // 4. Running again finds nothing new; SIGINT while idle ends it cleanly.
  {
    std::vector<std::string> args = watch;
    args.insert(args.end(), {"--interval", "3600", source});
    Child c(args, dir / "run4.log");
    auto until = std::chrono::steady_clock::now() + seconds(120);
    while (c.Log().find("poll:") == std::string::npos &&
           std::chrono::steady_clock::now() < until) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    EXPECT_NE(c.Log().find("poll: 1 sources (0 failed), 1 fetched"),
              std::string::npos)
        << c.Log();
    c.Signal(SIGINT);
    EXPECT_EQ(c.Wait(seconds(60)), 0) << c.Log();
  }

  // Every page stored exactly once, and fetched at most twice (only the two
  // interrupted fetches were repeated); nothing fetched by the idle run.
  std::vector<json> articles = ExportArticles(db);
  std::map<std::string, int> count;
  for (const json& a : articles) ++count[a.value("url", "")];
  EXPECT_EQ(articles.size(), static_cast<size_t>(kPages));
  for (const std::string& u : all_urls) EXPECT_EQ(count[u], 1) << u;
  int page_fetches = 0;
  for (const auto& [path, n] : hits) {
    if (path.rfind("/news/", 0) != 0) continue;
    EXPECT_LE(n, 2) << path;
    page_fetches += n;
  }
  EXPECT_LE(page_fetches, kPages + 2);
  EXPECT_EQ(site.Hits(), [&] {
    auto h = hits;
    h["/sitemap.xml"] += 1;
    h["/robots.txt"] += 1;
    return h;
  }());

  // The store is consistent: its integrity check passes, every page is kept
  // raw and marked seen once, every stored article was fetched.
  EXPECT_EQ(Sql(db, "PRAGMA integrity_check"), std::vector<std::string>{"ok"});
  EXPECT_EQ(Sql(db, "SELECT COUNT(*) FROM raw_pages")[0],
            std::to_string(kPages));
  EXPECT_EQ(Sql(db, "SELECT COUNT(*) FROM watch_seen WHERE status = 200")[0],
            std::to_string(kPages));
  EXPECT_EQ(Sql(db,
                "SELECT COUNT(*) FROM articles WHERE url NOT IN "
                "(SELECT url FROM raw_pages)")[0],
            "0");

  // The saved search fired exactly once per matching report, across the
  // kill and the restarts.
  std::map<std::string, std::string> fired;  // url-less: title -> article id
  std::set<int64_t> ids;
  std::istringstream in(ReadAll(alerts));
  std::string line;
  int lines = 0;
  while (std::getline(in, line)) {
    json a = json::parse(line);
    ++lines;
    EXPECT_EQ(a["alert"], "floods");
    ids.insert(a["article_id"].get<int64_t>());
    fired[a["title"].get<std::string>()] = line;
  }
  EXPECT_EQ(lines, static_cast<int>(flood_titles.size()));
  EXPECT_EQ(ids.size(), flood_titles.size());
  for (const auto& [url, title] : flood_titles)
    EXPECT_TRUE(fired.count(title)) << title;

  RunResult status = Marsad("watch --db " + db + " --status");
  EXPECT_EQ(status.exit_code, 0);
  EXPECT_NE(status.out.find(source + "\n  url, polled"), std::string::npos)
      << status.out;
  EXPECT_NE(status.out.find("0 failure(s) in a row"), std::string::npos)
      << status.out;
  list = Marsad("alert --db " + db + " list");
  EXPECT_NE(list.out.find("(reported up to article"), std::string::npos)
      << list.out;
  EXPECT_EQ(Marsad("alert --db " + db + " remove floods").exit_code, 0);
  EXPECT_EQ(Marsad("alert --db " + db + " list").out, "");
  EXPECT_NE(Marsad("alert --db " + db + " remove floods").exit_code, 0);
}

TEST(WatchE2eTest, WarcFromWgetIngestsLikeTheFetchedPages) {
  if (Shell("command -v wget").exit_code != 0) {
    GTEST_SKIP()
        << "wget is not installed (scripts/install-deps.sh installs it): "
           "no WARC written by a standard tool to ingest";
  }
  fs::path dir = TempDir("watch_warc");
  Site site;
  struct P {
    std::string path, title, body, type;
    bool cp1256, meta;
  };
  std::vector<P> pages = {
      {"/a/utf8.html", "افتتاح جسر جديد في المدينة",
       "افتتحت البلدية جسرا جديدا فوق النهر بعد عامين من العمل المتواصل",
       "text/html; charset=utf-8", false, false},
      {"/a/header.html", "ارتفاع أسعار القمح في الأسواق",
       "ارتفعت أسعار القمح في الأسواق المحلية بنسبة كبيرة خلال الأسبوع الماضي",
       "text/html; charset=windows-1256", true, false},
      {"/a/meta.html", "مهرجان المسرح السنوي",
       "انطلق مهرجان المسرح السنوي بمشاركة فرق من عشر دول عربية في العاصمة",
       "text/html", true, true},
  };
  std::string urls, list;
  for (const P& p : pages) {
    std::string html =
        p.meta     ? Html(p.title, p.body,
                          "<meta http-equiv=\"Content-Type\" content=\"text/html; "
                              "charset=windows-1256\">")
        : p.cp1256 ? Html(p.title, p.body, "")
                   : Html(p.title, p.body);
    site.Add(p.path, p.type, p.cp1256 ? ToCp1256(html) : html);
    urls += "<url><loc>" + p.path + "</loc></url>";
    list += site.Base() + p.path + "\n";
  }
  list += site.Base() + "/a/missing.html\n";  // a 404 in the crawl: no article
  urls += "<url><loc>/a/missing.html</loc></url>";
  site.Add("/sitemap.xml", "application/xml", "<urlset>" + urls + "</urlset>");
  std::ofstream(dir / "urls.txt") << list;

  RunResult wget =
      Shell("cd " + dir.string() +
            " && wget -q --warc-file=crawl -O /dev/null -i urls.txt");
  EXPECT_TRUE(wget.exit_code == 0 || wget.exit_code == 8)
      << wget.err;  // 8: the 404
  ASSERT_TRUE(fs::exists(dir / "crawl.warc.gz")) << wget.err;

  std::string warc_db = (dir / "warc.db").string(),
              watch_db = (dir / "watch.db").string();
  RunResult ingest =
      Marsad("ingest --db " + warc_db + " " + (dir / "crawl.warc.gz").string());
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  RunResult watch = Marsad(
      "watch --db " + watch_db + " --cycles 1 --host-delay-ms 0 --alerts-out " +
      (dir / "alerts.jsonl").string() + " " + site.Base() + "/sitemap.xml");
  ASSERT_EQ(watch.exit_code, 0) << watch.err;

  auto key = [](const json& a) {
    return a.value("url", "") + "\n" + a.value("title", "") + "\n" +
           a.value("text", "");
  };
  std::vector<json> from_warc = ExportArticles(warc_db),
                    fetched = ExportArticles(watch_db);
  std::set<std::string> a, b;
  for (const json& j : from_warc) a.insert(key(j));
  for (const json& j : fetched) b.insert(key(j));
  EXPECT_EQ(from_warc.size(), pages.size());
  EXPECT_EQ(a, b);
  for (const P& p : pages) {  // and it is the right Arabic text
    bool found = false;
    for (const json& j : from_warc) {
      if (j.value("url", "") != site.Base() + p.path) continue;
      found = true;
      EXPECT_EQ(j.value("title", ""), p.title);
      EXPECT_NE(j.value("text", "").find(p.body), std::string::npos)
          << j.dump();
    }
    EXPECT_TRUE(found) << p.path;
  }
}

}  // namespace
}  // namespace marsad::e2e
