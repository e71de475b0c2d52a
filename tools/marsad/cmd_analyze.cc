// marsad analyze: not built yet (placeholder until its stage lands).
#include <iostream>

#include "tools/marsad/commands.h"

namespace marsad {

void AddAnalyzeCommand(CLI::App& app, CommandFn* run) {
  auto* cmd = app.add_subcommand("analyze", "(not available yet)");
  cmd->callback([run] {
    *run = [] {
      std::cerr << "marsad analyze: not available in this build\n";
      return 2;
    };
  });
}

}  // namespace marsad
