#include "src/text/analysis.h"

#include "src/text/normalize.h"
#include "src/text/tables.h"

namespace marsad {
namespace {

thread_local uint64_t builds = 0;

}  // namespace

void TextAnalysis::Build(std::string_view t, const TextTables& tables) {
  ++builds;
  const Normalizer& normalizer = tables.normalizer();
  text = t;
  Tokenize(text, &tokens);
  SplitSentences(tables, text, tokens, &sentences);
  buffer.clear();
  folded.clear();
  folded.reserve(tokens.size());
  // Keys are appended end to end first and viewed after: `buffer` may move
  // while it grows.
  std::string key;
  std::vector<uint32_t> ends;
  ends.reserve(tokens.size());
  for (const Token& tok : tokens) {
    normalizer.FoldKey(tok.span.In(text), &key);
    buffer += key;
    ends.push_back(static_cast<uint32_t>(buffer.size()));
  }
  uint32_t begin = 0;
  for (size_t k = 0; k < tokens.size(); ++k) {
    folded.push_back(
        FoldedToken{tokens[k].span, tokens[k].kind,
                    std::string_view(buffer).substr(begin, ends[k] - begin)});
    begin = ends[k];
  }
}

uint64_t TextAnalysis::BuildsOnThisThread() { return builds; }

}  // namespace marsad
