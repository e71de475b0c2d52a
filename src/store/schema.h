// The SQLite schema, as an ordered list of migrations. Migration i brings
// the database from user_version i to i+1; each runs in one transaction.
// Never edit a released migration: append a new one.
#ifndef MARSAD_STORE_SCHEMA_H_
#define MARSAD_STORE_SCHEMA_H_

#include <span>
#include <string_view>

namespace marsad {

std::span<const std::string_view> SqliteMigrations();

}  // namespace marsad

#endif  // MARSAD_STORE_SCHEMA_H_
