#include "src/distrib/report_codec.h"

#include <nlohmann/json.hpp>

#include "src/base/document_json.h"
#include "src/base/hash.h"
#include "src/base/report_fields.h"

namespace marsad {

using json = nlohmann::json;

namespace {

// The report fields (src/base/report_fields.h) a message carries: the
// input ones in both, the derived ones in the processed message only; and
// the raw input and its hash.
bool Carried(const ReportField& f, bool processed) {
  return processed || f.codec == FieldCodec::kInput;
}

void PutFields(const Document& d, bool processed, json* j) {
  for (const ReportField& f : kReportFields) {
    if (!Carried(f, processed)) continue;
    std::string key(f.name);
    if (f.type == FieldType::kInt) {
      (*j)[key] = d.*f.integer;
    } else {
      (*j)[key] = d.*f.text;
    }
  }
  (*j)["raw"] = d.raw;
  (*j)["input_hash"] = HashHex(d.input_hash);
}

void GetFields(const json& j, bool processed, Document* d) {
  for (const ReportField& f : kReportFields) {
    if (!Carried(f, processed)) continue;
    std::string key(f.name);
    if (f.type == FieldType::kInt) {
      d->*f.integer = j.value(key, int64_t{0});
    } else {
      d->*f.text = j.value(key, "");
    }
  }
  d->raw = j.value("raw", "");
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
  PutFields(r.doc, /*processed=*/false, &j);
  if (!r.template_lines.empty()) j["templates"] = r.template_lines;
  if (!r.read_error.empty()) j["read_error"] = r.read_error;
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

StatusOr<Report> DecodeReport(std::string_view data) {
  json j = json::parse(data, nullptr, false);
  if (!j.is_object()) return CorruptionError("a report is not a JSON object");
  Report r;
  try {
    GetFields(j, /*processed=*/false, &r.doc);
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
    PutFields(d, /*processed=*/true, &j);
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
    GetFields(j, /*processed=*/true, &p.doc);
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
