// JSON form of a Document and its analysis: the one serialization used by
// the store's analysis column, `marsad analyze --format json`, export and
// the HTTP API. Spans are UTF-8 byte offsets {"begin": b, "end": e} into the
// clean text; the HTTP layer adds UTF-16 offsets for the browser.
#ifndef MARSAD_BASE_DOCUMENT_JSON_H_
#define MARSAD_BASE_DOCUMENT_JSON_H_

#include <nlohmann/json.hpp>

#include "marsad/document.h"
#include "marsad/status.h"

namespace marsad {

nlohmann::json SpanToJson(const Span& s);

// The analysis only: numbers, dates, entities, quotes, events, claims,
// removed blocks.
nlohmann::json AnalysisToJson(const Document& doc);
// Inverse of AnalysisToJson; fills the analysis fields of *doc. Unknown
// fields are ignored; a malformed value yields Corruption.
Status AnalysisFromJson(const nlohmann::json& j, Document* doc);
// AnalysisToJson(doc).dump(), byte for byte, written straight into *out
// (overwritten) without building the JSON tree: the store's analysis column
// on the ingest path. Returns false, *out unspecified, when a string is not
// valid UTF-8 (where dump() throws); the caller then takes the tree's path.
// A field added to AnalysisToJson is added here too, in its key order
// (DocumentJsonTest.AnalysisTextIsTheTreeDumped compares the two).
bool AnalysisJsonText(const Document& doc, std::string* out);

// Metadata fields (id, source, outlet, title, published, ...), without
// text, raw or analysis.
nlohmann::json MetadataToJson(const Document& doc);

}  // namespace marsad

#endif  // MARSAD_BASE_DOCUMENT_JSON_H_
