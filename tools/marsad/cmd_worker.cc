// marsad worker --queue nats://HOST:PORT            process queued reports
// marsad worker --queue nats://... --assign --db DB  the single assigner
// marsad ingest --queue nats://... INPUT...          (RunQueuePublish)
//
// See src/distrib/worker.h for the design. Exit codes: 0 stopped cleanly
// (SIGTERM/SIGINT, or --idle-exit), 1 a queue or store failure, 2 usage.
#include <fmt/core.h>

#include <csignal>
#include <iostream>

#include "src/distrib/worker.h"
#include "tools/marsad/commands.h"
#include "tools/marsad/ingest_run.h"
#include "tools/marsad/print.h"

namespace marsad {

namespace {

void OnSignal(int) { RequestStop(); }

void InstallStopHandlers() {
  std::signal(SIGTERM, OnSignal);
  std::signal(SIGINT, OnSignal);
}

struct WorkerArgs {
  WorkerOptions worker;
  bool assign = false;
  std::string db;
  size_t batch = 256;
  double idle_exit_s = 0;
  double reconnect_s = 120;
  bool quiet = false;
};

int RunWorkerCommand(const WorkerArgs& a) {
  InstallStopHandlers();
  int64_t idle_ms = static_cast<int64_t>(a.idle_exit_s * 1000);
  if (a.assign) {
    if (a.db.empty()) {
      std::cerr << "marsad worker --assign needs --db FILE|postgresql://...\n";
      return 2;
    }
    AssignerOptions o;
    o.queue_url = a.worker.queue_url;
    o.db = a.db;
    o.batch_size = a.batch;
    o.idle_exit_ms = idle_ms;
    o.reconnect_ms = static_cast<int64_t>(a.reconnect_s * 1000);
    AssignerSummary s;
    Status st = RunAssigner(o, &s);
    if (!a.quiet) {
      std::cout << fmt::format(
          "assigner: {} stored ({} duplicates of other reports), {} already "
          "stored, "
          "{} rejected, {} new stories, {} gaps skipped; cursor {}; busy "
          "{:.2f} s{}\n",
          s.ingest.stored, s.ingest.duplicates, s.ingest.already_stored,
          s.rejected, s.ingest.new_stories, s.skipped, s.cursor, s.busy_seconds,
          s.restarts ? fmt::format("; {} restarts after failures", s.restarts)
                     : "");
    }
    return st.ok() ? 0 : PrintError(st);
  }
  if (!a.db.empty()) {
    std::cerr << "marsad worker: processing workers do not write; the store is "
                 "written by "
                 "the one assigner (marsad worker --assign --db ...)\n";
    return 2;
  }
  WorkerOptions o = a.worker;
  o.idle_exit_ms = idle_ms;
  o.reconnect_ms = static_cast<int64_t>(a.reconnect_s * 1000);
  WorkerSummary s;
  Status st = RunWorker(o, &s);
  if (!a.quiet) {
    std::cout << fmt::format(
        "worker: {} processed, {} rejected ({} parked); busy {:.2f} s{}\n",
        s.processed, s.rejected, s.parked, s.busy_seconds,
        s.restarts ? fmt::format("; {} restarts after failures", s.restarts)
                   : "");
  }
  return st.ok() ? 0 : PrintError(st);
}

}  // namespace

int RunQueuePublish(const std::string& queue,
                    const std::vector<std::string>& inputs, bool quiet,
                    const IngestLimits& limits) {
  PublishSummary s;
  Status st = PublishInputs(queue, inputs, limits.read, limits.fields, &s);
  if (!quiet) {
    std::cout << fmt::format(
        "published {} reports from {} files ({:.1f} MB) to {}; {} unreadable "
        "inputs queued as "
        "rejected; {} already queued (dropped by the stream as repeats)\n",
        s.published, s.files, s.bytes / 1e6, queue, s.read_errors,
        s.already_queued);
  }
  return st.ok() ? 0 : PrintError(st.WithContext("publish stopped"));
}

void AddWorkerCommand(CLI::App& app, CommandFn* run) {
  auto* cmd = app.add_subcommand("worker",
                                 "Process reports queued by `ingest --queue` "
                                 "(or, with --assign, assign and store)");
  auto a = std::make_shared<WorkerArgs>();
  cmd->add_option("--queue", a->worker.queue_url,
                  "NATS server, nats://HOST:PORT")
      ->required();
  cmd->add_flag("--assign", a->assign,
                "Be the single assigner: dedup, stories and writes, in "
                "publication order");
  cmd->add_option("--db", a->db,
                  "Store for --assign: database file or postgresql:// URL");
  cmd->add_option("--batch", a->batch,
                  "Reports per write transaction (--assign)");
  cmd->add_option("--max-deliveries", a->worker.max_deliveries,
                  "Park a report as rejected after this many deliveries");
  cmd->add_option(
      "--ack-wait", a->worker.ack_wait_ms,
      "Milliseconds before an unacknowledged report is redelivered");
  cmd->add_option("--idle-exit", a->idle_exit_s,
                  "Exit after this many seconds without work");
  cmd->add_option(
      "--reconnect", a->reconnect_s,
      "After a queue or database failure, start over with backoff for at most "
      "this many seconds");
  cmd->add_flag("-q,--quiet", a->quiet, "No summary line");
  cmd->add_option("--test-delay-ms", a->worker.test_delay_ms)->group("");
  cmd->add_option("--test-crash-on", a->worker.test_crash_on)->group("");
  cmd->callback([=] { *run = [=] { return RunWorkerCommand(*a); }; });
}

}  // namespace marsad
