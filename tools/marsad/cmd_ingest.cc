// marsad ingest: not built yet (placeholder until its stage lands).
#include <iostream>

#include "tools/marsad/commands.h"

namespace marsad {

void AddIngestCommand(CLI::App& app, CommandFn* run) {
  auto* cmd = app.add_subcommand("ingest", "(not available yet)");
  cmd->callback([run] {
    *run = [] {
      std::cerr << "marsad ingest: not available in this build\n";
      return 2;
    };
  });
}

}  // namespace marsad
