// `marsad serve`: the JSON API (src/server/api.h) and the web UI's static
// files from one process, with cpp-httplib.
//
// Security (docs/scaling.md, "Deploying behind a reverse proxy"): binds to
// loopback unless told otherwise, and then answers only Host names of
// loopback (DNS rebinding); warns when exposed without tokens; bearer
// tokens with roles (src/server/access.h); every request's head, body and
// answer have deadlines (src/server/connection.h); bodies are refused on
// GET and above max_body_bytes before they are read; every response
// carries a strict Content-Security-Policy and nosniff, and every API error
// is JSON without internal detail; static files are served only if their
// canonical path is inside the canonical web root (no symlink out); the
// store is opened read-only, and POST /api/ingest exists only with an
// ingest token.
#ifndef MARSAD_SERVER_SERVER_H_
#define MARSAD_SERVER_SERVER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "marsad/status.h"
#include "src/ingest/fields.h"

namespace marsad {

class Resources;

struct ServerOptions {
  std::string db;
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string ingest_token;  // empty: read-only
  // Lines "token<TAB>role" (src/server/access.h); $MARSAD_TOKENS adds
  // "token:role,..." pairs. With any, every /api/ request needs a token.
  std::string token_file;
  // Host names answered besides loopback's (e.g. the reverse proxy's).
  std::vector<std::string> allowed_hosts;
  std::string web_root;  // empty: found by FindWebRoot()
  // Each open connection holds a thread while it is kept alive, so the pool
  // is sized for clients, not cores: with 4 threads, 16 wrk connections
  // waited on each other (p99 2.5 s). Each thread opens one read-only SQLite
  // connection (cache up to 2 MB) when it first answers the API; with 16,
  // the server's memory settled near 180 MB under load (docs/RESULTS.md).
  // 32, so that slow clients (cut off after header_timeout_ms) must be many
  // to make others wait at all (issue 24).
  int threads = 32;
  // A request's line and headers must arrive within this.
  int header_timeout_ms = 5000;
  // Largest request body (POST /api/ingest); a GET's body is refused.
  int64_t max_body_bytes = int64_t{64} << 20;
  // POST /api/ingest records: besides text/outlet/url/published/title, the
  // names exports use (src/ingest/fields.h) and these (--field).
  FieldMap fields;
  // The tables and models POST /api/ingest runs the stages with (not owned;
  // must outlive RunServer); null: RunServer loads them once before
  // listening when ingest can be allowed, and fails if a file is missing or
  // damaged.
  const Resources* resources = nullptr;
};

// The warning `marsad serve` prints before listening, or "" (bound to
// loopback, or tokens configured).
std::string ExposureWarning(const ServerOptions& options, bool has_tokens);

// The built web UI: $MARSAD_WEB_DIR, <exe>/../share/marsad/web, or the
// source tree's web/dist; "" if none exists.
std::string FindWebRoot();

// Serves until SIGINT/SIGTERM or StopServer from another thread.
// `on_listening` is called with the bound port.
Status RunServer(const ServerOptions& options,
                 const std::function<void(int port)>& on_listening = nullptr);
void StopServer();
// Stops the server listening on `port` (if it is running).
void StopServer(int port);

}  // namespace marsad

#endif  // MARSAD_SERVER_SERVER_H_
