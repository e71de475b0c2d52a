#include "src/ingest/fields.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <initializer_list>

#include "src/base/url.h"
#include "src/text/dates.h"

namespace marsad {

namespace {

using Keys = std::initializer_list<const char*>;

// One string value: a string, or an object's name or title (an export's
// "source": {"name": ...}); "" for anything else.
std::string StringValue(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (!v.is_object()) return "";
  for (const char* k : {"name", "title"}) {
    auto it = v.find(k);
    if (it != v.end() && it->is_string()) return it->get<std::string>();
  }
  return "";
}

// The first non-empty string among the mapped field and `keys`.
std::string Field(const nlohmann::json& j, const std::string* mapped,
                  Keys keys) {
  if (mapped != nullptr) {
    auto it = j.find(*mapped);
    if (it != j.end()) {
      std::string s = StringValue(*it);
      if (!s.empty()) return s;
    }
  }
  for (const char* k : keys) {
    auto it = j.find(k);
    if (it == j.end()) continue;
    std::string s = StringValue(*it);
    if (!s.empty()) return s;
  }
  return "";
}

// A Unix time (seconds, or milliseconds when larger than any plausible
// number of seconds) as ISO 8601 in UTC; "" for a value outside 1970..2999.
std::string FromEpoch(double t) {
  if (t > 1e11) t /= 1000;
  if (!(t >= 0 && t < 32503680000.0)) return "";
  const std::time_t secs = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char out[32];
  std::strftime(out, sizeof(out), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return out;
}

// A date as exports write it, as ISO 8601 where it can be read:
// "2015-07-21 02:51:32" -> "2015-07-21T02:51:32"; RFC 2822 -> ISO 8601; a
// run of 9 to 13 digits (a CSV's Unix time) -> ISO 8601 UTC; other forms kept
// as they are.
std::string IsoDate(std::string s) {
  if (s.size() >= 19 && s[10] == ' ' && s[4] == '-' && s[7] == '-') s[10] = 'T';
  if (s.size() >= 10 && s[4] == '-' && s[7] == '-') return s;
  if (s.size() >= 9 && s.size() <= 13 &&
      std::all_of(s.begin(), s.end(),
                  [](unsigned char c) { return std::isdigit(c); })) {
    std::string t = FromEpoch(std::stod(s));
    if (!t.empty()) return t;
  }
  std::string rfc = Rfc2822ToIso(s);
  return rfc.empty() ? s : rfc;
}

constexpr Keys kDateKeys = {"published",     "date",          "date_published",
                            "datePublished", "published_at",  "publishedAt",
                            "pubDate",       "time",          "timestamp",
                            "created_at",    "date_extracted"};

// The publication date of a record, whatever its exporter called it.
std::string RecordDate(const nlohmann::json& j, const std::string* mapped) {
  std::string s = Field(j, mapped, kDateKeys);
  if (!s.empty()) return IsoDate(std::move(s));
  if (mapped != nullptr) {
    auto it = j.find(*mapped);
    if (it != j.end() && it->is_number()) return FromEpoch(it->get<double>());
  }
  for (const char* k : kDateKeys) {
    auto it = j.find(k);
    if (it != j.end() && it->is_number()) return FromEpoch(it->get<double>());
  }
  return "";
}

// The target a user's name for a part stands for ("published" -> "date").
std::string_view CanonicalTarget(std::string_view t) {
  if (t == "published") return "date";
  if (t == "content") return "text";
  if (t == "source") return "outlet";
  for (const char* k : FieldMap::kTargets) {
    if (t == k) return k;
  }
  return "";
}

}  // namespace

StatusOr<FieldMap> FieldMap::Parse(const std::vector<std::string>& specs) {
  FieldMap map;
  for (const std::string& spec : specs) {
    const size_t eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
      return InvalidArgumentError("--field " + spec +
                                  ": expected TARGET=NAME, e.g. outlet=src");
    }
    const std::string_view target =
        CanonicalTarget(std::string_view(spec).substr(0, eq));
    if (target.empty()) {
      return InvalidArgumentError(
          "--field " + spec + ": unknown target field '" + spec.substr(0, eq) +
          "' (one of outlet, date, text, title, url, author)");
    }
    map.names_.emplace_back(std::string(target), spec.substr(eq + 1));
  }
  return map;
}

const std::string* FieldMap::Find(std::string_view target) const {
  // The last spec for a target wins, as with repeated options elsewhere.
  for (auto it = names_.rbegin(); it != names_.rend(); ++it) {
    if (it->first == target) return &it->second;
  }
  return nullptr;
}

Status DocumentFromRecord(const nlohmann::json& j, const FieldMap& fields,
                          Document* doc) {
  std::string content =
      Field(j, fields.Find("text"),
            {"content", "text", "body", "article", "maintext"});
  if (content.empty()) {
    return InvalidArgumentError(
        "record has no content or text (name its field with --field "
        "text=NAME)");
  }
  doc->raw = std::move(content);
  doc->title = Field(j, fields.Find("title"), {"title", "headline"});
  doc->outlet = Field(j, fields.Find("outlet"),
                      {"outlet", "source", "src", "site", "publisher",
                       "source_name", "website", "domain"});
  doc->url = Field(j, fields.Find("url"), {"url", "link", "href"});
  // No outlet given: its URL's host stands for it from the start, so that
  // the furniture model learns one outlet's templates together; cleaning
  // names it (data/clean/outlets.tsv).
  if (doc->outlet.empty()) doc->outlet = UrlHostName(doc->url);
  doc->published = RecordDate(j, fields.Find("date"));
  doc->author =
      Field(j, fields.Find("author"), {"author", "byline", "authors"});
  return Status::OK();
}

}  // namespace marsad
