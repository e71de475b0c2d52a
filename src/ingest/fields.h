// Which field of an input record (a JSON Lines object, a CSV row) holds each
// part of a report. Exports name their fields many ways: the common names are
// known (outlet: source, src, site, publisher, outlet, domain...; date:
// published, date, time, pubDate, date_extracted...; text: content, text,
// body, article...), and a FieldMap names the rest (`--field outlet=src`).
#ifndef MARSAD_INGEST_FIELDS_H_
#define MARSAD_INGEST_FIELDS_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "marsad/document.h"
#include "marsad/status.h"

namespace marsad {

// Input field names chosen by the user for parts of a report. A mapped name
// is looked up before the known names of its part.
class FieldMap {
 public:
  // The parts a field can be mapped to.
  static constexpr const char* kTargets[] = {"outlet", "date", "text",
                                             "title",  "url",  "author"};

  // Parses "TARGET=NAME" specs (TARGET one of kTargets; "published" is taken
  // for "date", "content" for "text", "source" for "outlet"). Fails with
  // InvalidArgument naming the spec for an unknown target or a spec without
  // '=' or with an empty side.
  static StatusOr<FieldMap> Parse(const std::vector<std::string>& specs);

  // The input field mapped to `target`, or null.
  const std::string* Find(std::string_view target) const;
  bool empty() const { return names_.empty(); }

 private:
  std::vector<std::pair<std::string, std::string>> names_;  // target, name
};

// Fills *doc's raw text and metadata (title, outlet, or the URL's host when
// no outlet is given, url, published as ISO
// 8601 where it can be read: ISO 8601, RFC 2822 or Unix time in seconds or
// milliseconds, author) from a record object. Fails with InvalidArgument for
// a record without text. Leaves format, source, encoding and input_hash to
// the caller.
Status DocumentFromRecord(const nlohmann::json& record, const FieldMap& fields,
                          Document* doc);

}  // namespace marsad

#endif  // MARSAD_INGEST_FIELDS_H_
