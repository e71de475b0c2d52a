// CSV through libcsv (Debian's libcsv-dev), fed one line at a time.
//
// Why lines: the existing LineReader already bounds a line by
// --max-document-bytes without holding it and watches gzip inflation, and
// feeding libcsv a line at a time tells us, after each line, whether a record
// is still open (a quoted field running over the newline) and so on which
// line each record starts: errors name the right line however many newlines
// the quoted fields before it held. A record that grows past the limit over
// many lines is rejected and the parser restarted at the next line, so
// memory stays bounded by the limit. libcsv runs in strict mode: a stray
// quote rejects its row (named by line) instead of silently swallowing the
// rows after it; the parser then restarts at the next line.
#include "src/ingest/csv_reader.h"

#include <csv.h>

#include <nlohmann/json.hpp>
#include <vector>

#include "src/base/hash.h"
#include "src/base/utf8.h"
#include "src/ingest/fields.h"
#include "src/ingest/line_reader.h"

namespace marsad {

namespace {

constexpr int kRowNotBegun = 0;  // libcsv's pstate between records

// A header row names fields: a name longer than this is a report's text, and
// the file has no header row.
constexpr size_t kMaxHeaderName = 80;

}  // namespace

unsigned char CsvDelimiter(std::string_view line) {
  size_t comma = 0, semicolon = 0, tab = 0;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;  // "" inside quotes toggles twice
    if (quoted) continue;
    comma += c == ',';
    semicolon += c == ';';
    tab += c == '\t';
  }
  if (tab > comma && tab >= semicolon) return '\t';
  if (semicolon > comma) return ';';
  return ',';
}

Status CheckHeaderLine(std::string_view line, unsigned char* delim) {
  const size_t at = line.find_first_not_of(" \t\r");
  if (at == std::string_view::npos) {
    return InvalidArgumentError(
        "not a table: the first line is empty (a CSV file opens with a header "
        "row naming its fields, e.g. outlet,date,text)");
  }
  if (line[at] == '{' || line[at] == '[') {
    return InvalidArgumentError(
        "not a table: the first line is JSON (name a JSON Lines file .jsonl)");
  }
  if (line[at] == '<') {
    return InvalidArgumentError(
        "not a table: the first line is markup (name an HTML page .html)");
  }
  *delim = CsvDelimiter(line);
  size_t start = 0;
  bool quoted = false;
  for (size_t i = 0; i <= line.size(); ++i) {
    if (i < line.size() && line[i] == '"') quoted = !quoted;
    if (i < line.size() && (quoted || line[i] != *delim)) continue;
    if (i - start > kMaxHeaderName) {
      return InvalidArgumentError(
          "not a table with a header row: the first line holds a field of " +
          std::to_string(i - start) +
          " bytes, text rather than a field name (a CSV file opens with a "
          "header row naming its fields, comma, semicolon or tab between "
          "them, e.g. outlet,date,text)");
    }
    start = i + 1;
  }
  return Status::OK();
}

namespace {

class CsvReader {
 public:
  CsvReader(const std::string& name, const ReadCallbacks& cb)
      : name_(name), cb_(cb) {
    Restart();
  }
  ~CsvReader() { csv_free(&parser_); }
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // Feeds line number `lineno` (without its '\n'); returns false once the
  // file as a whole has been refused (a header without text).
  bool Line(std::string& line, uint64_t lineno) {
    if (lineno == 1 && !FirstLine(line)) return false;
    if (csv_parser_idle()) {
      start_ = lineno;
      record_bytes_ = 0;
    }
    line.push_back('\n');
    record_bytes_ += line.size();
    if (record_bytes_ > cb_.limits.max_document_bytes) {
      Reject(OverLimit("record", cb_.limits));
      return true;
    }
    const size_t n =
        csv_parse(&parser_, line.data(), line.size(), &OnField, &OnRow, this);
    if (n < line.size()) {
      Reject(InvalidArgumentError(
          std::string("broken quoting: ") + csv_strerror(csv_error(&parser_)) +
          " (a quote inside an unquoted field, or text after a closing "
          "quote)"));
      return true;
    }
    for (auto& row : rows_) {
      if (!Row(row)) return false;
    }
    rows_.clear();
    return true;
  }

  // A line over the limit: the record it is part of is lost.
  void TooLong(uint64_t lineno) {
    if (csv_parser_idle()) start_ = lineno;
    Reject(OverLimit("record", cb_.limits));
  }

  // At the end of the input: a record still open had an unclosed quote.
  void End() {
    if (!csv_parser_idle()) {
      Reject(InvalidArgumentError(
          "a quoted field is never closed (from this line to the end)"));
    }
  }

 private:
  bool csv_parser_idle() const { return parser_.pstate == kRowNotBegun; }

  // The first line: a byte order mark is dropped; the delimiter is the one
  // of comma, semicolon and tab the header names its fields with; a first
  // line that cannot be a header row refuses the file.
  bool FirstLine(std::string& line) {
    if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    Status st = CheckHeaderLine(line, &delim_);
    if (!st.ok()) {
      cb_.on_reject(name_, st);
      return false;
    }
    csv_set_delim(&parser_, delim_);
    return true;
  }

  void Restart() {
    if (started_) csv_free(&parser_);
    csv_init(&parser_, CSV_STRICT);
    csv_set_delim(&parser_, delim_);
    started_ = true;
    field_.clear();
    rows_.clear();
  }

  void Reject(const Status& why) {
    cb_.on_reject(name_ + "#" + std::to_string(start_), why);
    Restart();
  }

  static void OnField(void* s, size_t len, void* self) {
    auto* r = static_cast<CsvReader*>(self);
    r->field_.emplace_back(static_cast<const char*>(s), len);
  }
  static void OnRow(int, void* self) {
    auto* r = static_cast<CsvReader*>(self);
    r->rows_.push_back(std::move(r->field_));
    r->field_.clear();
  }

  // The first row names the fields; each later row is a report.
  bool Row(std::vector<std::string>& row) {
    if (header_.empty()) return Header(row);
    const std::string source = name_ + "#" + std::to_string(start_);
    if (row.size() != header_.size()) {
      cb_.on_reject(
          source, InvalidArgumentError("row has " + std::to_string(row.size()) +
                                       " fields, the header " +
                                       std::to_string(header_.size())));
      return true;
    }
    nlohmann::json record = nlohmann::json::object();
    uint64_t hash = 0;
    for (size_t i = 0; i < row.size(); ++i) {
      if (!IsValidUtf8(row[i])) {
        cb_.on_reject(
            source, InvalidArgumentError(
                        "invalid UTF-8 in field '" + header_[i] + "' at byte " +
                        std::to_string(FindInvalidUtf8(row[i]))));
        return true;
      }
      hash = Hash64(row[i], hash + 5);
      record[header_[i]] = std::move(row[i]);
    }
    Document doc;
    Status st = DocumentFromRecord(record, cb_.fields, &doc);
    if (!st.ok()) {
      cb_.on_reject(source, st);
      return true;
    }
    doc.source = source;
    doc.format = "csv";
    doc.encoding = "UTF-8";
    doc.input_hash = hash;
    cb_.on_document(std::move(doc));
    return true;
  }

  bool Header(std::vector<std::string>& row) {
    header_ = std::move(row);
    nlohmann::json probe = nlohmann::json::object();
    for (const std::string& h : header_) {
      if (!IsValidUtf8(h)) {
        cb_.on_reject(name_,
                      InvalidArgumentError("the header row is not UTF-8"));
        return false;
      }
      probe[h] = "x";
    }
    Document doc;
    if (!DocumentFromRecord(probe, cb_.fields, &doc).ok()) {
      cb_.on_reject(
          name_,
          InvalidArgumentError(
              header_.size() == 1
                  ? "not a table: the first line has no comma, semicolon or "
                    "tab between field names and names no text column "
                    "(content, text, body, article; or --field text=NAME)"
                  : "the header row names no text column (content, text, "
                    "body, article): name it with --field text=NAME"));
      return false;
    }
    return true;
  }

  const std::string& name_;
  const ReadCallbacks& cb_;
  csv_parser parser_{};
  bool started_ = false;
  unsigned char delim_ = ',';
  uint64_t start_ = 1;       // line the open record started on
  size_t record_bytes_ = 0;  // bytes of the open record so far
  std::vector<std::string> field_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<std::string> header_;
};

}  // namespace

void ReadCsvStream(gzFile f, const std::string& name, const ReadCallbacks& cb,
                   ReadStats* stats) {
  gzbuffer(f, 1 << 17);
  LineReader lines(f, cb.limits);
  CsvReader csv(name, cb);
  std::string line;
  uint64_t lineno = 0;
  bool go = true;
  for (LineReader::Result r;
       go && (r = lines.Next(&line)) != LineReader::kEnd;) {
    ++lineno;
    if (r == LineReader::kTooLong) {
      csv.TooLong(lineno);
      continue;
    }
    go = csv.Line(line, lineno);
    if (cb.on_progress && lineno % 256 == 0) cb.on_progress(gzoffset(f));
  }
  if (go) csv.End();
  EndOfStream(f, lines, name, cb, stats);
}

void ReadCsvFile(const std::string& path, const ReadCallbacks& cb,
                 ReadStats* stats) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) {
    cb.on_reject(path, IOError(path + ": cannot open"));
    return;
  }
  ReadCsvStream(f, path, cb, stats);
  gzclose(f);
}

}  // namespace marsad
