// One declaration of a report's plain fields (issue 25).
//
// A report's metadata and the scalars the stages derive from it (source,
// outlet, title, published, ...) used to be spelled out in six places: the
// SQLite and PostgreSQL schemas, both stores' INSERT and row readers, the
// JSON form (MetadataToJson) and the queue codec. kReportFields below is
// the one list they all walk now, so a new field is one row here plus the
// Document member (docs/architecture.md, "Adding a field").
//
// What the table drives, for each row:
//  * the column: its name and SQL type in both dialects; the stores' INSERT
//    column list and binds, and their row readers (`ArticleColumns`);
//  * the schema: a row's `sqlite_since` / `pg_since` is the schema version
//    that added its column. A migration once shipped never changes, so the
//    first versions' CREATE TABLE (src/store/schema.cc,
//    src/distrib/pg_schema.cc) still lists their columns by hand, and a test
//    holds them to this table; a later row's column is added by the
//    migration this table generates (`ReportFieldMigration`);
//  * the JSON form: MetadataToJson writes every row under its name (an
//    empty text or a zero number as null, except the required ones);
//  * the queue codec (src/distrib/report_codec.h): kInput rows travel in
//    both messages (read by ingest), kDerived rows only in the processed
//    one (made by the per-document stages).
//
// The columns that are not plain (id and the hashes, text, the compressed
// raw input, the analysis JSON, the opaque blobs, story and duplicate ids)
// keep their own code in each store: each has one way to be stored.
//
// Thread safety: constant data and pure functions.
#ifndef MARSAD_BASE_REPORT_FIELDS_H_
#define MARSAD_BASE_REPORT_FIELDS_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/document.h"

namespace marsad {

enum class FieldType {
  kText,  // std::string; "" is absent: NULL in SQL, null in JSON
  kInt,   // int64_t; 0 is absent: NULL in SQL, null in JSON
};

// Which queue messages carry the field (src/distrib/report_codec.h).
enum class FieldCodec {
  kInput,    // read by ingest: the report message and the processed one
  kDerived,  // made by the per-document stages: the processed message only
};

enum class SqlDialect { kSqlite, kPostgres };

struct ReportField {
  std::string_view name;  // Document member, SQL column, JSON and codec key
  FieldType type;
  FieldCodec codec;
  bool required;     // NOT NULL column; never null in JSON
  int sqlite_since;  // SQLite schema version that added the column
  int pg_since;      // PostgreSQL schema version that added the column
  std::string Document::*text = nullptr;  // kText
  int64_t Document::*integer = nullptr;   // kInt
};

// In column order. Appending a row: see docs/architecture.md.
inline constexpr ReportField kReportFields[] = {
    {"source", FieldType::kText, FieldCodec::kInput, true, 1, 1,
     &Document::source},
    {"format", FieldType::kText, FieldCodec::kInput, true, 1, 1,
     &Document::format},
    {"encoding", FieldType::kText, FieldCodec::kInput, false, 1, 1,
     &Document::encoding},
    {"outlet", FieldType::kText, FieldCodec::kInput, false, 1, 1,
     &Document::outlet},
    {"agency", FieldType::kText, FieldCodec::kInput, false, 1, 1,
     &Document::agency},
    {"author", FieldType::kText, FieldCodec::kInput, false, 1, 1,
     &Document::author},
    {"url", FieldType::kText, FieldCodec::kInput, false, 1, 1, &Document::url},
    {"section", FieldType::kText, FieldCodec::kInput, false, 1, 1,
     &Document::section},
    {"language", FieldType::kText, FieldCodec::kInput, false, 1, 1,
     &Document::language},
    {"title", FieldType::kText, FieldCodec::kInput, false, 1, 1,
     &Document::title},
    {"standfirst", FieldType::kText, FieldCodec::kInput, false, 1, 1,
     &Document::standfirst},
    {"published", FieldType::kText, FieldCodec::kInput, false, 1, 1,
     &Document::published},
    {"modified", FieldType::kText, FieldCodec::kInput, false, 1, 1,
     &Document::modified},
    // Added by following docs/architecture.md's "Adding a field": SQLite
    // schema v6, PostgreSQL v4.
    {"word_count", FieldType::kInt, FieldCodec::kDerived, false, 6, 4, nullptr,
     &Document::word_count},
};
inline constexpr size_t kReportFieldCount = std::size(kReportFields);

// "source, format, ..." in table order. With `schema_version` > 0, a column
// that version does not have yet reads as NULL (a read-only store of an
// older schema is read, not migrated).
std::string ReportFieldColumns(SqlDialect dialect, int schema_version = 0);

// The column's SQL type: TEXT, INTEGER (SQLite) or BIGINT (PostgreSQL),
// with NOT NULL for a required one.
std::string ReportFieldSqlType(const ReportField& f, SqlDialect dialect);

// The statements that add the columns of rows whose `*_since` is
// `version` ("" when none). REQUIRES: version > 1 (v1 writes its own).
std::string ReportFieldMigration(SqlDialect dialect, int version);

// The highest schema version a row names.
int ReportFieldsLastVersion(SqlDialect dialect);

// A dialect's migrations: the `written` ones (version i + 1 at index i),
// each followed by the columns its version adds (ReportFieldMigration), and
// after them the versions only report fields make.
std::vector<std::string> MigrationsWithReportFields(
    std::span<const std::string_view> written, SqlDialect dialect);

}  // namespace marsad

#endif  // MARSAD_BASE_REPORT_FIELDS_H_
