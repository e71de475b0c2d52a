#include "src/watch/web.h"

#include <curl/curl.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <thread>

namespace marsad {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool TrackingParam(std::string_view name) {
  std::string n = Lower(name);
  return n.rfind("utm_", 0) == 0 || n == "fbclid" || n == "gclid" ||
         n == "mc_cid" || n == "mc_eid" || n == "ref" || n == "ref_src" ||
         n == "igshid" || n == "at_medium" || n == "at_campaign";
}

}  // namespace

std::string CanonicalUrl(std::string_view url) {
  size_t hash = url.find('#');
  if (hash != std::string_view::npos) url = url.substr(0, hash);
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::string(url);
  std::string scheme = Lower(url.substr(0, scheme_end));
  size_t host_begin = scheme_end + 3;
  size_t path_begin = url.find_first_of("/?", host_begin);
  if (path_begin == std::string_view::npos) path_begin = url.size();
  std::string host = Lower(url.substr(host_begin, path_begin - host_begin));
  if ((scheme == "http" && host.size() > 3 &&
       host.substr(host.size() - 3) == ":80") ||
      (scheme == "https" && host.size() > 4 &&
       host.substr(host.size() - 4) == ":443")) {
    host.resize(host.rfind(':'));
  }
  std::string_view rest = url.substr(path_begin);
  size_t q = rest.find('?');
  std::string path(rest.substr(0, q));
  if (path.empty()) path = "/";
  std::vector<std::string> params;
  if (q != std::string_view::npos) {
    std::string_view query = rest.substr(q + 1);
    size_t i = 0;
    while (i <= query.size()) {
      size_t amp = query.find('&', i);
      if (amp == std::string_view::npos) amp = query.size();
      std::string_view kv = query.substr(i, amp - i);
      std::string_view key = kv.substr(0, kv.find('='));
      if (!kv.empty() && !TrackingParam(key)) params.emplace_back(kv);
      i = amp + 1;
    }
  }
  std::sort(params.begin(), params.end());
  std::string out = scheme + "://" + host + path;
  for (size_t i = 0; i < params.size(); ++i) out += (i ? "&" : "?") + params[i];
  return out;
}

std::string UrlHost(std::string_view url) {
  size_t s = url.find("://");
  if (s == std::string_view::npos) return "";
  size_t b = s + 3;
  size_t e = url.find_first_of("/?#", b);
  return Lower(url.substr(
      b, e == std::string_view::npos ? std::string_view::npos : e - b));
}

std::string UrlPath(std::string_view url) {
  size_t s = url.find("://");
  if (s == std::string_view::npos) return std::string(url);
  size_t p = url.find_first_of("/?", s + 3);
  if (p == std::string_view::npos) return "/";
  std::string path(url.substr(p));
  size_t h = path.find('#');
  if (h != std::string::npos) path.resize(h);
  return path[0] == '?' ? "/" + path : path;
}

std::string ResolveUrl(std::string_view base, std::string_view href) {
  if (href.find("://") != std::string_view::npos) return std::string(href);
  size_t s = base.find("://");
  if (s == std::string_view::npos) return std::string(href);
  std::string origin(base.substr(0, base.find('/', s + 3)));
  if (href.rfind("//", 0) == 0)
    return std::string(base.substr(0, s + 1)) + std::string(href);
  if (!href.empty() && href[0] == '/') return origin + std::string(href);
  std::string dir(base.substr(0, base.rfind('/') + 1));
  if (dir.size() <= s + 3) dir = origin + "/";
  return dir + std::string(href);
}

RobotsRules RobotsRules::Parse(std::string_view text, std::string_view agent) {
  // Groups: consecutive User-agent lines followed by rules.
  struct Group {
    std::vector<std::string> agents;
    std::vector<std::pair<std::string, bool>> rules;
  };
  std::vector<Group> groups;
  bool in_agents = false;
  size_t i = 0;
  while (i < text.size()) {
    size_t e = text.find('\n', i);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = text.substr(i, e - i);
    i = e + 1;
    size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string key = Lower(std::string(line.substr(0, colon)));
    key.erase(std::remove_if(key.begin(), key.end(), ::isspace), key.end());
    std::string value(line.substr(colon + 1));
    value.erase(0, value.find_first_not_of(" \t"));
    value.erase(value.find_last_not_of(" \t\r") + 1);
    if (key == "user-agent") {
      if (!in_agents) groups.emplace_back();
      groups.back().agents.push_back(Lower(value));
      in_agents = true;
    } else if ((key == "disallow" || key == "allow") && !groups.empty()) {
      in_agents = false;
      if (key == "disallow" && value.empty())
        continue;  // "Disallow:" allows all
      groups.back().rules.emplace_back(value, key == "allow");
    }
  }
  RobotsRules r;
  std::string a = Lower(agent);
  const Group* chosen = nullptr;
  for (const Group& g : groups) {
    for (const std::string& ga : g.agents) {
      if (ga != "*" && a.find(ga) != std::string::npos) chosen = &g;
    }
  }
  if (!chosen) {
    for (const Group& g : groups) {
      if (std::find(g.agents.begin(), g.agents.end(), "*") != g.agents.end())
        chosen = &g;
    }
  }
  if (chosen) r.rules_ = chosen->rules;
  return r;
}

bool RobotsRules::Allowed(std::string_view path) const {
  size_t best = 0;
  bool allow = true;
  for (const auto& [prefix, is_allow] : rules_) {
    if (path.substr(0, prefix.size()) == prefix && prefix.size() >= best) {
      best = prefix.size();
      allow = is_allow;
    }
  }
  return allow;
}

namespace {

std::string NodeText(xmlNode* n) {
  xmlChar* c = xmlNodeGetContent(n);
  std::string s = c ? reinterpret_cast<const char*>(c) : "";
  xmlFree(c);
  s.erase(0, s.find_first_not_of(" \t\r\n"));
  s.erase(s.find_last_not_of(" \t\r\n") + 1);
  return s;
}

std::string Name(xmlNode* n) {
  return n->name ? reinterpret_cast<const char*>(n->name) : "";
}

xmlNode* Child(xmlNode* n, const char* name) {
  for (xmlNode* c = n->children; c; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && Name(c) == name) return c;
  }
  return nullptr;
}

// Depth-first search for elements named `name`.
void FindAll(xmlNode* n, const char* name, std::vector<xmlNode*>* out) {
  for (xmlNode* c = n; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (Name(c) == name) out->push_back(c);
    FindAll(c->children, name, out);
  }
}

}  // namespace

StatusOr<std::vector<FeedItem>> ParseFeed(std::string_view xml,
                                          std::string_view base,
                                          FeedKind* kind) {
  xmlDoc* doc =
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                        XML_PARSE_RECOVER | XML_PARSE_NOENT * 0);
  if (doc == nullptr) return CorruptionError("not XML");
  std::vector<FeedItem> items;
  xmlNode* root = xmlDocGetRootElement(doc);
  std::string r = root ? Name(root) : "";
  *kind = r == "rss" || r == "RDF" ? FeedKind::kRss
          : r == "feed"            ? FeedKind::kAtom
          : r == "urlset"          ? FeedKind::kSitemap
          : r == "sitemapindex"    ? FeedKind::kSitemapIndex
                                   : FeedKind::kUnknown;
  std::vector<xmlNode*> nodes;
  if (*kind == FeedKind::kRss) {
    FindAll(root, "item", &nodes);
    for (xmlNode* it : nodes) {
      FeedItem f;
      if (xmlNode* l = Child(it, "link")) f.url = NodeText(l);
      if (f.url.empty()) {
        if (xmlNode* g = Child(it, "guid")) f.url = NodeText(g);
      }
      if (xmlNode* t = Child(it, "title")) f.title = NodeText(t);
      if (xmlNode* d = Child(it, "pubDate")) f.published = NodeText(d);
      if (!f.url.empty()) items.push_back(std::move(f));
    }
  } else if (*kind == FeedKind::kAtom) {
    FindAll(root, "entry", &nodes);
    for (xmlNode* e : nodes) {
      FeedItem f;
      for (xmlNode* c = e->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || Name(c) != "link") continue;
        xmlChar* rel = xmlGetProp(c, BAD_CAST "rel");
        xmlChar* href = xmlGetProp(c, BAD_CAST "href");
        bool alt = rel == nullptr ||
                   std::string(reinterpret_cast<char*>(rel)) == "alternate";
        if (alt && href && f.url.empty()) f.url = reinterpret_cast<char*>(href);
        xmlFree(rel);
        xmlFree(href);
      }
      if (xmlNode* t = Child(e, "title")) f.title = NodeText(t);
      if (xmlNode* d = Child(e, "published"))
        f.published = NodeText(d);
      else if (xmlNode* u = Child(e, "updated"))
        f.published = NodeText(u);
      if (!f.url.empty()) items.push_back(std::move(f));
    }
  } else if (*kind == FeedKind::kSitemap || *kind == FeedKind::kSitemapIndex) {
    FindAll(root, *kind == FeedKind::kSitemap ? "url" : "sitemap", &nodes);
    for (xmlNode* u : nodes) {
      FeedItem f;
      if (xmlNode* l = Child(u, "loc")) f.url = NodeText(l);
      std::vector<xmlNode*> dates;
      FindAll(u->children, "publication_date", &dates);
      if (!dates.empty())
        f.published = NodeText(dates[0]);
      else if (xmlNode* m = Child(u, "lastmod"))
        f.published = NodeText(m);
      std::vector<xmlNode*> titles;
      FindAll(u->children, "title", &titles);
      if (!titles.empty()) f.title = NodeText(titles[0]);
      if (!f.url.empty()) items.push_back(std::move(f));
    }
  }
  xmlFreeDoc(doc);
  if (*kind == FeedKind::kUnknown)
    return UnsupportedError("not a feed or sitemap: <" + r + ">");
  for (FeedItem& f : items) f.url = ResolveUrl(base, f.url);
  return items;
}

namespace {

struct Body {
  std::string data;
  size_t max;
  bool too_big = false;
};

size_t OnData(char* p, size_t size, size_t n, void* user) {
  auto* b = static_cast<Body*>(user);
  if (b->data.size() + size * n > b->max) {
    b->too_big = true;
    b->data.clear();  // nothing of a page that is too large is kept
    return 0;
  }
  b->data.append(p, size * n);
  return size * n;
}

size_t OnHeader(char* p, size_t size, size_t n, void* user) {
  auto* r = static_cast<FetchResult*>(user);
  std::string_view line(p, size * n);
  if (line.rfind("HTTP/", 0) == 0) {  // a new response (after a redirect)
    r->etag.clear();
    r->last_modified.clear();
    return size * n;
  }
  size_t colon = line.find(':');
  if (colon != std::string_view::npos) {
    std::string key = Lower(line.substr(0, colon));
    std::string value(line.substr(colon + 1));
    value.erase(0, value.find_first_not_of(" \t"));
    value.erase(value.find_last_not_of(" \t\r\n") + 1);
    if (key == "etag")
      r->etag = value;
    else if (key == "last-modified")
      r->last_modified = value;
  }
  return size * n;
}

int OnProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* cancel = static_cast<const std::atomic<bool>*>(user);
  return cancel && cancel->load() ? 1 : 0;  // non-zero aborts the transfer
}

std::once_flag curl_once;

constexpr auto kRobotsTtl = std::chrono::hours(24);
constexpr auto kRobotsRetry = std::chrono::minutes(5);

}  // namespace

Fetcher::Fetcher(FetchOptions options) : options_(std::move(options)) {
  std::call_once(curl_once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}
Fetcher::~Fetcher() = default;

bool Fetcher::SleepFor(std::chrono::milliseconds d) {
  auto until = std::chrono::steady_clock::now() + d;
  while (!Cancelled()) {
    auto now = std::chrono::steady_clock::now();
    if (now >= until) return true;
    std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(
        until - now, std::chrono::milliseconds(50)));
  }
  return false;
}

bool Fetcher::WaitForHost(const std::string& host) {
  auto now = std::chrono::steady_clock::now();
  auto it = next_.find(host);
  if (it != next_.end() && it->second > now &&
      !SleepFor(std::chrono::duration_cast<std::chrono::milliseconds>(
          it->second - now))) {
    return false;
  }
  next_[host] = std::chrono::steady_clock::now() + options_.host_delay;
  return true;
}

StatusOr<FetchResult> Fetcher::FetchOnce(const std::string& url,
                                         const std::string& etag,
                                         const std::string& last_modified) {
  if (!WaitForHost(UrlHost(url))) return UnavailableError(url + ": cancelled");
  ++requests_;
  CURL* c = curl_easy_init();
  if (!c) return InternalError("curl_easy_init");
  FetchResult r;
  Body body{{}, options_.max_bytes};
  char error[CURL_ERROR_SIZE] = "";
  curl_slist* headers = nullptr;
  if (!etag.empty())
    headers = curl_slist_append(headers, ("If-None-Match: " + etag).c_str());
  if (!last_modified.empty()) {
    headers = curl_slist_append(
        headers, ("If-Modified-Since: " + last_modified).c_str());
  }
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_USERAGENT, options_.user_agent.c_str());
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, options_.max_redirects);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, options_.timeout_s);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT,
                   std::min(10L, options_.timeout_s));
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE,
                   static_cast<curl_off_t>(options_.max_bytes));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, OnData);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &r);
  curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, OnProgress);
  curl_easy_setopt(c, CURLOPT_XFERINFODATA, options_.cancel);
  CURLcode rc = curl_easy_perform(c);
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  char* ct = nullptr;
  curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ct);
  if (ct) r.content_type = ct;
  char* eff = nullptr;
  curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &eff);
  if (eff) r.final_url = eff;
  curl_slist_free_all(headers);
  curl_easy_cleanup(c);
  if (body.too_big || rc == CURLE_FILESIZE_EXCEEDED) {
    return InvalidArgumentError(url + ": larger than the size limit of " +
                                std::to_string(options_.max_bytes) +
                                " bytes; nothing kept");
  }
  if (rc == CURLE_TOO_MANY_REDIRECTS) {
    return InvalidArgumentError(
        url + ": more than " + std::to_string(options_.max_redirects) +
        " redirects (a redirect loop?); gave up at " + r.final_url);
  }
  if (rc == CURLE_ABORTED_BY_CALLBACK) {
    return UnavailableError(url + ": cancelled");
  }
  if (rc != CURLE_OK) {
    return UnavailableError(
        url + ": " + (error[0] ? std::string(error) : curl_easy_strerror(rc)));
  }
  r.status = static_cast<int>(status);
  r.body = std::move(body.data);
  return r;
}

StatusOr<bool> Fetcher::RobotsAllow(const std::string& url) {
  std::string host = UrlHost(url);
  auto now = std::chrono::steady_clock::now();
  auto it = robots_.find(host);
  if (it == robots_.end() || it->second.expires <= now) {
    std::string scheme = url.substr(0, url.find("://"));
    std::string robots_url = scheme + "://" + host + "/robots.txt";
    auto r = FetchOnce(robots_url, "", "");
    Robots robots;
    robots.expires = now + kRobotsTtl;
    if (!r.ok()) {
      if (Cancelled()) return r.status();
      robots.status =
          UnavailableError("robots.txt unreadable: " + r.status().message());
      robots.expires = now + kRobotsRetry;
    } else if (r->status == 200) {
      robots.rules = RobotsRules::Parse(r->body, "marsad");
    } else if (r->status >= 500 || r->status == 429) {
      robots.status = UnavailableError(
          robots_url + ": HTTP " + std::to_string(r->status) +
          "; the host is not crawled until robots.txt can be read");
      robots.expires = now + kRobotsRetry;
    }  // 4xx: no robots.txt, everything allowed
    it = robots_.insert_or_assign(host, std::move(robots)).first;
  }
  if (!it->second.status.ok()) return it->second.status;
  return it->second.rules.Allowed(UrlPath(url));
}

StatusOr<FetchResult> Fetcher::Fetch(const std::string& url,
                                     const std::string& etag,
                                     const std::string& last_modified) {
  ASSIGN_OR_RETURN(bool allowed, RobotsAllow(url));
  if (!allowed) return UnsupportedError(url + ": disallowed by robots.txt");
  Status last;
  for (int attempt = 0; attempt < options_.attempts; ++attempt) {
    if (attempt && !SleepFor(std::chrono::milliseconds(250 << attempt))) {
      return UnavailableError(url + ": cancelled");
    }
    auto r = FetchOnce(url, etag, last_modified);
    if (!r.ok()) {
      if (r.status().code() != StatusCode::kUnavailable || Cancelled()) {
        return r.status();
      }
      last = r.status();
      continue;
    }
    if (r->status >= 500 || r->status == 429) {
      last = UnavailableError(url + ": HTTP " + std::to_string(r->status));
      continue;
    }
    return r;
  }
  if (options_.attempts > 1) {
    return Status(last.code(), last.message() + " (after " +
                                   std::to_string(options_.attempts) +
                                   " attempts)");
  }
  return last;
}

}  // namespace marsad
