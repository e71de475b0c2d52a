#include "src/text/analyze.h"

#include "src/text/dates.h"
#include "src/text/numbers.h"

namespace marsad {

void AnalyzeText(Document* doc) {
  FindNumbers(doc->text, &doc->numbers);
  FindDates(doc->text, doc->published, &doc->dates);
}

}  // namespace marsad
