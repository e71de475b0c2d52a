// FactsFinder (facts.h): one document's word table and the three steps.
#include "src/facts/facts.h"

namespace marsad {

FactsFinder::FactsFinder(const FactsLexicon& lexicon, Document* doc)
    : lex_(lexicon), doc_(doc) {
  table_.Build(doc->text);
}

void FactsFinder::Run() {
  FindQuotes();
  FindEvents();
  BuildClaims();
}

void FindQuotes(const FactsLexicon& lexicon, Document* doc) {
  FactsFinder(lexicon, doc).FindQuotes();
}

void FindEvents(const FactsLexicon& lexicon, Document* doc) {
  FactsFinder(lexicon, doc).FindEvents();
}

void BuildClaims(const FactsLexicon& lexicon, Document* doc) {
  FactsFinder(lexicon, doc).BuildClaims();
}

}  // namespace marsad
