#include "src/clean/lexicon.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "src/base/data.h"
#include "src/base/url.h"
#include "src/base/utf8.h"

namespace marsad {
namespace {

// Whether `w` has the shape CleanLexicon's class-word filter covers: 1 to 31
// bytes, first and last a-z.
bool ClassShape(const std::string& w) {
  return !w.empty() && w.size() < 32 && w.front() >= 'a' && w.front() <= 'z' &&
         w.back() >= 'a' && w.back() <= 'z';
}

// 0: separator, 1: keep as is, 2: lower-case ASCII letter.
struct AsciiClass {
  uint8_t c[128];
  constexpr AsciiClass() : c() {
    for (int i = '0'; i <= '9'; ++i) c[i] = 1;
    for (int i = 'a'; i <= 'z'; ++i) c[i] = 1;
    for (int i = 'A'; i <= 'Z'; ++i) c[i] = 2;
  }
};
constexpr AsciiClass kAscii;

// Folds one non-ASCII code point: returns 0 to drop it, ' ' for a separator,
// or the code point to append.
char32_t FoldCodePoint(char32_t cp) {
  switch (cp) {
    case 0x0622:
    case 0x0623:
    case 0x0625:
    case 0x0671:
      return 0x0627;
    case 0x0649:
      return 0x064A;
    case 0x0629:
      return 0x0647;
    case 0x0640:
      return 0;  // tatweel
    default:
      break;
  }
  if (cp >= 0x0660 && cp <= 0x0669) return U'0' + (cp - 0x0660);
  if (cp >= 0x06F0 && cp <= 0x06F9) return U'0' + (cp - 0x06F0);
  if (cp >= 0x0621 && cp <= 0x064A) return cp;  // Arabic letters: fast path
  int8_t type = u_charType(static_cast<UChar32>(cp));
  switch (type) {
    case U_UPPERCASE_LETTER:
      return static_cast<char32_t>(u_tolower(cp));
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return cp;
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_FORMAT_CHAR:
      return 0;
    default:
      return U' ';
  }
}

PhraseAction ParseAction(std::string_view s, bool* ok) {
  *ok = true;
  if (s == "line") return PhraseAction::kLine;
  if (s == "prefix") return PhraseAction::kPrefix;
  if (s == "lead") return PhraseAction::kLead;
  if (s == "suffix") return PhraseAction::kSuffix;
  if (s == "list") return PhraseAction::kList;
  if (s == "meta_published") return PhraseAction::kMetaPublished;
  if (s == "meta_modified") return PhraseAction::kMetaModified;
  if (s == "meta_credit") return PhraseAction::kMetaCredit;
  *ok = false;
  return PhraseAction::kLine;
}

bool AtWordBoundary(std::string_view key, size_t pos, size_t len) {
  return (pos == 0 || key[pos - 1] == ' ') &&
         (pos + len == key.size() || key[pos + len] == ' ');
}

}  // namespace

void FurnitureKey(std::string_view in, std::string* out,
                  std::vector<uint32_t>* offsets) {
  out->clear();
  if (offsets) offsets->clear();
  bool pending_space = false;
  auto emit = [&](size_t origin, auto&& append) {
    if (pending_space && !out->empty()) {
      out->push_back(' ');
      if (offsets) offsets->push_back(static_cast<uint32_t>(origin));
    }
    pending_space = false;
    size_t before = out->size();
    append();
    if (offsets) offsets->resize(out->size(), static_cast<uint32_t>(origin));
    (void)before;
  };
  size_t i = 0;
  while (i < in.size()) {
    size_t start = i;
    unsigned char b = static_cast<unsigned char>(in[i]);
    if (b < 0x80) {
      ++i;
      uint8_t cls = kAscii.c[b];
      if (cls == 0) {
        pending_space = true;
      } else {
        char c = cls == 2 ? static_cast<char>(b + 32) : static_cast<char>(b);
        emit(start, [&] { out->push_back(c); });
      }
      continue;
    }
    // Fast path: a plain Arabic letter (U+0621..U+064A, two bytes) that
    // folding leaves unchanged is copied as is.
    if ((b == 0xD8 || b == 0xD9) && i + 1 < in.size()) {
      char32_t cp2 =
          ((b & 0x1F) << 6) | (static_cast<unsigned char>(in[i + 1]) & 0x3F);
      if ((static_cast<unsigned char>(in[i + 1]) & 0xC0) == 0x80 &&
          cp2 >= 0x0621 && cp2 <= 0x064A && cp2 != 0x0622 && cp2 != 0x0623 &&
          cp2 != 0x0625 && cp2 != 0x0629 && cp2 != 0x0640 && cp2 != 0x0649) {
        emit(start, [&] { out->append(in.data() + i, 2); });
        i += 2;
        continue;
      }
    }
    char32_t cp = FoldCodePoint(DecodeUtf8(in, &i));
    if (cp == 0) continue;
    if (cp == U' ') {
      pending_space = true;
      continue;
    }
    emit(start, [&] { AppendUtf8(cp, out); });
  }
  if (offsets) offsets->push_back(static_cast<uint32_t>(in.size()));
}

StatusOr<CleanLexicon> CleanLexicon::FromRows(
    const std::vector<std::vector<std::string>>& furniture,
    const std::vector<std::vector<std::string>>& agencies,
    const std::vector<std::vector<std::string>>& outlets,
    const std::vector<std::vector<std::string>>& html_classes,
    const std::vector<std::vector<std::string>>& outlet_kinds,
    const std::vector<std::vector<std::string>>& teaser,
    const std::vector<std::vector<std::string>>& months) {
  CleanLexicon lex;
  for (const auto& row : months) {
    const int month = row.size() < 2 ? 0 : std::atoi(row[1].c_str());
    if (month < 1 || month > 12)
      return InternalError("months.tsv: row needs a name and a month 1..12");
    std::string key;
    FurnitureKey(row[0], &key);
    lex.months_.emplace(std::move(key), month);
  }
  for (const auto& row : teaser) {
    if (row.size() < 2) return InternalError("teaser.tsv: row needs 2 fields");
    std::string key;
    FurnitureKey(row[0], &key);
    if (row[1] == "day_anchor") {
      lex.day_anchors_.push_back(std::move(key));
    } else if (row[1] == "connective") {
      lex.connectives_.push_back(std::move(key));
    } else if (row[1] == "lead_verb") {
      lex.lead_verbs_.push_back(std::move(key));
    } else {
      return InternalError("teaser.tsv: unknown role " + row[1]);
    }
  }
  for (const auto& row : outlet_kinds) {
    if (row.empty()) continue;
    lex.outlet_kinds_.emplace_back();
    FurnitureKey(row[0], &lex.outlet_kinds_.back());
  }
  for (const auto& row : html_classes) {
    if (row.size() < 2)
      return InternalError("html_classes.tsv: row needs 2 fields");
    HtmlClassKind kind = row[1] == "positive"   ? HtmlClassKind::kPositive
                         : row[1] == "negative" ? HtmlClassKind::kNegative
                         : row[1] == "widget"   ? HtmlClassKind::kWidget
                         : row[1] == "post"     ? HtmlClassKind::kPost
                                                : HtmlClassKind::kNone;
    if (kind == HtmlClassKind::kNone) {
      return InternalError("html_classes.tsv: unknown kind " + row[1]);
    }
    lex.html_classes_.emplace(row[0], kind);
    const std::string& w = row[0];
    if (ClassShape(w)) {
      lex.class_lengths_[w.front() - 'a'][w.back() - 'a'] |= 1u << w.size();
    }
  }
  std::string key;
  for (const auto& row : furniture) {
    if (row.size() < 3)
      return InternalError("furniture.tsv: row needs 3 fields");
    bool ok;
    Phrase p;
    p.action = ParseAction(row[2], &ok);
    if (!ok) return InternalError("furniture.tsv: unknown action " + row[2]);
    p.kind = row[1];
    FurnitureKey(row[0], &p.key);
    if (p.key.empty()) p.key = std::string(Trim(row[0]));  // e.g. ">>"
    if (p.action == PhraseAction::kPrefix || p.action == PhraseAction::kLead) {
      lex.prefixes_.push_back(p);
    }
    if (p.action == PhraseAction::kSuffix) lex.suffixes_.push_back(p);
    lex.exact_.emplace(p.key, p);
  }
  std::sort(lex.prefixes_.begin(), lex.prefixes_.end(),
            [](const Phrase& a, const Phrase& b) {
              return a.key.size() > b.key.size();
            });
  for (const auto& row : agencies) {
    if (row.size() < 2)
      return InternalError("agencies.tsv: row needs 2 fields");
    FurnitureKey(row[0], &key);
    lex.agencies_.emplace(key, row[1]);
  }
  for (const auto& row : outlets) {
    if (row.size() < 2) return InternalError("outlets.tsv: row needs 2 fields");
    FurnitureKey(row[0], &key);
    size_t index = lex.outlets_.size();
    for (size_t j = 0; j < lex.outlets_.size(); ++j) {
      if (lex.outlets_[j].canonical == row[1]) index = j;
    }
    if (index == lex.outlets_.size()) {
      lex.outlets_.push_back({row[1], {}});
      lex.outlet_by_name_.emplace(row[1], index);
    }
    OutletName& outlet = lex.outlets_[index];
    if (row.size() > 4 && outlet.latin.empty()) {
      outlet.latin = row[3];
      outlet.country = row[4];
    }
    lex.outlet_by_key_.emplace(key, index);
    if (row.size() > 2) {
      for (std::string_view id : Split(row[2], ',')) {
        lex.outlets_[index].ids.emplace_back(Trim(id));
        lex.outlet_by_id_.emplace(std::string(Trim(id)), index);
      }
    }
  }
  return lex;
}

StatusOr<std::unique_ptr<const CleanLexicon>> CleanLexicon::Load(
    const std::string& data_dir) {
  const std::string dir = data_dir + "/clean/";
  ASSIGN_OR_RETURN(TsvRows furniture, ReadTsv(dir + "furniture.tsv"));
  ASSIGN_OR_RETURN(TsvRows agencies, ReadTsv(dir + "agencies.tsv"));
  ASSIGN_OR_RETURN(TsvRows outlets, ReadTsv(dir + "outlets.tsv"));
  ASSIGN_OR_RETURN(TsvRows classes, ReadTsv(dir + "html_classes.tsv"));
  ASSIGN_OR_RETURN(TsvRows kinds, ReadTsv(dir + "outlet_kinds.tsv"));
  ASSIGN_OR_RETURN(TsvRows teaser, ReadTsv(dir + "teaser.tsv"));
  ASSIGN_OR_RETURN(TsvRows months, ReadTsv(dir + "months.tsv"));
  auto lex =
      FromRows(furniture, agencies, outlets, classes, kinds, teaser, months);
  if (!lex.ok()) return lex.status().WithContext(dir);
  return std::make_unique<const CleanLexicon>(std::move(*lex));
}

const Phrase* CleanLexicon::Exact(std::string_view key) const {
  auto it = exact_.find(std::string(key));
  return it == exact_.end() ? nullptr : &it->second;
}

const Phrase* CleanLexicon::Prefix(std::string_view key) const {
  for (const Phrase& p : prefixes_) {
    if (key.size() >= p.key.size() &&
        key.compare(0, p.key.size(), p.key) == 0 &&
        AtWordBoundary(key, 0, p.key.size())) {
      return &p;
    }
  }
  return nullptr;
}

const Phrase* CleanLexicon::Suffix(std::string_view key, size_t* pos) const {
  for (const Phrase& p : suffixes_) {
    size_t at = key.find(p.key);
    while (at != std::string_view::npos) {
      if (AtWordBoundary(key, at, p.key.size())) {
        *pos = at;
        return &p;
      }
      at = key.find(p.key, at + 1);
    }
  }
  return nullptr;
}

std::string_view CleanLexicon::Agency(std::string_view key) const {
  auto it = agencies_.find(std::string(key));
  return it == agencies_.end() ? std::string_view()
                               : std::string_view(it->second);
}

const OutletName* CleanLexicon::Outlet(std::string_view key) const {
  auto it = outlet_by_key_.find(std::string(key));
  return it == outlet_by_key_.end() ? nullptr : &outlets_[it->second];
}

int CleanLexicon::Month(std::string_view key) const {
  auto it = months_.find(std::string(key));
  return it == months_.end() ? 0 : it->second;
}

bool CleanLexicon::DayAnchor(std::string_view word) const {
  return std::find(day_anchors_.begin(), day_anchors_.end(), word) !=
         day_anchors_.end();
}

bool CleanLexicon::LeadVerb(std::string_view word) const {
  return std::find(lead_verbs_.begin(), lead_verbs_.end(), word) !=
         lead_verbs_.end();
}

bool CleanLexicon::OpensWithConnective(std::string_view key) const {
  for (const std::string& c : connectives_) {
    if (key.starts_with(c) && (key.size() == c.size() || key[c.size()] == ' '))
      return true;
  }
  return false;
}

bool CleanLexicon::OutletKindWord(std::string_view word) const {
  for (const std::string& k : outlet_kinds_) {
    if (k == word) return true;
  }
  return false;
}

HtmlClassKind CleanLexicon::HtmlClassWord(const std::string& word) const {
  if (ClassShape(word) &&
      (class_lengths_[word.front() - 'a'][word.back() - 'a'] &
       (1u << word.size())) == 0) {
    return HtmlClassKind::kNone;
  }
  auto it = html_classes_.find(word);
  return it == html_classes_.end() ? HtmlClassKind::kNone : it->second;
}

const OutletName* CleanLexicon::OutletById(std::string_view id) const {
  auto it = outlet_by_id_.find(std::string(id));
  return it == outlet_by_id_.end() ? nullptr : &outlets_[it->second];
}

const OutletName* CleanLexicon::OutletByName(std::string_view canonical) const {
  auto it = outlet_by_name_.find(std::string(canonical));
  return it == outlet_by_name_.end() ? nullptr : &outlets_[it->second];
}

const OutletName* CleanLexicon::OutletByUrl(std::string_view url) const {
  const std::string host = UrlHostName(url);
  if (host.empty()) return nullptr;
  url.remove_prefix(url.find("://") + 3);
  const size_t end = url.find_first_of("/?#");
  std::string_view path = end == std::string_view::npos ? "" : url.substr(end);
  if (path.size() > 1 && path[0] == '/') {
    path = path.substr(1, path.find_first_of("/?#", 1) - 1);
  } else {
    path = "";
  }
  // The host with its first path segment, then the host, then its parents.
  for (std::string_view h = host; h.find('.') != std::string_view::npos;
       h.remove_prefix(h.find('.') + 1)) {
    if (!path.empty()) {
      if (const OutletName* o =
              OutletById(std::string(h) + "/" + std::string(path)))
        return o;
    }
    if (const OutletName* o = OutletById(h)) return o;
  }
  return nullptr;
}

}  // namespace marsad
