// marsad: Arabic-first news monitoring. See README.md for the commands.
#include <cstdlib>
#include <iostream>

#include "tools/marsad/commands.h"
#if MARSAD_HAVE_PG
#include "src/distrib/pg_store.h"
#endif

namespace marsad {

std::string DefaultDbPath() {
  const char* env = std::getenv("MARSAD_DB");
  return (env && *env) ? env : "marsad.db";
}

}  // namespace marsad

int main(int argc, char** argv) {
  CLI::App app{"marsad: Arabic-first news monitoring engine"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("marsad 0.1.0"));
  marsad::CommandFn run;
  using AddFn = void (*)(CLI::App&, marsad::CommandFn*);
  static constexpr AddFn kCommands[] = {
      marsad::AddIngestCommand,   marsad::AddStoriesCommand,
      marsad::AddShowCommand,     marsad::AddExportCommand,
      marsad::AddDemoCommand,     marsad::AddAnalyzeCommand,
      marsad::AddExtractCommand,  marsad::AddSimilarityCommand,
      marsad::AddNerCommand,      marsad::AddStoryCommand,
      marsad::AddSearchCommand,   marsad::AddServeCommand,
      marsad::AddWatchCommand,    marsad::AddAlertCommand,
      marsad::AddBriefCommand,    marsad::AddKeepAnswersCommand,
      marsad::AddRethreadCommand,
  };
  for (AddFn add : kCommands) add(app, &run);
#if MARSAD_HAVE_DISTRIB
  marsad::AddWorkerCommand(app, &run);
#endif
#if MARSAD_HAVE_PG
  marsad::RegisterPgStore();  // --db postgresql://... for every command
#endif
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  return run ? run() : 2;
}
