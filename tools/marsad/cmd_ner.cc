// marsad ner: tags pre-tokenized text with the entities stage's tagger.
//
//   marsad ner [--format conll] FILE|-
//
// Input: one token a line (`token` or `token<TAB>...`, extra fields such as
// a gold tag are ignored), a blank line between sentences. Output: the same
// sentences as `token<TAB>tag`, BIO with ANERcorp's tag names (B-PERS, I-LOC,
// ...), so the output can be scored against gold with conlleval. The
// sentences are tagged as running text, in order: a name tagged in one
// sentence counts as evidence for the same word a few sentences away (the
// tagger's document pass), so shuffled sentences tag slightly worse.
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "src/base/file.h"
#include "src/nlp/conll.h"
#include "src/nlp/entities.h"
#include "tools/marsad/commands.h"

namespace marsad {
namespace {

struct NerOptions {
  std::string format = "conll";
  std::string input = "-";
};

int RunNer(const NerOptions& o) {
  std::string text;
  if (o.input == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    auto t = ReadFile(o.input);
    if (!t.ok()) {
      std::cerr << "marsad ner: " << t.status().ToString() << "\n";
      return 1;
    }
    text = std::move(*t);
  }
  ConllOptions co;
  co.tagged = false;
  auto sentences = ParseConll(text, co);
  if (!sentences.ok()) {
    std::cerr << "marsad ner: " << sentences.status().WithContext(o.input).ToString() << "\n";
    return 1;
  }
  auto annotator = EntityAnnotator::Create();
  if (!annotator.ok()) {
    std::cerr << "marsad ner: " << annotator.status().ToString() << "\n";
    return 1;
  }
  // The input's sentences are read as one running text, in blocks of
  // kBlock sentences: a document for the tagger's document pass, which
  // looks a few sentences either side (src/nlp/tagger.h).
  constexpr size_t kBlock = 2000;
  std::vector<std::vector<std::string_view>> block;
  std::vector<std::vector<int>> tags;
  std::string out;
  for (size_t first = 0; first < sentences->size(); first += kBlock) {
    size_t end = std::min(sentences->size(), first + kBlock);
    block.clear();
    for (size_t i = first; i < end; ++i)
      block.emplace_back((*sentences)[i].tokens.begin(), (*sentences)[i].tokens.end());
    (*annotator)->TagDocument(block, &tags);
    for (size_t k = 0; k < block.size(); ++k) {
      for (size_t i = 0; i < block[k].size(); ++i) {
        out.append(block[k][i]);
        out += '\t';
        out.append(kTagNames[tags[k][i]]);
        out += '\n';
      }
      out += '\n';
      if (out.size() > (1 << 16)) {
        std::cout << out;
        out.clear();
      }
    }
  }
  std::cout << out;
  return 0;
}

}  // namespace

void AddNerCommand(CLI::App& app, CommandFn* run) {
  auto opts = std::make_shared<NerOptions>();
  auto* cmd = app.add_subcommand("ner", "Tag pre-tokenized text (token per line) with BIO entity tags");
  cmd->add_option("--format", opts->format, "Output format")
      ->check(CLI::IsMember({"conll"}));
  cmd->add_option("input", opts->input, "Input file, or - for stdin");
  cmd->callback([run, opts] { *run = [opts] { return RunNer(*opts); }; });
}

}  // namespace marsad
