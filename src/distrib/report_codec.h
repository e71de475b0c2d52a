// The two message bodies that cross the queue.
//
//  * A report (ingest → workers): JSON of the Document input fields as read
//    and decoded by src/ingest (source, format, encoding, raw, metadata,
//    input_hash), plus the lines of `raw` the publisher's furniture model
//    holds to be its outlet's templates (see worker.h), or a read error.
//  * A processed report (workers → assigner): CBOR of everything the
//    per-document stages produced (clean text, metadata, analysis,
//    fingerprint, story features, search terms), or the error that rejected
//    it; tagged with the report's sequence in the reports stream, which is
//    the order the assigner follows.
//
// CBOR for the second because it carries binary blobs (fingerprint, story
// features) without base64 and is smaller to ship; JSON for the first so an
// operator can read and inject reports with the nats CLI.
#ifndef MARSAD_DISTRIB_REPORT_CODEC_H_
#define MARSAD_DISTRIB_REPORT_CODEC_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/document.h"
#include "marsad/status.h"

namespace marsad {

struct Report {
  Document doc;                             // input fields only
  std::vector<std::string> template_lines;  // furniture lines of doc.raw
  std::string read_error;                   // non-empty: not readable
};

std::string EncodeReport(const Report& r);
StatusOr<Report> DecodeReport(std::string_view data);

struct Processed {
  uint64_t seq = 0;      // the report's sequence in the reports stream
  Document doc;          // processed (when rejected is empty)
  std::string rejected;  // why the report was rejected, or ""
};

std::string EncodeProcessed(const Processed& p);
StatusOr<Processed> DecodeProcessed(std::string_view data);

}  // namespace marsad

#endif  // MARSAD_DISTRIB_REPORT_CODEC_H_
