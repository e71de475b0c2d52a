// marsad ner: tags pre-tokenized text with the entities stage's tagger.
//
//   marsad ner [--format conll] FILE|-
//
// Input: one token a line (`token` or `token<TAB>...`, extra fields such as
// a gold tag are ignored), a blank line between sentences. Output: the same
// sentences as `token<TAB>tag`, BIO with ANERcorp's tag names (B-PERS, I-LOC,
// ...), so the output can be scored against gold with conlleval.
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
  std::vector<std::string_view> toks;
  std::vector<int> tags;
  std::string out;
  for (const TaggedSentence& s : *sentences) {
    toks.assign(s.tokens.begin(), s.tokens.end());
    (*annotator)->Tag(toks, &tags);
    for (size_t i = 0; i < toks.size(); ++i) {
      out.append(toks[i]);
      out += '\t';
      out.append(kTagNames[tags[i]]);
      out += '\n';
    }
    out += '\n';
    if (out.size() > (1 << 16)) {
      std::cout << out;
      out.clear();
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
