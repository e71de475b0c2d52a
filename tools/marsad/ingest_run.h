// Shared by `marsad ingest` and `marsad demo`.
#ifndef MARSAD_TOOLS_MARSAD_INGEST_RUN_H_
#define MARSAD_TOOLS_MARSAD_INGEST_RUN_H_

#include <string>
#include <vector>

#include "src/ingest/reader.h"
#include "src/pipeline/pipeline.h"

namespace marsad {

struct AlertOutput {
  std::string out_path = "marsad-alerts.jsonl";
  std::string webhook;
};

// Ingests `inputs` into the store at `db`, prints the summary (unless quiet)
// and the rejections, and returns the exit code. *out gets the summary.
// `threads`: per-document worker threads (0: one per core). With `alerts`,
// saved searches then report the new matches (src/watch/alerts.h).
// Limits on what one report may cost, from --max-document-bytes and
// --max-text-bytes, and the record fields named by --field.
struct IngestLimits {
  ReadLimits read;
  ProcessOptions process;
  FieldMap fields;  // --field TARGET=NAME for JSONL and CSV records
  // Keep the answers of the stories the run touched for the server
  // (src/server/kept_answers.h); off with --no-keep-answers.
  bool keep_answers = true;
};

int RunIngest(const std::string& db, const std::vector<std::string>& inputs,
              bool quiet, IngestSummary* out, int threads = 0,
              const AlertOutput* alerts = nullptr,
              const IngestLimits& limits = {});

}  // namespace marsad

#endif  // MARSAD_TOOLS_MARSAD_INGEST_RUN_H_
