// marsad ingest [--db FILE] INPUT...: read, clean, analyze, group and store.
// Exit codes: 0 all inputs stored or already there; 1 some inputs rejected
// (each listed with its reason); 2 usage error.
#include <fmt/core.h>
#include <unistd.h>

#include <chrono>
#include <iostream>

#include "src/facts/lexicon.h"
#include "src/ingest/reader.h"
#include "src/pipeline/pipeline.h"
#include "src/pipeline/resources.h"
#include "src/server/kept_answers.h"
#include "src/watch/alerts.h"
#include "tools/marsad/commands.h"
#include "tools/marsad/ingest_run.h"
#include "tools/marsad/print.h"

namespace marsad {

namespace {

class Progress {
 public:
  explicit Progress(uint64_t total)
      : total_(total), on_(isatty(2) && total > (4 << 20)) {}
  void Update(uint64_t bytes, uint64_t docs) {
    if (!on_) return;
    auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    double frac =
        total_ ? std::min(1.0, static_cast<double>(bytes) / total_) : 0;
    int filled = static_cast<int>(frac * 30);
    std::cerr << fmt::format("\r[{}{}] {:3.0f}%  {} documents",
                             std::string(filled, '#'),
                             std::string(30 - filled, ' '), frac * 100, docs)
              << std::flush;
  }
  void Done() {
    if (on_) std::cerr << "\r" << std::string(60, ' ') << "\r";
  }

 private:
  uint64_t total_;
  bool on_;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace

int RunIngest(const std::string& db, const std::vector<std::string>& inputs,
              bool quiet, IngestSummary* out, int threads,
              const AlertOutput* alerts, const IngestLimits& limits) {
  auto resources = Resources::LoadDefault();
  if (!resources.ok()) return PrintError(resources.status());
  auto store =
      OpenStoreOrPrint(db, /*read_only=*/false, &(*resources)->text_tables(),
                       &(*resources)->clean_lexicon());
  if (!store) return 1;
  IngestOptions options;
  options.threads = threads;
  options.process = limits.process;
  auto ingestor = Ingestor::Create(store.get(), **resources, options);
  if (!ingestor.ok()) return PrintError(ingestor.status());
  Ingestor& ing = **ingestor;
  auto last_before = store->MaxArticleId();
  if (!last_before.ok()) return PrintError(last_before.status());
  auto start = std::chrono::steady_clock::now();
  uint64_t total = 0, bytes = 0;
  for (const auto& in : inputs) total += InputSize(in);
  Progress progress(total);
  Status failure;
  ReadStats stats;
  // First pass: let the furniture model learn each outlet's template lines.
  ReadCallbacks learn;
  learn.limits = limits.read;
  learn.fields = limits.fields;
  learn.on_document = [&](Document&& d) { ing.Observe(d); };
  learn.on_reject = [](const std::string&, const Status&) {};
  for (const auto& in : inputs) {
    if (in == "-") continue;
    ReadStats ignored;
    (void)ReadInput(in, learn, &ignored);
  }
  ReadCallbacks cb;
  cb.limits = limits.read;
  cb.fields = limits.fields;
  cb.on_document = [&](Document&& d) {
    if (!failure.ok()) return;
    failure = ing.Add(std::move(d));
    progress.Update(bytes, ing.summary().read);
  };
  cb.on_reject = [&](const std::string& source, const Status& why) {
    ing.Reject(source, why);
  };
  cb.on_progress = [&](uint64_t b) { bytes = b; };
  for (const auto& in : inputs) {
    Status st = ReadInput(in, cb, &stats);
    if (!st.ok()) ing.Reject(in, st);
    if (!failure.ok()) break;
  }
  if (failure.ok()) failure = ing.Flush();
  progress.Done();
  if (!failure.ok()) return PrintError(failure.WithContext("ingest stopped"));
  double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  const IngestSummary& s = ing.summary();
  if (out) *out = s;
  if (!quiet) {
    std::cout << fmt::format(
        "read {} documents from {} files ({:.1f} MB) in {:.2f} s: {} stored "
        "({} duplicates of other reports), {} already stored, {} rejected, "
        "{} new stories\n",
        s.read, stats.files, stats.bytes / 1e6, secs, s.stored, s.duplicates,
        s.already_stored, s.rejected, s.new_stories);
    if (stats.skipped_files) {
      std::cout << fmt::format(
          "skipped {} files that are not reports (.txt, .html, .jsonl)\n",
          stats.skipped_files);
    }
  }
  for (const RejectedInput& r : s.rejections) {
    std::cerr << "rejected: " << r.source << ": " << r.reason << "\n";
  }
  // The touched stories' answers, kept for the server's first views.
  if (limits.keep_answers && s.stored > 0) {
    auto kept_start = std::chrono::steady_clock::now();
    auto kept = KeepAnswersSince(store.get(), *(*resources)->facts_lexicon(),
                                 *last_before, AnswerMaker());
    if (!kept.ok()) return PrintError(kept.status().WithContext("answers"));
    if (!quiet && *kept > 0)
      std::cout << fmt::format(
          "kept the answers of {} stories in {:.2f} s\n", *kept,
          std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                        kept_start)
              .count());
  }
  // Saved searches (marsad alert) report what this ingest added, as after a
  // watch poll.
  if (alerts != nullptr && s.stored > 0) {
    auto fired = RunAlerts(store.get(), *(*resources)->facts_lexicon(),
                           alerts->out_path, alerts->webhook);
    if (!fired.ok()) return PrintError(fired.status().WithContext("alerts"));
    if (*fired > 0 && !quiet)
      std::cout << fmt::format("{} alerts written to {}\n", *fired,
                               alerts->out_path);
  }
  return s.rejected ? 1 : 0;
}

void AddIngestCommand(CLI::App& app, CommandFn* run) {
  auto* cmd = app.add_subcommand(
      "ingest",
      "Read reports (files, folders, or - for JSONL on stdin) into the store");
  auto db = std::make_shared<std::string>(DefaultDbPath());
  auto inputs = std::make_shared<std::vector<std::string>>();
  auto quiet = std::make_shared<bool>(false);
  auto threads = std::make_shared<int>(0);
  auto queue = std::make_shared<std::string>();
  cmd->add_option(
      "--db", *db,
      "Database file or postgresql:// URL (default $MARSAD_DB or ./marsad.db)");
  cmd->add_option("--queue", *queue,
                  "Publish the reports to NATS JetStream (nats://HOST:PORT) "
                  "for `marsad worker`"
                  " instead of storing them");
  cmd->add_option("--threads", *threads,
                  "Threads for per-document work (0: one per core)");
  cmd->add_flag("-q,--quiet", *quiet, "No summary line");
  auto limits = std::make_shared<IngestLimits>();
  auto no_keep = std::make_shared<bool>(false);
  cmd->add_flag("--no-keep-answers", *no_keep,
                "Do not keep the touched stories' pages and briefs for the "
                "server (it then computes each on its first view)");
  cmd->add_option("--max-document-bytes", limits->read.max_document_bytes,
                  "Reject a report (file, JSONL record) larger than this, "
                  "decompressed (default 16 MiB)");
  cmd->add_option("--max-text-bytes", limits->process.max_text_bytes,
                  "Reject a report whose text after cleaning is larger than "
                  "this (default 2 MiB)");
  auto fields = std::make_shared<std::vector<std::string>>();
  cmd->add_option("--field", *fields,
                  "TARGET=NAME: the JSONL/CSV field holding outlet, date, "
                  "text, title, url or author (repeatable), e.g. --field "
                  "outlet=src");
  auto alerts = std::make_shared<AlertOutput>();
  cmd->add_option(
      "--alerts-out", alerts->out_path,
      "JSON Lines file for saved-search alerts (default marsad-alerts.jsonl)");
  cmd->add_option("--webhook", alerts->webhook,
                  "POST saved-search alerts to this URL");
  cmd->add_option(
         "INPUT", *inputs,
         ".txt/.html/.jsonl/.csv/.warc files (optionally .gz), folders, or -")
      ->required();
  cmd->callback([=] {
    *run = [=]() -> int {
      auto field_map = FieldMap::Parse(*fields);
      if (!field_map.ok()) return PrintError(field_map.status());
      limits->fields = std::move(*field_map);
      limits->keep_answers = !*no_keep;
      if (!queue->empty()) {
#if MARSAD_HAVE_DISTRIB
        return RunQueuePublish(*queue, *inputs, *quiet, *limits);
#else
        std::cerr
            << "marsad ingest --queue: this marsad was built without libnats\n";
        return 2;
#endif
      }
      return RunIngest(*db, *inputs, *quiet, nullptr, *threads, alerts.get(),
                       *limits);
    };
  });
}

// marsad keep-answers [--db FILE]: keeps the answers of every story (a
// store ingested before kept answers, or by another build of marsad).
void AddKeepAnswersCommand(CLI::App& app, CommandFn* run) {
  auto* cmd = app.add_subcommand(
      "keep-answers",
      "Keep every story's page, points and briefs in the store for the "
      "server's first views (after an upgrade of marsad)");
  auto db = std::make_shared<std::string>(DefaultDbPath());
  cmd->add_option("--db", *db, "Database file or postgresql:// URL");
  cmd->callback([=] {
    *run = [=]() -> int {
      auto store = OpenStoreOrPrint(*db, /*read_only=*/false);
      if (!store) return 1;
      auto start = std::chrono::steady_clock::now();
      auto lexicon = FactsLexicon::Load();
      if (!lexicon.ok()) return PrintError(lexicon.status());
      auto kept = KeepAnswersSince(store.get(), **lexicon, 0, AnswerMaker());
      if (!kept.ok()) return PrintError(kept.status());
      std::cout << fmt::format("kept the answers of {} stories in {:.2f} s\n",
                               *kept,
                               std::chrono::duration<double>(
                                   std::chrono::steady_clock::now() - start)
                                   .count());
      return 0;
    };
  });
}

}  // namespace marsad
