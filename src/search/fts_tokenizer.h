// The FTS5 tokenizer "marsad": indexes SearchTerms (src/search/terms.h) —
// each word's stem, with its consonant skeleton as a colocated synonym —
// and reports byte offsets into the original text.
#ifndef MARSAD_SEARCH_FTS_TOKENIZER_H_
#define MARSAD_SEARCH_FTS_TOKENIZER_H_

#include <sqlite3.h>

#include "marsad/status.h"

namespace marsad {

class TextTables;

// Registers the tokenizer on this connection, reading terms with `tables`.
// Must run before any FTS5 table using tokenize='marsad' is created or read
// on it. REQUIRES: `tables` outlives the connection.
Status RegisterFts5Tokenizer(sqlite3* db, const TextTables& tables);

}  // namespace marsad

#endif  // MARSAD_SEARCH_FTS_TOKENIZER_H_
