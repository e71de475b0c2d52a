// Thin RAII helpers over the SQLite C API: a prepared statement with typed
// binds and column reads. Errors become Status with the database's message.
#ifndef MARSAD_STORE_SQLITE_UTIL_H_
#define MARSAD_STORE_SQLITE_UTIL_H_

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "marsad/status.h"

namespace marsad {

Status SqliteError(sqlite3* db, std::string_view what);
// Runs one or more statements without results.
Status Exec(sqlite3* db, std::string_view sql);

class Stmt {
 public:
  // REQUIRES: db outlives the statement.
  static StatusOr<Stmt> Prepare(sqlite3* db, std::string_view sql);
  Stmt(Stmt&& o) noexcept : db_(o.db_), s_(o.s_) { o.s_ = nullptr; }
  Stmt& operator=(Stmt&& o) noexcept;
  ~Stmt();

  Stmt& Bind(int i, int64_t v);
  Stmt& Bind(int i, double v);
  Stmt& Bind(int i, std::string_view v);         // TEXT; empty binds NULL
  Stmt& BindNonNull(int i, std::string_view v);  // TEXT; empty binds ''
  Stmt& BindBlob(int i, std::string_view v);
  Stmt& BindNull(int i);

  // Steps once: true if a row is available, false when done.
  StatusOr<bool> Step();
  // Steps to completion and resets, for statements without rows.
  Status Run();
  void Reset();

  int64_t Int(int col) const;
  double Double(int col) const;
  bool IsNull(int col) const;
  std::string Text(int col) const;  // "" for NULL
  std::string Blob(int col) const;

 private:
  Stmt(sqlite3* db, sqlite3_stmt* s) : db_(db), s_(s) {}
  sqlite3* db_;
  sqlite3_stmt* s_;
};

}  // namespace marsad

#endif  // MARSAD_STORE_SQLITE_UTIL_H_
