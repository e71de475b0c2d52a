#include "src/watch/watch.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include "marsad/store.h"
#include "src/base/data.h"
#include "src/clean/lexicon.h"
#include "src/ingest/reader.h"
#include "src/ingest/warc.h"
#include "src/pipeline/pipeline.h"
#include "src/pipeline/resources.h"
#include "src/text/dates.h"
#include "src/text/tables.h"
#include "src/watch/alerts.h"

namespace marsad {

namespace fs = std::filesystem;

namespace {

std::string NowIso() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

// "Tue, 14 Nov 2017 10:00:00 GMT" (RSS) -> "2017-11-14T10:00:00Z" (the same
// reading as JSON Lines dates: src/text/dates.h); ISO kept.
std::string FeedDate(const std::string& s) {
  if (s.size() >= 10 && s[4] == '-') return s;
  return Rfc2822ToIso(s);
}

FetchOptions WithCancel(FetchOptions o, const std::atomic<bool>* stop) {
  o.cancel = stop;
  return o;
}

// watch_seen.status for URLs that are never fetched again: an HTTP status,
// or one of these.
constexpr int kSeenRobots = -1;     // robots.txt forbids it
constexpr int kSeenPermanent = -2;  // redirect limit, size limit (see rejected)

class Watcher {
 public:
  Watcher(const WatchOptions& o, const Resources& resources, Store* store,
          const std::atomic<bool>& stop)
      : options_(o),
        resources_(resources),
        store_(store),
        fetcher_(WithCancel(o.fetch, &stop)) {}

  Status Cycle(const std::vector<std::string>& sources,
               const std::atomic<bool>& stop, CycleSummary* sum) {
    ASSIGN_OR_RETURN(ingestor_,
                     Ingestor::Create(store_, resources_, IngestOptions{}));
    for (const std::string& src : sources) {
      if (stop) break;
      ++sum->sources;
      Status st = fs::is_directory(src) ? Folder(src) : Feed(src, sum, stop, 0);
      if (st.ok()) st = ingestor_->Flush();
      // Cut short by the stop: not a failure of the source.
      if (!st.ok() && stop) break;
      RETURN_IF_ERROR(Record(src, st));
      if (!st.ok()) ++sum->failed_sources;
    }
    RETURN_IF_ERROR(ingestor_->Flush());
    sum->stored = static_cast<int>(ingestor_->summary().stored);
    ASSIGN_OR_RETURN(sum->alerts,
                     RunAlerts(store_, *resources_.facts_lexicon(),
                               options_.alerts_out, options_.webhook));
    return Status::OK();
  }

 private:
  Status Folder(const std::string& dir) {
    ReadCallbacks cb;
    cb.fields = options_.fields;
    Status failure;
    cb.on_document = [&](Document&& d) {
      if (failure.ok()) failure = ingestor_->Add(std::move(d));
    };
    cb.on_reject = [&](const std::string& s, const Status& why) {
      ingestor_->Reject(s, why);
    };
    ReadStats stats;
    RETURN_IF_ERROR(ReadInput(dir, cb, &stats));
    return failure;
  }

  Status Record(const std::string& src, const Status& result) {
    return store_->RecordPoll(src, fs::is_directory(src) ? "folder" : "url",
                              NowIso(), result.ok() ? "" : result.ToString());
  }

  Status SaveValidators(const std::string& src, const FetchResult& r) {
    return store_->SaveValidators(src, r.etag, r.last_modified);
  }

  Status MarkSeen(const std::string& url, const std::string& src, int status) {
    return store_->MarkSeen(url, src, status);
  }

  // The page body: from raw_pages if fetched before (never re-fetched), else
  // fetched now and stored raw before anything else happens to it.
  StatusOr<std::optional<FetchResult>> Page(const std::string& url,
                                            CycleSummary* sum) {
    {
      ASSIGN_OR_RETURN(std::optional<RawPage> kept, store_->GetRawPage(url));
      if (kept) {
        FetchResult r;
        r.status = 200;
        r.content_type = std::move(kept->content_type);
        r.body = std::move(kept->body);
        return std::optional<FetchResult>(std::move(r));
      }
    }
    auto r = fetcher_.Fetch(url);
    if (!r.ok()) {
      if (r.status().code() == StatusCode::kUnsupported) {  // robots.txt
        ++sum->skipped_robots;
        RETURN_IF_ERROR(MarkSeen(url, "", kSeenRobots));
        return std::optional<FetchResult>();
      }
      // Redirect loop, size limit: never worth retrying.
      if (r.status().code() == StatusCode::kInvalidArgument) {
        ingestor_->Reject(url, r.status());
        RETURN_IF_ERROR(MarkSeen(url, "", kSeenPermanent));
        return std::optional<FetchResult>();
      }
      return r.status();
    }
    ++sum->fetched;
    if (r->status != 200) {
      ingestor_->Reject(
          url, NotFoundError(url + ": HTTP " + std::to_string(r->status)));
      RETURN_IF_ERROR(MarkSeen(url, "", r->status));
      return std::optional<FetchResult>();
    }
    RETURN_IF_ERROR(store_->PutRawPage(url, RawPage{r->content_type, r->body}));
    return std::optional<FetchResult>(std::move(*r));
  }

  // Polls one feed or sitemap (a sitemap index: each of its sitemaps, which
  // are recorded as sources of their own). The feed's validators are saved
  // only when every item was dealt with: a poll cut short by a stop or by a
  // page that failed for now must not turn into "not modified" next time, or
  // the rest would never be fetched. A sitemap index is always fetched whole
  // (its own validators would hide changes in its sitemaps).
  Status Feed(const std::string& src, CycleSummary* sum,
              const std::atomic<bool>& stop, int depth) {
    ASSIGN_OR_RETURN(WatchSource state, store_->GetWatchSource(src));
    ASSIGN_OR_RETURN(FetchResult feed,
                     fetcher_.Fetch(src, state.etag, state.last_modified));
    ++sum->fetched;
    if (feed.status == 304) {
      ++sum->not_modified;
      return Status::OK();
    }
    if (feed.status != 200)
      return UnavailableError(src + ": HTTP " + std::to_string(feed.status));
    FeedKind kind;
    ASSIGN_OR_RETURN(
        auto items,
        ParseFeed(feed.body, feed.final_url.empty() ? src : feed.final_url,
                  &kind));
    bool complete = true;
    for (const FeedItem& item : items) {
      if (stop) {
        complete = false;
        break;
      }
      std::string url = CanonicalUrl(item.url);
      if (kind == FeedKind::kSitemapIndex) {
        if (depth < 2) {
          Status st = Feed(url, sum, stop, depth + 1);
          RETURN_IF_ERROR(Record(url, st));
        }
        continue;
      }
      ASSIGN_OR_RETURN(bool seen, store_->IsSeen(url));
      if (seen) continue;
      auto page = Page(url, sum);
      if (!page.ok()) {  // this page failed for now: try it again next cycle
        complete = false;
        if (stop) break;  // cancelled, not failed
        ingestor_->Reject(url, page.status());
        continue;
      }
      if (!page->has_value()) continue;
      const FetchResult& r = **page;
      auto doc = DocumentFromHttpBody(r.content_type, r.body);
      if (!doc.ok()) {
        ingestor_->Reject(url, doc.status());
      } else {
        doc->source = url;
        doc->url = url;
        if (doc->published.empty()) doc->published = FeedDate(item.published);
        RETURN_IF_ERROR(ingestor_->Add(std::move(*doc)));
      }
      RETURN_IF_ERROR(ingestor_->Flush());  // stored before it is marked seen
      RETURN_IF_ERROR(MarkSeen(url, src, 200));
    }
    if (!complete || kind == FeedKind::kSitemapIndex) {
      return SaveValidators(src, FetchResult{});
    }
    return SaveValidators(src, feed);
  }

  const WatchOptions& options_;
  const Resources& resources_;
  Store* store_;
  Fetcher fetcher_;
  std::unique_ptr<Ingestor> ingestor_;
};

// Watches folders (recursively, including folders made or moved in later)
// for files written or moved in. A file only being created does not count:
// the poll it would start could read it half written. (A poll reads the
// whole folder, so a writer that is slow to close a file should write it
// under a dot-name, which is never read, and rename it.)
class FolderNotifier {
 public:
  explicit FolderNotifier(const std::vector<std::string>& sources) {
    fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd_ < 0) return;
    for (const std::string& s : sources) {
      std::error_code ec;
      if (fs::is_directory(s, ec)) AddTree(s);
    }
  }
  ~FolderNotifier() {
    if (fd_ >= 0) close(fd_);
  }
  // Waits up to `ms`; true if a file was written or moved in.
  bool Wait(int ms) {
    if (fd_ < 0 || dirs_.empty()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(ms));
      return false;
    }
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, ms) <= 0) return false;
    bool changed = false;
    alignas(inotify_event) char buf[8192];
    ssize_t n;
    while ((n = read(fd_, buf, sizeof(buf))) > 0) {
      for (char* q = buf; q < buf + n;) {
        const auto* ev = reinterpret_cast<const inotify_event*>(q);
        q += sizeof(inotify_event) + ev->len;
        auto dir = dirs_.find(ev->wd);
        if (dir == dirs_.end()) continue;
        if (ev->mask & IN_ISDIR) {
          if (ev->len) AddTree(dir->second + "/" + ev->name);
          changed = true;  // a folder moved in may hold files already
        } else if (ev->mask & (IN_CLOSE_WRITE | IN_MOVED_TO)) {
          changed = true;
        }
      }
    }
    return changed;
  }

 private:
  void AddTree(const std::string& root) {
    Add(root);
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(root, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      if (it->is_directory(ec)) Add(it->path().string());
    }
  }
  void Add(const std::string& dir) {
    int wd = inotify_add_watch(fd_, dir.c_str(),
                               IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE);
    if (wd >= 0) dirs_[wd] = dir;
  }
  int fd_ = -1;
  std::map<int, std::string> dirs_;  // watch descriptor -> folder
};

}  // namespace

StatusOr<std::vector<std::string>> ExpandSources(
    const std::vector<std::string>& sources) {
  std::vector<std::string> out;
  for (const std::string& s : sources) {
    if (s.empty() || s[0] != '@') {
      out.push_back(s);
      continue;
    }
    std::ifstream in(s.substr(1));
    if (!in) return IOError(s.substr(1) + ": cannot read source list");
    std::string line;
    while (std::getline(in, line)) {
      line.erase(0, line.find_first_not_of(" \t"));
      line.erase(line.find_last_not_of(" \t\r") + 1);
      if (!line.empty() && line[0] != '#')
        out.push_back(line.substr(0, line.find_first_of(" \t")));
    }
  }
  return out;
}

Status RunWatch(const WatchOptions& options, const std::atomic<bool>& stop,
                const std::function<void(const CycleSummary&)>& on_cycle) {
  ASSIGN_OR_RETURN(std::vector<std::string> sources,
                   ExpandSources(options.sources));
  if (sources.empty()) return InvalidArgumentError("no sources to watch");
  std::unique_ptr<const Resources> owned;
  ASSIGN_OR_RETURN(const Resources* resources,
                   ResourcesOrLoad(options.resources, &owned));
  ASSIGN_OR_RETURN(
      auto store,
      Store::Open(options.db,
                  StoreOptions{.text_tables = &resources->text_tables(),
                               .clean_lexicon = &resources->clean_lexicon()}));
  Watcher watcher(options, *resources, store.get(), stop);
  FolderNotifier notifier(sources);
  for (int cycle = 0; !stop && (options.cycles == 0 || cycle < options.cycles);
       ++cycle) {
    CycleSummary sum;
    RETURN_IF_ERROR(watcher.Cycle(sources, stop, &sum));
    if (on_cycle) on_cycle(sum);
    if (options.cycles && cycle + 1 >= options.cycles) break;
    for (int waited = 0; !stop && waited < options.interval_s * 1000;
         waited += 250) {
      if (notifier.Wait(250)) break;  // a folder changed: run a cycle now
    }
  }
  return Status::OK();
}

Status PrintWatchStatus(const std::string& db, std::string* out) {
  ASSIGN_OR_RETURN(std::unique_ptr<const TextTables> tables,
                   TextTables::Load(DataDir()));
  ASSIGN_OR_RETURN(std::unique_ptr<const CleanLexicon> outlets,
                   CleanLexicon::Load(DataDir()));
  ASSIGN_OR_RETURN(
      auto store,
      Store::Open(db, StoreOptions{.read_only = true,
                                   .text_tables = tables.get(),
                                   .clean_lexicon = outlets.get()}));
  ASSIGN_OR_RETURN(std::vector<WatchSource> sources, store->ListWatchSources());
  auto or_dash = [](const std::string& s) {
    return s.empty() ? std::string("-") : s;
  };
  for (const WatchSource& s : sources) {
    *out += s.source + "\n  " + s.kind + ", polled " + or_dash(s.last_polled) +
            ", last ok " + or_dash(s.last_ok) + ", " +
            std::to_string(s.failures) + " failure(s) in a row" +
            (s.last_error.empty() ? "" : ": " + s.last_error) + "\n";
  }
  return Status::OK();
}

}  // namespace marsad
