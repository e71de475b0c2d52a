#include "src/facts/lexicon.h"

#include <algorithm>
#include <functional>

#include "src/base/data.h"
#include "src/text/analysis.h"
#include "src/text/normalize.h"

namespace marsad {

namespace {

constexpr std::string_view kWaw = "\xD9\x88";         // و
constexpr std::string_view kFa = "\xD9\x81";          // ف
constexpr std::string_view kBa = "\xD8\xA8";          // ب
constexpr std::string_view kLam = "\xD9\x84";         // ل
constexpr std::string_view kKaf = "\xD9\x83";         // ك
constexpr std::string_view kAl = "\xD8\xA7\xD9\x84";  // ال

size_t Letters(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

// Strips one prefix if at least `keep` letters remain.
std::string_view Strip(std::string_view s, std::string_view p, size_t keep) {
  if (StartsWith(s, p) && Letters(s.substr(p.size())) >= keep)
    return s.substr(p.size());
  return s;
}

std::string_view StemOf(std::string_view bare) {
  std::string_view s = bare;
  if (StartsWith(s, kLam) && StartsWith(s.substr(kLam.size()), kLam) &&
      Letters(s) >= 4) {
    return s.substr(2 * kLam.size());  // لل = ل + ال
  }
  for (std::string_view p : {kBa, kLam, kKaf}) {
    std::string_view t = Strip(s, p, 3);
    if (t.size() != s.size()) {
      s = t;
      break;
    }
  }
  return Strip(s, kAl, 2);
}

bool WordMatches(const Word& w, const std::string& key, Forms forms) {
  if (w.key == key || w.bare == key) return true;
  return forms == Forms::kStem && w.stem == key;
}

}  // namespace

FactsLexicon::FactsLexicon() = default;
FactsLexicon::~FactsLexicon() = default;

std::string FactsLexicon::Fold(std::string_view s) const {
  return normalizer_->FoldKey(s);
}

bool Word::IsPunct(std::string_view p) const {
  return kind == TokenKind::kPunct && key == p;
}

bool Word::IsQuoteMark() const {
  // Folding maps every double quote style (" “ ” « » „) to '"'.
  return kind == TokenKind::kPunct && !key.empty() && key[0] == '"';
}

void WordTable::Build(const TextAnalysis& tt) {
  // The text core's tokens, keys and sentences of this document.
  const std::string_view text = tt.text;
  const std::vector<Token>& tokens = tt.tokens;
  sentences = tt.sentences;
  words.resize(tokens.size());
  sentence_first.assign(sentences.size(), 0);
  sentence_end.assign(sentences.size(), 0);
  size_t s = 0;
  int paragraph = 0;
  uint32_t last_end = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    Word& w = words[i];
    w.class_bits_of = nullptr;
    w.point_bits_of = nullptr;
    w.span = tokens[i].span;
    w.kind = tokens[i].kind;
    if (text.substr(last_end, w.span.begin - last_end).find("\n\n") !=
        std::string_view::npos) {
      ++paragraph;
    }
    last_end = w.span.end;
    w.paragraph = paragraph;
    w.key.assign(tt.folded[i].key);  // Normalizer::FoldKey of the token
    if (w.kind == TokenKind::kWord) {
      w.bare = Strip(Strip(w.key, kWaw, 2), kFa, 2);
      w.stem = StemOf(w.bare);
    } else {
      w.bare = w.stem = w.key;
    }
    while (s + 1 < sentences.size() && w.span.begin >= sentences[s].end) ++s;
    w.sentence = static_cast<int>(s);
  }
  for (size_t i = 0; i < words.size(); ++i) {
    size_t k = words[i].sentence;
    if (sentence_end[k] == 0) sentence_first[k] = static_cast<uint32_t>(i);
    sentence_end[k] = static_cast<uint32_t>(i + 1);
  }
}

void PhraseTable::Add(std::string_view phrase, int payload) {
  std::vector<std::string> parts;
  for (std::string_view p : Split(phrase, ' ')) {
    if (!p.empty()) parts.emplace_back(p);
  }
  if (parts.empty()) return;
  Entry e{std::vector<std::string>(parts.begin() + 1, parts.end()), payload};
  first_[parts[0]].push_back(std::move(e));
}

PhraseTable::Match PhraseTable::Find(const std::vector<Word>& words, size_t i,
                                     size_t end, Forms forms) const {
  Match best;
  if (i >= end || first_.empty()) return best;
  const Word& w = words[i];
  std::string_view keys[3] = {w.key, w.bare, w.stem};
  int n = forms == Forms::kStem ? 3 : 2;
  for (int f = 0; f < n; ++f) {
    if (f > 0 && keys[f] == keys[f - 1]) continue;
    const std::vector<Entry>* entries = first_.Find(keys[f]);
    if (!entries) continue;
    for (const Entry& e : *entries) {
      uint32_t len = 1 + static_cast<uint32_t>(e.rest.size());
      if (len <= best.length || i + len > end) continue;
      bool ok = true;
      for (size_t k = 0; k < e.rest.size() && ok; ++k) {
        ok = WordMatches(words[i + 1 + k], e.rest[k], forms);
      }
      if (ok) best = {e.payload, len};
    }
  }
  return best;
}

int PhraseTable::FindWord(std::string_view key) const {
  const std::vector<Entry>* entries = first_.Find(key);
  if (!entries) return -1;
  for (const Entry& e : *entries) {
    if (e.rest.empty()) return e.payload;
  }
  return -1;
}

namespace {

Status LoadTable(
    const std::string& data_dir, std::string_view file, size_t min_cols,
    const std::function<void(const std::vector<std::string>&)>& fn) {
  ASSIGN_OR_RETURN(TsvRows rows, ReadTsv(data_dir + "/" + std::string(file)));
  for (const auto& r : rows) {
    if (r.size() < min_cols) {
      return CorruptionError(std::string(file) + ": a row has fewer than " +
                             std::to_string(min_cols) + " columns");
    }
    fn(r);
  }
  return Status::OK();
}

}  // namespace

StatusOr<std::unique_ptr<const FactsLexicon>> FactsLexicon::Load() {
  return Load(DataDir());
}

StatusOr<std::unique_ptr<const FactsLexicon>> FactsLexicon::Load(
    const std::string& data_dir) {
  auto lex = std::make_unique<FactsLexicon>();
  ASSIGN_OR_RETURN(lex->own_normalizer_, Normalizer::Create(data_dir));
  RETURN_IF_ERROR(Fill(data_dir, *lex->own_normalizer_, lex.get()));
  return std::unique_ptr<const FactsLexicon>(std::move(lex));
}

StatusOr<std::unique_ptr<const FactsLexicon>> FactsLexicon::Load(
    const std::string& data_dir, const Normalizer& normalizer) {
  auto lex = std::make_unique<FactsLexicon>();
  RETURN_IF_ERROR(Fill(data_dir, normalizer, lex.get()));
  return std::unique_ptr<const FactsLexicon>(std::move(lex));
}

Status FactsLexicon::Fill(const std::string& data_dir,
                          const Normalizer& normalizer, FactsLexicon* lex) {
  lex->normalizer_ = &normalizer;
  lex->points.normalizer_ = &normalizer;
  auto fold = [&](std::string_view s) { return normalizer.FoldKey(s); };
  RETURN_IF_ERROR(
      LoadTable(data_dir, "facts/reporting_cues.tsv", 4, [&](const auto& r) {
        CueEntry e;
        e.kind = r[1] == "participle"  ? CueKind::kParticiple
                 : r[1] == "source"    ? CueKind::kSource
                 : r[1] == "chain"     ? CueKind::kChain
                 : r[1] == "about"     ? CueKind::kAbout
                 : r[1] == "statement" ? CueKind::kStatement
                                       : CueKind::kVerb;
        e.gender = r[2].empty() ? '-' : r[2][0];
        e.modality = r[3];
        lex->cues.Add(fold(r[0]), static_cast<int>(lex->cue_entries.size()));
        lex->cue_entries.push_back(std::move(e));
      }));
  RETURN_IF_ERROR(LoadTable(data_dir, "facts/words.tsv", 2, [&](const auto& r) {
    std::string key = fold(r[0]);
    const bool added = lex->classes_.Emplace(key, r[1]);
    if (!added) lex->more_classes_.emplace(key + "|" + r[1]);
    lex->AddClassBit(key, r[1], !added);
  }));
  RETURN_IF_ERROR(
      LoadTable(data_dir, "facts/event_triggers.tsv", 3, [&](const auto& r) {
        lex->triggers.Add(fold(r[0]),
                          static_cast<int>(lex->trigger_entries.size()));
        lex->trigger_entries.push_back(
            {r[1], r[2], r.size() > 3 && r[3] == "1"});
      }));
  RETURN_IF_ERROR(
      LoadTable(data_dir, "facts/mode_context.tsv", 3, [&](const auto& r) {
        lex->mode_context.Add(fold(r[0]),
                              static_cast<int>(lex->mode_entries.size()));
        lex->mode_entries.push_back({r[1], std::atoi(r[2].c_str())});
      }));
  RETURN_IF_ERROR(
      LoadTable(data_dir, "facts/casualties.tsv", 3, [&](const auto& r) {
        lex->casualties.Add(fold(r[0]),
                            static_cast<int>(lex->casualty_entries.size()));
        char where = r[2] == "noun"   ? 'n'
                     : r[2] == "cue"  ? 'c'
                     : r[2] == "both" ? 'b'
                                      : 'p';
        lex->casualty_entries.push_back({r[1], where});
      }));
  RETURN_IF_ERROR(
      LoadTable(data_dir, "facts/weapons.tsv", 2, [&](const auto& r) {
        lex->weapons.Add(fold(r[0]),
                         static_cast<int>(lex->weapon_entries.size()));
        lex->weapon_entries.push_back(r[1]);
      }));
  RETURN_IF_ERROR(
      LoadTable(data_dir, "facts/presence.tsv", 3, [&](const auto& r) {
        lex->presence.Add(fold(r[0]),
                          static_cast<int>(lex->presence_entries.size()));
        lex->presence_entries.push_back({r[1], r[2]});
      }));
  RETURN_IF_ERROR(LoadTable(data_dir, "facts/acled.tsv", 4, [&](const auto& r) {
    lex->acled.push_back({r[0], r[1], r[2], r[3]});
  }));
  RETURN_IF_ERROR(
      LoadTable(data_dir, "facts/places.tsv", 1, [&](const auto& r) {
        std::string key = fold(r[0]);
        // A one-word name that is also a function or class word (مدينة) is
        // never a place by itself.
        if (key.find(' ') == std::string::npos && lex->classes_.Contains(key))
          return;
        lex->places.Add(key, 0);
      }));
  RETURN_IF_ERROR(
      LoadTable(data_dir, "facts/points.tsv", 2,
                [&](const auto& r) { lex->points.Add(r[1], fold(r[0])); }));
  RETURN_IF_ERROR(
      LoadTable(data_dir, "facts/parties.tsv", 2,
                [&](const auto& r) { lex->party_aliases[fold(r[0])] = r[1]; }));
  for (const char* f : {"nlp/geonames_places.tsv", "nlp/places_curated.tsv",
                        "nlp/world_places.tsv"}) {
    RETURN_IF_ERROR(LoadTable(data_dir, f, 6, [&](const auto& r) {
      lex->gazetteer_places[r[0]] = {r[4], r[5], r[3]};
    }));
  }
  return Status::OK();
}

int ClassIndex::Add(std::string_view name) {
  const ClassName c = ClassName::Of(name);
  if (!c.fits()) return -1;
  if (int bit = Find(c); bit >= 0) return bit;
  names_.push_back(c);
  if (2 * names_.size() > slots_.size()) {
    Rehash(std::max<size_t>(64, 4 * names_.size()));
  } else {
    size_t i = c.hash() & mask_;
    while (slots_[i] >= 0) i = (i + 1) & mask_;
    slots_[i] = static_cast<int>(names_.size() - 1);
  }
  return static_cast<int>(names_.size() - 1);
}

void ClassIndex::Rehash(size_t slots) {
  size_t cap = 1;
  while (cap < slots) cap <<= 1;
  slots_.assign(cap, -1);
  mask_ = cap - 1;
  for (size_t b = 0; b < names_.size(); ++b) {
    size_t i = names_[b].hash() & mask_;
    while (slots_[i] >= 0) i = (i + 1) & mask_;
    slots_[i] = static_cast<int>(b);
  }
}

void PointWords::Add(const std::string& cls, std::string form) {
  const int bit = class_ids_.Add(cls);
  if (bit < 0 || bit >= static_cast<int>(kMaxWordClasses)) bits_ok_ = false;
  if (bits_ok_) form_bits_[form].set(bit);
  words_[cls].insert(std::move(form));
}

WordClassBits PointWords::FormBits(const Word& w) const {
  WordClassBits bits;
  for (std::string_view f : {w.stem, w.bare, std::string_view(w.key)}) {
    if (const WordClassBits* b = form_bits_.Find(f)) bits |= *b;
  }
  return bits;
}

WordClassBits PointWords::StartBits(const Word& w) const {
  WordClassBits bits = Bits(w);
  // Starts(): a form f of six bytes or more with w.stem.substr(0,
  // f.size()) == f, that is a prefix of the stem (the whole stem included).
  for (size_t n = 6; n <= w.stem.size(); ++n) {
    if (const WordClassBits* b = form_bits_.Find(w.stem.substr(0, n)))
      bits |= *b;
  }
  return bits;
}

bool PointWords::IsNamed(const Word& w, std::string_view cls) const {
  auto it = words_.find(cls);
  if (it == words_.end()) return false;
  const std::set<std::string, std::less<>>& set = it->second;
  return set.count(w.stem) || set.count(w.bare) || set.count(w.key);
}

bool PointWords::StartsNamed(const Word& w, std::string_view cls) const {
  if (IsNamed(w, cls)) return true;
  auto it = words_.find(cls);
  if (it == words_.end()) return false;
  for (const std::string& f : it->second) {
    if (f.size() >= 6 && w.stem.substr(0, f.size()) == f) return true;
  }
  return false;
}

std::string PointWords::PopulationOf(std::string_view words) const {
  std::string folded = normalizer_->FoldKey(words);
  for (std::string_view w : Split(folded, ' ')) {
    for (const auto& [cls, set] : words_) {
      if (cls.rfind("pop_", 0) != 0) continue;
      std::string_view bare = w;
      if (bare.size() > 6 && bare.substr(0, 2) == kWaw) bare.remove_prefix(2);
      if (set.count(w) || set.count(bare)) return cls;
    }
  }
  return "";
}

std::string_view FactsLexicon::ClassOf(const Word& w) const {
  const std::string* c = classes_.Find(w.key);
  if (!c && w.bare.size() != w.key.size()) c = classes_.Find(w.bare);
  return c ? std::string_view(*c) : std::string_view();
}

void FactsLexicon::AddClassBit(const std::string& key, const std::string& cls,
                               bool more) {
  if (cls.empty() || !bits_ok_) return;
  const int bit = class_ids_.Add(cls);
  if (bit < 0 || bit >= static_cast<int>(kMaxWordClasses)) {
    bits_ok_ = false;  // Is() answers without bits
    return;
  }
  if (more) more_bits_[key].set(bit);
}

// The bits of the classes Is() would find for w: its first class (ClassOf)
// and the further classes of its key and bare form.
WordClassBits FactsLexicon::ClassBits(const Word& w) const {
  WordClassBits bits;
  if (int bit = class_ids_.Find(ClassOf(w)); bit >= 0) bits.set(bit);
  if (const WordClassBits* b = more_bits_.Find(w.key)) bits |= *b;
  if (const WordClassBits* b = more_bits_.Find(w.bare)) bits |= *b;
  return bits;
}

bool FactsLexicon::IsNamed(const Word& w, std::string_view cls) const {
  if (ClassOf(w) == cls) return true;
  if (more_classes_.empty()) return false;
  std::string k = w.key + "|" + std::string(cls);
  if (more_classes_.count(k)) return true;
  k = std::string(w.bare) + "|" + std::string(cls);
  return more_classes_.count(k) > 0;
}

std::string_view FactsLexicon::ClassOfKey(std::string_view key) const {
  const std::string* c = classes_.Find(key);
  return c ? std::string_view(*c) : std::string_view();
}

const AcledEntry* FactsLexicon::Acled(std::string_view plover,
                                      std::string_view mode) const {
  for (const AcledEntry& e : acled) {
    if (e.plover == plover && (e.mode == "*" || e.mode == mode)) return &e;
  }
  return nullptr;
}

}  // namespace marsad
