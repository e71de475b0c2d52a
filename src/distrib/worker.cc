#include "src/distrib/worker.h"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <thread>

#include "marsad/store.h"
#include "src/base/hash.h"
#include "src/clean/clean.h"
#include "src/distrib/lease.h"
#include "src/distrib/queue.h"
#include "src/distrib/report_codec.h"
#include "src/ingest/reader.h"
#include "src/pipeline/resources.h"

namespace marsad {

namespace {

std::atomic<bool> g_stop{false};

using Clock = std::chrono::steady_clock;

int64_t MsSince(Clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t)
      .count();
}

Status EnsureStreams(JetStream& js) {
  RETURN_IF_ERROR(js.EnsureStream({kReportsStream, kReportsSubject, true, -1}));
  RETURN_IF_ERROR(
      js.EnsureStream({kProcessedStream, kProcessedSubject, true, -1}));
  return js.EnsureStream({kAssignedStream, kAssignedSubject, false, 1});
}

// The lines of doc.raw that `model` holds to be templates of its outlet.
std::vector<std::string> TemplateLines(const FurnitureModel& model,
                                       const Document& doc) {
  std::vector<std::string> out;
  if (doc.outlet.empty() || model.Reports(doc.outlet) == 0) return out;
  size_t start = 0;
  while (start <= doc.raw.size()) {
    size_t end = doc.raw.find('\n', start);
    if (end == std::string::npos) end = doc.raw.size();
    std::string_view line(doc.raw.data() + start, end - start);
    start = end + 1;
    if (line.size() <= FurnitureModel::kMaxLineBytes &&
        model.IsTemplateLine(doc.outlet, line)) {
      out.emplace_back(line);
    }
  }
  return out;
}

// A model that holds exactly `lines` as templates of `outlet`.
std::unique_ptr<FurnitureModel> ModelOf(const std::string& outlet,
                                        const std::vector<std::string>& lines) {
  if (lines.empty() || outlet.empty()) return nullptr;
  std::string text;
  for (const std::string& l : lines) text += l + "\n";
  auto model = std::make_unique<FurnitureModel>();
  for (uint32_t i = 0; i < FurnitureModel::kMinReports; ++i)
    model->Observe(outlet, text);
  return model;
}

// Runs the per-document stages on one report (or explains why not).
Processed ProcessReport(const DocumentProcessor& processor,
                        const WorkerOptions& options, QueueMessage& m,
                        WorkerSummary* summary) {
  Processed p;
  p.seq = m.stream_seq();
  auto report = DecodeReport(m.data());
  if (!report.ok()) {
    p.doc.source =
        "queue:" + std::string(kReportsStream) + "#" + std::to_string(p.seq);
    p.rejected = report.status().ToString();
    return p;
  }
  p.doc.source = report->doc.source;
  if (!report->read_error.empty()) {
    p.rejected = report->read_error;
    return p;
  }
  if (m.delivered() > static_cast<uint64_t>(options.max_deliveries)) {
    ++summary->parked;
    p.rejected =
        "Parked: delivered " + std::to_string(m.delivered() - 1) +
        " times and never processed (a worker crashed or timed out on it)";
    return p;
  }
  if (!options.test_crash_on.empty() &&
      report->doc.raw.find(options.test_crash_on) != std::string::npos) {
    std::abort();  // test hook: a report that kills its worker
  }
  if (options.test_delay_ms > 0) {
    std::this_thread::sleep_for(
        std::chrono::milliseconds(options.test_delay_ms));
  }
  Document doc = std::move(report->doc);
  auto model = ModelOf(doc.outlet, report->template_lines);
  Status st = processor.Process(&doc, model.get());
  if (!st.ok()) {
    p.rejected = st.ToString();
    return p;
  }
  p.doc = std::move(doc);
  return p;
}

}  // namespace

void RequestStop() { g_stop.store(true); }

// ---------------------------------------------------------------------------
// Publisher

Status PublishInputs(const std::string& queue_url,
                     const std::vector<std::string>& inputs,
                     const ReadLimits& limits, const FieldMap& fields,
                     PublishSummary* summary) {
  ASSIGN_OR_RETURN(std::unique_ptr<JetStream> js,
                   JetStream::Connect(queue_url));
  RETURN_IF_ERROR(EnsureStreams(*js));
  // First pass, as `marsad ingest` does: learn the outlets' template lines.
  FurnitureModel model;
  ReadCallbacks learn;
  learn.limits = limits;
  learn.fields = fields;
  learn.on_document = [&](Document&& d) {
    if (!d.outlet.empty()) model.Observe(d.outlet, d.raw);
  };
  learn.on_reject = [](const std::string&, const Status&) {};
  for (const auto& in : inputs) {
    if (in == "-") continue;
    ReadStats ignored;
    (void)ReadInput(in, learn, &ignored);
  }
  Status failure;
  auto publish = [&](Report&& r) {
    if (!failure.ok()) return;
    std::string id = r.read_error.empty() ? "r-" + HashHex(r.doc.input_hash)
                                          : "e-" + r.doc.source;
    bool duplicate = false;
    auto seq = js->Publish(kReportsSubject, EncodeReport(r), id, &duplicate);
    if (!seq.ok()) failure = seq.status();
    if (seq.ok() && duplicate) ++summary->already_queued;
    if (seq.ok() && !duplicate)
      ++(r.read_error.empty() ? summary->published : summary->read_errors);
  };
  ReadCallbacks cb;
  cb.limits = limits;
  cb.fields = fields;
  cb.on_document = [&](Document&& d) {
    Report r;
    r.template_lines = TemplateLines(model, d);
    r.doc = std::move(d);
    publish(std::move(r));
  };
  cb.on_reject = [&](const std::string& source, const Status& why) {
    Report r;
    r.doc.source = source;
    r.read_error = why.ToString();
    publish(std::move(r));
  };
  ReadStats stats;
  for (const auto& in : inputs) {
    Status st = ReadInput(in, cb, &stats);
    if (!st.ok()) cb.on_reject(in, st);
    if (!failure.ok()) break;
  }
  summary->files = stats.files;
  summary->bytes = stats.bytes;
  summary->skipped_files = stats.skipped_files;
  return failure;
}

// ---------------------------------------------------------------------------
// Worker

namespace {

// True for failures a server restart causes (the connection dropped, a
// request timed out), which starting over after a pause can cure.
bool Transient(const Status& st) {
  return st.code() == StatusCode::kIOError ||
         st.code() == StatusCode::kUnavailable;
}

// Runs `once` until it returns OK or a lasting failure. After a transient
// failure it starts over with backoff, for at most `limit_ms` of failures in
// a row; `*connected` is set by `once` when it got through its setup, and a
// first run that never connected fails at once (a wrong URL is not an
// outage).
template <typename Fn>
Status WithReconnect(const char* who, int64_t limit_ms, uint64_t* restarts,
                     Fn&& once) {
  bool ever_connected = false;
  Clock::time_point failing_since{};
  int64_t pause_ms = 250;
  while (true) {
    bool connected = false;
    Status st = once(&connected);
    ever_connected |= connected;
    if (st.ok() || g_stop.load() || !Transient(st) || !ever_connected)
      return st;
    if (connected || failing_since == Clock::time_point{}) {
      failing_since = Clock::now();
      pause_ms = 250;
    }
    if (MsSince(failing_since) > limit_ms) {
      return st.WithContext(std::string(who) + ": gave up reconnecting after " +
                            std::to_string(limit_ms / 1000) + " s");
    }
    std::cerr << who << ": " << st.ToString() << "; starting over in "
              << pause_ms << " ms\n";
    std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms));
    pause_ms = std::min<int64_t>(pause_ms * 2, 8000);
    ++*restarts;
  }
}

Status RunWorkerOnce(const WorkerOptions& options, const Resources& resources,
                     WorkerSummary* summary, bool* connected) {
  ASSIGN_OR_RETURN(std::unique_ptr<JetStream> js,
                   JetStream::Connect(options.queue_url));
  RETURN_IF_ERROR(EnsureStreams(*js));
  ASSIGN_OR_RETURN(std::unique_ptr<DocumentProcessor> processor,
                   DocumentProcessor::Create(resources));
  ASSIGN_OR_RETURN(std::unique_ptr<PullConsumer> consumer,
                   js->Subscribe({kReportsStream, kReportsSubject, "workers",
                                  options.ack_wait_ms, false}));
  *connected = true;
  Clock::time_point last_work = Clock::now(), first_work{};
  while (!g_stop.load()) {
    ASSIGN_OR_RETURN(std::vector<QueueMessage> msgs, consumer->Fetch(1, 500));
    if (msgs.empty()) {
      if (options.idle_exit_ms > 0 && MsSince(last_work) > options.idle_exit_ms)
        break;
      continue;
    }
    if (first_work == Clock::time_point{}) first_work = Clock::now();
    for (QueueMessage& m : msgs) {
      Processed p = ProcessReport(*processor, options, m, summary);
      if (p.rejected.empty())
        ++summary->processed;
      else
        ++summary->rejected;
      // Stored downstream first, acknowledged second: see worker.h.
      std::string id = "p-" + std::to_string(p.seq);
      auto seq = js->Publish(kProcessedSubject, EncodeProcessed(p), id);
      if (!seq.ok() && p.rejected.empty()) {
        // E.g. larger than the server's max_payload: reject rather than retry.
        p.rejected =
            "cannot queue the processed report: " + seq.status().ToString();
        p.doc = Document{.source = p.doc.source};
        seq = js->Publish(kProcessedSubject, EncodeProcessed(p), id);
      }
      RETURN_IF_ERROR(seq.status());
      RETURN_IF_ERROR(m.Ack());
    }
    last_work = Clock::now();
    summary->busy_seconds =
        std::chrono::duration<double>(last_work - first_work).count();
  }
  return Status::OK();
}

}  // namespace

Status RunWorker(const WorkerOptions& options, WorkerSummary* summary) {
  std::unique_ptr<const Resources> owned;
  ASSIGN_OR_RETURN(const Resources* resources,
                   ResourcesOrLoad(options.resources, &owned));
  return WithReconnect(
      "worker", options.reconnect_ms, &summary->restarts, [&](bool* connected) {
        return RunWorkerOnce(options, *resources, summary, connected);
      });
}

// ---------------------------------------------------------------------------
// Assigner

namespace {

struct Pending {
  Processed p;
  std::vector<QueueMessage> msgs;  // every delivery of this sequence
};

class Assigner {
 public:
  Assigner(const AssignerOptions& options, const Resources& resources,
           AssignerSummary* summary)
      : options_(options), resources_(resources), summary_(summary) {}

  // `*connected` is set once the lease is held and the queue subscribed.
  Status Run(bool* connected);
  // What this run stored (also after a failure).
  IngestSummary stored() const {
    return ingestor_ ? ingestor_->summary() : IngestSummary{};
  }

 private:
  Status Receive(std::vector<QueueMessage> msgs);
  // Assigns the in-order run at the head of the buffer; true if any.
  StatusOr<bool> AssignReady();
  Status ResolveGap();

  // Waits for the store's assigner lease; false if told to stop first.
  StatusOr<bool> AcquireLease();

  AssignerOptions options_;
  const Resources& resources_;
  AssignerSummary* summary_;
  std::unique_ptr<Lease> lease_;
  std::unique_ptr<JetStream> js_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Ingestor> ingestor_;
  std::unique_ptr<PullConsumer> consumer_;
  std::map<uint64_t, Pending> buffer_;
  uint64_t expected_ = 1;
};

StatusOr<bool> Assigner::AcquireLease() {
  Clock::time_point start = Clock::now();
  bool told = false;
  while (!g_stop.load()) {
    ASSIGN_OR_RETURN(lease_, TryAcquireAssignerLease(options_.db));
    if (lease_) return true;
    if (!told) {
      std::cerr << "assigner: another assigner holds the lease on "
                << options_.db << "; waiting for it\n";
      told = true;
    }
    if (options_.idle_exit_ms > 0 && MsSince(start) > options_.idle_exit_ms)
      return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
  return false;
}

Status Assigner::Run(bool* connected) {
  ASSIGN_OR_RETURN(bool leased, AcquireLease());
  if (!leased) return Status::OK();
  ASSIGN_OR_RETURN(js_, JetStream::Connect(options_.queue_url));
  RETURN_IF_ERROR(EnsureStreams(*js_));
  ASSIGN_OR_RETURN(
      store_,
      Store::Open(options_.db,
                  StoreOptions{.text_tables = &resources_.text_tables(),
                               .clean_lexicon = &resources_.clean_lexicon()}));
  IngestOptions io;
  io.batch_size = options_.batch_size;
  ASSIGN_OR_RETURN(ingestor_, Ingestor::Create(store_.get(), resources_, io));
  ASSIGN_OR_RETURN(auto cursor,
                   js_->LastMessage(kAssignedStream, kAssignedSubject));
  if (cursor) expected_ = std::stoull(*cursor) + 1;
  ASSIGN_OR_RETURN(
      consumer_,
      js_->Subscribe({kProcessedStream, kProcessedSubject, "assigner",
                      5 * 60 * 1000, /*recreate=*/true}));
  *connected = true;
  Clock::time_point progress = Clock::now(), stalled = Clock::now(), first{};
  while (!g_stop.load()) {
    ASSIGN_OR_RETURN(
        std::vector<QueueMessage> msgs,
        consumer_->Fetch(static_cast<int>(options_.batch_size), 200));
    bool idle = msgs.empty();
    if (!idle && first == Clock::time_point{}) first = Clock::now();
    RETURN_IF_ERROR(Receive(std::move(msgs)));
    ASSIGN_OR_RETURN(bool assigned, AssignReady());
    if (assigned) {
      progress = stalled = Clock::now();
      summary_->busy_seconds =
          std::chrono::duration<double>(progress - first).count();
      continue;
    }
    if (!buffer_.empty() && (idle || MsSince(stalled) > 2000)) {
      RETURN_IF_ERROR(ResolveGap());
      stalled = Clock::now();
    }
    if (idle && options_.idle_exit_ms > 0 &&
        MsSince(progress) > options_.idle_exit_ms)
      break;
  }
  summary_->cursor = expected_ - 1;
  return Status::OK();
}

Status Assigner::Receive(std::vector<QueueMessage> msgs) {
  for (QueueMessage& m : msgs) {
    auto p = DecodeProcessed(m.data());
    if (!p.ok()) {  // not ours to interpret: keep it out of the way
      std::cerr << "assigner: dropping an undecodable processed report: "
                << p.status().ToString() << "\n";
      RETURN_IF_ERROR(m.Term());
      continue;
    }
    if (p->seq < expected_) {  // assigned before: a redelivery
      RETURN_IF_ERROR(m.Ack());
      continue;
    }
    Pending& slot = buffer_[p->seq];
    if (slot.msgs.empty()) slot.p = std::move(*p);
    slot.msgs.push_back(std::move(m));
  }
  return Status::OK();
}

StatusOr<bool> Assigner::AssignReady() {
  std::vector<Document> docs;
  std::vector<QueueMessage> acks;
  while (!buffer_.empty() && buffer_.begin()->first == expected_ &&
         docs.size() < options_.batch_size) {
    Pending pending = std::move(buffer_.begin()->second);
    buffer_.erase(buffer_.begin());
    ++expected_;
    if (!pending.p.rejected.empty()) {
      ++summary_->rejected;
      RETURN_IF_ERROR(
          store_->RecordRejected({pending.p.doc.source, pending.p.rejected}));
    } else {
      docs.push_back(std::move(pending.p.doc));
    }
    for (QueueMessage& m : pending.msgs) acks.push_back(std::move(m));
  }
  if (acks.empty()) return false;
  // Fencing: never write once the lease is lost (another assigner may hold
  // it now); the run stops and starts over, waiting for the lease.
  RETURN_IF_ERROR(lease_->Check());
  // Written, then the cursor, then acknowledged: see worker.h.
  RETURN_IF_ERROR(ingestor_->AddProcessed(std::move(docs)));
  RETURN_IF_ERROR(
      js_->Publish(kAssignedSubject, std::to_string(expected_ - 1)).status());
  for (QueueMessage& m : acks) RETURN_IF_ERROR(m.Ack());
  return true;
}

// The report expected next has not arrived. Skip it only when it is gone:
// no longer in the reports stream, so a worker acknowledged it after its
// processed report was stored — and that processed report is not delivered
// by a fetch made after this check.
Status Assigner::ResolveGap() {
  ASSIGN_OR_RETURN(uint64_t first, js_->FirstSequence(kReportsStream));
  bool gone;
  if (first > expected_) {
    gone = true;
  } else {
    ASSIGN_OR_RETURN(bool held, js_->HasMessage(kReportsStream, expected_));
    gone = !held;
  }
  if (!gone) return Status::OK();
  ASSIGN_OR_RETURN(
      std::vector<QueueMessage> late,
      consumer_->Fetch(static_cast<int>(options_.batch_size), 200));
  RETURN_IF_ERROR(Receive(std::move(late)));
  if (buffer_.empty() || buffer_.begin()->first == expected_)
    return Status::OK();
  uint64_t next = buffer_.begin()->first;
  if (first <= expected_) next = expected_ + 1;  // only the one checked
  next = std::min(next, std::max(first, expected_ + 1));
  summary_->skipped += next - expected_;
  std::cerr << "assigner: reports " << expected_ << ".." << next - 1
            << " are no longer queued; skipped\n";
  expected_ = next;
  return Status::OK();
}

}  // namespace

Status RunAssigner(const AssignerOptions& options, AssignerSummary* summary) {
  std::unique_ptr<const Resources> owned;
  ASSIGN_OR_RETURN(const Resources* resources,
                   ResourcesOrLoad(options.resources, &owned));
  return WithReconnect("assigner", options.reconnect_ms, &summary->restarts,
                       [&](bool* connected) {
                         Assigner a(options, *resources, summary);
                         Status st = a.Run(connected);
                         summary->ingest += a.stored();
                         return st;
                       });
}

}  // namespace marsad
