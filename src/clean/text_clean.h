// Cleaning of text dumps: saved reports (format "txt") and JSONL content.
#ifndef MARSAD_CLEAN_TEXT_CLEAN_H_
#define MARSAD_CLEAN_TEXT_CLEAN_H_

#include "marsad/document.h"
#include "src/clean/clean.h"
#include "src/clean/lexicon.h"

namespace marsad {

class Normalizer;

// Splits doc->raw into paragraphs, drops furniture, moves metadata lines into
// the metadata fields and fills doc->text and doc->removed. For "txt" the
// title and standfirst are found in the text; for "jsonl" an existing title is
// kept and a first line repeating it is dropped. The body's paragraphs are
// put in `normalizer`'s display form (Normalizer::Display). Never fails.
void CleanTextDump(const CleanLexicon& lex, const Normalizer& normalizer,
                   const FurnitureModel* model, Document* doc);

}  // namespace marsad

#endif  // MARSAD_CLEAN_TEXT_CLEAN_H_
