// The web side of monitoring: URL canonicalisation, robots.txt, feed and
// sitemap parsing, and a polite libcurl fetcher.
//
// Politeness: a clear user agent; robots.txt fetched once per host and
// honoured (the groups for "marsad" or "*"); at most one request per host at
// a time with a delay between requests; conditional requests (ETag,
// Last-Modified); redirects limited; timeouts; a size limit; gzip; retries
// with exponential backoff on network errors and 5xx/429.
#ifndef MARSAD_WATCH_WEB_H_
#define MARSAD_WATCH_WEB_H_

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
std::string UrlHost(std::string_view url);   // "example.com:8080"
std::string UrlPath(std::string_view url);   // "/a/b?x=1"
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
StatusOr<std::vector<FeedItem>> ParseFeed(std::string_view xml, std::string_view base_url,
                                          FeedKind* kind);

struct FetchResult {
  int status = 0;  // HTTP status; 304 = not modified
  std::string body;
  std::string content_type;
  std::string etag, last_modified;
  std::string final_url;
};

struct FetchOptions {
  std::string user_agent = "marsad/0.1 (Arabic news monitor; +https://github.com/marsad)";
  long timeout_s = 20;
  long max_redirects = 5;
  size_t max_bytes = 20 << 20;
  std::chrono::milliseconds host_delay{1000};
  int attempts = 3;
};

class Fetcher {
 public:
  explicit Fetcher(FetchOptions options = {});
  ~Fetcher();
  // Fetches `url` unless robots.txt forbids it (then PermissionDenied-like
  // Unsupported). Conditional when etag / last_modified are given.
  StatusOr<FetchResult> Fetch(const std::string& url, const std::string& etag = "",
                              const std::string& last_modified = "");
  bool RobotsAllow(const std::string& url);
  uint64_t requests() const { return requests_; }

 private:
  StatusOr<FetchResult> FetchOnce(const std::string& url, const std::string& etag,
                                  const std::string& last_modified);
  void WaitForHost(const std::string& host);

  FetchOptions options_;
  std::map<std::string, RobotsRules> robots_;
  std::map<std::string, std::chrono::steady_clock::time_point> next_;
  uint64_t requests_ = 0;
};

}  // namespace marsad

#endif  // MARSAD_WATCH_WEB_H_
