// Main text and metadata of an HTML page.
#ifndef MARSAD_CLEAN_HTML_EXTRACT_H_
#define MARSAD_CLEAN_HTML_EXTRACT_H_

#include <cstddef>

#include "marsad/document.h"
#include "src/clean/clean.h"
#include "src/clean/lexicon.h"

namespace marsad {

class Normalizer;

// Pages larger than this are cut before parsing (after dropping script and
// style bodies), which bounds the parser's memory.
inline constexpr size_t kMaxHtmlBytes = size_t{16} << 20;

// Parses doc->raw as HTML and fills the metadata fields that are empty,
// doc->text (main text, paragraphs separated by "\n\n") and doc->removed.
// The text is in `normalizer`'s display form (CleanTextDump). Never fails: a
// page without recognisable content yields empty text.
void CleanHtml(const CleanLexicon& lex, const Normalizer& normalizer,
               const FurnitureModel* model, Document* doc);

}  // namespace marsad

#endif  // MARSAD_CLEAN_HTML_EXTRACT_H_
