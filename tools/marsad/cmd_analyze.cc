// marsad analyze: the per-document text pipeline on raw text, nothing stored.
//
//   marsad analyze [--format json|conllu] [--lines] [--published DATE] [FILE|-]
//
// The input is display-normalized (src/text/normalize.h) into Document::text,
// then the per-document analysis of src/pipeline (DocumentProcessor::Analyze:
// numbers and dates, entities, quotes, events, claims -- as built) fills it.
// JSON carries the analysis in the shared form of src/base/document_json.h plus
// tokens (with clitic parts and lemma keys) and sentences; later stages add
// their fields to the same object through AnalysisToJson. CoNLL-U writes clitic
// groups as multi-word token ranges, so the output can be scored with the UD
// evaluation script.
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "src/base/document_json.h"
#include "src/base/file.h"
#include "src/pipeline/pipeline.h"
#include "src/pipeline/resources.h"
#include "src/text/analyze.h"
#include "src/text/normalize.h"
#include "src/text/segment.h"
#include "src/text/stem.h"
#include "src/text/tables.h"
#include "src/text/tokenize.h"
#include "tools/marsad/commands.h"
#include "tools/marsad/input.h"

namespace marsad {
namespace {

struct AnalyzeOptions {
  std::string format = "json";
  bool lines = false;
  std::string published;
  std::string input = "-";
};

nlohmann::json TokensToJson(const TextTables& tables, const Document& doc,
                            const std::vector<Token>& toks) {
  const Segmenter& segmenter = tables.segmenter();
  nlohmann::json out = nlohmann::json::array();
  Segmentation seg;
  for (const Token& t : toks) {
    std::string_view form = t.span.In(doc.text);
    nlohmann::json j = {{"span", SpanToJson(t.span)},
                        {"kind", std::string(TokenKindName(t.kind))},
                        {"form", std::string(form)}};
    if (t.kind == TokenKind::kWord) {
      segmenter.Segment(form, &seg);
      if (seg.parts.size() > 1) {
        nlohmann::json parts = nlohmann::json::array();
        for (Span p : seg.parts) parts.push_back(std::string(p.In(form)));
        j["parts"] = parts;
      }
      j["lemma"] = LemmaKey(tables, form);
      j["stem"] = LightStem(tables.normalizer(), form);
    }
    out.push_back(std::move(j));
  }
  return out;
}

void WriteJson(const TextTables& tables, const Document& doc,
               const std::vector<Token>& toks, const std::vector<Span>& sents) {
  nlohmann::json j = AnalysisToJson(doc);
  j["text"] = doc.text;
  if (!doc.published.empty()) j["published"] = doc.published;
  j["tokens"] = TokensToJson(tables, doc, toks);
  nlohmann::json s = nlohmann::json::array();
  for (Span sp : sents) s.push_back(SpanToJson(sp));
  j["sentences"] = s;
  std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
            << "\n";
}

void WriteConllu(const TextTables& tables, const Document& doc,
                 const std::vector<Token>& toks, const std::vector<Span>& sents,
                 int* sent_id) {
  const Segmenter& segmenter = tables.segmenter();
  Segmentation seg;
  size_t k = 0;
  for (Span s : sents) {
    std::cout << "# sent_id = " << ++*sent_id << "\n# text = " << s.In(doc.text)
              << "\n";
    int id = 0;
    for (; k < toks.size() && toks[k].span.end <= s.end; ++k) {
      const Token& t = toks[k];
      std::string_view form = t.span.In(doc.text);
      bool space_after =
          k + 1 >= toks.size() || toks[k + 1].span.begin != t.span.end;
      std::string misc = space_after ? "_" : "SpaceAfter=No";
      if (t.kind == TokenKind::kWord) {
        segmenter.Segment(form, &seg);
      } else {
        seg.parts.assign(1, Span{0, static_cast<uint32_t>(form.size())});
      }
      if (seg.parts.size() > 1) {
        std::cout << id + 1 << "-" << id + seg.parts.size() << "\t" << form
                  << "\t_\t_\t_\t_\t_\t_\t_\t" << misc << "\n";
        misc = "_";
      }
      for (Span p : seg.parts) {
        std::string_view w = p.In(form);
        std::string lemma =
            t.kind == TokenKind::kWord ? LemmaKey(tables, w) : std::string(w);
        if (lemma.empty()) lemma = std::string(w);
        std::cout << ++id << "\t" << w << "\t" << lemma
                  << "\t_\t_\t_\t_\t_\t_\t" << misc << "\n";
      }
    }
    std::cout << "\n";
  }
}

int RunAnalyze(const AnalyzeOptions& o) {
  auto r = ReadTextInput(o.input);
  if (!r.ok()) {
    std::cerr << "marsad analyze: " << r.status().ToString() << "\n";
    return 1;
  }
  std::string input = std::move(r).value();
  std::vector<std::string_view> docs;
  if (o.lines) {
    std::string_view all(input);
    size_t pos = 0;
    while (pos < all.size()) {
      size_t nl = all.find('\n', pos);
      if (nl == std::string_view::npos) nl = all.size();
      docs.push_back(all.substr(pos, nl - pos));
      pos = nl + 1;
    }
  } else {
    docs.push_back(input);
  }
  auto resources = Resources::LoadDefault();
  if (!resources.ok()) {
    std::cerr << "marsad analyze: " << resources.status().ToString() << "\n";
    return 1;
  }
  auto processor = DocumentProcessor::Create(**resources);
  if (!processor.ok()) {
    std::cerr << "marsad analyze: " << processor.status().ToString() << "\n";
    return 1;
  }
  NormalizedText norm;
  std::vector<Token> toks;
  std::vector<Span> sents;
  int sent_id = 0;
  for (std::string_view raw : docs) {
    Document doc;
    (*resources)->normalizer().Display(raw, &norm);
    doc.text = norm.text;
    doc.published = o.published;
    (*processor)->Analyze(&doc);  // text core, then entities and facts if built
    Tokenize(doc.text, &toks);
    SplitSentences((*resources)->text_tables(), doc.text, toks, &sents);
    if (o.format == "conllu") {
      WriteConllu((*resources)->text_tables(), doc, toks, sents, &sent_id);
    } else {
      WriteJson((*resources)->text_tables(), doc, toks, sents);
    }
  }
  return 0;
}

}  // namespace

void AddAnalyzeCommand(CLI::App& app, CommandFn* run) {
  auto opts = std::make_shared<AnalyzeOptions>();
  auto* cmd = app.add_subcommand(
      "analyze", "Run the text pipeline on raw text (nothing stored)");
  cmd->add_option("--format", opts->format, "json or conllu")
      ->check(CLI::IsMember({"json", "conllu"}));
  cmd->add_flag("--lines", opts->lines, "Each input line is its own document");
  cmd->add_option("--published", opts->published,
                  "Publication date (YYYY-MM-DD) for relative dates");
  cmd->add_option("input", opts->input, "Input file, or - for stdin");
  cmd->callback([run, opts] { *run = [opts] { return RunAnalyze(*opts); }; });
}

}  // namespace marsad
