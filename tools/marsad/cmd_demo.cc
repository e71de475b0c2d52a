// marsad demo: not built yet (placeholder until its stage lands).
#include <iostream>

#include "tools/marsad/commands.h"

namespace marsad {

void AddDemoCommand(CLI::App& app, CommandFn* run) {
  auto* cmd = app.add_subcommand("demo", "(not available yet)");
  cmd->callback([run] {
    *run = [] {
      std::cerr << "marsad demo: not available in this build\n";
      return 2;
    };
  });
}

}  // namespace marsad
