// marsad demo: ingest the bundled sample corpus into a fresh database and
// show the stories found. What `make demo` runs after building.
#include <fmt/core.h>

#include <filesystem>
#include <iostream>

#include "src/base/data.h"
#include "tools/marsad/commands.h"
#include "tools/marsad/ingest_run.h"
#include "tools/marsad/print.h"

namespace marsad {

void AddDemoCommand(CLI::App& app, CommandFn* run) {
  auto* cmd = app.add_subcommand(
      "demo", "Ingest the bundled sample and show its stories");
  auto db = std::make_shared<std::string>("marsad-demo.db");
  cmd->add_option("--db", *db,
                  "Database file to create (replaced if it exists)");
  cmd->callback([=] {
    *run = [=]() -> int {
      std::string sample = DataPath("sample");
      if (!std::filesystem::is_directory(sample)) {
        return PrintError(
            NotFoundError("sample corpus not found at " + sample));
      }
      for (const char* ext : {"", "-wal", "-shm"})
        std::filesystem::remove(*db + ext);
      std::cout << "marsad demo: ingesting the sample corpus " << sample
                << "\n";
      IngestSummary summary;
      int rc = RunIngest(*db, {sample}, false, &summary);
      if (rc != 0 && summary.stored == 0) return rc;
      auto store = OpenStoreOrPrint(*db, true);
      if (!store) return 1;
      auto stories = store->ListStories(Page{100, 0});
      if (!stories.ok()) return PrintError(stories.status());
      std::cout << fmt::format("\n{} stories, newest first:\n\n",
                               stories->size());
      for (const StoryRow& s : *stories) PrintStoryLine(s, std::cout);
      std::cout << fmt::format(
          "\nExplore: build/marsad show --db {0} s<ID> | build/marsad search "
          "--db {0} "
          "QUERY | build/marsad serve --db {0} (then open "
          "http://127.0.0.1:8080)\n",
          *db);
      return rc;
    };
  });
}

}  // namespace marsad
