// CSV exports (.csv, optionally .gz): a header row naming the fields
// (the names src/ingest/fields.h knows, or --field mappings), then one report
// a row. The delimiter (comma, semicolon or tab) is read from the header row;
// a UTF-8 byte order mark is dropped; quoted fields may hold newlines.
#ifndef MARSAD_INGEST_CSV_READER_H_
#define MARSAD_INGEST_CSV_READER_H_

#include <zlib.h>

#include <string>
#include <string_view>

#include "src/ingest/reader.h"

namespace marsad {

// The delimiter of a header line: whichever of comma, semicolon and tab
// occurs most often outside double quotes (comma when none does: a table of
// one column).
unsigned char CsvDelimiter(std::string_view line);

// Whether `line` (the file's first line, without its byte order mark) can be
// a header row; sets *delim. Fails with InvalidArgument saying why the file
// is not a table: an empty line, a JSON or markup line, a field too long to
// be a name (text, no header row).
Status CheckHeaderLine(std::string_view line, unsigned char* delim);

// Reads the CSV file at `path` (plain or gzip-compressed): each good row
// goes to cb.on_document with source "path#N", N the line its record starts
// on (the header is line 1; a quoted field may hold newlines, so a record can
// span lines). A bad row (wrong number of fields, broken quoting, invalid
// UTF-8, no text, over cb.limits.max_document_bytes) goes to cb.on_reject
// with the reason and the rows after it are read as usual. A header without
// a text column rejects the file once. Memory is bounded by the limit.
void ReadCsvFile(const std::string& path, const ReadCallbacks& cb,
                 ReadStats* stats);

// The same for an open stream; `name` prefixes the sources.
void ReadCsvStream(gzFile f, const std::string& name, const ReadCallbacks& cb,
                   ReadStats* stats);

}  // namespace marsad

#endif  // MARSAD_INGEST_CSV_READER_H_
