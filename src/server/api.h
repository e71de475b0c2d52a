// The JSON API over a store (docs/openapi.yaml), independent of HTTP: each
// handler takes parsed parameters and returns a JSON body or an error
// Status. src/server/server.cc maps them onto routes.
//
// Thread safety: an Api object is used by one thread at a time (it owns a
// read-only store connection); the server keeps one per worker thread.
#ifndef MARSAD_SERVER_API_H_
#define MARSAD_SERVER_API_H_

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "marsad/status.h"
#include "marsad/store.h"

namespace marsad {

using Params = std::map<std::string, std::string>;

class CleanLexicon;
class FactsLexicon;
class StoryCache;

class Api {
 public:
  // `store`: any Store (SQLite or PostgreSQL), read-only or writable.
  // `outlets`: the outlets' Latin names and countries (data/clean/
  // outlets.tsv: Resources::clean_lexicon(), or a CleanLexicon loaded
  // alone). `facts`: the comparison's tables (Resources::facts_lexicon(),
  // or a FactsLexicon loaded alone); null only in a build without
  // src/facts. Both must outlive the Api.
  // `cache`: stories' comparisons kept between requests (src/server/
  // story_cache.h), shared by the server's Api objects; null: none kept.
  Api(std::unique_ptr<Store> store, const CleanLexicon& outlets,
      const FactsLexicon* facts, std::shared_ptr<StoryCache> cache = nullptr);
  ~Api();

  StatusOr<nlohmann::json> Health();
  StatusOr<nlohmann::json> Stories(const Params& p);
  StatusOr<nlohmann::json> Story(int64_t id);
  // The stories of the thread named by `id` (the thread's id, or any of its
  // stories' ids), newest first, paged: limit, offset.
  StatusOr<nlohmann::json> Thread(int64_t id, const Params& p);
  StatusOr<nlohmann::json> Article(int64_t id);
  StatusOr<nlohmann::json> Search(const Params& p);
  StatusOr<nlohmann::json> Outlets();
  // An outlet's profile (issue 27): its reports, stories, whom it cites,
  // its reporting delay and how often its figures sit apart from the other
  // outlets' on the same point; bounded by caps said in "sampled_stories".
  // NotFound for an outlet with no report.
  StatusOr<nlohmann::json> OutletProfile(const std::string& outlet);
  StatusOr<nlohmann::json> Alerts();
  StatusOr<nlohmann::json> Entities(const Params& p);
  StatusOr<nlohmann::json> Entity(const std::string& id, const Params& p);
  StatusOr<nlohmann::json> Events(const Params& p);
  StatusOr<nlohmann::json> Timeline(const Params& p);
  StatusOr<nlohmann::json> Places(const Params& p);
  // A story's points with their timelines (src/server/brief.h), and its
  // brief: format "html" (a page) or "md".
  StatusOr<nlohmann::json> Points(int64_t id, const Params& p);
  StatusOr<std::string> Brief(int64_t id, const std::string& format);
  // Watch a story (issue 27): saves in `writable` (the same store opened for
  // writing) the alert "story-ID" of kind "positions" on story `id`, which
  // fires when the story gains a new position on a contested point
  // (src/watch/alerts.h). {name, story, kind, created}: created is false
  // when the story was already watched under that name. NotFound for no
  // such story.
  StatusOr<nlohmann::json> WatchStory(int64_t id, Store* writable);

  Store* store() { return store_.get(); }

 private:
  StatusOr<nlohmann::json> MakeOutletProfile(const std::string& outlet);

  std::unique_ptr<Store> store_;
  std::shared_ptr<StoryCache> cache_;
  const CleanLexicon& outlets_;
  const FactsLexicon* facts_;
};

// Adds begin16/end16 (UTF-16 code units) beside every begin/end pair in
// `j` (recursively), for spans into `text`.
void AddUtf16Offsets(const std::string& text, nlohmann::json* j);
// The UTF-16 offset of every UTF-8 byte offset of `text` (size()+1
// entries), and AddUtf16Offsets through such an index (one index for many
// spans of one text).
std::vector<uint32_t> Utf16Index(const std::string& text);
void AddUtf16(const std::vector<uint32_t>& idx, nlohmann::json* j);

// How a related story (other_first .. other_last, ISO dates) stands to a
// story (first_seen .. last_seen) in time (issue 20): "follow_up" when it
// began after the story's last day (an inquiry, a retaliation, a session
// about it), "earlier" when it ended before the story began, else
// "concurrent" (it ran alongside: the same thread). Undated: concurrent.
const char* StoryRelation(const std::string& first_seen,
                          const std::string& last_seen,
                          const std::string& other_first,
                          const std::string& other_last);

}  // namespace marsad

#endif  // MARSAD_SERVER_API_H_
