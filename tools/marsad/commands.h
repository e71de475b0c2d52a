// The marsad command-line tool: a table of subcommands over the library
// (Ninja's ninja.cc). Each Add*Command registers one subcommand on `app`; when
// it is chosen, its callback stores the work to do in *run, which main calls
// and whose return value is the exit code (0 ok, 1 some inputs rejected or
// failed, 2 usage error).
#ifndef MARSAD_TOOLS_MARSAD_COMMANDS_H_
#define MARSAD_TOOLS_MARSAD_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

namespace marsad {

using CommandFn = std::function<int()>;

// Default database path: $MARSAD_DB, else "marsad.db" in the current folder.
std::string DefaultDbPath();

void AddIngestCommand(CLI::App& app, CommandFn* run);
void AddKeepAnswersCommand(CLI::App& app, CommandFn* run);
void AddStoriesCommand(CLI::App& app, CommandFn* run);
void AddShowCommand(CLI::App& app, CommandFn* run);
void AddExportCommand(CLI::App& app, CommandFn* run);
void AddRethreadCommand(CLI::App& app, CommandFn* run);
void AddDemoCommand(CLI::App& app, CommandFn* run);
void AddAnalyzeCommand(CLI::App& app, CommandFn* run);
void AddExtractCommand(CLI::App& app, CommandFn* run);
void AddSimilarityCommand(CLI::App& app, CommandFn* run);
void AddNerCommand(CLI::App& app, CommandFn* run);
void AddStoryCommand(CLI::App& app, CommandFn* run);
void AddSearchCommand(CLI::App& app, CommandFn* run);
void AddServeCommand(CLI::App& app, CommandFn* run);
void AddWatchCommand(CLI::App& app, CommandFn* run);
void AddAlertCommand(CLI::App& app, CommandFn* run);
void AddBriefCommand(CLI::App& app, CommandFn* run);
// Built with the queue workers (src/distrib, MARSAD_HAVE_DISTRIB).
void AddWorkerCommand(CLI::App& app, CommandFn* run);
struct IngestLimits;  // tools/marsad/ingest_run.h
// `marsad ingest --queue`: publish the inputs' reports instead of storing,
// read within the same limits and --field mappings as a local ingest.
int RunQueuePublish(const std::string& queue,
                    const std::vector<std::string>& inputs, bool quiet,
                    const IngestLimits& limits);

}  // namespace marsad

#endif  // MARSAD_TOOLS_MARSAD_COMMANDS_H_
