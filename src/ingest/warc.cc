#include "src/ingest/warc.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <vector>

#include "src/base/file.h"
#include "src/base/hash.h"
#include "src/ingest/decode.h"

namespace marsad {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' ||
                        s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

// Header block "Name: value\r\n..." up to the blank line; names lowercased.
struct Headers {
  std::vector<std::pair<std::string, std::string>> items;
  std::string Get(std::string_view name) const {
    for (const auto& [k, v] : items) {
      if (k == name) return v;
    }
    return "";
  }
};

void ParseHeaderLine(std::string_view line, Headers* h) {
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return;
  h->items.emplace_back(Lower(TrimSpace(line.substr(0, colon))),
                        std::string(TrimSpace(line.substr(colon + 1))));
}

StatusOr<std::string> Dechunk(std::string_view body) {
  std::string out;
  size_t i = 0;
  while (i < body.size()) {
    size_t eol = body.find("\r\n", i);
    if (eol == std::string_view::npos)
      return CorruptionError("bad chunked encoding");
    size_t size =
        std::strtoul(std::string(body.substr(i, eol - i)).c_str(), nullptr, 16);
    i = eol + 2;
    if (size == 0) break;
    if (i + size > body.size()) return CorruptionError("truncated chunk");
    out.append(body.substr(i, size));
    i += size + 2;
  }
  return out;
}

StatusOr<std::string> Inflate(std::string_view data, bool raw_deflate) {
  if (!raw_deflate) return Gunzip(data, size_t{256} << 20);
  z_stream zs{};
  if (inflateInit2(&zs, -15) != Z_OK) return InternalError("inflateInit2");
  std::string out;
  char buf[1 << 15];
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  int rc;
  do {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof(buf);
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof(buf) - zs.avail_out);
  } while (rc == Z_OK && zs.avail_in > 0);
  inflateEnd(&zs);
  if (rc != Z_STREAM_END && rc != Z_OK)
    return CorruptionError("bad deflate body");
  return out;
}

bool ReadLine(gzFile f, std::string* line) {
  line->clear();
  char buf[8192];
  while (gzgets(f, buf, sizeof(buf)) != nullptr) {
    line->append(buf);
    if (!line->empty() && line->back() == '\n') return true;
  }
  return !line->empty();
}

}  // namespace

StatusOr<Document> DocumentFromHttpResponse(std::string_view msg) {
  size_t head_end = msg.find("\r\n\r\n");
  size_t sep = 4;
  if (head_end == std::string_view::npos) {
    head_end = msg.find("\n\n");
    sep = 2;
  }
  if (head_end == std::string_view::npos)
    return CorruptionError("HTTP message without headers");
  std::string_view head = msg.substr(0, head_end);
  std::string_view body = msg.substr(head_end + sep);
  size_t eol = head.find('\n');
  std::string_view status_line = TrimSpace(head.substr(0, eol));
  if (status_line.rfind("HTTP/", 0) != 0)
    return CorruptionError("not an HTTP response");
  size_t sp = status_line.find(' ');
  int status =
      sp == std::string_view::npos
          ? 0
          : std::atoi(std::string(status_line.substr(sp + 1, 3)).c_str());
  if (status != 200)
    return UnsupportedError("HTTP status " + std::to_string(status));
  Headers h;
  size_t pos = eol == std::string_view::npos ? head.size() : eol + 1;
  while (pos < head.size()) {
    size_t e = head.find('\n', pos);
    if (e == std::string_view::npos) e = head.size();
    ParseHeaderLine(head.substr(pos, e - pos), &h);
    pos = e + 1;
  }
  std::string owned(body);
  if (Lower(h.Get("transfer-encoding")).find("chunked") != std::string::npos) {
    ASSIGN_OR_RETURN(owned, Dechunk(owned));
  }
  std::string coding = Lower(h.Get("content-encoding"));
  if (coding == "gzip" || coding == "x-gzip" || coding == "deflate") {
    ASSIGN_OR_RETURN(owned, Inflate(owned, coding == "deflate"));
  }
  return DocumentFromHttpBody(h.Get("content-type"), owned);
}

StatusOr<Document> DocumentFromHttpBody(std::string_view content_type,
                                        std::string_view body) {
  std::string type = Lower(content_type);
  bool html = type.find("html") != std::string::npos;
  bool text = type.rfind("text/", 0) == 0 || type.empty();
  if (!html && !text) return UnsupportedError("content type " + type);
  if (type.empty()) {  // undeclared: sniff as a file reader would
    std::string head(TrimSpace(body.substr(0, 512)));
    head = Lower(head);
    html = head.find("<html") != std::string::npos ||
           head.find("<!doctype html") != std::string::npos ||
           head.find("<body") != std::string::npos;
  }
  Document doc;
  doc.format = html ? "html" : "txt";
  size_t cs = type.find("charset=");
  std::string charset;
  if (cs != std::string::npos) {
    std::string_view v = TrimSpace(std::string_view(type).substr(cs + 8));
    v = v.substr(0, v.find(';'));
    if (!v.empty() && (v.front() == '"' || v.front() == '\'')) {
      v.remove_prefix(1);
    }
    if (!v.empty() && (v.back() == '"' || v.back() == '\'')) v.remove_suffix(1);
    charset = std::string(TrimSpace(v));
  }
  if (!charset.empty() && charset != "utf-8" && charset != "utf8") {
    auto t = ConvertToUtf8(body, charset);
    if (t.ok()) {
      doc.raw = std::move(*t);
      doc.encoding = charset;
    }
  }
  if (doc.raw.empty()) {
    ASSIGN_OR_RETURN(Decoded d, DecodeToUtf8(body, html));
    doc.raw = std::move(d.text);
    doc.encoding = std::move(d.encoding);
  }
  doc.input_hash = Hash64(body, 5);
  return doc;
}

Status ReadWarcFile(const std::string& path, const ReadCallbacks& cb,
                    ReadStats* stats) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return IOError(path + ": cannot open");
  gzbuffer(f, 1 << 17);
  std::string line;
  uint64_t record = 0;
  while (ReadLine(f, &line)) {
    if (TrimSpace(line).empty()) continue;  // record separators
    if (line.rfind("WARC/", 0) != 0) {
      cb.on_reject(path + "#" + std::to_string(record + 1),
                   CorruptionError("not a WARC record"));
      break;
    }
    ++record;
    Headers h;
    while (ReadLine(f, &line) && !TrimSpace(line).empty())
      ParseHeaderLine(line, &h);
    // Content-Length must be digits: strtoull would read "-96" as 2^64 - 96
    // and the block's allocation would throw. Without a trustworthy length
    // the next record cannot be found, so the file ends here.
    const std::string length_field(TrimSpace(h.Get("content-length")));
    std::string source = path + "#" + std::to_string(record);
    if (length_field.empty() || length_field.size() > 19 ||
        length_field.find_first_not_of("0123456789") != std::string::npos) {
      cb.on_reject(source, CorruptionError("WARC record without a valid "
                                           "Content-Length: '" +
                                           length_field.substr(0, 40) + "'"));
      break;
    }
    const uint64_t length = std::strtoull(length_field.c_str(), nullptr, 10);
    if (length > cb.limits.max_document_bytes) {
      // Skipped, never held; the records after it are still read.
      cb.on_reject(source,
                   InvalidArgumentError(
                       "WARC record of " + std::to_string(length) +
                       " bytes is over --max-document-bytes (" +
                       std::to_string(cb.limits.max_document_bytes) + ")"));
      if (gzseek(f, static_cast<z_off_t>(length), SEEK_CUR) < 0) break;
      continue;
    }
    std::string block(length, '\0');
    int got =
        length ? gzread(f, block.data(), static_cast<unsigned>(length)) : 0;
    if (got < 0 || static_cast<size_t>(got) != length) {
      cb.on_reject(source, CorruptionError("truncated WARC record"));
      break;
    }
    if (h.Get("warc-type") != "response") continue;
    if (Lower(h.Get("content-type")).find("application/http") ==
        std::string::npos)
      continue;
    auto doc = DocumentFromHttpResponse(block);
    if (!doc.ok()) {
      if (doc.status().code() != StatusCode::kUnsupported)
        cb.on_reject(source, doc.status());
      continue;
    }
    doc->source = source;
    doc->url = h.Get("warc-target-uri");
    if (!doc->url.empty() && doc->url.front() == '<')
      doc->url = doc->url.substr(1, doc->url.size() - 2);
    cb.on_document(std::move(*doc));
    if (cb.on_progress) cb.on_progress(gzoffset(f));
  }
  z_off_t consumed = gzoffset(f);
  gzclose(f);
  stats->bytes += consumed > 0 ? static_cast<uint64_t>(consumed) : 0;
  return Status::OK();
}

}  // namespace marsad
