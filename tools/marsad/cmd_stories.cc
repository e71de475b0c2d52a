// marsad stories: not built yet (placeholder until its stage lands).
#include <iostream>

#include "tools/marsad/commands.h"

namespace marsad {

void AddStoriesCommand(CLI::App& app, CommandFn* run) {
  auto* cmd = app.add_subcommand("stories", "(not available yet)");
  cmd->callback([run] {
    *run = [] {
      std::cerr << "marsad stories: not available in this build\n";
      return 2;
    };
  });
}

}  // namespace marsad
