// Normalization as table lookup.
//
// Unicode normalization through ICU is correct but slow per call and has no
// offset map. News text uses a few hundred distinct code points, all in the
// BMP, so we ask ICU once, at startup, what each BMP code point becomes under
// each of our three modes (display, fold, unvocalize) and store the answer in
// a 64K-entry table: copy, drop, whitespace, or "emit these bytes". The hot
// loop is then a byte loop with fast paths for ASCII and for two-byte
// characters copied as they are (most Arabic letters): decode, look up,
// append, record the input offset of every output byte. Context enters in only
// three places, each a peek at the next code point: composing a letter with a
// following hamza/madda mark (NFC), folding ة only at the end of a word, and
// collapsing whitespace runs (a pending-space state, flushed before the next
// visible character so that trailing whitespace disappears).
#include "src/text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <array>
#include <mutex>

#include "src/base/data.h"
#include "src/base/utf8.h"

namespace marsad {
namespace {

enum Kind : uint8_t { kCopy, kMap, kDrop, kSpace, kNewline };
enum Flag : uint8_t {
  kArabicLetter = 1,
  kComposeBase = 2,
  kFinalOnly = 4,  // fold ة: mapping applies at word end only
};

struct Entry {
  uint32_t off = 0;  // into pool
  uint8_t len = 0;
  Kind kind = kCopy;
  uint8_t flags = 0;
};

constexpr char32_t kTehMarbuta = 0x0629;

}  // namespace

struct Normalizer::Tables {
  std::vector<Entry> display, fold, unvoc;  // 0x10000 each
  std::string pool;
  struct Compose {
    char32_t base, mark, composed;
  };
  std::vector<Compose> compose;
  Entry teh_final;  // fold of ة at word end

  Entry MakeMap(const std::u32string& s) {
    Entry e;
    e.off = static_cast<uint32_t>(pool.size());
    for (char32_t c : s) AppendUtf8(c, &pool);
    e.len = static_cast<uint8_t>(pool.size() - e.off);
    e.kind = e.len == 0 ? kDrop : kMap;
    return e;
  }
};

namespace {

using Tables = Normalizer::Tables;

std::u32string ToU32(const icu::UnicodeString& u) {
  std::u32string out;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    out.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return out;
}

bool IsPresentationForm(char32_t cp) {
  return (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFE);
}

struct FoldRule {
  std::u32string to;
  bool drop = false, final_only = false, set = false;
};

StatusOr<uint32_t> ParseHex(std::string_view s) {
  uint32_t v = 0;
  if (s.empty() || s.size() > 6) return InvalidArgumentError("bad hex");
  for (char c : s) {
    int d = (c >= '0' && c <= '9')   ? c - '0'
            : (c >= 'A' && c <= 'F') ? c - 'A' + 10
            : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                                     : -1;
    if (d < 0) return InvalidArgumentError("bad hex: " + std::string(s));
    v = v * 16 + d;
  }
  return v;
}

Status ParseRange(std::string_view f, uint32_t* lo, uint32_t* hi) {
  size_t dash = f.find('-');
  ASSIGN_OR_RETURN(*lo, ParseHex(f.substr(0, dash)));
  *hi = *lo;
  if (dash != std::string_view::npos) {
    ASSIGN_OR_RETURN(*hi, ParseHex(f.substr(dash + 1)));
  }
  if (*hi < *lo || *hi > 0xFFFF) return InvalidArgumentError("bad range");
  return Status::OK();
}

Status LoadFoldRules(const std::string& path, std::vector<FoldRule>* rules) {
  ASSIGN_OR_RETURN(TsvRows rows, ReadTsv(path));
  for (const auto& row : rows) {
    if (row.size() < 2) return CorruptionError(path + ": short row");
    uint32_t lo, hi;
    RETURN_IF_ERROR(ParseRange(row[0], &lo, &hi).WithContext(path));
    std::string_view cond = row.size() > 2 ? std::string_view(row[2]) : "";
    for (uint32_t cp = lo; cp <= hi; ++cp) {
      FoldRule& r = (*rules)[cp];
      r.set = true;
      r.final_only = cond == "word-final";
      if (row[1] == "-") {
        r.drop = true;
        continue;
      }
      for (std::string_view h : Split(row[1], ' ')) {
        if (h.empty()) continue;
        StatusOr<uint32_t> to_or = ParseHex(h);
        if (!to_or.ok()) return to_or.status().WithContext(path);
        uint32_t to = *to_or;
        if (cond == "sequential") to += cp - lo;
        r.to.push_back(to);
      }
    }
  }
  return Status::OK();
}

Status LoadDisplayDrops(const std::string& path, std::vector<bool>* drop) {
  ASSIGN_OR_RETURN(TsvRows rows, ReadTsv(path));
  for (const auto& row : rows) {
    uint32_t lo, hi;
    RETURN_IF_ERROR(ParseRange(row[0], &lo, &hi).WithContext(path));
    for (uint32_t cp = lo; cp <= hi; ++cp) (*drop)[cp] = true;
  }
  return Status::OK();
}

bool IsMark(char32_t c) {
  int8_t t = u_charType(c);
  return t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK;
}

// Fills every table entry for code point `cp`.
void BuildEntry(char32_t cp, const std::vector<FoldRule>& rules,
                const std::vector<bool>& display_drop,
                const icu::Normalizer2* nfkc, Tables* t) {
  Entry& d = t->display[cp];
  Entry& f = t->fold[cp];
  Entry& u = t->unvoc[cp];
  bool control =
      (cp < 0x20 && cp != '\t' && cp != '\n' && cp != 0x0B && cp != 0x0C) ||
      (cp >= 0x7F && cp <= 0x9F);
  if (cp == '\n' || cp == 0x0B || cp == 0x0C || cp == 0x2028 || cp == 0x2029 ||
      cp == 0x85) {
    d.kind = f.kind = u.kind = kNewline;
    return;
  }
  if (control || display_drop[cp]) {
    d.kind = f.kind = u.kind = kDrop;
    return;
  }
  if (cp == '\t' || u_isUWhiteSpace(cp)) {
    d.kind = f.kind = u.kind = kSpace;
    return;
  }
  UErrorCode err = U_ZERO_ERROR;
  std::u32string disp(1, cp);
  if (IsPresentationForm(cp)) {
    icu::UnicodeString n =
        nfkc->normalize(icu::UnicodeString(UChar32(cp)), err);
    if (U_SUCCESS(err)) disp = ToU32(n);
  }
  if (disp.size() != 1 || disp[0] != cp) d = t->MakeMap(disp);
  // Unvocalized: display minus marks and tatweel.
  std::u32string unv;
  for (char32_t c : disp) {
    if (!IsMark(c) && c != 0x0640) unv.push_back(c);
  }
  if (unv != std::u32string(1, cp)) u = t->MakeMap(unv);
  // Fold: NFKC, then rules, then marks dropped, then case folded.
  std::u32string nk(1, cp);
  if (cp >= 0x80) {
    err = U_ZERO_ERROR;
    icu::UnicodeString n =
        nfkc->normalize(icu::UnicodeString(UChar32(cp)), err);
    if (U_SUCCESS(err)) nk = ToU32(n);
  }
  std::u32string fo;
  bool final_only = false;
  for (char32_t c : nk) {
    const FoldRule* r = c < rules.size() ? &rules[c] : nullptr;
    if (r && r->set && r->final_only) {
      final_only = true;
      fo.push_back(c);
    } else if (r && r->set) {
      if (!r->drop) fo += r->to;
    } else if (!IsMark(c) && u_charType(c) != U_FORMAT_CHAR) {
      fo.push_back(static_cast<char32_t>(u_foldCase(c, U_FOLD_CASE_DEFAULT)));
    }
  }
  bool all_space = !fo.empty();
  for (char32_t c : fo) all_space = all_space && u_isUWhiteSpace(c);
  if (all_space) {
    f.kind = kSpace;
  } else if (fo != std::u32string(1, cp)) {
    f = t->MakeMap(fo);
  }
  if (final_only) {
    f = t->MakeMap(fo);
    f.flags |= kFinalOnly;
    t->teh_final = t->MakeMap(rules[kTehMarbuta].to);
  }
  err = U_ZERO_ERROR;
  if (u_isalpha(cp) && uscript_getScript(cp, &err) == USCRIPT_ARABIC) {
    d.flags |= kArabicLetter;
    f.flags |= kArabicLetter;
    u.flags |= kArabicLetter;
  }
}

void BuildCompositions(const icu::Normalizer2* nfc, Tables* t) {
  for (char32_t base = 0x0621; base <= 0x06FF; ++base) {
    for (char32_t mark : {0x0653, 0x0654, 0x0655}) {
      UChar32 c = nfc->composePair(base, mark);
      if (c < 0) continue;
      t->compose.push_back(
          {base, static_cast<char32_t>(mark), static_cast<char32_t>(c)});
      t->display[base].flags |= kComposeBase;
      t->fold[base].flags |= kComposeBase;
      t->unvoc[base].flags |= kComposeBase;
    }
  }
}

StatusOr<std::unique_ptr<Tables>> BuildTables(const std::string& data_dir) {
  auto t = std::make_unique<Tables>();
  std::vector<FoldRule> rules(0x10000);
  std::vector<bool> display_drop(0x10000, false);
  RETURN_IF_ERROR(LoadFoldRules(data_dir + "/text/fold.tsv", &rules));
  RETURN_IF_ERROR(
      LoadDisplayDrops(data_dir + "/text/display.tsv", &display_drop));
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return InternalError("ICU normalizer unavailable");
  t->display.resize(0x10000);
  t->fold.resize(0x10000);
  t->unvoc.resize(0x10000);
  for (char32_t cp = 0; cp < 0x10000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    BuildEntry(cp, rules, display_drop, nfkc, t.get());
  }
  BuildCompositions(nfc, t.get());
  return t;
}

// Decodes one code point at in[*i]; advances *i. Invalid sequences
// (truncated, overlong, surrogates, > U+10FFFF) give kInvalid and advance
// one byte.
constexpr char32_t kInvalid = 0xFFFFFFFF;
inline char32_t Next(std::string_view in, size_t* i) {
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  size_t n = in.size(), j = *i;
  unsigned char c = p[j];
  if (c < 0x80) {
    *i = j + 1;
    return c;
  }
  size_t len;
  char32_t cp, min;
  if ((c & 0xE0) == 0xC0) {
    len = 2, cp = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, cp = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, cp = c & 0x07, min = 0x10000;
  } else {
    *i = j + 1;
    return kInvalid;
  }
  if (j + len > n) {
    *i = j + 1;
    return kInvalid;
  }
  for (size_t k = 1; k < len; ++k) {
    if ((p[j + k] & 0xC0) != 0x80) {
      *i = j + 1;
      return kInvalid;
    }
    cp = (cp << 6) | (p[j + k] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    *i = j + 1;
    return kInvalid;
  }
  *i = j + len;
  return cp;
}

// The single-pass loop shared by every mode (a hot loop: long by design).
// `offs` may be null. `fold` enables the word-final ة rule; `invalid_out`
// is what an invalid byte becomes (empty: dropped).
void Run(const Tables& t, const std::vector<Entry>& table, bool fold,
         std::string_view invalid_out, std::string_view in, std::string* out,
         std::vector<uint32_t>* offs) {
  out->clear();
  out->reserve(in.size());
  if (offs) {
    offs->clear();
    offs->reserve(in.size() + 1);
  }
  int pending = 0;  // 0 none, 1 space, 1+n: n newlines
  uint32_t ws_off = 0;
  auto emit = [&](std::string_view bytes, uint32_t at) {
    if (pending) {
      if (!out->empty()) {
        if (pending == 1) {
          out->push_back(' ');
          if (offs) offs->push_back(ws_off);
        } else {
          for (int k = 1; k < pending; ++k) {
            out->push_back('\n');
            if (offs) offs->push_back(ws_off);
          }
        }
      }
      pending = 0;
    }
    out->append(bytes);
    if (offs) offs->insert(offs->end(), bytes.size(), at);
  };
  size_t i = 0, n = in.size();
  const char* pool = t.pool.data();
  while (i < n) {
    uint32_t at = static_cast<uint32_t>(i);
    unsigned char b = static_cast<unsigned char>(in[i]);
    if (b < 0x80 && table[b].kind == kCopy && !pending) {  // ASCII fast path
      out->push_back(static_cast<char>(b));
      if (offs) offs->push_back(at);
      ++i;
      continue;
    }
    // Two-byte characters copied as they are (most Arabic letters): no
    // pending whitespace, no composition, nothing else to decide.
    if ((b & 0xE0) == 0xC0 && !pending && i + 1 < n &&
        (static_cast<unsigned char>(in[i + 1]) & 0xC0) == 0x80) {
      const unsigned char b1 = static_cast<unsigned char>(in[i + 1]);
      const char32_t c2 = (static_cast<char32_t>(b & 0x1F) << 6) | (b1 & 0x3F);
      const Entry& e2 = table[c2];
      if (c2 >= 0x80 && e2.kind == kCopy && !(e2.flags & kComposeBase)) {
        out->push_back(static_cast<char>(b));
        out->push_back(static_cast<char>(b1));
        if (offs) offs->insert(offs->end(), 2, at);
        i += 2;
        continue;
      }
    }
    char32_t cp = Next(in, &i);
    if (cp == kInvalid) {
      if (!invalid_out.empty()) emit(invalid_out, at);
      continue;
    }
    if (cp > 0xFFFF) {
      emit(in.substr(at, i - at), at);
      continue;
    }
    const Entry* e = &table[cp];
    bool composed = false;
    // Every composition mark is U+0653..U+0655 (D9 93..95): only those are
    // worth decoding and looking up.
    if (e->flags & kComposeBase && i + 1 < n && in[i] == '\xD9' &&
        static_cast<unsigned char>(in[i + 1]) >= 0x93 &&
        static_cast<unsigned char>(in[i + 1]) <= 0x95) {
      size_t j = i;
      char32_t mark = Next(in, &j);
      for (const auto& c : t.compose) {
        if (c.base == cp && c.mark == mark) {
          cp = c.composed;
          e = &table[cp];
          i = j;
          composed = true;
          break;
        }
      }
    }
    switch (e->kind) {
      case kDrop:
        break;
      case kSpace:
        if (pending == 0) {
          pending = 1;
          ws_off = at;
        }
        break;
      case kNewline:
        if (pending == 0) ws_off = at;
        if (pending < 3) pending = pending == 0 ? 2 : pending + 1;
        break;
      case kCopy:
        if (composed) {
          char buf[4];
          std::string tmp;
          AppendUtf8(cp, &tmp);
          size_t len = tmp.size();
          tmp.copy(buf, len);
          emit(std::string_view(buf, len), at);
        } else {
          emit(in.substr(at, i - at), at);
        }
        break;
      case kMap:
        if (fold && (e->flags & kFinalOnly)) {
          // Peek past dropped characters for a following Arabic letter.
          size_t j = i;
          bool letter_follows = false;
          while (j < n) {
            char32_t nx = Next(in, &j);
            if (nx > 0xFFFF) break;
            const Entry& ne = table[nx];
            if (ne.kind == kDrop) continue;
            letter_follows = ne.flags & kArabicLetter;
            break;
          }
          if (!letter_follows) e = &t.teh_final;
        }
        emit(std::string_view(pool + e->off, e->len), at);
        break;
    }
  }
  if (offs) offs->push_back(static_cast<uint32_t>(n));
}

}  // namespace

Normalizer::Normalizer(std::unique_ptr<Tables> tables)
    : tables_(std::move(tables)) {}
Normalizer::~Normalizer() = default;

StatusOr<std::unique_ptr<const Normalizer>> Normalizer::Create() {
  return Create(DataDir());
}

StatusOr<std::unique_ptr<const Normalizer>> Normalizer::Create(
    const std::string& data_dir) {
  auto tables = BuildTables(data_dir);
  if (!tables.ok()) return tables.status().WithContext("Normalizer");
  return std::unique_ptr<const Normalizer>(
      new Normalizer(std::move(tables).value()));
}

void Normalizer::Display(std::string_view in, NormalizedText* out) const {
  Run(*tables_, tables_->display, false, "\xEF\xBF\xBD", in, &out->text,
      &out->offsets);
}

void Normalizer::Fold(std::string_view in, NormalizedText* out) const {
  Run(*tables_, tables_->fold, true, "", in, &out->text, &out->offsets);
}

void Normalizer::FoldKey(std::string_view in, std::string* out) const {
  Run(*tables_, tables_->fold, true, "", in, out, nullptr);
}

std::string Normalizer::FoldKey(std::string_view in) const {
  std::string out;
  FoldKey(in, &out);
  return out;
}

void Normalizer::Unvocalize(std::string_view in, std::string* out) const {
  Run(*tables_, tables_->unvoc, false, "", in, out, nullptr);
}

}  // namespace marsad
