// Cleaning: from a report as read (a saved text dump, a JSONL record's
// content, or an HTML page) to its main text and metadata.
//
// CleanDocument() is the stage entry point. It reads Document::raw and
// Document::format and fills the metadata fields (title, standfirst, outlet,
// agency, author, published, modified, url, section, language), Document::text
// (the main text: paragraphs separated by "\n\n", in the text core's display
// form, Normalizer::Display) and Document::removed (every block left out of
// `text`, with the reason). The title and standfirst are metadata: they are
// not repeated in `text`. Rules live in data/clean/*.tsv.
//
// FurnitureModel learns each outlet's templates (lines that recur across many
// of its reports) in a first pass or incrementally, in bounded memory. Typical
// use for a corpus: model.Observe(doc.outlet, doc.raw) for every record, then
// CleanDocument(lex, normalizer, &doc, &model). Reports whose outlet is only
// found by cleaning (saved .txt files) can be cleaned once without a model,
// observed under the outlet found, and cleaned again.
#ifndef MARSAD_CLEAN_CLEAN_H_
#define MARSAD_CLEAN_CLEAN_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "marsad/document.h"
#include "marsad/status.h"

namespace marsad {

class CleanLexicon;
class Normalizer;

// Per-outlet line templates learned across a corpus: a short line that recurs
// in many reports of one outlet ("للتواصل مع الكاتب ...", "عين اليوم – جدة")
// is page furniture for that outlet.
//
// Memory is bounded: each outlet owns a count-min sketch of line hashes
// (kRows x kWidth 16-bit counters, 128 KiB), allocated on first use; at most
// kMaxOutlets sketches exist and further outlets share them by hash. Only
// lines of at most kMaxLineBytes are counted, each at most once per report.
//
// Thread safety: thread-compatible. Concurrent const calls are safe; Observe()
// needs exclusive access.
class FurnitureModel {
 public:
  static constexpr int kRows = 2;
  static constexpr int kWidth = 32768;
  static constexpr int kMaxOutlets = 256;
  static constexpr size_t kMaxLineBytes = 240;
  // A line is a template when seen in at least kMinReports reports of the
  // outlet and in at least 1/kMinShareInverse of them.
  static constexpr uint32_t kMinReports = 5;
  static constexpr uint32_t kMinShareInverse = 500;

  FurnitureModel();
  ~FurnitureModel();
  FurnitureModel(FurnitureModel&&) noexcept;
  FurnitureModel& operator=(FurnitureModel&&) noexcept;

  // Counts the lines of one report (`text`: the raw text, lines separated by
  // '\n') for `outlet`. An empty outlet is ignored.
  void Observe(std::string_view outlet, std::string_view text);

  // True if `line` is one of `outlet`'s templates.
  bool IsTemplateLine(std::string_view outlet, std::string_view line) const;

  // Number of reports observed for `outlet`.
  uint32_t Reports(std::string_view outlet) const;

 private:
  struct Sketch;
  Sketch* Find(std::string_view outlet) const;
  Sketch* FindOrCreate(std::string_view outlet);

  std::unordered_map<uint64_t, std::unique_ptr<Sketch>> sketches_;
};

// Cleans `doc` in place according to doc->format:
//   "txt"   a saved report (title line, outlet line, furniture, body);
//   "jsonl" doc->raw holds the record's content field; metadata already set
//           by ingest is kept unless empty (content that is HTML is cleaned
//           as a page);
//   "html"  a page: main text and metadata are extracted from the DOM.
// `model` (may be null) supplies the learned per-outlet templates; it must
// outlive the call. Metadata fields already set are kept (only empty ones are
// filled). Returns InvalidArgument for an unknown format; never fails on bad
// input text.
//
// `lex` holds the rule tables (data/clean/*.tsv) and `normalizer` gives the
// text its display form; the pipeline passes those of its Resources
// (src/pipeline/resources.h), a tool without Resources those of its
// CleanTables (below), a test TestCleanLexicon() and
// TestTextTables().normalizer(). Both must outlive the call.
//
// Thread safety: safe to call concurrently on distinct documents.
Status CleanDocument(const CleanLexicon& lex, const Normalizer& normalizer,
                     Document* doc, const FurnitureModel* model = nullptr);

// The clean stage's tables for a tool that loads no Resources (marsad
// extract, eval_clean, the benches, the HTML fuzzer): the rule tables of
// data_dir/clean and a Normalizer of data_dir/text, loaded once by the
// caller and passed to CleanDocument. Load fails with a Status naming a
// missing or damaged file. Immutable after Load.
struct CleanTables {
  static StatusOr<CleanTables> Load(const std::string& data_dir);
  CleanTables();
  CleanTables(CleanTables&&) noexcept;
  CleanTables& operator=(CleanTables&&) noexcept;
  ~CleanTables();

  std::unique_ptr<const CleanLexicon> lexicon;
  std::unique_ptr<const Normalizer> normalizer;
};

// The name readers know an outlet by, for an outlet given by a corpus id or
// a domain ("skynews", "okaz", "aawsat.com": the outlets of `lex`,
// data/clean/outlets.tsv); anything else is returned as it is.
// CleanDocument applies it to Document::outlet, and the stores to a search's
// outlet filter (with their StoreOptions::clean_lexicon), so that
// `--outlet okaz` and `--outlet عكاظ` find the same reports (issue 26).
std::string CanonicalOutlet(const CleanLexicon& lex, std::string_view outlet);

}  // namespace marsad

#endif  // MARSAD_CLEAN_CLEAN_H_
