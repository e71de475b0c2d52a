// marsad similarity: the score marsad uses to decide whether two reports tell
// one story, so that it can be checked against human judgements.
//   marsad similarity [--json] FILE_A FILE_B
//   marsad similarity [--json] --pairs FILE.jsonl   (lines {"a": TEXT, "b":
//   TEXT})
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "src/base/file.h"
#include "src/clean/clean.h"
#include "src/dedup/fingerprint.h"
#include "src/ingest/decode.h"
#include "src/pipeline/pipeline.h"
#include "src/pipeline/resources.h"
#include "src/story/story_similarity.h"
#include "src/story/story_tables.h"
#include "src/text/tables.h"
#include "tools/marsad/commands.h"

namespace marsad {
namespace {

// Cleans and analyses a report given as text or file contents, with the
// analysis ingest runs (entities included), so the score is ingest's.
StatusOr<StoryFeatures> Features(const DocumentProcessor& processor,
                                 std::string raw, std::string format,
                                 Fingerprint* fp) {
  Document doc;
  doc.raw = std::move(raw);
  doc.format = std::move(format);
  const Resources& r = processor.resources();
  RETURN_IF_ERROR(CleanDocument(r.clean_lexicon(), r.normalizer(), &doc));
  processor.Analyze(&doc);
  *fp = ComputeFingerprint(r.text_tables(), doc.text);
  return ComputeStoryFeatures(r.story_tables(), doc);
}

StatusOr<StoryFeatures> FileFeatures(const DocumentProcessor& processor,
                                     const std::string& path, Fingerprint* fp) {
  ASSIGN_OR_RETURN(std::string data, ReadFile(path));
  if (IsGzip(data)) {
    ASSIGN_OR_RETURN(data, Gunzip(data, size_t{256} << 20));
  }
  std::string format = "txt";
  for (const char* ext : {".html", ".htm", ".html.gz", ".htm.gz"}) {
    std::string_view p(path), e(ext);
    if (p.size() >= e.size() && p.substr(p.size() - e.size()) == e)
      format = "html";
  }
  // Decoded as ingest decodes (a windows-1256 page converted; an empty or
  // binary file is an error, not a score of 0).
  auto decoded = DecodeToUtf8(data, format == "html");
  if (!decoded.ok()) return decoded.status().WithContext(path);
  return Features(processor, std::move(decoded->text), format, fp);
}

nlohmann::json ToJson(const StoryFeatures& a, const StoryFeatures& b,
                      const Fingerprint& fa, const Fingerprint& fb) {
  SimilarityParts p = ExplainSimilarity(a, b);
  nlohmann::json j = {{"score", p.score},
                      {"same_story", p.score >= kSameStoryThreshold},
                      {"related", p.score >= kRelatedThreshold},
                      {"threshold", kSameStoryThreshold},
                      {"related_threshold", kRelatedThreshold},
                      {"terms", p.terms},
                      {"title", p.title},
                      {"shared_numbers", p.shared_numbers},
                      {"shared_dates", p.shared_dates},
                      {"duplicate_jaccard", EstimateJaccard(fa, fb)},
                      {"exact_duplicate", fa.exact == fb.exact}};
  j["entities"] =
      p.entities < 0 ? nlohmann::json(nullptr) : nlohmann::json(p.entities);
  j["day_gap"] =
      p.day_gap < 0 ? nlohmann::json(nullptr) : nlohmann::json(p.day_gap);
  j["event_day_gap"] =
      p.event_gap < 0 ? nlohmann::json(nullptr) : nlohmann::json(p.event_gap);
  return j;
}

int RunFiles(const DocumentProcessor& processor, const std::string& a,
             const std::string& b, bool json) {
  Fingerprint fa, fb;
  StatusOr<StoryFeatures> x = FileFeatures(processor, a, &fa);
  StatusOr<StoryFeatures> y = FileFeatures(processor, b, &fb);
  for (const auto* r : {&x, &y}) {
    if (!r->ok()) {
      std::cerr << "marsad similarity: " << r->status().ToString() << "\n";
      return 1;
    }
  }
  nlohmann::json j = ToJson(*x, *y, fa, fb);
  if (json) {
    std::cout << j.dump(2) << "\n";
  } else {
    std::printf("%.4f\t%s\n", j["score"].get<double>(),
                j["same_story"].get<bool>() ? "same story"
                : j["related"].get<bool>()  ? "related"
                                            : "different");
  }
  return 0;
}

int RunPairs(const DocumentProcessor& processor, const std::string& path,
             bool json) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "marsad similarity: cannot read " << path << "\n";
    return 1;
  }
  std::string line;
  int line_no = 0, bad = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("a") ||
        !j.contains("b") || !j["a"].is_string() || !j["b"].is_string()) {
      std::cerr << "marsad similarity: " << path << ":" << line_no
                << ": expected {\"a\": TEXT, \"b\": TEXT}\n";
      std::cout << (json ? "null" : "nan") << "\n";
      ++bad;
      continue;
    }
    Fingerprint fa, fb;
    StatusOr<StoryFeatures> x =
        Features(processor, j["a"].get<std::string>(), "txt", &fa);
    StatusOr<StoryFeatures> y =
        Features(processor, j["b"].get<std::string>(), "txt", &fb);
    if (!x.ok() || !y.ok()) {
      std::cerr << "marsad similarity: line " << line_no << ": "
                << (x.ok() ? y.status() : x.status()).ToString() << "\n";
      std::cout << (json ? "null" : "nan") << "\n";
      ++bad;
      continue;
    }
    if (json) {
      std::cout << ToJson(*x, *y, fa, fb).dump() << "\n";
    } else {
      std::printf("%.4f\n", Similarity(*x, *y));
    }
  }
  return bad ? 1 : 0;
}

}  // namespace

void AddSimilarityCommand(CLI::App& app, CommandFn* run) {
  auto* cmd = app.add_subcommand(
      "similarity",
      "Score two reports (0..1) and say whether they are one story");
  struct Args {
    bool json = false;
    std::string pairs;
    std::vector<std::string> files;
  };
  auto args = std::make_shared<Args>();
  cmd->add_flag("--json", args->json,
                "JSON output with the parts of the score");
  cmd->add_option(
      "--pairs", args->pairs,
      "JSONL file of {\"a\": TEXT, \"b\": TEXT}: one score per line");
  cmd->add_option("files", args->files,
                  "FILE_A FILE_B (.txt or .html, gzip ok)");
  cmd->callback([run, args] {
    *run = [args] {
      bool pairs = !args->pairs.empty() && args->files.empty();
      if (!pairs && !(args->pairs.empty() && args->files.size() == 2)) {
        std::cerr
            << "marsad similarity: give FILE_A FILE_B, or --pairs FILE.jsonl\n";
        return 2;
      }
      auto resources = Resources::LoadDefault();
      if (!resources.ok()) {
        std::cerr << "marsad similarity: " << resources.status().ToString()
                  << "\n";
        return 1;
      }
      auto processor = DocumentProcessor::Create(**resources);
      if (!processor.ok()) {
        std::cerr << "marsad similarity: " << processor.status().ToString()
                  << "\n";
        return 1;
      }
      if (pairs) return RunPairs(**processor, args->pairs, args->json);
      return RunFiles(**processor, args->files[0], args->files[1], args->json);
    };
  });
}

}  // namespace marsad
