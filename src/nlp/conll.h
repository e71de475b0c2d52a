// Reading pre-tokenized `token<TAB>...<TAB>tag` text (ANERcorp, CoNLL).
//
// Thread safety: pure functions.
#ifndef MARSAD_SRC_NLP_CONLL_H_
#define MARSAD_SRC_NLP_CONLL_H_

#include <string>
#include <string_view>
#include <vector>

#include "marsad/status.h"

namespace marsad {

struct TaggedSentence {
  std::vector<std::string> tokens;
  std::vector<int> tags;  // tag ids (src/nlp/tags.h); empty when untagged
};

struct ConllOptions {
  // The last field is a gold tag (cleaned with CleanTag; unreadable tags
  // are an error unless `repair` is set, which then makes them O).
  bool tagged = true;
  // ANERcorp has no sentence breaks: also end a sentence after a token
  // IsSentenceFinal (. ! ? ؟)
  bool split_on_final_punct = false;
  // Repairs ANERcorp's known noise: swapped columns (tag<TAB>token), a
  // space instead of a tab, stray invisible marks, lines without a token.
  bool repair = false;
};

// Parses `text`: one token a line, fields separated by tabs, the first field
// the token; blank lines separate sentences. Errors name the line.
StatusOr<std::vector<TaggedSentence>> ParseConll(std::string_view text,
                                                 const ConllOptions& options);

// A token that ends a sentence in ANERcorp, which has no sentence breaks:
// . ! ? ؟ (split_on_final_punct).
bool IsSentenceFinal(std::string_view token);

// The lines of a token-per-line file as `marsad ner` answers them: one per
// input line, in order (a final newline ends the last line, it does not
// start another). A blank line (whitespace only) is blank; any other line's
// token is its first field (up to a tab; in a line without tabs, up to a
// space: `token TAG`) cleaned as ParseConll cleans it (invisible marks
// removed, a token of invisible marks only kept as it is). A line whose
// first field is empty (`<TAB>O`) has an empty token and is not blank.
struct ConllLine {
  std::string token;
  bool blank = false;
};
std::vector<ConllLine> ReadConllLines(std::string_view text);

// The fixed development split: the last `dev_fraction` of the sentences
// (ANERcorp is in document order, so the dev part is whole later documents).
void SplitTrainDev(std::vector<TaggedSentence> all, double dev_fraction,
                   std::vector<TaggedSentence>* train,
                   std::vector<TaggedSentence>* dev);

}  // namespace marsad

#endif  // MARSAD_SRC_NLP_CONLL_H_
