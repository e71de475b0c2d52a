// The text core's per-document entry point.
#ifndef MARSAD_TEXT_ANALYZE_H_
#define MARSAD_TEXT_ANALYZE_H_

#include "marsad/document.h"

namespace marsad {

// Fills doc->numbers and doc->dates from doc->text, resolving dates
// against doc->published. Thread-safe.
void AnalyzeText(Document* doc);

}  // namespace marsad

#endif  // MARSAD_TEXT_ANALYZE_H_
