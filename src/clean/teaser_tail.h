// Other reports' leads kept after a report's body ("more from the outlet"
// teasers): see teaser_tail.cc for why the rule looks the way it does.
#ifndef MARSAD_CLEAN_TEASER_TAIL_H_
#define MARSAD_CLEAN_TEASER_TAIL_H_

#include <string_view>
#include <vector>

#include "src/clean/lexicon.h"

namespace marsad {

// The index of the first paragraph of the trailing run of teasers in
// `paragraphs` (the report's kept paragraphs in order, display text), or
// paragraphs.size() when there is none. The run never takes the first
// paragraph. Views need only live for the call.
//
// Thread safety: safe to call concurrently (reads `lex` only).
size_t TeaserTailStart(const std::vector<std::string_view>& paragraphs,
                       const CleanLexicon& lex);

}  // namespace marsad

#endif  // MARSAD_CLEAN_TEASER_TAIL_H_
