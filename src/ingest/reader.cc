#include "src/ingest/reader.h"

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <vector>

#include "src/base/file.h"
#include "src/base/hash.h"
#include "src/base/utf8.h"
#include "src/ingest/csv_reader.h"
#include "src/ingest/decode.h"
#include "src/ingest/fields.h"
#include "src/ingest/line_reader.h"
#include "src/ingest/warc.h"

namespace marsad {

namespace fs = std::filesystem;

namespace {

enum class Kind { kTxt, kHtml, kJsonl, kCsv, kWarc, kUnknown };

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
  if (e == ".csv") return Kind::kCsv;
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
    Status st = ParseJsonRecord(line, &doc, cb.fields);
    if (!st.ok()) {
      cb.on_reject(source, st);
      continue;
    }
    doc.source = std::move(source);
    cb.on_document(std::move(doc));
    if (cb.on_progress && lineno % 256 == 0) cb.on_progress(gzoffset(f));
  }
  EndOfStream(f, reader, name, cb, stats);
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
  if (KindOf(p) == Kind::kCsv) {
    ReadCsvFile(path, cb, stats);
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

Status ParseJsonRecord(std::string_view line, Document* doc,
                       const FieldMap& fields) {
  if (!IsValidUtf8(line)) {
    return InvalidArgumentError("invalid UTF-8 at byte " +
                                std::to_string(FindInvalidUtf8(line)));
  }
  nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return InvalidArgumentError("not a JSON object");
  }
  RETURN_IF_ERROR(DocumentFromRecord(j, fields, doc));
  doc->format = "jsonl";
  doc->encoding = "UTF-8";
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
