// CSV exports (.csv, .csv.gz): a header row naming the fields (the names
// src/ingest/fields.h knows, or --field mappings), then one report a row.
#ifndef MARSAD_INGEST_CSV_READER_H_
#define MARSAD_INGEST_CSV_READER_H_

#include <zlib.h>

#include <string>

#include "src/ingest/reader.h"

namespace marsad {

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
