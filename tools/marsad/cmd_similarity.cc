// marsad similarity: not built yet (placeholder until its stage lands).
#include <iostream>

#include "tools/marsad/commands.h"

namespace marsad {

void AddSimilarityCommand(CLI::App& app, CommandFn* run) {
  auto* cmd = app.add_subcommand("similarity", "(not available yet)");
  cmd->callback([run] {
    *run = [] {
      std::cerr << "marsad similarity: not available in this build\n";
      return 2;
    };
  });
}

}  // namespace marsad
