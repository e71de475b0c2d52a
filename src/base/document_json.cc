#include "src/base/document_json.h"

#include <charconv>
#include <cmath>
#include <limits>

#include "src/base/report_fields.h"

namespace marsad {

using json = nlohmann::json;

namespace {

Span SpanFrom(const json& j) {
  if (!j.is_object()) return {};
  return Span{j.value("begin", 0u), j.value("end", 0u)};
}

// A report field's JSON value (src/base/report_fields.h): absent (empty,
// zero) is null unless the field is required.
json FieldToJson(const ReportField& f, const Document& doc) {
  if (f.type == FieldType::kInt) {
    int64_t v = doc.*f.integer;
    return v || f.required ? json(v) : json();
  }
  const std::string& s = doc.*f.text;
  return s.empty() && !f.required ? json() : json(s);
}

// An open upper bound ("أكثر من 40") is +infinity in memory. JSON has no
// infinity and nlohmann writes it as null, so null reads back as +infinity
// (a missing key stays 0, as before). Anything else that is not a number
// throws, which AnalysisFromJson reports as corruption.
double MaxFrom(const json& j) {
  auto it = j.find("max");
  if (it == j.end()) return 0.0;
  if (it->is_null()) return std::numeric_limits<double>::infinity();
  return it->get<double>();
}

json NumberToJson(const NumberMention& n) {
  json j = {{"span", SpanToJson(n.span)},
            {"value", n.value},
            {"min", n.min},
            {"max", n.max},
            {"approximate", n.approximate}};
  if (!n.unit.empty()) j["unit"] = n.unit;
  return j;
}

NumberMention NumberFrom(const json& j) {
  NumberMention n;
  n.span = SpanFrom(j.value("span", json::object()));
  n.value = j.value("value", 0.0);
  n.min = j.value("min", 0.0);
  n.max = MaxFrom(j);
  n.approximate = j.value("approximate", false);
  n.unit = j.value("unit", "");
  return n;
}

EntityType EntityTypeFrom(const std::string& s) {
  if (s == "PER") return EntityType::kPerson;
  if (s == "ORG") return EntityType::kOrganization;
  if (s == "LOC") return EntityType::kLocation;
  return EntityType::kMisc;
}

DatePrecision PrecisionFrom(const std::string& s) {
  for (auto p : {DatePrecision::kDay, DatePrecision::kMonth,
                 DatePrecision::kYear, DatePrecision::kRange}) {
    if (s == DatePrecisionName(p)) return p;
  }
  return DatePrecision::kUnknown;
}

json EntityToJson(const EntityMention& e) {
  json j = {{"span", SpanToJson(e.span)},
            {"type", EntityTypeName(e.type)},
            {"text", e.text},
            {"entity_id", e.entity_id},
            {"canonical", e.canonical}};
  if (!e.role.empty()) {
    j["role"] = e.role;
    j["role_span"] = SpanToJson(e.role_span);
  }
  if (e.lat && e.lon) {
    j["lat"] = *e.lat;
    j["lon"] = *e.lon;
  }
  return j;
}

EntityMention EntityFrom(const json& j) {
  EntityMention e;
  e.span = SpanFrom(j.value("span", json::object()));
  e.type = EntityTypeFrom(j.value("type", "MISC"));
  e.text = j.value("text", "");
  e.entity_id = j.value("entity_id", "");
  e.canonical = j.value("canonical", "");
  e.role = j.value("role", "");
  e.role_span = SpanFrom(j.value("role_span", json::object()));
  if (j.contains("lat") && j.contains("lon")) {
    e.lat = j["lat"].get<double>();
    e.lon = j["lon"].get<double>();
  }
  return e;
}

json QuoteToJson(const Quote& q) {
  return {{"span", SpanToJson(q.span)},
          {"content", SpanToJson(q.content)},
          {"cue", SpanToJson(q.cue)},
          {"speaker_span", SpanToJson(q.speaker_span)},
          {"speaker", q.speaker},
          {"entity_id", q.entity_id},
          {"via", q.via},
          {"direct", q.direct},
          {"carried_over", q.carried_over}};
}

Quote QuoteFrom(const json& j) {
  Quote q;
  q.span = SpanFrom(j.value("span", json::object()));
  q.content = SpanFrom(j.value("content", json::object()));
  q.cue = SpanFrom(j.value("cue", json::object()));
  q.speaker_span = SpanFrom(j.value("speaker_span", json::object()));
  q.speaker = j.value("speaker", "");
  q.entity_id = j.value("entity_id", "");
  q.via = j.value("via", "");
  q.direct = j.value("direct", false);
  q.carried_over = j.value("carried_over", false);
  return q;
}

json EventToJson(const Event& e) {
  json cas = json::array();
  for (const Casualty& c : e.casualties) {
    cas.push_back({{"kind", c.kind}, {"number", NumberToJson(c.number)}});
  }
  return {{"plover", e.plover},
          {"mode", e.mode},
          {"acled_type", e.acled_type},
          {"acled_subtype", e.acled_subtype},
          {"trigger", SpanToJson(e.trigger)},
          {"sentence", SpanToJson(e.sentence)},
          {"actor", e.actor},
          {"actor_span", SpanToJson(e.actor_span)},
          {"target", e.target},
          {"target_span", SpanToJson(e.target_span)},
          {"location", e.location},
          {"location_span", SpanToJson(e.location_span)},
          {"weapon", e.weapon},
          {"weapon_span", SpanToJson(e.weapon_span)},
          {"date", e.date},
          {"date_span", SpanToJson(e.date_span)},
          {"casualties", cas},
          {"modality", e.modality},
          {"quote", e.quote}};
}

Event EventFrom(const json& j) {
  Event e;
  e.plover = j.value("plover", "");
  e.mode = j.value("mode", "");
  e.acled_type = j.value("acled_type", "");
  e.acled_subtype = j.value("acled_subtype", "");
  e.trigger = SpanFrom(j.value("trigger", json::object()));
  e.sentence = SpanFrom(j.value("sentence", json::object()));
  e.actor = j.value("actor", "");
  e.actor_span = SpanFrom(j.value("actor_span", json::object()));
  e.target = j.value("target", "");
  e.target_span = SpanFrom(j.value("target_span", json::object()));
  e.location = j.value("location", "");
  e.location_span = SpanFrom(j.value("location_span", json::object()));
  e.weapon = j.value("weapon", "");
  e.weapon_span = SpanFrom(j.value("weapon_span", json::object()));
  e.date = j.value("date", "");
  e.date_span = SpanFrom(j.value("date_span", json::object()));
  for (const json& c : j.value("casualties", json::array())) {
    e.casualties.push_back(
        {c.value("kind", ""), NumberFrom(c.value("number", json::object()))});
  }
  e.modality = j.value("modality", "asserted");
  e.quote = j.value("quote", -1);
  return e;
}

json ClaimToJson(const Claim& c) {
  return {{"slot", c.slot},
          {"value", c.value},
          {"min", c.min},
          {"max", c.max},
          {"approximate", c.approximate},
          {"speaker", c.speaker},
          {"modality", c.modality},
          {"span", SpanToJson(c.span)},
          {"event", c.event},
          {"scope", c.scope}};
}

Claim ClaimFrom(const json& j) {
  Claim c;
  c.slot = j.value("slot", "");
  c.value = j.value("value", "");
  c.min = j.value("min", 0.0);
  c.max = MaxFrom(j);
  c.approximate = j.value("approximate", false);
  c.speaker = j.value("speaker", "");
  c.modality = j.value("modality", "asserted");
  c.span = SpanFrom(j.value("span", json::object()));
  c.event = j.value("event", -1);
  // Written since issue 22 round 5; an analysis stored before reads as the
  // incident's own (the default).
  c.scope = j.value("scope", "incident");
  return c;
}

}  // namespace

json SpanToJson(const Span& s) { return {{"begin", s.begin}, {"end", s.end}}; }

json AnalysisToJson(const Document& doc) {
  json j = json::object();
  auto add = [&](const char* key, const auto& items, auto fn) {
    json arr = json::array();
    for (const auto& x : items) arr.push_back(fn(x));
    j[key] = std::move(arr);
  };
  add("numbers", doc.numbers, NumberToJson);
  add("dates", doc.dates, [](const DateMention& d) {
    json o = {{"span", SpanToJson(d.span)},
              {"value", d.value},
              {"precision", DatePrecisionName(d.precision)},
              {"relative", d.relative}};
    if (!d.begin.empty()) o["begin"] = d.begin;
    if (!d.end.empty()) o["end"] = d.end;
    return o;
  });
  add("entities", doc.entities, EntityToJson);
  add("quotes", doc.quotes, QuoteToJson);
  add("events", doc.events, EventToJson);
  add("claims", doc.claims, ClaimToJson);
  add("removed", doc.removed, [](const RemovedBlock& r) {
    return json{{"text", r.text}, {"reason", r.reason}};
  });
  return j;
}

// ---------------------------------------------------------------------------
// AnalysisJsonText: the analysis's JSON text written directly, as dump()
// writes the tree: no spaces, an object's keys in byte order (nlohmann's
// std::map), strings escaped as its serializer does, doubles through its own
// shortest round-trip conversion (non-finite as null). Built and dumped, the
// tree cost about 3 M instructions a report at ingest, in small allocations.

namespace {

class JsonText {
 public:
  explicit JsonText(std::string* out) : out_(*out) {}
  bool ok() const { return ok_; }

  void Raw(std::string_view s) { out_.append(s); }
  void Char(char c) { out_.push_back(c); }
  // `"key":` after a comma unless it opens the object.
  void Key(std::string_view key, bool first = false) {
    if (!first) out_.push_back(',');
    out_.push_back('"');
    out_.append(key);
    out_.append("\":");
  }
  void Bool(bool b) { out_.append(b ? "true" : "false"); }
  void Int(int64_t v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, r.ptr);
  }
  void Double(double v) {
    if (!std::isfinite(v)) {
      out_.append("null");
      return;
    }
    char buf[64];
    char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, end);
  }
  void SpanValue(const Span& s) {
    out_.append("{\"begin\":");
    Int(s.begin);
    out_.append(",\"end\":");
    Int(s.end);
    out_.push_back('}');
  }
  // A JSON string as nlohmann's serializer escapes it (ensure_ascii off):
  // quote, backslash and C0 controls escaped, every other well-formed code
  // point copied. Ill-formed UTF-8 (where it throws) clears ok().
  void String(std::string_view s) {
    out_.push_back('"');
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    size_t run = 0;  // start of the bytes not yet copied
    for (size_t i = 0; i < n;) {
      const unsigned char c = p[i];
      if (c >= 0x80) {
        size_t len = WellFormedLength(p + i, n - i);
        if (len == 0) {
          ok_ = false;
          return;
        }
        i += len;
        continue;
      }
      if (c >= 0x20 && c != '"' && c != '\\') {
        ++i;
        continue;
      }
      out_.append(s.data() + run, i - run);
      out_.push_back('\\');
      switch (c) {
        case '"':
          out_.push_back('"');
          break;
        case '\\':
          out_.push_back('\\');
          break;
        case '\b':
          out_.push_back('b');
          break;
        case '\t':
          out_.push_back('t');
          break;
        case '\n':
          out_.push_back('n');
          break;
        case '\f':
          out_.push_back('f');
          break;
        case '\r':
          out_.push_back('r');
          break;
        default: {
          static constexpr char kHex[] = "0123456789abcdef";
          out_.append("u00");
          out_.push_back(kHex[c >> 4]);
          out_.push_back(kHex[c & 0xF]);
        }
      }
      run = ++i;
    }
    out_.append(s.data() + run, n - run);
    out_.push_back('"');
  }

 private:
  // The length of the well-formed UTF-8 sequence of a non-ASCII lead byte
  // at p (Unicode table 3-7: no overlong forms, no surrogates, at most
  // U+10FFFF), or 0.
  static size_t WellFormedLength(const unsigned char* p, size_t left) {
    const unsigned char c = p[0];
    auto cont = [&](size_t k, unsigned char lo, unsigned char hi) {
      return k < left && p[k] >= lo && p[k] <= hi;
    };
    if (c >= 0xC2 && c <= 0xDF) return cont(1, 0x80, 0xBF) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
      const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;
      const unsigned char hi = c == 0xED ? 0x9F : 0xBF;
      return cont(1, lo, hi) && cont(2, 0x80, 0xBF) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
      const unsigned char lo = c == 0xF0 ? 0x90 : 0x80;
      const unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;
      return cont(1, lo, hi) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4
                                                                           : 0;
    }
    return 0;
  }

  std::string& out_;
  bool ok_ = true;
};

// Each writer below names its keys in byte order; the *ToJson above lists
// them in the order written in the source.
void WriteNumber(JsonText& w, const NumberMention& n) {
  w.Key("approximate", true);
  w.Bool(n.approximate);
  w.Key("max");
  w.Double(n.max);
  w.Key("min");
  w.Double(n.min);
  w.Key("span");
  w.SpanValue(n.span);
  if (!n.unit.empty()) {
    w.Key("unit");
    w.String(n.unit);
  }
  w.Key("value");
  w.Double(n.value);
}

void WriteDate(JsonText& w, const DateMention& d) {
  bool first = true;
  if (!d.begin.empty()) {
    w.Key("begin", first);
    w.String(d.begin);
    first = false;
  }
  if (!d.end.empty()) {
    w.Key("end", first);
    w.String(d.end);
    first = false;
  }
  w.Key("precision", first);
  w.String(DatePrecisionName(d.precision));
  w.Key("relative");
  w.Bool(d.relative);
  w.Key("span");
  w.SpanValue(d.span);
  w.Key("value");
  w.String(d.value);
}

void WriteEntity(JsonText& w, const EntityMention& e) {
  w.Key("canonical", true);
  w.String(e.canonical);
  w.Key("entity_id");
  w.String(e.entity_id);
  if (e.lat && e.lon) {
    w.Key("lat");
    w.Double(*e.lat);
    w.Key("lon");
    w.Double(*e.lon);
  }
  if (!e.role.empty()) {
    w.Key("role");
    w.String(e.role);
    w.Key("role_span");
    w.SpanValue(e.role_span);
  }
  w.Key("span");
  w.SpanValue(e.span);
  w.Key("text");
  w.String(e.text);
  w.Key("type");
  w.String(EntityTypeName(e.type));
}

void WriteQuote(JsonText& w, const Quote& q) {
  w.Key("carried_over", true);
  w.Bool(q.carried_over);
  w.Key("content");
  w.SpanValue(q.content);
  w.Key("cue");
  w.SpanValue(q.cue);
  w.Key("direct");
  w.Bool(q.direct);
  w.Key("entity_id");
  w.String(q.entity_id);
  w.Key("span");
  w.SpanValue(q.span);
  w.Key("speaker");
  w.String(q.speaker);
  w.Key("speaker_span");
  w.SpanValue(q.speaker_span);
  w.Key("via");
  w.String(q.via);
}

void WriteEvent(JsonText& w, const Event& e) {
  w.Key("acled_subtype", true);
  w.String(e.acled_subtype);
  w.Key("acled_type");
  w.String(e.acled_type);
  w.Key("actor");
  w.String(e.actor);
  w.Key("actor_span");
  w.SpanValue(e.actor_span);
  w.Key("casualties");
  w.Char('[');
  for (size_t i = 0; i < e.casualties.size(); ++i) {
    if (i) w.Char(',');
    w.Raw("{\"kind\":");
    w.String(e.casualties[i].kind);
    w.Raw(",\"number\":{");
    WriteNumber(w, e.casualties[i].number);
    w.Raw("}}");
  }
  w.Char(']');
  w.Key("date");
  w.String(e.date);
  w.Key("date_span");
  w.SpanValue(e.date_span);
  w.Key("location");
  w.String(e.location);
  w.Key("location_span");
  w.SpanValue(e.location_span);
  w.Key("modality");
  w.String(e.modality);
  w.Key("mode");
  w.String(e.mode);
  w.Key("plover");
  w.String(e.plover);
  w.Key("quote");
  w.Int(e.quote);
  w.Key("sentence");
  w.SpanValue(e.sentence);
  w.Key("target");
  w.String(e.target);
  w.Key("target_span");
  w.SpanValue(e.target_span);
  w.Key("trigger");
  w.SpanValue(e.trigger);
  w.Key("weapon");
  w.String(e.weapon);
  w.Key("weapon_span");
  w.SpanValue(e.weapon_span);
}

void WriteClaim(JsonText& w, const Claim& c) {
  w.Key("approximate", true);
  w.Bool(c.approximate);
  w.Key("event");
  w.Int(c.event);
  w.Key("max");
  w.Double(c.max);
  w.Key("min");
  w.Double(c.min);
  w.Key("modality");
  w.String(c.modality);
  w.Key("scope");
  w.String(c.scope);
  w.Key("slot");
  w.String(c.slot);
  w.Key("span");
  w.SpanValue(c.span);
  w.Key("speaker");
  w.String(c.speaker);
  w.Key("value");
  w.String(c.value);
}

void WriteRemoved(JsonText& w, const RemovedBlock& r) {
  w.Key("reason", true);
  w.String(r.reason);
  w.Key("text");
  w.String(r.text);
}

template <typename T, typename Fn>
void WriteArray(JsonText& w, std::string_view key, bool first,
                const std::vector<T>& items, Fn fn) {
  w.Key(key, first);
  w.Char('[');
  for (size_t i = 0; i < items.size(); ++i) {
    w.Raw(i ? ",{" : "{");
    fn(w, items[i]);
    w.Char('}');
  }
  w.Char(']');
}

}  // namespace

bool AnalysisJsonText(const Document& doc, std::string* out) {
  out->clear();
  JsonText w(out);
  w.Char('{');
  WriteArray(w, "claims", true, doc.claims, WriteClaim);
  WriteArray(w, "dates", false, doc.dates, WriteDate);
  WriteArray(w, "entities", false, doc.entities, WriteEntity);
  WriteArray(w, "events", false, doc.events, WriteEvent);
  WriteArray(w, "numbers", false, doc.numbers, WriteNumber);
  WriteArray(w, "quotes", false, doc.quotes, WriteQuote);
  WriteArray(w, "removed", false, doc.removed, WriteRemoved);
  w.Char('}');
  return w.ok();
}

Status AnalysisFromJson(const json& j, Document* doc) {
  try {
    for (const json& x : j.value("numbers", json::array()))
      doc->numbers.push_back(NumberFrom(x));
    for (const json& x : j.value("dates", json::array())) {
      DateMention d;
      d.span = SpanFrom(x.value("span", json::object()));
      d.value = x.value("value", "");
      d.begin = x.value("begin", "");
      d.end = x.value("end", "");
      d.precision = PrecisionFrom(x.value("precision", "unknown"));
      d.relative = x.value("relative", false);
      doc->dates.push_back(std::move(d));
    }
    for (const json& x : j.value("entities", json::array()))
      doc->entities.push_back(EntityFrom(x));
    for (const json& x : j.value("quotes", json::array()))
      doc->quotes.push_back(QuoteFrom(x));
    for (const json& x : j.value("events", json::array()))
      doc->events.push_back(EventFrom(x));
    for (const json& x : j.value("claims", json::array()))
      doc->claims.push_back(ClaimFrom(x));
    for (const json& x : j.value("removed", json::array()))
      doc->removed.push_back({x.value("text", ""), x.value("reason", "")});
  } catch (const json::exception& e) {
    return CorruptionError(std::string("analysis JSON: ") + e.what());
  }
  return Status::OK();
}

json MetadataToJson(const Document& doc) {
  json j = {
      {"id", doc.id},
      {"story", doc.story_id ? json(doc.story_id) : json()},
      {"duplicate_of", doc.duplicate_of ? json(doc.duplicate_of) : json()}};
  for (const ReportField& f : kReportFields)
    j[std::string(f.name)] = FieldToJson(f, doc);
  return j;
}

}  // namespace marsad
