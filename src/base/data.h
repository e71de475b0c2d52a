// Locating and reading marsad's rule tables in data/ (TSV, '#' comments).
#ifndef MARSAD_BASE_DATA_H_
#define MARSAD_BASE_DATA_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/status.h"

namespace marsad {

// The directory holding marsad's data tables, searched in order:
// $MARSAD_DATA_DIR; <dir of the running binary>/../share/marsad/data;
// the source tree's data/ (compiled in). Returns the first that exists.
std::string DataDir();

// DataDir() + "/" + relative.
std::string DataPath(std::string_view relative);

// The directory holding marsad's trained models (models/: the NER tagger),
// searched in order: $MARSAD_MODEL_DIR; <dir of the running binary>/../share/
// marsad/models; the source tree's models/ (compiled in). Returns the first
// that exists. Models are kept apart from data/'s hand-written tables: they
// are large binaries, written only by the trainers (make train-ner).
std::string ModelDir();

// ModelDir() + "/" + relative.
std::string ModelPath(std::string_view relative);

// A TSV table: rows of fields; lines starting with '#' and blank lines are
// skipped. Fields are split on '\t' only.
using TsvRows = std::vector<std::vector<std::string>>;
StatusOr<TsvRows> ReadTsv(const std::string& path);
// Reads DataPath(relative).
StatusOr<TsvRows> ReadDataTsv(std::string_view relative);

// ReadTsv(path), each row handed to `fn` in order; stops at the first error:
// the file's (missing, unreadable), a row with fewer than `min_fields`
// fields (a CorruptionError naming the file and the row), or `fn`'s own
// (given the file's name as context).
Status ForEachTsvRow(
    const std::string& path, size_t min_fields,
    const std::function<Status(const std::vector<std::string>&)>& fn);

// Splits on `sep`, keeping empty fields.
std::vector<std::string_view> Split(std::string_view s, char sep);
std::string_view Trim(std::string_view s);  // ASCII whitespace only

}  // namespace marsad

#endif  // MARSAD_BASE_DATA_H_
