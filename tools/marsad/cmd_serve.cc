// marsad serve [--db FILE|postgresql://...] [--host 127.0.0.1] [--port 8080] [--ingest-token T]
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
  cmd->add_option("--host", opts->host, "Address to listen on (loopback by default)");
  cmd->add_option("--port", opts->port, "Port (0: any free port)");
  cmd->add_option("--ingest-token", opts->ingest_token,
                  "Allow POST /api/ingest with this bearer token (read-only without)");
  cmd->add_option("--web-root", opts->web_root, "Folder of the built web UI");
  cmd->add_option("--threads", opts->threads, "Worker threads (one per open connection; default 16)");
  cmd->callback([=] {
    *run = [=]() -> int {
      Status st = RunServer(*opts, [&](int port) {
        std::cout << "marsad: serving " << opts->db << " on http://" << opts->host << ":" << port
                  << "/" << (opts->ingest_token.empty() ? " (read-only)" : "") << std::endl;
      });
      return st.ok() ? 0 : PrintError(st);
    };
  });
}

}  // namespace marsad
