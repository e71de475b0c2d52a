// marsad ner: not built yet (placeholder until its stage lands).
#include <iostream>

#include "tools/marsad/commands.h"

namespace marsad {

void AddNerCommand(CLI::App& app, CommandFn* run) {
  auto* cmd = app.add_subcommand("ner", "(not available yet)");
  cmd->callback([run] {
    *run = [] {
      std::cerr << "marsad ner: not available in this build\n";
      return 2;
    };
  });
}

}  // namespace marsad
