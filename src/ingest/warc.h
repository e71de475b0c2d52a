// Reading web archives (WARC 1.0/1.1, ISO 28500; plain or gzip, one member
// per record as crawlers write them): each `response` record whose HTTP
// status is 200 and whose content is HTML or text becomes a Document. Other
// records (request, metadata, warcinfo, revisit, resource) are skipped.
// The file is streamed record by record; it is never held in memory.
#ifndef MARSAD_INGEST_WARC_H_
#define MARSAD_INGEST_WARC_H_

#include <string>
#include <string_view>

#include "marsad/status.h"
#include "src/ingest/reader.h"

namespace marsad {

// Reads the WARC file at `path`; documents and per-record rejections go to
// the callbacks. Returns IOError if the file cannot be opened.
Status ReadWarcFile(const std::string& path, const ReadCallbacks& cb,
                    ReadStats* stats);

// Parses one HTTP response message (status line, headers, body; chunked
// transfer coding and gzip/deflate content coding undone) into a Document
// with raw, format and encoding set. Fails for non-200 statuses and
// non-text content types.
StatusOr<Document> DocumentFromHttpResponse(std::string_view message);

// The Document for an HTTP response body already freed of its transfer and
// content codings, as both WARC ingest and `marsad watch` see it: format from
// the Content-Type (sniffed when there is none); text decoded with the
// charset the header declares, else as DecodeToUtf8 decides (the page's meta
// charset, then detection). Unsupported for content that is not text.
StatusOr<Document> DocumentFromHttpBody(std::string_view content_type,
                                        std::string_view body);

}  // namespace marsad

#endif  // MARSAD_INGEST_WARC_H_
