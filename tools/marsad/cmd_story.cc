// marsad story: not built yet (placeholder until its stage lands).
#include <iostream>

#include "tools/marsad/commands.h"

namespace marsad {

void AddStoryCommand(CLI::App& app, CommandFn* run) {
  auto* cmd = app.add_subcommand("story", "(not available yet)");
  cmd->callback([run] {
    *run = [] {
      std::cerr << "marsad story: not available in this build\n";
      return 2;
    };
  });
}

}  // namespace marsad
