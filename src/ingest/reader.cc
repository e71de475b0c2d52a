#include "src/ingest/reader.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <vector>

#include "src/base/file.h"
#include "src/base/hash.h"
#include "src/base/utf8.h"
#include "src/ingest/decode.h"
#include "src/ingest/warc.h"

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
  for (char& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
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
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (head.rfind("<!doctype html", 0) == 0 || head.find("<html") != std::string::npos ||
      head.find("<body") != std::string::npos) {
    return Kind::kHtml;
  }
  return Kind::kTxt;
}

std::string JsonString(const nlohmann::json& j, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    auto it = j.find(k);
    if (it != j.end() && it->is_string() && !it->get_ref<const std::string&>().empty()) {
      return it->get<std::string>();
    }
  }
  return "";
}

// "2015-07-21 02:51:32" -> "2015-07-21T02:51:32"; other forms kept.
std::string IsoDate(std::string s) {
  if (s.size() >= 19 && s[10] == ' ' && s[4] == '-' && s[7] == '-') s[10] = 'T';
  return s;
}

// Streams lines from a (possibly gzip-compressed) file with zlib's gz API,
// so a multi-gigabyte dump is never held in memory.
Status ReadJsonlFile(const std::string& path, const ReadCallbacks& cb,
                     ReadStats* stats) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return IOError(path + ": cannot open");
  gzbuffer(f, 1 << 17);
  std::string line;
  std::vector<char> buf(1 << 16);
  uint64_t lineno = 0;
  bool eof = false;
  while (!eof) {
    line.clear();
    while (true) {
      char* r = gzgets(f, buf.data(), static_cast<int>(buf.size()));
      if (r == nullptr) { eof = true; break; }
      size_t n = std::strlen(r);
      line.append(r, n);
      if (n > 0 && r[n - 1] == '\n') break;
    }
    if (eof && line.empty()) break;
    ++lineno;
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    std::string source = path + "#" + std::to_string(lineno);
    Document doc;
    Status st = ParseJsonRecord(line, &doc);
    if (!st.ok()) {
      cb.on_reject(source, st);
      continue;
    }
    doc.source = source;
    cb.on_document(std::move(doc));
    if (cb.on_progress && lineno % 256 == 0) cb.on_progress(gzoffset(f));
  }
  int err = 0;
  const char* msg = gzerror(f, &err);
  Status result = Status::OK();
  if (err != Z_OK && err != Z_STREAM_END) {
    result = CorruptionError(path + ": " + (msg ? msg : "gzip error"));
  }
  z_off_t consumed = gzoffset(f);
  gzclose(f);
  stats->bytes += consumed > 0 ? static_cast<uint64_t>(consumed) : 0;
  if (!result.ok()) cb.on_reject(path, result);
  return Status::OK();
}

Status ReadStdin(const ReadCallbacks& cb, ReadStats* stats) {
  std::string line;
  uint64_t lineno = 0;
  while (std::getline(std::cin, line)) {
    ++lineno;
    stats->bytes += line.size() + 1;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string source = "-#" + std::to_string(lineno);
    Document doc;
    Status st = ParseJsonRecord(line, &doc);
    if (!st.ok()) {
      cb.on_reject(source, st);
      continue;
    }
    doc.source = source;
    cb.on_document(std::move(doc));
  }
  return Status::OK();
}

void ReadOneFile(const fs::path& p, const ReadCallbacks& cb, ReadStats* stats) {
  ++stats->files;
  const std::string path = p.string();
  if (KindOf(p) == Kind::kJsonl) {
    (void)ReadJsonlFile(path, cb, stats);
    return;
  }
  if (KindOf(p) == Kind::kWarc) {
    Status st = ReadWarcFile(path, cb, stats);
    if (!st.ok()) cb.on_reject(path, st);
    return;
  }
  auto bytes = ReadFile(path);
  if (!bytes.ok()) {
    cb.on_reject(path, bytes.status());
    return;
  }
  stats->bytes += bytes->size();
  auto doc = DocumentFromBytes(path, *bytes);
  if (!doc.ok()) {
    cb.on_reject(path, doc.status());
    return;
  }
  if (doc->format == "jsonl") {  // sniffed: a JSONL file without extension
    (void)ReadJsonlFile(path, cb, stats);
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
  std::string content = JsonString(j, {"content", "text", "body"});
  if (content.empty()) return InvalidArgumentError("record has no content or text");
  doc->format = "jsonl";
  doc->encoding = "UTF-8";
  doc->raw = std::move(content);
  doc->title = JsonString(j, {"title", "headline"});
  doc->outlet = JsonString(j, {"outlet", "source", "site"});
  doc->url = JsonString(j, {"url", "link"});
  doc->published = IsoDate(JsonString(j, {"published", "date", "date_published", "date_extracted"}));
  doc->author = JsonString(j, {"author"});
  doc->input_hash = Hash64(line, /*seed=*/3);
  return Status::OK();
}

StatusOr<Document> DocumentFromBytes(const std::string& name,
                                     std::string_view bytes) {
  std::string inflated;
  if (IsGzip(bytes)) {
    ASSIGN_OR_RETURN(inflated, Gunzip(bytes, size_t{1} << 30));
    bytes = inflated;
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
  if (!fs::exists(p, ec)) return NotFoundError(input + ": no such file or folder");
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
