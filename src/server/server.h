// `marsad serve`: the JSON API (src/server/api.h) and the web UI's static
// files from one process, with cpp-httplib.
//
// Security: binds to loopback unless told otherwise; every response carries a
// strict Content-Security-Policy and nosniff; request bodies, page sizes and
// query lengths are bounded; static files are served only from the web root
// (httplib rejects paths that climb out of it); the store is opened
// read-only, and POST /api/ingest exists only with an ingest token.
#ifndef MARSAD_SERVER_SERVER_H_
#define MARSAD_SERVER_SERVER_H_

#include <functional>
#include <string>

#include "marsad/status.h"

namespace marsad {

struct ServerOptions {
  std::string db;
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string ingest_token;  // empty: read-only
  std::string web_root;      // empty: found by FindWebRoot()
  // Each open connection holds a thread while it is kept alive, so the pool
  // is sized for clients, not cores: with 4 threads, 16 wrk connections
  // waited on each other (p99 2.5 s). Each thread keeps one read-only SQLite
  // connection (cache up to 2 MB) and its own analysis buffers; with 16, the
  // server's memory settles near 180 MB under load (docs/RESULTS.md).
  int threads = 16;
};

// The built web UI: $MARSAD_WEB_DIR, <exe>/../share/marsad/web, or the
// source tree's web/dist; "" if none exists.
std::string FindWebRoot();

// Serves until SIGINT/SIGTERM (or until `stop` is set by another thread via
// StopServer). `on_listening` is called with the bound port.
Status RunServer(const ServerOptions& options,
                 const std::function<void(int port)>& on_listening = nullptr);
void StopServer();

}  // namespace marsad

#endif  // MARSAD_SERVER_SERVER_H_
