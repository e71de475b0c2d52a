// marsad stories [--db FILE] [--json] [--limit N]: the stories, newest first.
#include <fmt/core.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "marsad/store.h"
#include "tools/marsad/commands.h"
#include "tools/marsad/print.h"

namespace marsad {

void AddStoriesCommand(CLI::App& app, CommandFn* run) {
  auto* cmd = app.add_subcommand("stories", "List the stories, newest first");
  auto db = std::make_shared<std::string>(DefaultDbPath());
  auto json_out = std::make_shared<bool>(false);
  auto limit = std::make_shared<int>(1000);
  cmd->add_option("--db", *db, "Database file");
  cmd->add_flag("--json", *json_out, "Print JSON");
  cmd->add_option("--limit", *limit, "At most this many stories");
  cmd->callback([=] {
    *run = [=] {
      auto store = OpenStoreOrPrint(*db, /*read_only=*/true);
      if (!store) return 1;
      auto stories = store->ListStories(Page{*limit, 0});
      if (!stories.ok()) return PrintError(stories.status());
      if (*json_out) {
        nlohmann::json arr = nlohmann::json::array();
        for (const StoryRow& s : *stories) arr.push_back(StoryToJson(s));
        std::cout << arr.dump(2) << "\n";
      } else {
        for (const StoryRow& s : *stories) PrintStoryLine(s, std::cout);
      }
      return 0;
    };
  });
}

}  // namespace marsad
