// marsad show: not built yet (placeholder until its stage lands).
#include <iostream>

#include "tools/marsad/commands.h"

namespace marsad {

void AddShowCommand(CLI::App& app, CommandFn* run) {
  auto* cmd = app.add_subcommand("show", "(not available yet)");
  cmd->callback([run] {
    *run = [] {
      std::cerr << "marsad show: not available in this build\n";
      return 2;
    };
  });
}

}  // namespace marsad
