#include "src/ingest/reader.h"

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <vector>

#include "src/base/file.h"
#include "src/base/hash.h"
#include "src/base/utf8.h"
#include "src/ingest/decode.h"
#include "src/ingest/warc.h"
#include "src/text/dates.h"

namespace marsad {

namespace fs = std::filesystem;

namespace {

enum class Kind { kTxt, kHtml, kJsonl, kWarc, kUnknown };

std::string LowerExt(const fs::path& p, bool* gz) {
  fs::path q = p;
  *gz = false;
  if (q.extension() == ".gz") {
    *gz = true;
    q = q.stem();
  }
  std::string e = q.extension().string();
  for (char& c : e)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return e;
}

Kind KindOf(const fs::path& p) {
  bool gz;
  std::string e = LowerExt(p, &gz);
  if (e == ".txt" || e == ".text") return Kind::kTxt;
  if (e == ".html" || e == ".htm" || e == ".xhtml") return Kind::kHtml;
  if (e == ".jsonl" || e == ".ndjson") return Kind::kJsonl;
  if (e == ".warc") return Kind::kWarc;
  return Kind::kUnknown;
}

Kind Sniff(std::string_view b) {
  size_t i = 0;
  while (i < b.size() && std::isspace(static_cast<unsigned char>(b[i]))) ++i;
  if (i < b.size() && b[i] == '{') return Kind::kJsonl;
  std::string head(b.substr(i, 512));
  for (char& c : head)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (head.rfind("<!doctype html", 0) == 0 ||
      head.find("<html") != std::string::npos ||
      head.find("<body") != std::string::npos) {
    return Kind::kHtml;
  }
  return Kind::kTxt;
}

// The first non-empty string among `keys`. A key holding an object (an
// export's "source": {"name": ...}) gives that object's name or title.
std::string JsonString(const nlohmann::json& j,
                       std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    auto it = j.find(k);
    if (it == j.end()) continue;
    if (it->is_object()) {
      std::string inner = JsonString(*it, {"name", "title"});
      if (!inner.empty()) return inner;
      continue;
    }
    if (it->is_string() && !it->get_ref<const std::string&>().empty()) {
      return it->get<std::string>();
    }
  }
  return "";
}

// A date as exports write it, as ISO 8601 where it can be read:
// "2015-07-21 02:51:32" -> "2015-07-21T02:51:32"; RFC 2822 -> ISO 8601;
// other forms kept as they are.
std::string IsoDate(std::string s) {
  if (s.size() >= 19 && s[10] == ' ' && s[4] == '-' && s[7] == '-') s[10] = 'T';
  if (s.size() >= 10 && s[4] == '-' && s[7] == '-') return s;
  std::string rfc = Rfc2822ToIso(s);
  return rfc.empty() ? s : rfc;
}

// A Unix time (seconds, or milliseconds when larger than any plausible
// number of seconds) as ISO 8601 in UTC; "" for a value outside 1970..2999.
std::string FromEpoch(double t) {
  if (t > 1e11) t /= 1000;
  if (!(t >= 0 && t < 32503680000.0)) return "";
  const std::time_t secs = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char out[32];
  std::strftime(out, sizeof(out), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return out;
}

// The publication date of a record, whatever its exporter called it.
std::string RecordDate(const nlohmann::json& j) {
  static constexpr std::initializer_list<const char*> kKeys = {
      "published",    "date",        "date_published", "datePublished",
      "published_at", "publishedAt", "pubDate",        "time",
      "timestamp",    "created_at",  "date_extracted"};
  std::string s = JsonString(j, kKeys);
  if (!s.empty()) return IsoDate(std::move(s));
  for (const char* k : kKeys) {
    auto it = j.find(k);
    if (it != j.end() && it->is_number()) return FromEpoch(it->get<double>());
  }
  return "";
}

std::string Mib(size_t bytes) {
  return std::to_string((bytes + (size_t{1} << 20) - 1) >> 20) + " MiB";
}

Status OverLimit(const std::string& what, const ReadLimits& limits) {
  return InvalidArgumentError(what + " is over the limit of " +
                              Mib(limits.max_document_bytes) +
                              " (--max-document-bytes)");
}

// Lines of a (possibly gzip-compressed) stream, read through zlib's gz API
// in fixed blocks: a line is split on '\n' only, so a NUL byte inside a
// record is just a byte (it used to end the line early and glue the next
// record to this one), and a line longer than the limit is skipped to its
// end without being held, so memory is bounded by the limit, never by the
// input. Inflation is watched for decompression bombs.
class LineReader {
 public:
  enum Result { kLine, kTooLong, kEnd };

  LineReader(gzFile f, const ReadLimits& limits) : f_(f), limits_(limits) {}

  Result Next(std::string* line) {
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

  // Set when reading stopped on a decompression bomb.
  const Status& bomb() const { return bomb_; }

 private:
  bool Refill() {
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

  gzFile f_;
  const ReadLimits& limits_;
  std::vector<char> buf_ = std::vector<char>(size_t{1} << 16);
  size_t pos_ = 0, len_ = 0, out_ = 0;
  bool eof_ = false;
  Status bomb_;
};

// Reads JSON Lines from `f` (a file, or standard input through gzdopen);
// `name` prefixes each record's source ("name#N", N the 1-based line).
void ReadJsonlStream(gzFile f, const std::string& name, const ReadCallbacks& cb,
                     ReadStats* stats) {
  gzbuffer(f, 1 << 17);
  LineReader reader(f, cb.limits);
  std::string line;
  uint64_t lineno = 0;
  for (LineReader::Result r; (r = reader.Next(&line)) != LineReader::kEnd;) {
    ++lineno;
    std::string source = name + "#" + std::to_string(lineno);
    if (r == LineReader::kTooLong) {
      cb.on_reject(source, OverLimit("record", cb.limits));
      continue;
    }
    while (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    Document doc;
    Status st = ParseJsonRecord(line, &doc);
    if (!st.ok()) {
      cb.on_reject(source, st);
      continue;
    }
    doc.source = std::move(source);
    cb.on_document(std::move(doc));
    if (cb.on_progress && lineno % 256 == 0) cb.on_progress(gzoffset(f));
  }
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

void ReadJsonlFile(const std::string& path, const ReadCallbacks& cb,
                   ReadStats* stats) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) {
    cb.on_reject(path, IOError(path + ": cannot open"));
    return;
  }
  ReadJsonlStream(f, path, cb, stats);
  gzclose(f);
}

// Standard input, plain or gzip-compressed, read as the files are.
Status ReadStdin(const ReadCallbacks& cb, ReadStats* stats) {
  gzFile f = gzdopen(dup(fileno(stdin)), "rb");
  if (f == nullptr) return IOError("standard input: cannot open");
  ReadJsonlStream(f, "-", cb, stats);
  gzclose(f);
  return Status::OK();
}

void ReadOneFile(const fs::path& p, const ReadCallbacks& cb, ReadStats* stats) {
  ++stats->files;
  const std::string path = p.string();
  if (KindOf(p) == Kind::kJsonl) {
    ReadJsonlFile(path, cb, stats);
    return;
  }
  if (KindOf(p) == Kind::kWarc) {
    Status st = ReadWarcFile(path, cb, stats);
    if (!st.ok()) cb.on_reject(path, st);
    return;
  }
  std::error_code ec;
  const uintmax_t on_disk = fs::file_size(p, ec);
  if (!ec && on_disk > cb.limits.max_document_bytes) {
    ++stats->bytes;
    cb.on_reject(
        path,
        OverLimit("file of " + std::to_string(on_disk) + " bytes", cb.limits));
    return;
  }
  auto bytes = ReadFile(path);
  if (!bytes.ok()) {
    cb.on_reject(path, bytes.status());
    return;
  }
  stats->bytes += bytes->size();
  auto doc = DocumentFromBytes(path, *bytes, cb.limits);
  if (!doc.ok()) {
    cb.on_reject(path, doc.status());
    return;
  }
  if (doc->format == "jsonl") {  // sniffed: a JSONL file without extension
    ReadJsonlFile(path, cb, stats);
    return;
  }
  cb.on_document(std::move(*doc));
  if (cb.on_progress) cb.on_progress(stats->bytes);
}

}  // namespace

Status ParseJsonRecord(std::string_view line, Document* doc) {
  if (!IsValidUtf8(line)) {
    return InvalidArgumentError("invalid UTF-8 at byte " +
                                std::to_string(FindInvalidUtf8(line)));
  }
  nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return InvalidArgumentError("not a JSON object");
  }
  std::string content =
      JsonString(j, {"content", "text", "body", "article", "maintext"});
  if (content.empty())
    return InvalidArgumentError("record has no content or text");
  doc->format = "jsonl";
  doc->encoding = "UTF-8";
  doc->raw = std::move(content);
  doc->title = JsonString(j, {"title", "headline"});
  doc->outlet = JsonString(j, {"outlet", "source", "src", "site", "publisher",
                               "source_name", "website", "domain"});
  doc->url = JsonString(j, {"url", "link", "href"});
  doc->published = RecordDate(j);
  doc->author = JsonString(j, {"author", "byline", "authors"});
  doc->input_hash = Hash64(line, /*seed=*/3);
  return Status::OK();
}

StatusOr<Document> DocumentFromBytes(const std::string& name,
                                     std::string_view bytes,
                                     const ReadLimits& limits) {
  std::string inflated;
  if (IsGzip(bytes)) {
    auto out = Gunzip(bytes, limits.max_document_bytes);
    if (!out.ok() && out.status().code() == StatusCode::kInvalidArgument) {
      return OverLimit("decompressed file", limits);
    }
    ASSIGN_OR_RETURN(inflated, std::move(out));
    bytes = inflated;
  }
  if (bytes.size() > limits.max_document_bytes) {
    return OverLimit("file of " + std::to_string(bytes.size()) + " bytes",
                     limits);
  }
  Kind kind = KindOf(fs::path(name));
  if (kind == Kind::kUnknown) kind = Sniff(bytes);
  Document doc;
  doc.source = name;
  if (kind == Kind::kJsonl) {
    doc.format = "jsonl";
    return doc;
  }
  doc.format = kind == Kind::kHtml ? "html" : "txt";
  ASSIGN_OR_RETURN(Decoded d, DecodeToUtf8(bytes, kind == Kind::kHtml));
  doc.encoding = std::move(d.encoding);
  doc.raw = std::move(d.text);
  doc.input_hash = Hash64(bytes, kind == Kind::kHtml ? 2 : 1);
  return doc;
}

Status ReadInput(const std::string& input, const ReadCallbacks& cb,
                 ReadStats* stats) {
  if (input == "-") return ReadStdin(cb, stats);
  std::error_code ec;
  fs::path p(input);
  if (fs::is_directory(p, ec)) {
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(
             p, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      const fs::path& f = it->path();
      if (f.filename().string().rfind('.', 0) == 0) {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file(ec)) continue;
      if (KindOf(f) == Kind::kUnknown) {
        ++stats->skipped_files;
        continue;
      }
      files.push_back(f);
    }
    std::sort(files.begin(), files.end());  // deterministic order
    for (const fs::path& f : files) ReadOneFile(f, cb, stats);
    return Status::OK();
  }
  if (!fs::exists(p, ec))
    return NotFoundError(input + ": no such file or folder");
  ReadOneFile(p, cb, stats);
  return Status::OK();
}

uint64_t InputSize(const std::string& input) {
  if (input == "-") return 0;
  std::error_code ec;
  fs::path p(input);
  if (!fs::is_directory(p, ec)) return fs::file_size(p, ec);
  uint64_t total = 0;
  for (auto it = fs::recursive_directory_iterator(p, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (it->is_regular_file(ec) && KindOf(it->path()) != Kind::kUnknown) {
      total += it->file_size(ec);
    }
  }
  return total;
}

}  // namespace marsad
