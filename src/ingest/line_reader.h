// Lines of a (possibly gzip-compressed) stream with bounded memory, shared by
// the JSON Lines and CSV readers.
#ifndef MARSAD_INGEST_LINE_READER_H_
#define MARSAD_INGEST_LINE_READER_H_

#include <zlib.h>

#include <cstddef>
#include <string>
#include <vector>

#include "marsad/status.h"
#include "src/ingest/reader.h"

namespace marsad {

// "`what` is over the limit of N MiB (--max-document-bytes)".
Status OverLimit(const std::string& what, const ReadLimits& limits);

// Lines of a stream read through zlib's gz API in fixed blocks: a line is
// split on '\n' only, so a NUL byte inside a record is just a byte (it used
// to end the line early and glue the next record to this one), and a line
// longer than limits.max_document_bytes is skipped to its end without being
// held, so memory is bounded by the limit, never by the input. Inflation is
// watched for decompression bombs.
// REQUIRES: `f` and `limits` outlive the reader. Not thread-safe.
class LineReader {
 public:
  enum Result { kLine, kTooLong, kEnd };

  LineReader(gzFile f, const ReadLimits& limits) : f_(f), limits_(limits) {}

  // The next line without its '\n' into *line (kLine); kTooLong for a line
  // over the limit (*line empty); kEnd at the end of the stream or on a bomb.
  Result Next(std::string* line);

  // Set when reading stopped on a decompression bomb.
  const Status& bomb() const { return bomb_; }

 private:
  bool Refill();

  gzFile f_;
  const ReadLimits& limits_;
  std::vector<char> buf_ = std::vector<char>(size_t{1} << 16);
  size_t pos_ = 0, len_ = 0, out_ = 0;
  bool eof_ = false;
  Status bomb_;
};

// After the last line of `f`: reports a decompression bomb or a gzip error
// (under `name`) and adds the bytes consumed to stats->bytes.
void EndOfStream(gzFile f, const LineReader& reader, const std::string& name,
                 const ReadCallbacks& cb, ReadStats* stats);

}  // namespace marsad

#endif  // MARSAD_INGEST_LINE_READER_H_
