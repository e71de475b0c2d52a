// The per-document text stage.
#ifndef MARSAD_SRC_TEXT_ANALYZE_H_
#define MARSAD_SRC_TEXT_ANALYZE_H_

#include "marsad/document.h"
#include "src/text/analysis.h"
#include "src/text/tables.h"

namespace marsad {

// Fills doc->numbers and doc->dates from the analysis of doc->text
// (src/text/analysis.h, made once per document by the DocumentProcessor)
// and doc->published, replacing what they held. Numbers that lie inside a
// date (the 7 of `7 فبراير`, a year) are not reported as numbers.
// REQUIRES: analysis.IsOf(doc->text).
void AnalyzeText(const TextTables& tables, const TextAnalysis& analysis,
                 Document* doc);

}  // namespace marsad

#endif  // MARSAD_SRC_TEXT_ANALYZE_H_
