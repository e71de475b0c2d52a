#include "src/distrib/report_codec.h"

#include <nlohmann/json.hpp>

#include "src/base/document_json.h"
#include "src/base/hash.h"

namespace marsad {

using json = nlohmann::json;

namespace {

// Input and metadata fields, shared by both messages.
void PutFields(const Document& d, json* j) {
  (*j)["source"] = d.source;
  (*j)["format"] = d.format;
  (*j)["encoding"] = d.encoding;
  (*j)["raw"] = d.raw;
  (*j)["title"] = d.title;
  (*j)["standfirst"] = d.standfirst;
  (*j)["outlet"] = d.outlet;
  (*j)["agency"] = d.agency;
  (*j)["author"] = d.author;
  (*j)["url"] = d.url;
  (*j)["section"] = d.section;
  (*j)["language"] = d.language;
  (*j)["published"] = d.published;
  (*j)["modified"] = d.modified;
  (*j)["input_hash"] = HashHex(d.input_hash);
}

void GetFields(const json& j, Document* d) {
  d->source = j.value("source", "");
  d->format = j.value("format", "");
  d->encoding = j.value("encoding", "");
  d->raw = j.value("raw", "");
  d->title = j.value("title", "");
  d->standfirst = j.value("standfirst", "");
  d->outlet = j.value("outlet", "");
  d->agency = j.value("agency", "");
  d->author = j.value("author", "");
  d->url = j.value("url", "");
  d->section = j.value("section", "");
  d->language = j.value("language", "");
  d->published = j.value("published", "");
  d->modified = j.value("modified", "");
  d->input_hash = std::stoull(j.value("input_hash", "0"), nullptr, 16);
}

std::string Bytes(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_binary()) return "";
  const auto& b = it->get_binary();
  return std::string(b.begin(), b.end());
}

json Binary(const std::string& s) {
  return json::binary(std::vector<std::uint8_t>(s.begin(), s.end()));
}

}  // namespace

std::string EncodeReport(const Report& r) {
  json j;
  j["v"] = 1;
  PutFields(r.doc, &j);
  if (!r.template_lines.empty()) j["templates"] = r.template_lines;
  if (!r.read_error.empty()) j["read_error"] = r.read_error;
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

StatusOr<Report> DecodeReport(std::string_view data) {
  json j = json::parse(data, nullptr, false);
  if (!j.is_object()) return CorruptionError("a report is not a JSON object");
  Report r;
  try {
    GetFields(j, &r.doc);
    r.template_lines = j.value("templates", std::vector<std::string>());
    r.read_error = j.value("read_error", "");
  } catch (const std::exception& e) {
    return CorruptionError(std::string("bad report: ") + e.what());
  }
  return r;
}

std::string EncodeProcessed(const Processed& p) {
  json j;
  j["seq"] = p.seq;
  if (!p.rejected.empty()) {
    j["source"] = p.doc.source;
    j["rejected"] = p.rejected;
  } else {
    const Document& d = p.doc;
    PutFields(d, &j);
    j["text"] = d.text;
    j["content_hash"] = HashHex(d.content_hash);
    j["analysis"] = AnalysisToJson(d);
    j["fingerprint"] = Binary(d.fingerprint);
    j["story_features"] = Binary(d.story_features);
    j["index_terms"] = d.index_terms;
  }
  std::vector<std::uint8_t> cbor = json::to_cbor(j);
  return std::string(cbor.begin(), cbor.end());
}

StatusOr<Processed> DecodeProcessed(std::string_view data) {
  json j = json::from_cbor(data.begin(), data.end(), true, false);
  if (!j.is_object())
    return CorruptionError("a processed report is not a CBOR map");
  Processed p;
  try {
    p.seq = j.value("seq", uint64_t{0});
    if (j.contains("rejected")) {
      p.doc.source = j.value("source", "");
      p.rejected = j.value("rejected", "");
      return p;
    }
    GetFields(j, &p.doc);
    p.doc.text = j.value("text", "");
    p.doc.content_hash = std::stoull(j.value("content_hash", "0"), nullptr, 16);
    if (j.contains("analysis"))
      RETURN_IF_ERROR(AnalysisFromJson(j["analysis"], &p.doc));
    p.doc.fingerprint = Bytes(j, "fingerprint");
    p.doc.story_features = Bytes(j, "story_features");
    p.doc.index_terms = j.value("index_terms", "");
  } catch (const std::exception& e) {
    return CorruptionError(std::string("bad processed report: ") + e.what());
  }
  return p;
}

}  // namespace marsad
