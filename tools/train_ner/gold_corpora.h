// Other hand-labelled NER corpora than ANERcorp, read into ANERcorp's tag set
// (PERS, LOC, ORG, MISC; src/nlp/tags.h) and its tokenization, for
// train_ner --extra. The mappings, written down here and in docs/RESULTS.md:
//
//  * aqmar (AQMAR, Mohit et al. 2012; `token TAG`, IOB2, blank line between
//    sentences): PER → PERS, LOC, ORG, MIS → MISC.
//  * wikifane (WikiFANE Gold, Alotaibi & Lee 2014; tab-separated, the fourth
//    column is the 4-class tag PERS/LOC/ORG/MISC): taken as it is. Its text
//    splits clitics off (`و قد`, `نفوذ ه`): they are joined back as ANERcorp
//    writes them (`وقد`, `نفوذه`, ل + ال → لل), the word keeping its tag.
//    Its أ/إ/آ are bare ا: the tagger's features other than the surface form
//    read folded words, where the two are the same.
//  * wojood (the Wojood sample, Jarrar et al. 2022; `token TAG`, flat):
//    PERS; GPE, LOC, FAC → LOC; ORG; EVENT, PRODUCT, LAW, WEBSITE → MISC;
//    the rest (dates, numbers, NORP, OCC, ...) → O.
//
// MISC of these corpora is broader than ANERcorp's (works, theories, groups
// of people), so each may be read with MISC kept, turned into O, or with
// every sentence holding a MISC name skipped (no false O taught).
//
// Thread safety: pure functions.
#ifndef MARSAD_TOOLS_TRAIN_NER_GOLD_CORPORA_H_
#define MARSAD_TOOLS_TRAIN_NER_GOLD_CORPORA_H_

#include <string>
#include <string_view>
#include <vector>

#include "marsad/status.h"
#include "src/nlp/conll.h"

namespace marsad {

// kPersOnly: only the sentences whose names are all persons (and those
// without names) are read.
enum class MiscMode { kKeep, kToO, kSkipSentence, kPersOnly };

struct GoldCorpusSpec {
  std::string format;  // "aqmar", "wikifane", "wojood"
  std::string path;    // a file (.gz read through)
  double weight = 1;   // times each sentence is trained on per epoch
  MiscMode misc = MiscMode::kKeep;
  // The last fraction of the file's sentences left out (before the MISC
  // mode drops any), as eval_ner's --dev-fraction splits it: WikiFANE's
  // held-out part is its last 0.1.
  double hold_out = 0;
};

// Parses "FORMAT:PATH[:WEIGHT[:keep|o|skip|pers[:HOLD_OUT]]]".
StatusOr<GoldCorpusSpec> ParseGoldCorpusSpec(std::string_view spec);

// The corpus's sentences with BIO tag ids of src/nlp/tags.h.
StatusOr<std::vector<TaggedSentence>> ReadGoldCorpus(const GoldCorpusSpec& s);

// WikiFANE's split clitics joined back (exposed for the tests).
TaggedSentence JoinClitics(const TaggedSentence& s);

}  // namespace marsad

#endif  // MARSAD_TOOLS_TRAIN_NER_GOLD_CORPORA_H_
