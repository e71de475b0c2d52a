#include "src/clean/html_meta.h"

#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <string_view>

#include "src/base/data.h"
#include "src/base/utf8.h"
#include "src/clean/dates.h"
#include "src/clean/display.h"
#include "src/clean/html_dom.h"
#include "src/clean/lexicon.h"

namespace marsad {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

std::string Clean(std::string_view s) {
  std::string out;
  AppendDisplay(s, &out);
  TrimTrailingSpaces(&out);
  return out;
}

std::string NodeText(const GumboNode* n, size_t max_bytes = 4096) {
  std::string raw;
  AppendNodeText(n, &raw, max_bytes);
  return Clean(raw);
}

struct Collected {
  std::map<std::string, std::string> meta;  // first value per lower-case key
  std::string canonical, title, lang, time, rel_author;
  std::string date_text;  // first element whose class/id says it is a date
  std::vector<std::string> h1;
  std::vector<std::string> ld_json;
};

void Visit(const GumboNode* n, Collected* c) {
  std::string_view tag = TagName(n);
  if (tag == "meta") {
    std::string_view content = Attr(n, "content");
    for (const char* k : {"property", "name", "itemprop", "http-equiv"}) {
      std::string_view key = Attr(n, k);
      if (!key.empty() && !content.empty())
        c->meta.emplace(Lower(key), Clean(content));
    }
  } else if (tag == "link") {
    if (Lower(Attr(n, "rel")) == "canonical" && c->canonical.empty()) {
      c->canonical = std::string(Attr(n, "href"));
    }
  } else if (tag == "title" && c->title.empty()) {
    c->title = NodeText(n);
  } else if (tag == "h1" && c->h1.size() < 3) {
    std::string t = NodeText(n);
    if (!t.empty()) c->h1.push_back(std::move(t));
  } else if (tag == "time" && c->time.empty()) {
    std::string_view dt = Attr(n, "datetime");
    c->time = dt.empty() ? NodeText(n, 200) : std::string(dt);
  } else if (tag == "html" && c->lang.empty()) {
    c->lang = std::string(Attr(n, "lang"));
  } else if (tag == "script" &&
             Lower(Attr(n, "type")) == "application/ld+json" &&
             c->ld_json.size() < 8) {
    std::string raw;
    AppendNodeText(n, &raw, size_t{1} << 20);
    c->ld_json.push_back(std::move(raw));
  } else if (c->date_text.empty() &&
             (tag == "span" || tag == "div" || tag == "p" || tag == "small" ||
              tag == "li")) {
    auto names_date = [](std::string_view a) {
      for (std::string_view w : {"date", "time", "publish"}) {
        for (size_t i = 0; i + w.size() <= a.size(); ++i) {
          size_t k = 0;
          while (k < w.size() && (a[i + k] | 0x20) == w[k]) ++k;
          if (k == w.size()) return true;
        }
      }
      return false;
    };
    if (names_date(Attr(n, "class")) || names_date(Attr(n, "id"))) {
      std::string t = NodeText(n, 300);
      if (!t.empty() && CodePoints(t) <= 100) c->date_text = std::move(t);
    }
  }
  if (tag == "a" && c->rel_author.empty() &&
      Lower(Attr(n, "rel")) == "author") {
    c->rel_author = NodeText(n, 200);
  }
}

// JSON-LD strings are often HTML-escaped a second time ("&#8216;", "&amp;").
std::string DecodeEntities(const std::string& s) {
  if (s.find('&') == std::string::npos) return s;
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    size_t semi = s[i] == '&' ? s.find(';', i) : std::string::npos;
    if (semi == std::string::npos || semi - i > 10) {
      out.push_back(s[i]);
      continue;
    }
    std::string_view name(s.data() + i + 1, semi - i - 1);
    char32_t cp = 0;
    if (name.size() > 1 && name[0] == '#') {
      bool hex = name[1] == 'x' || name[1] == 'X';
      cp = static_cast<char32_t>(
          std::strtoul(std::string(name.substr(hex ? 2 : 1)).c_str(), nullptr,
                       hex ? 16 : 10));
    } else if (name == "amp") {
      cp = '&';
    } else if (name == "quot") {
      cp = '"';
    } else if (name == "apos") {
      cp = '\'';
    } else if (name == "lt") {
      cp = '<';
    } else if (name == "gt") {
      cp = '>';
    } else if (name == "nbsp") {
      cp = 0xA0;
    }
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      out.push_back(s[i]);
      continue;
    }
    AppendUtf8(cp, &out);
    i = semi;
  }
  return out;
}

std::string JsonText(const nlohmann::json& j) {
  if (j.is_string()) return Clean(DecodeEntities(j.get<std::string>()));
  if (j.is_object()) {
    for (const char* k : {"name", "@value", "headline"}) {
      if (j.contains(k) && j[k].is_string())
        return Clean(DecodeEntities(j[k].get<std::string>()));
    }
  }
  if (j.is_array()) {
    std::string out;
    for (const auto& e : j) {
      std::string t = JsonText(e);
      if (t.empty()) continue;
      if (!out.empty()) out += ", ";
      out += t;
    }
    return out;
  }
  return "";
}

bool IsArticleType(const nlohmann::json& type) {
  auto one = [](const std::string& t) {
    return t.find("Article") != std::string::npos || t == "BlogPosting" ||
           t == "Report" || t == "LiveBlogPosting";
  };
  if (type.is_string()) return one(type.get<std::string>());
  if (type.is_array()) {
    for (const auto& t : type) {
      if (t.is_string() && one(t.get<std::string>())) return true;
    }
  }
  return false;
}

void FindArticles(const nlohmann::json& j,
                  std::vector<const nlohmann::json*>* out, int depth) {
  if (depth > 6 || out->size() > 8) return;
  if (j.is_array()) {
    for (const auto& e : j) FindArticles(e, out, depth + 1);
  } else if (j.is_object()) {
    if (j.contains("@type") && IsArticleType(j["@type"])) out->push_back(&j);
    if (j.contains("@graph")) FindArticles(j["@graph"], out, depth + 1);
  }
}

void FromJsonLd(const CleanLexicon& lex,
                const std::vector<std::string>& scripts, HtmlMeta* m) {
  for (const std::string& s : scripts) {
    nlohmann::json j = nlohmann::json::parse(s, nullptr, false);
    if (j.is_discarded()) continue;
    std::vector<const nlohmann::json*> articles;
    FindArticles(j, &articles, 0);
    for (const nlohmann::json* a : articles) {
      auto get = [&](const char* k) {
        return a->contains(k) ? JsonText((*a)[k]) : std::string();
      };
      auto set = [](std::string* f, std::string v) {
        if (f->empty()) *f = std::move(v);
      };
      set(&m->title, get("headline"));
      set(&m->published, ParseMetaDate(lex, get("datePublished")));
      set(&m->modified, ParseMetaDate(lex, get("dateModified")));
      set(&m->author, get("author"));
      set(&m->section, get("articleSection"));
      set(&m->description, get("description"));
      if (a->contains("publisher"))
        set(&m->site_name, JsonText((*a)["publisher"]));
    }
  }
}

const std::string* MetaValue(const Collected& c,
                             std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    auto it = c.meta.find(k);
    if (it != c.meta.end() && !it->second.empty()) return &it->second;
  }
  return nullptr;
}

}  // namespace

std::string StripSiteName(const std::string& title,
                          const std::string& site_name,
                          const std::vector<std::string>& h1) {
  for (const std::string& h : h1) {
    if (h.size() >= 10 && title.find(h) != std::string::npos) return h;
  }
  std::string site_key, part_key;
  FurnitureKey(site_name, &site_key);
  for (std::string_view sep :
       {" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00BB ", " / "}) {
    size_t at = title.rfind(sep);
    size_t first = title.find(sep);
    if (at == std::string::npos) continue;
    std::string head = title.substr(0, first);
    std::string tail = title.substr(at + sep.size());
    FurnitureKey(tail, &part_key);
    if (!site_key.empty() && part_key == site_key) return title.substr(0, at);
    FurnitureKey(head, &part_key);
    if (!site_key.empty() && part_key == site_key)
      return title.substr(first + sep.size());
    // Unknown site: keep the long side when the other one is short.
    size_t before = CodePoints(title.substr(0, at));
    size_t after = CodePoints(title.substr(first + sep.size()));
    if (CodePoints(tail) <= 30 && before >= 10 &&
        before >= 2 * CodePoints(tail)) {
      return title.substr(0, at);
    }
    if (CodePoints(head) <= 30 && after >= 10 &&
        after >= 2 * CodePoints(head)) {
      return title.substr(first + sep.size());
    }
  }
  return title;
}

HtmlMeta ExtractHtmlMeta(const CleanLexicon& lex, const GumboNode* root) {
  Collected c;
  std::vector<const GumboNode*> stack;
  if (root != nullptr) stack.push_back(root);
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    Visit(n, &c);
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = kids.length; i-- > 0;) {
      stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
    }
  }
  HtmlMeta m;
  FromJsonLd(lex, c.ld_json, &m);
  auto fill = [&](std::string* field, std::initializer_list<const char*> keys) {
    if (!field->empty()) return;
    if (const std::string* v = MetaValue(c, keys)) *field = *v;
  };
  auto fill_date = [&](std::string* field,
                       std::initializer_list<const char*> keys) {
    for (const char* k : keys) {
      if (!field->empty()) return;
      if (const std::string* v = MetaValue(c, {k}))
        *field = ParseMetaDate(lex, *v);
    }
  };
  fill_date(&m.published,
            {"article:published_time", "og:published_time", "datepublished",
             "publishdate", "pubdate", "date", "dc.date.issued", "dc.date",
             "dcterms.created", "sailthru.date", "parsely-pub-date",
             "publish-date", "article.published", "og:article:published_time"});
  fill_date(&m.modified,
            {"article:modified_time", "og:updated_time", "datemodified",
             "lastmod", "last-modified", "dcterms.modified"});
  std::string site;
  if (const std::string* v =
          MetaValue(c, {"og:site_name", "application-name", "twitter:site"})) {
    site = *v;
  }
  if (!site.empty() && site[0] == '@') site.erase(0, 1);  // a Twitter handle
  if (m.site_name.empty()) m.site_name = site;
  fill(&m.author, {"author", "article:author", "dc.creator", "byl",
                   "parsely-author", "sailthru.author"});
  if (m.author.rfind("http", 0) == 0) m.author.clear();
  if (m.author.empty()) m.author = c.rel_author;
  fill(&m.section, {"article:section", "section", "parsely-section"});
  fill(&m.description,
       {"og:description", "description", "twitter:description"});
  m.url = c.canonical;
  fill(&m.url, {"og:url"});
  m.language = c.lang;
  fill(&m.language, {"content-language", "og:locale", "language"});
  if (m.published.empty() && !c.time.empty()) {
    m.published = ParseMetaDate(lex, c.time);
  }
  if (m.published.empty() && !c.date_text.empty()) {
    m.published = ParseMetaDate(lex, c.date_text);
  }
  if (m.published.empty()) m.published = DateFromUrl(m.url);
  std::string title = m.title;
  if (const std::string* og = MetaValue(c, {"og:title", "twitter:title"});
      title.empty() && og != nullptr) {
    title = *og;
  }
  if (title.empty()) title = c.title;
  m.title = StripSiteName(title, m.site_name, c.h1);
  m.h1 = std::move(c.h1);
  // BCP 47: "en_US" -> "en-US"; keep the primary subtag lower case.
  for (char& ch : m.language) {
    if (ch == '_') ch = '-';
  }
  size_t dash = m.language.find('-');
  for (size_t i = 0; i < m.language.size() && i < dash; ++i) {
    if (m.language[i] >= 'A' && m.language[i] <= 'Z') m.language[i] += 32;
  }
  return m;
}

}  // namespace marsad
