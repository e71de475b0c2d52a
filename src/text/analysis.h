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
// it to the stages explicitly (AnalyzeText, ComputeFingerprint,
// ComputeStoryFeatures, PreAnalyze).
//
// Stages that still find the analysis from the text alone (the entity and
// facts stages call TokensOf(doc.text)) get the document's analysis while a
// ScopedTextAnalysis binds it on their thread: found by the identity of the
// text (its first byte's address and its size), never by comparing the text.
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

class Normalizer;

struct TextAnalysis {
  std::string_view text;            // the text analysed (not owned)
  std::vector<Token> tokens;        // Tokenize(text)
  std::vector<FoldedToken> folded;  // one per token, keys in `buffer`
  std::vector<Span> sentences;      // SplitSentences(text, tokens)
  std::string buffer;               // the folded keys, end to end

  // Replaces the contents with the analysis of `text`, reusing the vectors'
  // memory. REQUIRES: `text` outlives the use of this analysis.
  void Build(std::string_view text, const Normalizer& normalizer);

  // True if this is the analysis of exactly this view (same bytes in
  // memory, same size): an O(1) check, not a comparison of the text.
  bool IsOf(std::string_view t) const {
    return t.data() == text.data() && t.size() == text.size();
  }

  // How many times Build() ran on this thread (tests: once per document).
  static uint64_t BuildsOnThisThread();
};

// While alive, TokensOf(a.text) on this thread returns `a` without work.
// Scopes nest (the previous binding comes back on destruction).
// REQUIRES: `a` outlives the scope; scopes end in reverse order.
class ScopedTextAnalysis {
 public:
  explicit ScopedTextAnalysis(const TextAnalysis& a);
  ~ScopedTextAnalysis();
  ScopedTextAnalysis(const ScopedTextAnalysis&) = delete;
  ScopedTextAnalysis& operator=(const ScopedTextAnalysis&) = delete;

 private:
  const TextAnalysis* previous_;
};

// The analysis of `text` for the stages that are not handed one (entities,
// facts, and the text functions called on a bare text by tools and tests):
// the bound analysis when `text` is its text (see ScopedTextAnalysis),
// otherwise one built now with Normalizer::Default() into a per-thread
// slot. The reference is valid until the next call on this thread that
// does not hit the bound analysis.
const TextAnalysis& TokensOf(std::string_view text);

}  // namespace marsad

#endif  // MARSAD_SRC_TEXT_ANALYSIS_H_
