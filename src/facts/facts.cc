// FactsFinder (facts.h): one document's word table and the three steps.
#include "src/facts/facts.h"

namespace marsad {

FactsFinder::FactsFinder(const FactsLexicon& lexicon,
                         const TextAnalysis& analysis, Document* doc)
    : lex_(lexicon), doc_(doc) {
  table_.Build(analysis);
}

void FactsFinder::Run() {
  FindQuotes();
  FindEvents();
  BuildClaims();
}

void FindQuotes(const FactsLexicon& lexicon, const TextAnalysis& analysis,
                Document* doc) {
  FactsFinder(lexicon, analysis, doc).FindQuotes();
}

void FindEvents(const FactsLexicon& lexicon, const TextAnalysis& analysis,
                Document* doc) {
  FactsFinder(lexicon, analysis, doc).FindEvents();
}

void BuildClaims(const FactsLexicon& lexicon, const TextAnalysis& analysis,
                 Document* doc) {
  FactsFinder(lexicon, analysis, doc).BuildClaims();
}

}  // namespace marsad
