// marsad extract: not built yet (placeholder until its stage lands).
#include <iostream>

#include "tools/marsad/commands.h"

namespace marsad {

void AddExtractCommand(CLI::App& app, CommandFn* run) {
  auto* cmd = app.add_subcommand("extract", "(not available yet)");
  cmd->callback([run] {
    *run = [] {
      std::cerr << "marsad extract: not available in this build\n";
      return 2;
    };
  });
}

}  // namespace marsad
