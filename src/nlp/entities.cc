#include "src/nlp/entities.h"

#include <algorithm>
#include <set>

#include "src/base/data.h"
#include "src/base/utf8.h"
#include "src/text/analysis.h"
#include "src/text/normalize.h"
#include "src/text/segment.h"
#include "src/text/skeleton.h"
#include "src/text/tokenize.h"

namespace marsad {

struct EntityAnnotator::Mention {
  int begin = 0, end = 0;  // token indices into Scratch::tokens
  int type = 0;            // tag type 1..4
  Span span;
  Span role_span;
  const GazetteerEntry* entry = nullptr;
  std::string key;                     // Gazetteer::Key of the surface
  std::vector<std::string> skeletons;  // per word
  std::string skeleton_id;             // Gazetteer::SkeletonId
  std::string entity_id, canonical;
  bool government = false;
};

struct EntityAnnotator::Scratch {
  std::vector<Token> tokens;
  std::vector<Span> sentences;
  std::vector<std::string_view> words;
  std::vector<uint64_t> feats;
  std::vector<int> tags;
  std::vector<Chunk> chunks;
  std::vector<Mention> mentions;
  std::vector<bool> covered;
  // Per token, computed once per document (PrepareWords) for the
  // dictionary, span and role steps: for words, the byte length of the
  // proclitics (Segmenter), the WordKey of the word and of the word
  // without its proclitics; empty for other tokens.
  std::vector<uint32_t> procl_end;
  std::vector<std::string> word_key, bare_key;
  std::string phrase[2][Gazetteer::kMaxPhraseWords];
  FeatureExtractor::Scratch fx;
  TaggerModel::Scratch tagger;
  DocumentPass doc;
  std::vector<uint64_t> doc_keys;
  std::vector<size_t> sentence_first;  // first token of each tagged sentence
  Segmentation seg;
};

namespace {

std::string_view TypePrefix(int type) {
  static constexpr std::string_view kPrefix[] = {"", "per", "loc", "org",
                                                 "misc"};
  return kPrefix[type];
}

int TagTypeOf(EntityType t) {
  switch (t) {
    case EntityType::kPerson:
      return 1;
    case EntityType::kLocation:
      return 2;
    case EntityType::kOrganization:
      return 3;
    default:
      return 4;
  }
}

// Verbs whose subject is an actor: a capital city next to one is its
// government (the metonymy rule of the header). Folded forms.
constexpr std::string_view kActorVerbs[] = {
    "اتهمت", "تتهم",  "قالت",  "تقول",  "اعلنت", "تعلن", "رفضت",   "ترفض",
    "طالبت", "تطالب", "حذرت",  "تحذر",  "اكدت",  "تؤكد", "نفت",    "تنفي",
    "دعت",   "تدعو",  "هددت",  "تهدد",  "ردت",   "ترد",  "اعتبرت", "تعتبر",
    "نددت",  "تندد",  "وافقت", "توافق", "ارسلت", "ترسل"};

bool IsActorVerb(const std::string& folded) {
  std::string_view w = folded;
  if (w.starts_with("و") || w.starts_with("ف")) w.remove_prefix(2);
  return std::find(std::begin(kActorVerbs), std::end(kActorVerbs), w) !=
         std::end(kActorVerbs);
}

// Words that head a place name without being part of the gazetteer's name:
// ريف دير الزور is found under دير الزور.
constexpr std::string_view kPlaceHeads[] = {"ريف",  "محافظه", "مدينه", "بلده",
                                            "قريه", "منطقه",  "ضواحي", "شمال",
                                            "جنوب", "شرق",    "غرب"};

// Place nouns (AddPlaceNounMentions), and the words that may follow the
// name they head.
constexpr const char* kPlaceNouns[] = {
    "بلدة",  "بلدات",  "قرية",  "قرى",   "مدينة", "مخيم",
    "ناحية", "محافظة", "ولاية", "منطقة", "حي",    "مديرية",
    "قضاء",  "جزيرة",  "ميناء", "معبر",  "مطار"};
constexpr const char* kAfterPlaceName[] = {
    "في",    "فى",    "قرب",  "على",     "من",      "إلى",     "الى",   "عند",
    "ضمن",   "حيث",   "شرق",  "غرب",     "شمال",    "جنوب",    "شرقي",  "غربي",
    "شمالي", "جنوبي", "بريف", "التابعة", "الواقعة", "بمحافظة", "بالقرب"};

bool IsGentilic(const std::string& key) {
  return key.starts_with("ال") && Utf8Length(key) >= 5 &&
         (key.ends_with("ي") || key.ends_with("يه") || key.ends_with("يا"));
}

}  // namespace

StatusOr<std::unique_ptr<EntityAnnotator>> EntityAnnotator::Create() {
  ASSIGN_OR_RETURN(std::unique_ptr<const TextTables> tables,
                   TextTables::Load(DataDir()));
  ASSIGN_OR_RETURN(
      std::unique_ptr<EntityAnnotator> a,
      CreateFrom(*tables, DataPath("nlp"), ModelPath("ner_model.bin")));
  a->own_tables_ = std::move(tables);
  return a;
}

StatusOr<std::unique_ptr<EntityAnnotator>> EntityAnnotator::CreateFrom(
    const TextTables& tables, const std::string& dir,
    const std::string& model_path) {
  std::unique_ptr<EntityAnnotator> a(new EntityAnnotator());
  a->tables_ = &tables;
  a->normalizer_ = &tables.normalizer();
  a->segmenter_ = &tables.segmenter();
  const Segmenter& segmenter = tables.segmenter();
  ASSIGN_OR_RETURN(a->gazetteer_, Gazetteer::Load(dir, tables));
  ASSIGN_OR_RETURN(a->model_, TaggerModel::Load(model_path));
  ASSIGN_OR_RETURN(a->lexicon_,
                   CorpusLexicon::Load(dir + "/corpus_labels.tsv"));
  ASSIGN_OR_RETURN(a->patterns_,
                   CorpusLexicon::Load(dir + "/pattern_labels.tsv"));
  a->features_ = std::make_unique<FeatureExtractor>(
      *a->gazetteer_, segmenter, a->lexicon_.get(), a->patterns_.get());
  for (const char* w : kPlaceNouns)
    a->place_nouns_.insert(a->gazetteer_->WordKey(w));
  for (const char* w : kAfterPlaceName)
    a->after_place_name_.insert(a->gazetteer_->WordKey(w));
  return a;
}

// Pass 1 of one sentence: features, Viterbi, and what the document pass
// keeps of it (s->doc). Pass-1 tags into *tags.
void EntityAnnotator::TagSentence(std::span<const std::string_view> words,
                                  Scratch* s, std::vector<int>* tags) const {
  features_->Extract(words, &s->fx, &s->feats);
  model_->Decode(s->feats.data(), words.size(),
                 FeatureExtractor::kFeaturesPerToken, &s->tagger, tags);
  FeatureExtractor::DocumentKeys(words, s->fx, &s->doc_keys);
  s->doc.Add(s->tagger, s->doc_keys, *tags);
}

void EntityAnnotator::TagDocument(
    std::span<const std::vector<std::string_view>> sentences,
    std::vector<std::vector<int>>* tags) const {
  thread_local Scratch s;
  tags->resize(sentences.size());
  s.doc.Clear();
  for (size_t i = 0; i < sentences.size(); ++i)
    TagSentence(sentences[i], &s, &(*tags)[i]);
  for (size_t i = 0; i < sentences.size(); ++i)
    s.doc.Redecode(*model_, model_->document_pass(), i, &s.tagger, &(*tags)[i]);
}

// Tagger mentions: each sentence tagged alone, then again with what the
// other sentences said of the same words (DocumentPass).
void EntityAnnotator::FindMentions(const Document& doc, const TextAnalysis& tt,
                                   Scratch* s) const {
  // The text core's tokens and sentences of this document (computed once
  // for the numbers, dates, entities and facts stages).
  s->tokens = tt.tokens;
  s->sentences = tt.sentences;
  s->mentions.clear();
  s->covered.assign(s->tokens.size(), false);
  s->doc.Clear();
  s->sentence_first.clear();
  size_t t = 0;
  for (Span sent : s->sentences) {
    while (t < s->tokens.size() && s->tokens[t].span.begin < sent.begin) ++t;
    size_t first = t;
    s->words.clear();
    while (t < s->tokens.size() && s->tokens[t].span.end <= sent.end)
      s->words.push_back(s->tokens[t++].span.In(doc.text));
    if (s->words.empty()) continue;
    TagSentence(s->words, s, &s->tags);
    s->sentence_first.push_back(first);
  }
  for (size_t k = 0; k < s->sentence_first.size(); ++k) {
    s->doc.Redecode(*model_, model_->document_pass(), k, &s->tagger, &s->tags);
    TagChunks(s->tags, &s->chunks);
    for (const Chunk& c : s->chunks) {
      Mention m;
      m.begin = static_cast<int>(s->sentence_first[k]) + c.begin;
      m.end = static_cast<int>(s->sentence_first[k]) + c.end;
      m.type = c.type;
      for (int i = m.begin; i < m.end; ++i) s->covered[i] = true;
      s->mentions.push_back(std::move(m));
    }
  }
}

// Clitics and dictionary keys of every word, once per document.
void EntityAnnotator::PrepareWords(const Document& doc,
                                   const TextAnalysis& analysis,
                                   Scratch* s) const {
  const size_t n = s->tokens.size();
  s->procl_end.assign(n, 0);
  if (s->word_key.size() < n) {
    s->word_key.resize(n);
    s->bare_key.resize(n);
  }
  const Normalizer& norm = *normalizer_;
  const std::vector<FoldedToken>& folded = analysis.folded;
  for (size_t i = 0; i < n; ++i) {
    s->word_key[i].clear();
    s->bare_key[i].clear();
    if (s->tokens[i].kind != TokenKind::kWord) continue;
    std::string_view w = s->tokens[i].span.In(doc.text);
    segmenter_->Segment(w, &s->seg);
    s->procl_end[i] = s->seg.proclitics.end;
    s->word_key[i].assign(folded[i].key);  // the fold of w
    Gazetteer::FinishWordKey(&s->word_key[i]);
    if (s->procl_end[i] == 0) {
      s->bare_key[i] = s->word_key[i];
    } else {
      norm.FoldKey(w.substr(s->procl_end[i]), &s->bare_key[i]);
      Gazetteer::FinishWordKey(&s->bare_key[i]);
    }
  }
}

// Trusted dictionary names, longest match first: a name of two words or
// more replaces the tagger's mentions inside it (قوات سوريا الديمقراطية
// over the tagger's سوريا); a one-word name is added only where the tagger
// found nothing. The first word is tried as written, then without its
// proclitics (بقوات سوريا الديمقراطية); phrase keys are built from the
// word keys of PrepareWords, as Gazetteer::Key would build them.
void EntityAnnotator::AddDictionaryMentions(const Document& doc,
                                            Scratch* s) const {
  const int n = static_cast<int>(s->tokens.size());
  std::vector<int> owner(n, -1);  // tagger mention covering each token
  for (size_t k = 0; k < s->mentions.size(); ++k)
    for (int j = s->mentions[k].begin; j < s->mentions[k].end; ++j)
      owner[j] = static_cast<int>(k);
  std::vector<bool> dropped(s->mentions.size(), false);
  std::vector<Mention> added;
  for (int i = 0; i < n; ++i) {
    if (s->tokens[i].kind != TokenKind::kWord) continue;
    // Only runs of words can match (Matchable): keys of phrases [i, i+len)
    // for every len up to the run's end, with each first word.
    int words = 1;
    while (words < std::min(Gazetteer::kMaxPhraseWords, n - i) &&
           s->tokens[i + words].kind == TokenKind::kWord)
      ++words;
    const uint32_t procl_end = s->procl_end[i];
    const int variants =
        procl_end > 0 && procl_end < s->tokens[i].span.size() ? 2 : 1;
    // Keys of phrases [i, i+len) for each first word, built word by word.
    // Most phrases cannot be names: no name key begins with their first
    // word (the part before the key's first space). Once a key has a space
    // its first word is that of every longer key, so a first word that
    // begins no name ends the building.
    bool may[2][Gazetteer::kMaxPhraseWords] = {};
    for (int v = 0; v < variants; ++v) {
      std::string* key = s->phrase[v];
      std::string_view last_first;
      bool last_may = false;
      for (int len = 1; len <= words; ++len) {
        if (len == 1) {
          key[0].clear();
          Gazetteer::AppendWordKey(&key[0],
                                   v ? s->bare_key[i] : s->word_key[i]);
        } else {
          key[len - 1] = key[len - 2];
          Gazetteer::AppendWordKey(&key[len - 1], s->word_key[i + len - 1]);
        }
        std::string_view k = key[len - 1];
        size_t space = k.find(' ');
        std::string_view first = k.substr(0, space);
        if (len == 1 || first != last_first) {
          last_first = first;
          last_may = gazetteer_->MayBeginName(first);
        }
        may[v][len - 1] = last_may;
        if (!last_may && space != std::string_view::npos) break;
      }
    }
    for (int len = std::min(Gazetteer::kMaxPhraseWords, n - i); len >= 1;
         --len) {
      if (len > words || !Matchable(*s, owner, i, len)) continue;
      const GazetteerEntry* e = nullptr;
      for (int v = 0; v < variants && !e; ++v) {
        if (!may[v][len - 1]) continue;
        bool trusted = false;
        e = gazetteer_->Find(s->phrase[v][len - 1], &trusted);
        if (!trusted) e = nullptr;
      }
      if (!e) continue;
      Mention m;
      m.begin = i;
      m.end = i + len;
      m.type = TagTypeOf(e->type);
      for (int j = i; j < i + len; ++j) {
        if (owner[j] >= 0) dropped[owner[j]] = true;
        s->covered[j] = true;
      }
      added.push_back(std::move(m));
      i += len - 1;
      break;
    }
  }
  std::vector<Mention> kept;
  for (size_t k = 0; k < s->mentions.size(); ++k)
    if (!dropped[k]) kept.push_back(std::move(s->mentions[k]));
  for (Mention& m : added) kept.push_back(std::move(m));
  s->mentions = std::move(kept);
  std::sort(
      s->mentions.begin(), s->mentions.end(),
      [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
}

// A place the gazetteers do not know, named by its construct with a place
// noun: an indefinite بلدة, قرية, مخيم ... followed by a definite word is a
// genitive, and a genitive of a place noun is its name (بلدة الحسرات; an
// adjective would agree: بلدة صغيرة). Only where nothing else was found,
// and only a one-word name that ends the phrase (a preposition, a
// direction, punctuation or the sentence follows): منطقة الشرق الأوسط and
// مدينة الملك عبدالله are left to the tagger and the dictionaries.
void EntityAnnotator::AddPlaceNounMentions(const Document& doc,
                                           Scratch* s) const {
  const int n = static_cast<int>(s->tokens.size());
  bool added = false;
  for (int i = 0; i + 1 < n; ++i) {
    if (s->tokens[i].kind != TokenKind::kWord ||
        s->tokens[i + 1].kind != TokenKind::kWord)
      continue;
    if (!place_nouns_.count(s->bare_key[i]) || s->covered[i + 1]) continue;
    const std::string& name = s->word_key[i + 1];
    if (name.size() < 10 || name.compare(0, 4, "ال") != 0)
      continue;  // ال + 3 letters
    const bool ends = i + 2 >= n || s->tokens[i + 2].kind != TokenKind::kWord ||
                      after_place_name_.count(s->word_key[i + 2]) > 0;
    if (!ends) continue;
    Mention m;
    m.begin = i + 1;
    m.end = i + 2;
    m.type = TagTypeOf(EntityType::kLocation);
    s->covered[i + 1] = true;
    s->mentions.push_back(std::move(m));
    added = true;
  }
  if (added)
    std::sort(
        s->mentions.begin(), s->mentions.end(),
        [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  (void)doc;
}

// True if tokens [i, i+len) are words that a dictionary name may claim: for
// one word, not inside a tagger mention; for several, every tagger mention
// they touch lies inside them.
bool EntityAnnotator::Matchable(const Scratch& s, const std::vector<int>& owner,
                                int i, int len) const {
  for (int j = i; j < i + len; ++j) {
    if (s.tokens[j].kind != TokenKind::kWord) return false;
    if (owner[j] < 0) continue;
    if (len == 1) return false;
    const Mention& m = s.mentions[owner[j]];
    if (m.begin < i || m.end > i + len) return false;
  }
  return true;
}

// Span of the name without a conjunction or preposition glued to it.
void EntityAnnotator::FinishSpan(const Document& doc, Scratch* s,
                                 Mention* m) const {
  const Token& first = s->tokens[m->begin];
  m->span = Span{first.span.begin, s->tokens[m->end - 1].span.end};
  if (first.kind != TokenKind::kWord) return;
  std::string_view w = first.span.In(doc.text);
  const uint32_t procl_end = s->procl_end[m->begin];
  if (procl_end == 0) return;
  std::string_view procl = w.substr(0, procl_end);
  std::string_view rest = w.substr(procl_end);
  if (Utf8Length(rest) < 2) return;
  // Only conjunctions and prepositions: the future prefix س belongs to
  // verbs, and a name beginning with س (سيرجى) must keep it.
  for (size_t i = 0; i < procl.size();) {
    char32_t cp = DecodeUtf8(procl, &i);
    if (cp != U'و' && cp != U'ف' && cp != U'ب' && cp != U'ل' && cp != U'ك')
      return;
  }
  const std::string& rest_key = s->bare_key[m->begin];
  bool known = gazetteer_->Cluster(rest_key).first >= 0 ||
               gazetteer_->WordClass(rest_key) != 0 ||
               gazetteer_->Find(rest_key) != nullptr;
  if (known || procl == "و") m->span.begin += procl_end;
}

// Title words right before a person's name (see the header).
void EntityAnnotator::FindRole(const Document& doc, Scratch* s,
                               Mention* m) const {
  int head = -1;
  uint32_t role_end = 0;
  for (int i = m->begin - 1; i >= 0 && i >= m->begin - 8; --i) {
    const Token& t = s->tokens[i];
    if (t.kind != TokenKind::kWord) break;
    const std::string& key = s->word_key[i];
    uint8_t cls = gazetteer_->WordClass(key);
    size_t strip = 0;
    if (!(cls & (kWordRoleHead | kWordRolePart)) && !IsGentilic(key)) {
      // والمتحدث: the role word after a conjunction, which ends the role.
      if (s->procl_end[i] == 0) break;
      cls = gazetteer_->WordClass(s->bare_key[i]);
      if (!(cls & kWordRoleHead)) break;
      strip = s->procl_end[i];
    }
    if (cls & kWordRoleHead) {
      head = i;
      if (role_end == 0) role_end = s->tokens[m->begin - 1].span.end;
      m->role_span =
          Span{static_cast<uint32_t>(t.span.begin + strip), role_end};
    }
    if (strip) break;
  }
  if (head < 0) m->role_span = Span{};
}

bool EntityAnnotator::ActsAsGovernment(const Document& doc, const Scratch& s,
                                       const Mention& m) const {
  if (!m.entry || m.entry->feature != "PPLC" || m.entry->country.empty())
    return false;
  if (gazetteer_->CountryName(m.entry->country).empty()) return false;
  auto verb_at = [&](int i) {
    if (i < 0 || i >= static_cast<int>(s.tokens.size())) return false;
    if (s.tokens[i].kind != TokenKind::kWord) return false;
    return IsActorVerb(normalizer_->FoldKey(s.tokens[i].span.In(doc.text)));
  };
  return verb_at(m.begin - 1) || verb_at(m.end);
}

// Keys, dictionary identity, in-document resolution, ids.
void EntityAnnotator::Identify(const Document& doc, Scratch* s) const {
  for (Mention& m : s->mentions) {
    std::string_view surface = m.span.In(doc.text);
    m.key = gazetteer_->Key(surface);
    m.skeletons.clear();
    for (std::string_view w : Split(m.key, ' ')) {
      std::string sk = SkeletonKey(*tables_, w);
      m.skeletons.push_back(sk.empty() ? std::string(w) : sk);
    }
    // Gazetteer::SkeletonId(TypePrefix(m.type), surface), from the
    // skeletons just computed (empty words have none).
    m.skeleton_id.assign(TypePrefix(m.type));
    m.skeleton_id += ':';
    bool first = true;
    for (const std::string& sk : m.skeletons) {
      if (sk.empty()) continue;
      if (!first) m.skeleton_id += '_';
      first = false;
      m.skeleton_id += sk;
    }
    m.entry = gazetteer_->Find(m.key);
    if (!m.entry && (m.type == 1 || m.type == 3))
      m.entry = gazetteer_->FindActor(m.skeleton_id);
    size_t sp = m.key.find(' ');
    if (!m.entry && m.type == 2 && sp != std::string::npos &&
        std::find(std::begin(kPlaceHeads), std::end(kPlaceHeads),
                  std::string_view(m.key).substr(0, sp)) !=
            std::end(kPlaceHeads)) {
      const GazetteerEntry* inner =
          gazetteer_->Find(std::string_view(m.key).substr(sp + 1));
      if (inner && inner->type == EntityType::kLocation) m.entry = inner;
    }
    if (m.entry && m.entry->type != EntityTypeOfTagType(m.type)) {
      bool trusted = false;
      gazetteer_->Find(m.key, &trusted);
      if (trusted)
        m.type = TagTypeOf(m.entry->type);
      else
        m.entry = nullptr;
    }
    m.government = m.type == 2 && ActsAsGovernment(doc, *s, m);
  }
  // A part of a longer name of the same type in the document (the last
  // words of a person's name, the tail of an organisation's) is that name.
  // A surname alone that the tagger typed otherwise (زاخاروفا as LOC) is
  // the person of the same document whose name ends with it.
  for (Mention& m : s->mentions) {
    if (m.entry || m.type == 1 || m.skeletons.size() != 1) continue;
    for (const Mention& o : s->mentions)
      if (o.type == 1 && o.skeletons.size() > 1 &&
          o.skeletons.back() == m.skeletons[0] &&
          m.skeletons[0].starts_with("~"))
        m.type = 1;
  }
  for (Mention& m : s->mentions) {
    if (m.entry || (m.type != 1 && m.type != 3)) continue;
    const Mention* best = nullptr;
    for (const Mention& o : s->mentions) {
      if (o.type != m.type || o.skeletons.size() <= m.skeletons.size())
        continue;
      bool tail = std::equal(m.skeletons.rbegin(), m.skeletons.rend(),
                             o.skeletons.rbegin());
      bool last = m.type == 1 && m.skeletons.size() == 1 &&
                  o.skeletons.back() == m.skeletons[0];
      if ((tail || last) &&
          (!best || o.skeletons.size() > best->skeletons.size()))
        best = &o;
    }
    if (best && best->entry) {
      m.entry = best->entry;
    } else if (best) {
      m.canonical = std::string(best->span.In(doc.text));
      m.entity_id = best->skeleton_id;
    }
  }
  for (Mention& m : s->mentions) {
    if (m.government) {
      m.type = 3;
      m.entity_id = "gov:" + m.entry->country;
      m.canonical =
          "حكومة " + std::string(gazetteer_->CountryName(m.entry->country));
    } else if (m.entry) {
      m.entity_id = m.entry->id;
      m.canonical = m.entry->canonical;
    } else if (m.entity_id.empty()) {
      m.canonical = std::string(m.span.In(doc.text));
      m.entity_id = m.skeleton_id;
    }
  }
}

void EntityAnnotator::Annotate(const TextAnalysis& analysis,
                               Document* doc) const {
  thread_local Scratch s;
  doc->entities.clear();
  FindMentions(*doc, analysis, &s);
  PrepareWords(*doc, analysis, &s);
  AddDictionaryMentions(*doc, &s);
  AddPlaceNounMentions(*doc, &s);
  for (Mention& m : s.mentions) FinishSpan(*doc, &s, &m);
  Identify(*doc, &s);
  for (Mention& m : s.mentions)
    if (m.type == 1) FindRole(*doc, &s, &m);
  for (const Mention& m : s.mentions) {
    EntityMention e;
    e.span = m.span;
    e.type = EntityTypeOfTagType(m.type);
    e.text = std::string(m.span.In(doc->text));
    e.entity_id = m.entity_id;
    e.canonical = m.canonical;
    if (!m.role_span.empty()) {
      e.role_span = m.role_span;
      e.role = std::string(m.role_span.In(doc->text));
    }
    if (m.entry && !m.government && m.entry->lat && m.entry->lon) {
      e.lat = m.entry->lat;
      e.lon = m.entry->lon;
    }
    doc->entities.push_back(std::move(e));
  }
}

}  // namespace marsad
