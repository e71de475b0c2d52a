// Reading inputs into Documents: files, folders (recursive), or "-" (JSON
// Lines on standard input); .txt, .html/.htm, .jsonl, .csv (header row;
// comma, semicolon or tab between fields),
// .warc, each optionally gzip-compressed (.gz). One bad file, line or row is
// rejected with a reason and reading goes on.
//
// Each Document gets: source ("path", or "path#N" for the record starting on
// line N of a JSONL or CSV file), format ("txt" | "html" | "jsonl" | "csv"),
// encoding, raw (decoded UTF-8 text: the whole report, the page, or a
// record's content/text field: src/ingest/fields.h),
// input_hash (of the undecoded input bytes: re-reading the same input yields
// the same hash), and for JSONL and CSV the metadata fields the record
// carries.
#ifndef MARSAD_INGEST_READER_H_
#define MARSAD_INGEST_READER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "marsad/document.h"
#include "marsad/status.h"
#include "src/ingest/fields.h"

namespace marsad {

// Bounds on what one input may cost. An input over a bound is rejected with a
// reason naming the bound; reading goes on with the next input, and memory
// stays bounded by these figures, whatever the input.
struct ReadLimits {
  // A report (a .txt or .html file after decompression, a JSONL line, a WARC
  // record's payload) longer than this is rejected, never truncated.
  size_t max_document_bytes = size_t{16} << 20;
  // A gzip stream that inflates more than max_inflate_ratio times its
  // compressed size, once past bomb_floor_bytes of output, is a decompression
  // bomb: refused, and what follows in it is not read. The floor is high so
  // that a file with one absurd line (skipped, never held) still gives the
  // records after it; memory stays bounded either way, only time is spent.
  double max_inflate_ratio = 200;
  uint64_t bomb_floor_bytes = uint64_t{4} << 30;
};

struct ReadCallbacks {
  // Called for each document read, in input order.
  std::function<void(Document&&)> on_document;
  // Called for each input (file or line) that could not be read.
  std::function<void(const std::string& source, const Status& why)> on_reject;
  // Called with bytes consumed so far, for progress display (may be null).
  std::function<void(uint64_t bytes)> on_progress;
  ReadLimits limits;
  // Record fields named by the user (--field outlet=src) for JSONL and CSV.
  FieldMap fields;
};

struct ReadStats {
  uint64_t files = 0;
  uint64_t skipped_files = 0;  // in folders, files that are not reports
  uint64_t bytes = 0;
};

// Reads one INPUT argument (file, folder, or "-"). Returns non-OK only when
// the input itself cannot be opened (missing path); per-item failures go to
// on_reject.
Status ReadInput(const std::string& input, const ReadCallbacks& cb,
                 ReadStats* stats);

// Total size in bytes of the files under `input` that ReadInput would read
// (for a progress bar); 0 for "-".
uint64_t InputSize(const std::string& input);

// Parses one JSONL record into *doc (metadata + raw; `fields` names fields
// the known names miss). Fails with InvalidArgument on invalid JSON or a
// record without content/text.
Status ParseJsonRecord(std::string_view line, Document* doc,
                       const FieldMap& fields = {});

// Builds a Document for a whole file's bytes: decompresses, detects format
// from the name (and sniffs when the extension is unknown), decodes.
// For JSONL files use ReadInput instead.
// Fails with InvalidArgument (naming the limit) on a file over
// limits.max_document_bytes, compressed or not.
StatusOr<Document> DocumentFromBytes(const std::string& name,
                                     std::string_view bytes,
                                     const ReadLimits& limits = {});

}  // namespace marsad

#endif  // MARSAD_INGEST_READER_H_
