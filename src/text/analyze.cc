#include "src/text/analyze.h"

#include "src/text/dates.h"
#include "src/text/numbers.h"

namespace marsad {

void AnalyzeText(const TextTables& tables, const TextAnalysis& analysis,
                 Document* doc) {
  FindDates(tables, analysis, doc->published, &doc->dates);
  std::vector<NumberMention> numbers;
  FindNumbers(tables, analysis, &numbers);
  doc->numbers.clear();
  size_t d = 0;
  for (NumberMention& n : numbers) {
    while (d < doc->dates.size() && doc->dates[d].span.end <= n.span.begin) ++d;
    bool inside = d < doc->dates.size() &&
                  doc->dates[d].span.begin <= n.span.begin &&
                  n.span.end <= doc->dates[d].span.end;
    if (!inside) doc->numbers.push_back(std::move(n));
  }
}

}  // namespace marsad
