// The web side of monitoring: URL canonicalisation, robots.txt, feed and
// sitemap parsing, and a polite libcurl fetcher.
//
// Politeness: a clear user agent; robots.txt fetched once per host (again
// after a day) and honoured (the groups for "marsad" or "*"; a robots.txt
// that is missing (4xx) allows everything, one that cannot be read (5xx,
// network error) blocks the host until it can, as RFC 9309 asks); at most
// one request per host at a time with a delay between requests; conditional
// requests (ETag, Last-Modified); redirects limited; timeouts; a size limit;
// gzip; retries with exponential backoff on network errors and 5xx/429.
//
// Errors say what a caller should do: Unsupported — robots.txt forbids the
// URL; InvalidArgument — a permanent failure of this URL (redirect limit
// reached, larger than the size limit), not worth retrying; Unavailable — a
// transient one (timeout, connection refused, 5xx after the retries, or the
// fetch was cancelled), worth retrying later.
#ifndef MARSAD_WATCH_WEB_H_
#define MARSAD_WATCH_WEB_H_

#include <atomic>
#include <chrono>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/status.h"

namespace marsad {

// Lowercases scheme and host, drops the fragment, default ports and
// tracking parameters (utm_*, fbclid, gclid, ...), sorts the query.
std::string CanonicalUrl(std::string_view url);
std::string UrlHost(std::string_view url);  // "example.com:8080"
std::string UrlPath(std::string_view url);  // "/a/b?x=1"
// Resolves `href` against `base` (absolute, root-relative or relative).
std::string ResolveUrl(std::string_view base, std::string_view href);

class RobotsRules {
 public:
  // Parses robots.txt for user agent `agent` (falls back to "*").
  static RobotsRules Parse(std::string_view text, std::string_view agent);
  bool Allowed(std::string_view path) const;  // longest match wins

 private:
  std::vector<std::pair<std::string, bool>> rules_;  // prefix, allow
};

struct FeedItem {
  std::string url;
  std::string title;
  std::string published;
};

enum class FeedKind { kUnknown, kRss, kAtom, kSitemap, kSitemapIndex };

// Parses an RSS 2.0 / Atom feed, a sitemap (urlset, Google News) or a sitemap
// index. Fails with Corruption on XML that cannot be parsed.
StatusOr<std::vector<FeedItem>> ParseFeed(std::string_view xml,
                                          std::string_view base_url,
                                          FeedKind* kind);

struct FetchResult {
  int status = 0;  // HTTP status; 304 = not modified
  std::string body;
  std::string content_type;
  std::string etag, last_modified;
  std::string final_url;
};

struct FetchOptions {
  std::string user_agent =
      "marsad/0.1 (Arabic news monitor; +https://github.com/marsad)";
  long timeout_s = 20;
  long max_redirects = 5;
  size_t max_bytes = 20 << 20;
  std::chrono::milliseconds host_delay{1000};
  int attempts = 3;
  // When set and true, a fetch in progress (or a wait before one) stops at
  // once with Unavailable("... cancelled").
  const std::atomic<bool>* cancel = nullptr;
};

class Fetcher {
 public:
  explicit Fetcher(FetchOptions options = {});
  ~Fetcher();
  // Fetches `url` unless robots.txt forbids it (then Unsupported).
  // Conditional when etag / last_modified are given. Any HTTP status other
  // than 5xx/429 is a result (status 304, 404, ...), not an error.
  StatusOr<FetchResult> Fetch(const std::string& url,
                              const std::string& etag = "",
                              const std::string& last_modified = "");
  // Whether robots.txt lets marsad fetch `url`; Unavailable when the host's
  // robots.txt cannot be read.
  StatusOr<bool> RobotsAllow(const std::string& url);
  uint64_t requests() const { return requests_; }

 private:
  StatusOr<FetchResult> FetchOnce(const std::string& url,
                                  const std::string& etag,
                                  const std::string& last_modified);
  // False when cancelled while waiting.
  bool WaitForHost(const std::string& host);
  bool SleepFor(std::chrono::milliseconds d);
  bool Cancelled() const { return options_.cancel && options_.cancel->load(); }

  struct Robots {
    Status status;  // not OK: robots.txt could not be read
    RobotsRules rules;
    std::chrono::steady_clock::time_point expires;
  };

  FetchOptions options_;
  std::map<std::string, Robots> robots_;
  std::map<std::string, std::chrono::steady_clock::time_point> next_;
  uint64_t requests_ = 0;
};

}  // namespace marsad

#endif  // MARSAD_WATCH_WEB_H_
