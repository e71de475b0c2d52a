// marsad extract [--format json|text] [--explain] FILE|-
// Prints the main text and metadata of one page or report (each record of a
// JSONL file), and with --explain every removed block with its reason.
#include <fmt/format.h>

#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "src/base/data.h"
#include "src/base/file.h"
#include "src/clean/clean.h"
#include "src/ingest/reader.h"
#include "tools/marsad/commands.h"
#include "tools/marsad/input.h"

namespace marsad {
namespace {

struct ExtractOptions {
  std::string input;
  std::string format = "json";
  bool explain = false;
};

// The seam between reading and cleaning: one file (or stdin) to its cleaned
// documents (one, or one per line of a JSONL file), cleaned with the tables
// of DataDir() (a missing or damaged one is the error).
StatusOr<std::vector<Document>> ExtractFile(const std::string& path) {
  ASSIGN_OR_RETURN(CleanTables tables, CleanTables::Load(DataDir()));
  ASSIGN_OR_RETURN(std::string bytes, ReadInputBytes(path));
  ASSIGN_OR_RETURN(Document doc,
                   DocumentFromBytes(path == "-" ? "stdin" : path, bytes));
  std::vector<Document> docs;
  if (doc.format == "jsonl") {
    if (IsGzip(bytes)) {
      ASSIGN_OR_RETURN(bytes, Gunzip(bytes));
    }
    size_t start = 0, line_no = 0;
    while (start < bytes.size()) {
      size_t end = bytes.find('\n', start);
      if (end == std::string::npos) end = bytes.size();
      std::string_view line(bytes.data() + start, end - start);
      start = end + 1;
      ++line_no;
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      Document rec;
      rec.source = fmt::format("{}#{}", path, line_no);
      Status st = ParseJsonRecord(line, &rec);
      if (!st.ok()) return st.WithContext(rec.source);
      docs.push_back(std::move(rec));
    }
  } else {
    docs.push_back(std::move(doc));
  }
  for (Document& d : docs) {
    RETURN_IF_ERROR(CleanDocument(*tables.lexicon, *tables.normalizer, &d));
  }
  return docs;
}

nlohmann::json ToJson(const Document& d, bool explain) {
  nlohmann::json j = {{"source", d.source},     {"format", d.format},
                      {"title", d.title},       {"standfirst", d.standfirst},
                      {"outlet", d.outlet},     {"agency", d.agency},
                      {"author", d.author},     {"published", d.published},
                      {"modified", d.modified}, {"url", d.url},
                      {"section", d.section},   {"language", d.language},
                      {"text", d.text}};
  if (explain) {
    nlohmann::json removed = nlohmann::json::array();
    for (const RemovedBlock& r : d.removed) {
      removed.push_back({{"reason", r.reason}, {"text", r.text}});
    }
    j["removed"] = std::move(removed);
  }
  return j;
}

void PrintText(const Document& d, bool explain) {
  auto field = [](const char* name, const std::string& v) {
    if (!v.empty()) std::cout << name << ": " << v << "\n";
  };
  field("title", d.title);
  field("standfirst", d.standfirst);
  field("outlet", d.outlet);
  field("agency", d.agency);
  field("author", d.author);
  field("published", d.published);
  field("modified", d.modified);
  field("url", d.url);
  field("section", d.section);
  field("language", d.language);
  std::cout << "\n" << d.text << "\n";
  if (explain) {
    std::cout << "\n---- removed ----\n";
    for (const RemovedBlock& r : d.removed) {
      std::cout << "[" << r.reason << "] " << r.text << "\n";
    }
  }
}

int RunExtract(const ExtractOptions& opt) {
  auto docs = ExtractFile(opt.input);
  if (!docs.ok()) {
    std::cerr << "marsad extract: " << opt.input << ": "
              << docs.status().ToString() << "\n";
    return 1;
  }
  for (const Document& d : *docs) {
    if (opt.format == "json") {
      std::cout << ToJson(d, opt.explain).dump(docs->size() > 1 ? -1 : 2)
                << "\n";
    } else {
      PrintText(d, opt.explain);
    }
  }
  return 0;
}

}  // namespace

void AddExtractCommand(CLI::App& app, CommandFn* run) {
  auto opt = std::make_shared<ExtractOptions>();
  auto* cmd = app.add_subcommand(
      "extract", "Print the main text and metadata of one page or report");
  cmd->add_option("input", opt->input,
                  "FILE (.txt, .html, .htm, .jsonl, .gz) or -")
      ->required();
  cmd->add_option("--format", opt->format, "json or text")
      ->check(CLI::IsMember({"json", "text"}));
  cmd->add_flag("--explain", opt->explain, "also list removed blocks and why");
  cmd->callback([run, opt] { *run = [opt] { return RunExtract(*opt); }; });
}

}  // namespace marsad
