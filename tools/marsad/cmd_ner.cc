// marsad ner: tags pre-tokenized text with the entities stage's tagger.
//
//   marsad ner [--format conll] FILE|-
//
// Input: one token a line (`token` or `token<TAB>...`, extra fields such as
// a gold tag are ignored; `token TAG` with a space is read too), a blank
// line between sentences (optional: a sentence also ends after . ! ? ؟).
// Output: one line for each input line,
// `token<TAB>tag` in BIO with ANERcorp's tag names (B-PERS, I-LOC, ...), and
// blank where the input's line was blank, so that the output lines up with
// the gold file line by line and can be scored with conlleval. A line
// without a token (`<TAB>O`) is answered `<TAB>O` with a warning. The
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
#include "tools/marsad/input.h"

namespace marsad {
namespace {

struct NerOptions {
  std::string format = "conll";
  std::string input = "-";
};

int RunNer(const NerOptions& o) {
  auto text = ReadTextInput(o.input);
  if (!text.ok()) {
    std::cerr << "marsad ner: " << text.status().ToString() << "\n";
    return 1;
  }
  const std::vector<ConllLine> lines = ReadConllLines(*text);
  auto annotator = EntityAnnotator::Create();
  if (!annotator.ok()) {
    std::cerr << "marsad ner: " << annotator.status().ToString() << "\n";
    return 1;
  }
  // The sentences the tagger sees: runs of token lines between blank lines,
  // also cut after sentence-final punctuation and at kMaxWords tokens, so
  // that a file without blank lines (ANERcorp's own files have none) is
  // tagged as sentences, as the tagger was trained. Each is a range of line
  // indices (blank lines inside none).
  // A guard only: ANERcorp has runs of 1,900 tokens without punctuation.
  constexpr size_t kMaxWords = 5000;
  std::vector<std::pair<size_t, size_t>> sentences;
  size_t missing = 0, first_missing = 0;
  for (size_t i = 0; i < lines.size(); ++i)
    if (!lines[i].blank && lines[i].token.empty() && missing++ == 0)
      first_missing = i + 1;
  // (A line without a token is answered O and is skipped, not a break.)
  auto skipped = [&](size_t i) {
    return lines[i].blank || lines[i].token.empty();
  };
  for (size_t i = 0; i < lines.size();) {
    while (i < lines.size() && skipped(i)) ++i;
    size_t begin = i, words = 0;
    while (i < lines.size() && !lines[i].blank && words < kMaxWords) {
      const std::string& t = lines[i++].token;
      if (t.empty()) continue;
      ++words;
      if (IsSentenceFinal(t)) break;
    }
    if (i > begin) sentences.emplace_back(begin, i);
  }
  if (missing > 0)
    std::cerr << "marsad ner: " << o.input << ": " << missing
              << " line(s) without a token (first: line " << first_missing
              << "), answered O\n";
  // The sentences are read as one running text, in blocks of kBlock: a
  // document for the tagger's document pass, which looks a few sentences
  // either side (src/nlp/tagger.h).
  constexpr size_t kBlock = 2000;
  std::vector<int> line_tag(lines.size(), 0);
  std::vector<std::vector<std::string_view>> block;
  std::vector<std::vector<int>> tags;
  for (size_t first = 0; first < sentences.size(); first += kBlock) {
    size_t end = std::min(sentences.size(), first + kBlock);
    block.clear();
    for (size_t k = first; k < end; ++k) {
      auto& words = block.emplace_back();
      for (size_t i = sentences[k].first; i < sentences[k].second; ++i)
        if (!lines[i].token.empty()) words.push_back(lines[i].token);
    }
    (*annotator)->TagDocument(block, &tags);
    for (size_t k = first; k < end; ++k) {
      size_t t = 0;
      for (size_t i = sentences[k].first; i < sentences[k].second; ++i)
        if (!lines[i].token.empty()) line_tag[i] = tags[k - first][t++];
    }
  }
  // One output line for each input line: blank for blank.
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].blank) {
      out.append(lines[i].token);
      out += '\t';
      out.append(kTagNames[line_tag[i]]);
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
  auto* cmd = app.add_subcommand(
      "ner", "Tag pre-tokenized text (token per line) with BIO entity tags");
  cmd->add_option("--format", opts->format, "Output format")
      ->check(CLI::IsMember({"conll"}));
  cmd->add_option("input", opts->input, "Input file, or - for stdin");
  cmd->callback([run, opts] { *run = [opts] { return RunNer(*opts); }; });
}

}  // namespace marsad
