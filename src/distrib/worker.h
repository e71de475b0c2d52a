// Spreading the pipeline over machines: a publisher, any number of workers,
// one assigner, NATS JetStream in between.
//
//   marsad ingest --queue Q INPUT...   ──► stream MARSAD_REPORTS (work queue)
//   marsad worker --queue Q  (× N)     ──► stream MARSAD_PROCESSED (work queue)
//   marsad worker --queue Q --assign --db DB   ──► the store, and the cursor
//                                                 stream MARSAD_ASSIGNED
//
// Why one assigner (held by a lease, lease.h: a second one waits). The
// per-document stages (cleaning, analysis, entities, facts, fingerprints, story
// features: ~all the CPU) are independent and parallel; story assignment is
// not. It is an online clustering whose result depends on the order reports
// arrive and on every earlier decision (a report joins the best story in the
// window, or starts one; a copy joins its first copy's story). Locks in
// PostgreSQL would make concurrent assignment safe but not deterministic: two
// workers would still decide in a racy order and could each start "the same"
// story. A single assigner consuming processed reports in the order they were
// published makes the distributed run give exactly the stories of the
// single-process run, keeps the indexes in one memory, and costs little: it
// does no text work, only index lookups and the batched write (docs/scaling.md
// measures where it saturates).
//
// Order. The publisher's stream sequence is the order. Each worker tags its
// processed report with that sequence; the assigner buffers what arrives
// early and assigns strictly in sequence, so two workers racing change
// nothing. A gap is skipped only when the report is provably gone: no longer
// in the reports stream (so a worker acknowledged it, which it does only
// after its processed report was stored) and not delivered after that check.
//
// Nothing lost, nothing twice. JetStream delivers at least once; writes make
// it exactly once in effect:
//  * a worker acknowledges a report only after the stream stored its
//    processed report (published with the de-duplication id "p-<seq>"); a
//    worker killed at any point leaves the report unacknowledged, and it is
//    delivered again after the ack wait;
//  * the assigner writes a batch in one transaction, then records its cursor
//    (last assigned sequence), then acknowledges; killed in between, it gets
//    the same processed reports again and the store skips inputs it holds
//    (keyed by input_hash), while the cursor drops older duplicates;
//  * a report delivered more than max_deliveries times (it crashed or hung
//    every worker that took it) is parked: recorded as rejected with the
//    reason and acknowledged, never retried forever.
//
// Furniture. `marsad ingest` learns each outlet's template lines in a first
// pass over its inputs (FurnitureModel). The publisher does the same pass and
// sends, with each report, the lines of it the model holds to be templates;
// the worker rebuilds a model that knows exactly those lines. Cleaning thus
// matches the single-process run without shipping the model's sketches.
#ifndef MARSAD_DISTRIB_WORKER_H_
#define MARSAD_DISTRIB_WORKER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "marsad/status.h"
#include "src/ingest/reader.h"
#include "src/pipeline/pipeline.h"

namespace marsad {

inline constexpr char kReportsStream[] = "MARSAD_REPORTS";
inline constexpr char kReportsSubject[] = "marsad.reports";
inline constexpr char kProcessedStream[] = "MARSAD_PROCESSED";
inline constexpr char kProcessedSubject[] = "marsad.processed";
inline constexpr char kAssignedStream[] = "MARSAD_ASSIGNED";
inline constexpr char kAssignedSubject[] = "marsad.assigned";

// Asks running workers and assigners to stop after the report in hand
// (async-signal-safe).
void RequestStop();

struct PublishSummary {
  uint64_t published = 0;       // newly queued
  uint64_t already_queued = 0;  // dropped by the stream as duplicates
  uint64_t read_errors = 0;     // published as rejected reports
  uint64_t files = 0, bytes = 0, skipped_files = 0;
};

// Reads `inputs` like `marsad ingest` (files, folders, "-"; within `limits`,
// record fields named by `fields` as --field does) and publishes every report
// to the reports stream, creating the streams if needed.
Status PublishInputs(const std::string& queue_url,
                     const std::vector<std::string>& inputs,
                     const ReadLimits& limits, const FieldMap& fields,
                     PublishSummary* summary);

struct WorkerOptions {
  std::string queue_url;
  int64_t reconnect_ms = 120000;  // as AssignerOptions::reconnect_ms
  int max_deliveries = 5;         // then the report is parked as rejected
  int64_t ack_wait_ms =
      30000;                 // a report unacknowledged this long is redelivered
  int64_t idle_exit_ms = 0;  // > 0: exit after this long without work
  // Test hooks (hidden options of `marsad worker`): sleep before each report,
  // and abort() on a report whose raw text contains a marker.
  int64_t test_delay_ms = 0;
  std::string test_crash_on;
  // The stages' tables and models (not owned; must outlive RunWorker);
  // null: RunWorker loads them once before connecting
  // (Resources::LoadDefault), failing if a file is missing or damaged.
  const Resources* resources = nullptr;
};

struct WorkerSummary {
  uint64_t processed = 0, rejected = 0, parked = 0;
  uint64_t restarts = 0;    // starts over after a queue failure
  double busy_seconds = 0;  // first report received to last acknowledged
};

Status RunWorker(const WorkerOptions& options, WorkerSummary* summary);

struct AssignerOptions {
  std::string queue_url;
  std::string db;  // file or postgresql:// URL
  size_t batch_size = 256;
  int64_t idle_exit_ms = 0;  // > 0: exit after this long without progress
  // After a queue or database failure (a server restarting), start over
  // with backoff (0.25 s doubling to 8 s) for at most this long.
  int64_t reconnect_ms = 120000;
  // As WorkerOptions::resources (the Ingestor needs them).
  const Resources* resources = nullptr;
};

struct AssignerSummary {
  IngestSummary ingest;     // summed over restarts after failures
  uint64_t restarts = 0;    // starts over after a queue or database failure
  uint64_t rejected = 0;    // reports the workers rejected or parked
  uint64_t skipped = 0;     // sequence gaps given up (reports gone)
  uint64_t cursor = 0;      // last assigned report sequence
  double busy_seconds = 0;  // first processed report received to last commit
};

// Holds the store's assigner lease (src/distrib/lease.h) while it runs: a
// second assigner waits for it (and gives up after idle_exit_ms if set).
Status RunAssigner(const AssignerOptions& options, AssignerSummary* summary);

}  // namespace marsad

#endif  // MARSAD_DISTRIB_WORKER_H_
