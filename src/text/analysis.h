// TextAnalysis: what the per-document stages read of a document's text,
// made once per document (UDPipe's pipeline passes its sentence along the
// same way): the tokens (Tokenize), each token's folded key
// (Normalizer::FoldKey) and the sentences (SplitSentences).
//
// Why one object. Before it, each stage re-tokenized the text it was given
// (dates, numbers, the word count, the fingerprint, the story terms, the
// search terms: six tokenizations of every report) and folded its words
// again through its own string-keyed cache. The DocumentProcessor
// (src/pipeline) now builds one TextAnalysis of the cleaned text and hands
// it to every stage after it as a parameter (AnalyzeText, the entity
// tagger's Annotate, the facts stage's FactsFinder, ComputeFingerprint,
// ComputeStoryFeatures, PreAnalyze). Nothing finds it from the text alone:
// the thread-local binding (ScopedTextAnalysis, TokensOf) that the entity
// and facts stages used until issue 25's step 5 is gone.
//
// Thread safety: a TextAnalysis is a plain value; Build() writes it, the
// stages only read it. Lifetime: `text`, and the keys' views into `buffer`,
// are valid while the analysed text and the TextAnalysis are.
#ifndef MARSAD_SRC_TEXT_ANALYSIS_H_
#define MARSAD_SRC_TEXT_ANALYSIS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/document.h"
#include "src/text/tokenize.h"

namespace marsad {

class TextTables;

struct TextAnalysis {
  std::string_view text;            // the text analysed (not owned)
  std::vector<Token> tokens;        // Tokenize(text)
  std::vector<FoldedToken> folded;  // one per token, keys in `buffer`
  std::vector<Span> sentences;      // SplitSentences(text, tokens)
  std::string buffer;               // the folded keys, end to end

  // Replaces the contents with the analysis of `text`, reusing the vectors'
  // memory: keys folded with the tables' Normalizer, sentences split with
  // their abbreviations (src/text/tables.h). REQUIRES: `text` outlives the
  // use of this analysis.
  void Build(std::string_view text, const TextTables& tables);

  // True if this is the analysis of exactly this view (same bytes in
  // memory, same size): an O(1) check, not a comparison of the text.
  bool IsOf(std::string_view t) const {
    return t.data() == text.data() && t.size() == text.size();
  }

  // How many times Build() ran on this thread (tests: once per document).
  static uint64_t BuildsOnThisThread();
};

}  // namespace marsad

#endif  // MARSAD_SRC_TEXT_ANALYSIS_H_
