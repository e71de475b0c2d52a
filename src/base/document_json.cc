#include "src/base/document_json.h"

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
