// The PostgreSQL schema, as an ordered list of migrations (migration i
// brings marsad_schema.version from i to i+1). Never edit a released
// migration: append a new one.
#ifndef MARSAD_DISTRIB_PG_SCHEMA_H_
#define MARSAD_DISTRIB_PG_SCHEMA_H_

#include <span>
#include <string_view>

namespace marsad {

std::span<const std::string_view> PgMigrations();

}  // namespace marsad

#endif  // MARSAD_DISTRIB_PG_SCHEMA_H_
