#include "src/server/brief.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "src/text/dates.h"

namespace marsad {

using json = nlohmann::json;

namespace {

// What a brief shows of a long story; the rest is counted, not listed.
constexpr size_t kMaxContested = 20;
constexpr size_t kMaxPositions = 8;
constexpr size_t kMaxQuotes = 4;  // quotations per position
constexpr size_t kMaxAgreed = 12;
constexpr size_t kMaxSequence = 10;  // first appearances listed per point
constexpr size_t kMaxReports = 60;

// "2024-03-05، 09:00" in the report's own zone; "غير مؤرخ" when undated.
std::string When(const std::string& iso) {
  if (iso.empty()) return "غير مؤرخ";
  std::string s = iso.substr(0, 10);
  if (iso.size() >= 16 && iso[10] == 'T') s += "، " + iso.substr(11, 5);
  return s;
}

std::string Counted(int n, const char* one, const char* two, const char* few,
                    const char* many) {
  if (n == 1) return one;
  if (n == 2) return two;
  return std::to_string(n) + " " + (n >= 3 && n <= 10 ? few : many);
}

std::string ReportsText(int n) {
  return Counted(n, "تقرير واحد", "تقريران", "تقارير", "تقريرا");
}

std::string OutletsText(int n) {
  return Counted(n, "وسيلة واحدة", "وسيلتان", "وسائل", "وسيلة");
}

// "وموضع آخر"، "وموضعان آخران"، "و3 مواضع أخرى" (what a capped list left out).
std::string MoreQuotes(size_t n) {
  return n == 1   ? "وموضع آخر"
         : n == 2 ? "وموضعان آخران"
                  : "و" + std::to_string(n) + " مواضع أخرى";
}

std::string MorePositions(size_t n) {
  return n == 1   ? "وموقف آخر"
         : n == 2 ? "وموقفان آخران"
                  : "و" + std::to_string(n) + " مواقف أخرى";
}

std::string MorePoints(size_t n, const char* kind) {
  return n == 1 ? std::string("ونقطة ") + kind + " أخرى"
                : "و" + std::to_string(n) + " نقاط " + kind + " أخرى";
}

std::string Joined(const std::vector<std::string>& v,
                   const std::string& sep = "، ") {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : sep) + x;
  return s;
}

// Whether text[i] ends a sentence: . ! ? ؟ or a line break, not a decimal
// point.
bool EndsSentence(const std::string& t, size_t i) {
  char c = t[i];
  if (c == '\n' || c == '!' || c == '?') return true;
  if (c == '.') {
    bool digits = i > 0 && i + 1 < t.size() &&
                  std::isdigit(static_cast<unsigned char>(t[i - 1])) &&
                  std::isdigit(static_cast<unsigned char>(t[i + 1]));
    return !digits;
  }
  return c == '\x9F' && i > 0 && t[i - 1] == '\xD8';  // ؟
}

// The words a claim stands in: the quotation whose content holds it, else
// its sentence; a long one keeps about kPassageBytes around the claim,
// cut at spaces, with "…". The claim's own words when the span is bad.
constexpr size_t kPassageBytes = 360;

std::string Passage(const Document& d, Span claim,
                    const std::string& fallback) {
  const std::string& t = d.text;
  if (claim.end > t.size() || claim.begin >= claim.end) return fallback;
  size_t b = claim.begin, e = claim.end;
  bool quoted = false;
  for (const Quote& q : d.quotes) {
    if (q.content.begin <= claim.begin && claim.end <= q.content.end &&
        q.content.end <= t.size()) {
      b = q.content.begin, e = q.content.end, quoted = true;
      break;
    }
  }
  if (!quoted) {
    while (b > 0 && !EndsSentence(t, b - 1)) --b;
    while (e < t.size() && !EndsSentence(t, e)) ++e;
  }
  std::string pre, post;
  if (e - b > kPassageBytes) {
    size_t room = kPassageBytes > claim.end - claim.begin
                      ? kPassageBytes - (claim.end - claim.begin)
                      : 0;
    size_t nb = claim.begin > b + room / 2 ? claim.begin - room / 2 : b;
    size_t ne = std::min(e, claim.end + room / 2);
    if (nb > b) {
      size_t sp = t.find(' ', nb);
      nb = sp != std::string::npos && sp < claim.begin ? sp + 1 : claim.begin;
      pre = "… ";
    }
    if (ne < e) {
      size_t sp = t.rfind(' ', ne);
      ne = sp != std::string::npos && sp >= claim.end ? sp : claim.end;
      post = " …";
    }
    b = nb, e = ne;
  }
  auto space = [](char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
  };
  while (b < e && space(t[b])) ++b;
  while (e > b && space(t[e - 1])) --e;
  return pre + t.substr(b, e - b) + post;
}

// ---- The brief's content, independent of its format ----

struct QuoteView {
  std::string words;
  std::string outlet;
  int64_t article = 0;
  std::string url;
};

struct PositionView {
  std::string label, source;
  std::vector<std::string> outlets;
  int reports = 0;
  std::string first_seen, first_url;
  int64_t first_article = 0;
  std::vector<QuoteView> quotes;
  size_t more_quotes = 0;
};

struct SequenceView {  // a position's first appearance
  std::string at, outlet, source, label;
};

struct PointView {
  std::string label;
  int sources = 0;
  std::vector<PositionView> positions;
  size_t more_positions = 0;
  std::vector<SequenceView> sequence;  // shown when the point moved in time
};

struct ReportView {
  int64_t id = 0;
  std::string title, outlet, url, published;
};

struct BriefView {
  int64_t id = 0;
  std::string title, dates;
  int reports = 0, outlets = 0;
  std::vector<PointView> contested;
  size_t more_contested = 0;
  std::vector<PointView> agreed;
  size_t more_agreed = 0;
  std::vector<ReportView> report_list;
};

// The outlet names the comparison gives (OutletLabel) as readers see them.
std::map<std::string, std::string> OutletNames(const StoryDossier& s) {
  std::map<std::string, std::string> m;
  for (const Document& d : s.reports) m[OutletLabel(d)] = ReadableOutlet(d);
  return m;
}

std::string Renamed(const std::map<std::string, std::string>& names,
                    const std::string& o) {
  auto it = names.find(o);
  return it == names.end() ? o : it->second;
}

// The sides of a conflict first, then by reports (as the story page).
std::vector<size_t> PositionOrder(const ContestedPoint& p) {
  std::set<size_t> sides;
  for (auto [a, b] : p.conflicts) sides.insert(a), sides.insert(b);
  std::vector<size_t> order(p.positions.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    bool ca = sides.count(a), cb = sides.count(b);
    if (ca != cb) return ca;
    return p.positions[a].reports > p.positions[b].reports;
  });
  return order;
}

PositionView ViewOf(const StoryDossier& s,
                    const std::map<std::string, std::string>& names,
                    const PointPosition& pos) {
  PositionView v;
  v.label = PositionLabel(pos);
  v.source = pos.source.empty() ? "الوسيلة نفسها" : pos.source;
  for (const std::string& o : pos.outlets)
    v.outlets.push_back(Renamed(names, o));
  v.reports = pos.reports;
  v.first_seen = pos.first_seen;
  v.first_article = pos.first_article;
  if (const Document* d = s.Report(pos.first_article)) v.first_url = d->url;
  // Each distinct passage once, the earliest report's first.
  std::vector<int> claims = pos.claims;
  std::stable_sort(claims.begin(), claims.end(), [&](int a, int b) {
    return (s.comparison.claims[a].article == pos.first_article) >
           (s.comparison.claims[b].article == pos.first_article);
  });
  std::set<std::pair<int64_t, std::string>> seen;
  for (int i : claims) {
    const ComparedClaim& cc = s.comparison.claims[i];
    const Document* d = s.Report(cc.article);
    std::string words = d ? Passage(*d, cc.claim.span, cc.text) : cc.text;
    if (!seen.insert({cc.article, words}).second) continue;
    if (v.quotes.size() >= kMaxQuotes) {
      ++v.more_quotes;
      continue;
    }
    v.quotes.push_back({std::move(words),
                        d ? ReadableOutlet(*d) : Renamed(names, cc.outlet),
                        cc.article, d ? d->url : ""});
  }
  return v;
}

PointView PointViewOf(const StoryDossier& s,
                      const std::map<std::string, std::string>& names,
                      const ContestedPoint& p, size_t max_positions) {
  PointView v;
  v.label = PointLabel(p);
  v.sources = p.sources;
  for (size_t i : PositionOrder(p)) {
    if (v.positions.size() >= max_positions) {
      ++v.more_positions;
      continue;
    }
    v.positions.push_back(ViewOf(s, names, p.positions[i]));
  }
  std::vector<TimelineEntry> t = PointTimeline(s, p);
  std::set<std::string> days;
  for (const TimelineEntry& e : t) {
    if (!e.at.empty()) days.insert(e.at.substr(0, 16));
  }
  if (days.size() >= 2) {
    for (const TimelineEntry& e : t) {
      if (!e.first || v.sequence.size() >= kMaxSequence) continue;
      const PointPosition& pos = p.positions[e.position];
      v.sequence.push_back({e.at, e.outlet,
                            pos.source.empty() ? "الوسيلة نفسها" : pos.source,
                            PositionLabel(pos)});
    }
  }
  return v;
}

BriefView BuildView(const StoryDossier& s) {
  BriefView b;
  const StoryRow& st = s.story;
  b.id = st.id;
  b.title = st.title.empty() ? "القصة " + std::to_string(st.id) : st.title;
  if (st.first_seen.empty()) {
    b.dates = "غير مؤرخة";
  } else {
    b.dates = st.first_seen.substr(0, 10);
    if (!st.last_seen.empty() && st.last_seen.substr(0, 10) != b.dates)
      b.dates += " – " + st.last_seen.substr(0, 10);
  }
  b.reports = static_cast<int>(s.reports.size());
  std::set<std::string> outlets;
  for (const Document& d : s.reports) outlets.insert(ReadableOutlet(d));
  b.outlets = static_cast<int>(outlets.size());
  auto names = OutletNames(s);
  for (const ContestedPoint& p : s.comparison.points) {
    if (p.contested) {
      if (b.contested.size() < kMaxContested) {
        b.contested.push_back(PointViewOf(s, names, p, kMaxPositions));
      } else {
        ++b.more_contested;
      }
    } else if (b.agreed.size() < kMaxAgreed) {
      b.agreed.push_back(PointViewOf(s, names, p, 1));
    } else {
      ++b.more_agreed;
    }
  }
  for (const Document& d : s.reports) {
    if (b.report_list.size() >= kMaxReports) break;
    b.report_list.push_back(
        {d.id, d.title, ReadableOutlet(d), d.url, d.published});
  }
  return b;
}

// ---- Markdown ----

std::string MdEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    if (std::string_view("\\`*_[]<>#|").find(c) != std::string_view::npos)
      out += '\\';
    out += c;
  }
  return out;
}

std::string MdReport(int64_t id, const std::string& url) {
  if (url.empty()) return ReportName(id);
  return "[" + ReportName(id) + "](<" + url + ">)";
}

void MdPosition(const PositionView& v, std::string* out) {
  *out += "- **" + MdEscape(v.label) + "** — " + MdEscape(v.source) + " · " +
          MdEscape(Joined(v.outlets)) + " · " + ReportsText(v.reports) +
          " · أول ظهور: " + When(v.first_seen) + " (" +
          MdReport(v.first_article, v.first_url) + ")\n";
  for (const QuoteView& q : v.quotes) {
    *out += "  - «" + MdEscape(q.words) + "» — " + MdEscape(q.outlet) + "، " +
            MdReport(q.article, q.url) + "\n";
  }
  if (v.more_quotes) *out += "  - " + MoreQuotes(v.more_quotes) + "\n";
}

std::string RenderMarkdown(const BriefView& b) {
  std::string out = "<div dir=\"rtl\" lang=\"ar\">\n\n";
  out += "# موجز القصة: " + MdEscape(b.title) + "\n\n";
  out += "القصة " + std::to_string(b.id) + " · " + ReportsText(b.reports) +
         " من " + OutletsText(b.outlets) + " · " + b.dates + "\n\n";
  out += "## نقاط الخلاف (" +
         std::to_string(b.contested.size() + b.more_contested) + ")\n\n";
  if (b.contested.empty()) out += "لا خلاف بين المصادر في ما قارنّاه.\n\n";
  int n = 0;
  for (const PointView& p : b.contested) {
    out += "### " + std::to_string(++n) + ". " + MdEscape(p.label) + "\n\n";
    for (const PositionView& v : p.positions) MdPosition(v, &out);
    if (p.more_positions) out += "- " + MorePositions(p.more_positions) + "\n";
    if (!p.sequence.empty()) {
      out += "\nعبر الزمن (أول ظهور لكل موقف):\n\n";
      for (const SequenceView& q : p.sequence) {
        out += "- " + When(q.at) + ": " + MdEscape(q.outlet) + " — " +
               MdEscape(q.source) + ": " + MdEscape(q.label) + "\n";
      }
    }
    out += "\n";
  }
  if (b.more_contested) out += MorePoints(b.more_contested, "خلاف") + ".\n\n";
  out += "## نقاط الاتفاق (" + std::to_string(b.agreed.size() + b.more_agreed) +
         ")\n\n";
  if (b.agreed.empty()) out += "لا شيء.\n\n";
  for (const PointView& p : b.agreed) {
    const PositionView& v = p.positions.front();
    out += "- **" + MdEscape(p.label) + "**: " + MdEscape(v.label) + " — " +
           MdEscape(v.source) + " · " + ReportsText(v.reports);
    if (!v.quotes.empty()) {
      const QuoteView& q = v.quotes.front();
      out +=
          " · «" + MdEscape(q.words) + "» (" + MdReport(q.article, q.url) + ")";
    }
    out += "\n";
  }
  if (b.more_agreed) out += "- " + MorePoints(b.more_agreed, "اتفاق") + "\n";
  out += "\n## التقارير (" + std::to_string(b.reports) + ")\n\n";
  n = 0;
  for (const ReportView& r : b.report_list) {
    std::string title = r.title.empty() ? "تقرير بلا عنوان" : MdEscape(r.title);
    out += std::to_string(++n) + ". " +
           (r.url.empty() ? title + " (" + ReportName(r.id) + ")"
                          : "[" + title + "](<" + r.url + ">)") +
           " — " + MdEscape(r.outlet) + " · " + When(r.published) + "\n";
  }
  if (b.reports > static_cast<int>(b.report_list.size()))
    out += "\nو" + std::to_string(b.reports - b.report_list.size()) +
           " تقارير أخرى.\n";
  out +=
      "\n---\n\nأعدّ مرصد هذا الموجز آليًا من تقارير القصة؛ الكلمات بين «» كما "
      "وردت في "
      "التقارير.\n\n</div>\n";
  return out;
}

// ---- HTML (inline styles only: it is pasted into emails) ----

std::string Esc(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Only web links become links; anything else is shown as text.
bool IsWebUrl(const std::string& url) {
  return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
}

constexpr char kFont[] =
    "font-family:'Noto Naskh Arabic','Noto Sans Arabic','KacstOne','DejaVu "
    "Sans',"
    "Tahoma,Arial,sans-serif;";
constexpr char kLink[] = "color:#1a4d8f;text-decoration:underline;";
constexpr char kMuted[] = "color:#5b6470;";

// A date or time isolated left to right: in a right-to-left line the bidi
// algorithm otherwise shows "2018-05-15" as "15-05-2018".
std::string Ltr(const std::string& text) {
  return "<bdi dir=\"ltr\">" + Esc(text) + "</bdi>";
}

std::string HtmlReport(int64_t id, const std::string& url) {
  if (!IsWebUrl(url)) return Esc(ReportName(id));
  return "<a href=\"" + Esc(url) + "\" style=\"" + kLink + "\">" +
         Esc(ReportName(id)) + "</a>";
}

void HtmlPosition(const PositionView& v, std::string* out) {
  *out +=
      "<div style=\"margin:0 0 10px 0;padding:8px 12px;border-right:4px solid "
      "#b3541e;"
      "background:#fbf6f1;\">";
  *out += "<div><strong style=\"font-size:17px;\">" + Esc(v.label) +
          "</strong> — " + Esc(v.source) + "</div>";
  *out += "<div style=\"" + std::string(kMuted) + "font-size:14px;\">" +
          Esc(Joined(v.outlets)) + " · " + ReportsText(v.reports) +
          " · أول ظهور: " + Ltr(When(v.first_seen)) + " (" +
          HtmlReport(v.first_article, v.first_url) + ")</div>";
  for (const QuoteView& q : v.quotes) {
    *out += "<div style=\"margin-top:4px;\">«<q style=\"quotes:none;\">" +
            Esc(q.words) + "</q>» <span style=\"" + kMuted + "\">— " +
            Esc(q.outlet) + "، " + HtmlReport(q.article, q.url) +
            "</span></div>";
  }
  if (v.more_quotes)
    *out += "<div style=\"" + std::string(kMuted) + "\">" +
            MoreQuotes(v.more_quotes) + "</div>";
  *out += "</div>\n";
}

std::string H2(const std::string& text) {
  return "<h2 style=\"font-size:19px;margin:22px 0 8px 0;border-bottom:1px "
         "solid #d5d9de;"
         "padding-bottom:4px;\">" +
         text + "</h2>\n";
}

void HtmlContested(const BriefView& b, std::string* out) {
  *out += H2("نقاط الخلاف (" +
             std::to_string(b.contested.size() + b.more_contested) + ")");
  if (b.contested.empty()) *out += "<p>لا خلاف بين المصادر في ما قارنّاه.</p>\n";
  int n = 0;
  for (const PointView& p : b.contested) {
    *out += "<h3 style=\"font-size:17px;margin:14px 0 6px 0;\">" +
            std::to_string(++n) + ". " + Esc(p.label) + "</h3>\n";
    for (const PositionView& v : p.positions) HtmlPosition(v, out);
    if (p.more_positions)
      *out += "<p style=\"" + std::string(kMuted) + "\">" +
              MorePositions(p.more_positions) + "</p>\n";
    if (!p.sequence.empty()) {
      *out +=
          "<div style=\"font-size:14px;\">عبر الزمن (أول ظهور لكل موقف):<ul "
          "style=\"margin:4px "
          "0;padding-right:20px;\">";
      for (const SequenceView& q : p.sequence) {
        *out += "<li>" + Ltr(When(q.at)) + ": " + Esc(q.outlet) + " — " +
                Esc(q.source) + ": " + Esc(q.label) + "</li>";
      }
      *out += "</ul></div>\n";
    }
  }
  if (b.more_contested)
    *out += "<p>" + MorePoints(b.more_contested, "خلاف") + ".</p>\n";
}

void HtmlAgreed(const BriefView& b, std::string* out) {
  *out += H2("نقاط الاتفاق (" +
             std::to_string(b.agreed.size() + b.more_agreed) + ")");
  if (b.agreed.empty()) *out += "<p>لا شيء.</p>\n";
  *out += "<ul style=\"margin:0;padding-right:20px;\">\n";
  for (const PointView& p : b.agreed) {
    const PositionView& v = p.positions.front();
    *out += "<li><strong>" + Esc(p.label) + "</strong>: " + Esc(v.label) +
            " — " + Esc(v.source) + " · " + ReportsText(v.reports);
    if (!v.quotes.empty()) {
      const QuoteView& q = v.quotes.front();
      *out +=
          " · «" + Esc(q.words) + "» (" + HtmlReport(q.article, q.url) + ")";
    }
    *out += "</li>\n";
  }
  if (b.more_agreed)
    *out += "<li>" + MorePoints(b.more_agreed, "اتفاق") + "</li>\n";
  *out += "</ul>\n";
}

void HtmlReports(const BriefView& b, std::string* out) {
  *out += H2("التقارير (" + std::to_string(b.reports) + ")");
  *out += "<ol style=\"margin:0;padding-right:22px;\">\n";
  for (const ReportView& r : b.report_list) {
    std::string title = Esc(r.title.empty() ? "تقرير بلا عنوان" : r.title);
    *out += "<li>" +
            (IsWebUrl(r.url) ? "<a href=\"" + Esc(r.url) + "\" style=\"" +
                                   kLink + "\">" + title + "</a>"
                             : title + " (" + Esc(ReportName(r.id)) + ")") +
            " <span style=\"" + kMuted + "\">— " + Esc(r.outlet) + " · " +
            Ltr(When(r.published)) + "</span></li>\n";
  }
  *out += "</ol>\n";
  if (b.reports > static_cast<int>(b.report_list.size()))
    *out += "<p>و" + std::to_string(b.reports - b.report_list.size()) +
            " تقارير أخرى.</p>\n";
}

std::string RenderHtml(const BriefView& b) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n<meta "
      "charset=\"utf-8\">\n"
      "<title>موجز القصة: " +
      Esc(b.title) +
      "</title>\n"
      "<style>@page { size: A4; margin: 16mm; }</style>\n</head>\n"
      "<body style=\"margin:0;background:#ffffff;\">\n";
  out += "<div dir=\"rtl\" lang=\"ar\" style=\"" + std::string(kFont) +
         "direction:rtl;text-align:right;color:#1d2329;font-size:16px;line-"
         "height:1.7;"
         "max-width:760px;margin:0 auto;padding:16px;\">\n";
  out += "<h1 style=\"font-size:23px;margin:0 0 4px 0;\">موجز القصة: " +
         Esc(b.title) + "</h1>\n";
  out += "<div style=\"" + std::string(kMuted) + "\">القصة " +
         std::to_string(b.id) + " · " + ReportsText(b.reports) + " من " +
         OutletsText(b.outlets) + " · " + Ltr(b.dates) + "</div>\n";
  HtmlContested(b, &out);
  HtmlAgreed(b, &out);
  HtmlReports(b, &out);
  out += "<p style=\"" + std::string(kMuted) +
         "font-size:13px;margin-top:20px;border-top:1px solid "
         "#d5d9de;padding-top:6px;\">"
         "أعدّ مرصد هذا الموجز آليًا من تقارير القصة؛ الكلمات بين «» كما وردت في "
         "التقارير.</p>\n";
  out += "</div>\n</body>\n</html>\n";
  return out;
}

}  // namespace

const Document* StoryDossier::Report(int64_t id) const {
  for (const Document& d : reports) {
    if (d.id == id) return &d;
  }
  return nullptr;
}

StatusOr<std::optional<StoryDossier>> LoadStoryDossier(
    Store* store, const FactsLexicon& lexicon, int64_t id) {
  ASSIGN_OR_RETURN(auto story, store->GetStory(id));
  if (!story) return std::optional<StoryDossier>();
  ASSIGN_OR_RETURN(StoryDossier s,
                   LoadStoryDossierOf(store, lexicon, std::move(*story)));
  return std::optional<StoryDossier>(std::move(s));
}

StatusOr<StoryDossier> LoadStoryDossierOf(Store* store,
                                          const FactsLexicon& lexicon,
                                          StoryRow row) {
  StoryDossier s;
  s.story = std::move(row);
  for (int64_t a : s.story.articles) {
    ASSIGN_OR_RETURN(auto d, store->GetArticle(a, false));
    if (d) s.reports.push_back(std::move(*d));
  }
  std::vector<const Document*> ptrs;
  for (const Document& d : s.reports) ptrs.push_back(&d);
  s.comparison = CompareStory(lexicon, ptrs);
  return s;
}

std::string ReportName(int64_t id) { return "التقرير " + std::to_string(id); }

std::string ReadableOutlet(const Document& d) {
  if (!d.outlet.empty()) return d.outlet;
  if (!d.agency.empty()) return d.agency;
  return "وسيلة غير معروفة (" + ReportName(d.id) + ")";
}

std::vector<TimelineEntry> PointTimeline(const StoryDossier& s,
                                         const ContestedPoint& p) {
  std::vector<TimelineEntry> out;
  for (size_t i = 0; i < p.positions.size(); ++i) {
    std::set<int64_t> articles;
    for (int k : p.positions[i].claims)
      articles.insert(s.comparison.claims[k].article);
    for (int64_t a : articles) {
      const Document* d = s.Report(a);
      out.push_back({d ? d->published : "", a,
                     d ? ReadableOutlet(*d) : ReportName(a),
                     static_cast<int>(i), false});
    }
  }
  // Dated reports by time, undated after them; ties by id (storage order).
  std::stable_sort(out.begin(), out.end(),
                   [](const TimelineEntry& x, const TimelineEntry& y) {
                     double tx = EpochSeconds(x.at), ty = EpochSeconds(y.at);
                     bool dx = !std::isnan(tx), dy = !std::isnan(ty);
                     if (dx != dy) return dx;
                     if (dx && tx != ty) return tx < ty;
                     return x.article < y.article;
                   });
  std::set<int> seen;
  for (TimelineEntry& e : out) e.first = seen.insert(e.position).second;
  return out;
}

void AddPointTimelines(const StoryDossier& s, json* comparison) {
  if (!comparison->is_object() || !(*comparison)["points"].is_array()) return;
  json& points = (*comparison)["points"];
  for (size_t i = 0; i < points.size() && i < s.comparison.points.size(); ++i) {
    const ContestedPoint& p = s.comparison.points[i];
    json t = json::array();
    for (const TimelineEntry& e : PointTimeline(s, p)) {
      const PointPosition& pos = p.positions[e.position];
      // A figure ("25", "~150", ">=20", "20-99"), not an assertion or a party.
      const std::string& v = pos.value;
      bool numeric =
          !v.empty() && (std::isdigit(static_cast<unsigned char>(v[0])) ||
                         v[0] == '~' || v.rfind(">=", 0) == 0);
      t.push_back(
          {{"at", e.at.empty() ? json() : json(e.at)},
           {"article", e.article},
           {"outlet", e.outlet},
           {"position", e.position},
           {"first", e.first},
           {"value", pos.value},
           {"label", PositionLabel(pos)},
           {"source", pos.source},
           {"min", numeric && std::isfinite(pos.min) ? json(pos.min) : json()},
           {"max",
            numeric && std::isfinite(pos.max) ? json(pos.max) : json()}});
    }
    points[i]["over_time"] = std::move(t);
  }
}

json PointsJson(const StoryDossier& s, size_t max_points) {
  json c = ComparisonToJson(s.comparison,
                            {.max_points = max_points, .max_claims = 8});
  AddPointTimelines(s, &c);
  auto names = OutletNames(s);
  json points = std::move(c["points"]);
  for (json& p : points) {
    for (json& pos : p["positions"]) {
      for (json& o : pos["outlets"]) o = Renamed(names, o.get<std::string>());
      for (json& cl : pos["claims"]) {
        if (cl.contains("outlet") && cl["outlet"].is_string())
          cl["outlet"] = Renamed(names, cl["outlet"].get<std::string>());
      }
    }
  }
  return {{"story", {{"id", s.story.id}, {"title", s.story.title}}},
          {"points", std::move(points)},
          {"points_total", c["points_total"]},
          {"contested_total", c["contested_total"]}};
}

std::string BriefMarkdown(const StoryDossier& s) {
  return RenderMarkdown(BuildView(s));
}

std::string BriefHtml(const StoryDossier& s) {
  return RenderHtml(BuildView(s));
}

}  // namespace marsad
