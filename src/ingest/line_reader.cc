#include "src/ingest/line_reader.h"

#include <cstring>

namespace marsad {

namespace {

std::string Mib(size_t bytes) {
  return std::to_string((bytes + (size_t{1} << 20) - 1) >> 20) + " MiB";
}

}  // namespace

Status OverLimit(const std::string& what, const ReadLimits& limits) {
  return InvalidArgumentError(what + " is over the limit of " +
                              Mib(limits.max_document_bytes) +
                              " (--max-document-bytes)");
}

LineReader::Result LineReader::Next(std::string* line) {
  line->clear();
  bool too_long = false, any = false;
  while (true) {
    if (pos_ == len_ && !Refill()) {
      // A line cut short by a refused bomb is not a record.
      if (!any || !bomb_.ok()) return kEnd;
      return too_long ? kTooLong : kLine;
    }
    any = true;
    const char* begin = buf_.data() + pos_;
    const char* nl =
        static_cast<const char*>(std::memchr(begin, '\n', len_ - pos_));
    const size_t n = nl ? static_cast<size_t>(nl - begin) : len_ - pos_;
    if (!too_long && line->size() + n > limits_.max_document_bytes) {
      too_long = true;
      line->clear();
      line->shrink_to_fit();
    }
    if (!too_long) line->append(begin, n);
    pos_ += n + (nl ? 1 : 0);
    if (nl) return too_long ? kTooLong : kLine;
  }
}

bool LineReader::Refill() {
  if (eof_) return false;
  const int n = gzread(f_, buf_.data(), static_cast<unsigned>(buf_.size()));
  if (n <= 0) {
    eof_ = true;
    return false;
  }
  pos_ = 0;
  len_ = static_cast<size_t>(n);
  out_ += len_;
  const z_off_t in = gzoffset(f_);
  if (out_ > limits_.bomb_floor_bytes && in > 0 &&
      static_cast<double>(out_) > limits_.max_inflate_ratio * in) {
    bomb_ = InvalidArgumentError(
        "inflates more than " +
        std::to_string(static_cast<int>(limits_.max_inflate_ratio)) +
        " times its compressed size: refused as a decompression bomb");
    eof_ = true;
    return false;
  }
  return true;
}

void EndOfStream(gzFile f, const LineReader& reader, const std::string& name,
                 const ReadCallbacks& cb, ReadStats* stats) {
  int err = 0;
  const char* msg = gzerror(f, &err);
  if (!reader.bomb().ok()) {
    cb.on_reject(name, reader.bomb());
  } else if (err != Z_OK && err != Z_STREAM_END) {
    cb.on_reject(name,
                 CorruptionError(name + ": " + (msg ? msg : "gzip error")));
  }
  z_off_t consumed = gzoffset(f);
  stats->bytes += consumed > 0 ? static_cast<uint64_t>(consumed) : 0;
}

}  // namespace marsad
