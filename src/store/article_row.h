// What both stores share about an article's row: the columns it is read
// from, in order, and the zstd form of the raw input it keeps.
//
// SQLite (src/store/sqlite_store.cc) and PostgreSQL (src/distrib/pg_store.cc)
// hold the articles table column for column; the plain report fields come
// from the field table (src/base/report_fields.h), and each store reads the
// row by these positions.
#ifndef MARSAD_STORE_ARTICLE_ROW_H_
#define MARSAD_STORE_ARTICLE_ROW_H_

#include <string>
#include <string_view>

#include "marsad/status.h"
#include "src/base/report_fields.h"

namespace marsad {

// The columns a Document is read from: the ids, the plain report fields of
// `dialect`'s schema `schema_version` (columns an older read-only store lacks
// read as NULL), then text, story_id, duplicate_of, analysis, fingerprint
// and story_features.
std::string ArticleColumns(SqlDialect dialect, int schema_version);

// Column of the first one after the report fields (text); the raw input,
// when read, follows story_features.
constexpr int kArticleAfterFields = 3 + static_cast<int>(kReportFieldCount);
constexpr int kArticleRawColumn = kArticleAfterFields + 6;

// The raw input as stored: a zstd frame (level 3), or the bytes themselves
// when zstd fails.
std::string CompressRaw(std::string_view in);

// The stored raw input back; Corruption when it is not a zstd frame.
StatusOr<std::string> DecompressRaw(std::string_view in);

}  // namespace marsad

#endif  // MARSAD_STORE_ARTICLE_ROW_H_
