// marsad serve [--db FILE|postgresql://...] [--host 127.0.0.1] [--port 8080]
// [--ingest-token T]
//              [--token-file FILE] [--allow-host NAME]... [--max-body-bytes N]
#include <iostream>

#include "src/server/server.h"
#include "tools/marsad/commands.h"
#include "tools/marsad/print.h"

namespace marsad {

void AddServeCommand(CLI::App& app, CommandFn* run) {
  auto* cmd = app.add_subcommand("serve", "Serve the JSON API and the web UI");
  auto opts = std::make_shared<ServerOptions>();
  opts->db = DefaultDbPath();
  cmd->add_option("--db", opts->db, "Database file or postgresql:// URL");
  cmd->add_option("--host", opts->host,
                  "Address to listen on (loopback by default)");
  cmd->add_option("--port", opts->port, "Port (0: any free port)");
  cmd->add_option(
      "--ingest-token", opts->ingest_token,
      "Allow POST /api/ingest with this bearer token (read-only without)");
  cmd->add_option("--web-root", opts->web_root, "Folder of the built web UI");
  cmd->add_option("--threads", opts->threads,
                  "Worker threads (one per open connection; default 32)");
  cmd->add_option(
      "--token-file", opts->token_file,
      "Bearer tokens, lines token<TAB>role (read, ingest, admin); with it "
      "every "
      "/api/ request needs one ($MARSAD_TOKENS adds token:role,...)");
  cmd->add_option(
      "--allow-host", opts->allowed_hosts,
      "Also answer requests for this Host name (e.g. the reverse proxy's); "
      "repeatable");
  cmd->add_option("--max-body-bytes", opts->max_body_bytes,
                  "Largest POST /api/ingest body (default 64 MiB)");
  cmd->add_option(
      "--header-timeout-ms", opts->header_timeout_ms,
      "Time allowed for a request's line and headers (default 5000)");
  auto fields = std::make_shared<std::vector<std::string>>();
  cmd->add_option(
      "--field", *fields,
      "TARGET=NAME: the field of POST /api/ingest records holding outlet, "
      "date, "
      "text, title, url or author (repeatable), e.g. --field outlet=src");
  cmd->callback([=] {
    *run = [=]() -> int {
      auto field_map = FieldMap::Parse(*fields);
      if (!field_map.ok()) return PrintError(field_map.status());
      opts->fields = std::move(*field_map);
      Status st = RunServer(*opts, [&](int port) {
        std::cout << "marsad: serving " << opts->db << " on http://"
                  << opts->host << ":" << port << "/"
                  << (opts->ingest_token.empty() && opts->token_file.empty()
                          ? " (read-only)"
                          : "")
                  << std::endl;
      });
      return st.ok() ? 0 : PrintError(st);
    };
  });
}

}  // namespace marsad
