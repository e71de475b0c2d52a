#include "src/base/report_fields.h"

#include <algorithm>

namespace marsad {

namespace {

int Since(const ReportField& f, SqlDialect dialect) {
  return dialect == SqlDialect::kSqlite ? f.sqlite_since : f.pg_since;
}

}  // namespace

std::string ReportFieldColumns(SqlDialect dialect, int schema_version) {
  std::string out;
  for (const ReportField& f : kReportFields) {
    if (!out.empty()) out += ", ";
    if (schema_version > 0 && Since(f, dialect) > schema_version) {
      out += "NULL";
    } else {
      out += f.name;
    }
  }
  return out;
}

std::string ReportFieldSqlType(const ReportField& f, SqlDialect dialect) {
  std::string type = f.type == FieldType::kText       ? "TEXT"
                     : dialect == SqlDialect::kSqlite ? "INTEGER"
                                                      : "BIGINT";
  return f.required ? type + " NOT NULL" : type;
}

std::string ReportFieldMigration(SqlDialect dialect, int version) {
  std::string out;
  for (const ReportField& f : kReportFields) {
    if (Since(f, dialect) != version) continue;
    out += "ALTER TABLE articles ADD COLUMN ";
    out += f.name;
    out += ' ';
    out += ReportFieldSqlType(f, dialect);
    out += ";\n";
  }
  return out;
}

int ReportFieldsLastVersion(SqlDialect dialect) {
  int last = 0;
  for (const ReportField& f : kReportFields)
    last = std::max(last, Since(f, dialect));
  return last;
}

std::vector<std::string> MigrationsWithReportFields(
    std::span<const std::string_view> written, SqlDialect dialect) {
  std::vector<std::string> all(written.begin(), written.end());
  size_t last = std::max(all.size(),
                         static_cast<size_t>(ReportFieldsLastVersion(dialect)));
  all.resize(last);
  for (size_t v = 2; v <= last; ++v)
    all[v - 1] += ReportFieldMigration(dialect, static_cast<int>(v));
  return all;
}

}  // namespace marsad
