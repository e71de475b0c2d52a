#include "src/nlp/entities.h"

#include <algorithm>

#include "src/base/data.h"
#include "src/base/utf8.h"
#include "src/search/terms.h"
#include "src/text/normalize.h"
#include "src/text/segment.h"
#include "src/text/tokenize.h"

namespace marsad {

struct EntityAnnotator::Mention {
  int begin = 0, end = 0;  // token indices into Scratch::tokens
  int type = 0;            // tag type 1..4
  Span span;
  Span role_span;
  const GazetteerEntry* entry = nullptr;
  std::string key;       // Gazetteer::Key of the surface
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
  FeatureExtractor::Scratch fx;
  TaggerModel::Scratch tagger;
  Segmentation seg;
};

namespace {

std::string_view TypePrefix(int type) {
  static constexpr std::string_view kPrefix[] = {"", "per", "loc", "org", "misc"};
  return kPrefix[type];
}

int TagTypeOf(EntityType t) {
  switch (t) {
    case EntityType::kPerson: return 1;
    case EntityType::kLocation: return 2;
    case EntityType::kOrganization: return 3;
    default: return 4;
  }
}

// Verbs whose subject is an actor: a capital city next to one is its
// government (the metonymy rule of the header). Folded forms.
constexpr std::string_view kActorVerbs[] = {
    "اتهمت", "تتهم", "قالت", "تقول", "اعلنت", "تعلن", "رفضت", "ترفض", "طالبت", "تطالب",
    "حذرت",  "تحذر", "اكدت", "تؤكد", "نفت",   "تنفي", "دعت",   "تدعو", "هددت",  "تهدد",
    "ردت",   "ترد",  "اعتبرت", "تعتبر", "نددت", "تندد", "وافقت", "توافق", "ارسلت", "ترسل"};

bool IsActorVerb(const std::string& folded) {
  std::string_view w = folded;
  if (w.starts_with("و") || w.starts_with("ف")) w.remove_prefix(2);
  return std::find(std::begin(kActorVerbs), std::end(kActorVerbs), w) != std::end(kActorVerbs);
}

// Words that head a place name without being part of the gazetteer's name:
// ريف دير الزور is found under دير الزور.
constexpr std::string_view kPlaceHeads[] = {"ريف", "محافظه", "مدينه", "بلده", "قريه",
                                            "منطقه", "ضواحي", "شمال", "جنوب", "شرق", "غرب"};

bool IsGentilic(const std::string& key) {
  return key.starts_with("ال") && Utf8Length(key) >= 5 &&
         (key.ends_with("ي") || key.ends_with("يه") || key.ends_with("يا"));
}

}  // namespace

StatusOr<std::unique_ptr<EntityAnnotator>> EntityAnnotator::Create() {
  return CreateFrom(DataPath("nlp"), DataPath("nlp/ner_model.bin"));
}

StatusOr<std::unique_ptr<EntityAnnotator>> EntityAnnotator::CreateFrom(
    const std::string& dir, const std::string& model_path) {
  std::unique_ptr<EntityAnnotator> a(new EntityAnnotator());
  ASSIGN_OR_RETURN(a->gazetteer_, Gazetteer::Load(dir));
  ASSIGN_OR_RETURN(a->model_, TaggerModel::Load(model_path));
  ASSIGN_OR_RETURN(a->lexicon_, CorpusLexicon::Load(dir + "/corpus_labels.tsv"));
  a->features_ = std::make_unique<FeatureExtractor>(*a->gazetteer_, a->lexicon_.get());
  return a;
}

void EntityAnnotator::Tag(std::span<const std::string_view> tokens,
                          std::vector<int>* tags) const {
  thread_local FeatureExtractor::Scratch fx;
  thread_local TaggerModel::Scratch ts;
  thread_local std::vector<uint64_t> feats;
  features_->Extract(tokens, &fx, &feats);
  model_->Decode(feats.data(), tokens.size(), FeatureExtractor::kFeaturesPerToken, &ts, tags);
}

// Tagger mentions, sentence by sentence.
void EntityAnnotator::FindMentions(const Document& doc, Scratch* s) const {
  Tokenize(doc.text, &s->tokens);
  SplitSentences(doc.text, s->tokens, &s->sentences);
  s->mentions.clear();
  s->covered.assign(s->tokens.size(), false);
  size_t t = 0;
  for (Span sent : s->sentences) {
    while (t < s->tokens.size() && s->tokens[t].span.begin < sent.begin) ++t;
    size_t first = t;
    s->words.clear();
    while (t < s->tokens.size() && s->tokens[t].span.end <= sent.end)
      s->words.push_back(s->tokens[t++].span.In(doc.text));
    if (s->words.empty()) continue;
    features_->Extract(s->words, &s->fx, &s->feats);
    model_->Decode(s->feats.data(), s->words.size(), FeatureExtractor::kFeaturesPerToken,
                   &s->tagger, &s->tags);
    TagChunks(s->tags, &s->chunks);
    for (const Chunk& c : s->chunks) {
      Mention m;
      m.begin = static_cast<int>(first) + c.begin;
      m.end = static_cast<int>(first) + c.end;
      m.type = c.type;
      for (int i = m.begin; i < m.end; ++i) s->covered[i] = true;
      s->mentions.push_back(std::move(m));
    }
  }
}

// Trusted dictionary names, longest match first: a name of two words or
// more replaces the tagger's mentions inside it (قوات سوريا الديمقراطية
// over the tagger's سوريا); a one-word name is added only where the tagger
// found nothing.
void EntityAnnotator::AddDictionaryMentions(const Document& doc, Scratch* s) const {
  const int n = static_cast<int>(s->tokens.size());
  std::vector<int> owner(n, -1);  // tagger mention covering each token
  for (size_t k = 0; k < s->mentions.size(); ++k)
    for (int j = s->mentions[k].begin; j < s->mentions[k].end; ++j) owner[j] = static_cast<int>(k);
  std::vector<bool> dropped(s->mentions.size(), false);
  std::vector<Mention> added;
  std::string phrase;
  for (int i = 0; i < n; ++i) {
    if (s->tokens[i].kind != TokenKind::kWord) continue;
    std::string_view w0 = s->tokens[i].span.In(doc.text);
    Segmenter::Default().Segment(w0, &s->seg);
    std::string_view bare = w0.substr(s->seg.proclitics.end);
    for (int len = std::min(Gazetteer::kMaxPhraseWords, n - i); len >= 1; --len) {
      if (!Matchable(*s, owner, i, len)) continue;
      const GazetteerEntry* e = nullptr;
      for (std::string_view first : {w0, bare}) {
        if (first.empty() || e) continue;
        phrase.assign(first);
        for (int j = i + 1; j < i + len; ++j) {
          phrase += ' ';
          phrase.append(s->tokens[j].span.In(doc.text));
        }
        bool trusted = false;
        e = gazetteer_->Find(Gazetteer::Key(phrase), &trusted);
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
  std::sort(s->mentions.begin(), s->mentions.end(),
            [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
}

// True if tokens [i, i+len) are words that a dictionary name may claim: for
// one word, not inside a tagger mention; for several, every tagger mention
// they touch lies inside them.
bool EntityAnnotator::Matchable(const Scratch& s, const std::vector<int>& owner, int i,
                                int len) const {
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
void EntityAnnotator::FinishSpan(const Document& doc, Scratch* s, Mention* m) const {
  const Token& first = s->tokens[m->begin];
  m->span = Span{first.span.begin, s->tokens[m->end - 1].span.end};
  if (first.kind != TokenKind::kWord) return;
  std::string_view w = first.span.In(doc.text);
  Segmenter::Default().Segment(w, &s->seg);
  if (s->seg.proclitics.empty()) return;
  std::string_view procl = s->seg.proclitics.In(w);
  std::string_view rest = w.substr(s->seg.proclitics.end);
  if (Utf8Length(rest) < 2) return;
  // Only conjunctions and prepositions: the future prefix س belongs to
  // verbs, and a name beginning with س (سيرجى) must keep it.
  for (size_t i = 0; i < procl.size();) {
    char32_t cp = DecodeUtf8(procl, &i);
    if (cp != U'و' && cp != U'ف' && cp != U'ب' && cp != U'ل' && cp != U'ك') return;
  }
  std::string rest_key = Gazetteer::WordKey(rest);
  bool known = gazetteer_->Cluster(rest_key).first >= 0 || gazetteer_->WordClass(rest_key) != 0 ||
               gazetteer_->Find(rest_key) != nullptr;
  if (known || procl == "و") m->span.begin += static_cast<uint32_t>(s->seg.proclitics.end);
}

// Title words right before a person's name (see the header).
void EntityAnnotator::FindRole(const Document& doc, Scratch* s, Mention* m) const {
  int head = -1;
  uint32_t role_end = 0;
  for (int i = m->begin - 1; i >= 0 && i >= m->begin - 8; --i) {
    const Token& t = s->tokens[i];
    if (t.kind != TokenKind::kWord) break;
    std::string_view w = t.span.In(doc.text);
    std::string key = Gazetteer::WordKey(w);
    uint8_t cls = gazetteer_->WordClass(key);
    size_t strip = 0;
    if (!(cls & (kWordRoleHead | kWordRolePart)) && !IsGentilic(key)) {
      // والمتحدث: the role word after a conjunction, which ends the role.
      Segmenter::Default().Segment(w, &s->seg);
      if (s->seg.proclitics.empty()) break;
      std::string bare = Gazetteer::WordKey(w.substr(s->seg.proclitics.end));
      cls = gazetteer_->WordClass(bare);
      if (!(cls & kWordRoleHead)) break;
      strip = s->seg.proclitics.end;
    }
    if (cls & kWordRoleHead) {
      head = i;
      if (role_end == 0) role_end = s->tokens[m->begin - 1].span.end;
      m->role_span = Span{static_cast<uint32_t>(t.span.begin + strip), role_end};
    }
    if (strip) break;
  }
  if (head < 0) m->role_span = Span{};
}

bool EntityAnnotator::ActsAsGovernment(const Document& doc, const Scratch& s,
                                       const Mention& m) const {
  if (!m.entry || m.entry->feature != "PPLC" || m.entry->country.empty()) return false;
  if (gazetteer_->CountryName(m.entry->country).empty()) return false;
  auto verb_at = [&](int i) {
    if (i < 0 || i >= static_cast<int>(s.tokens.size())) return false;
    if (s.tokens[i].kind != TokenKind::kWord) return false;
    return IsActorVerb(Normalizer::Default().FoldKey(s.tokens[i].span.In(doc.text)));
  };
  return verb_at(m.begin - 1) || verb_at(m.end);
}

// Keys, dictionary identity, in-document resolution, ids.
void EntityAnnotator::Identify(const Document& doc, Scratch* s) const {
  for (Mention& m : s->mentions) {
    std::string_view surface = m.span.In(doc.text);
    m.key = Gazetteer::Key(surface);
    m.skeletons.clear();
    for (std::string_view w : Split(m.key, ' ')) {
      std::string sk = SkeletonKey(w);
      m.skeletons.push_back(sk.empty() ? std::string(w) : sk);
    }
    m.skeleton_id = Gazetteer::SkeletonId(TypePrefix(m.type), surface);
    m.entry = gazetteer_->Find(m.key);
    if (!m.entry && (m.type == 1 || m.type == 3)) m.entry = gazetteer_->FindActor(m.skeleton_id);
    size_t sp = m.key.find(' ');
    if (!m.entry && m.type == 2 && sp != std::string::npos &&
        std::find(std::begin(kPlaceHeads), std::end(kPlaceHeads),
                  std::string_view(m.key).substr(0, sp)) != std::end(kPlaceHeads)) {
      const GazetteerEntry* inner = gazetteer_->Find(std::string_view(m.key).substr(sp + 1));
      if (inner && inner->type == EntityType::kLocation) m.entry = inner;
    }
    if (m.entry && m.entry->type != EntityTypeOfTagType(m.type)) {
      bool trusted = false;
      gazetteer_->Find(m.key, &trusted);
      if (trusted) m.type = TagTypeOf(m.entry->type);
      else m.entry = nullptr;
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
      if (o.type == 1 && o.skeletons.size() > 1 && o.skeletons.back() == m.skeletons[0] &&
          m.skeletons[0].starts_with("~"))
        m.type = 1;
  }
  for (Mention& m : s->mentions) {
    if (m.entry || (m.type != 1 && m.type != 3)) continue;
    const Mention* best = nullptr;
    for (const Mention& o : s->mentions) {
      if (o.type != m.type || o.skeletons.size() <= m.skeletons.size()) continue;
      bool tail = std::equal(m.skeletons.rbegin(), m.skeletons.rend(), o.skeletons.rbegin());
      bool last = m.type == 1 && m.skeletons.size() == 1 && o.skeletons.back() == m.skeletons[0];
      if ((tail || last) && (!best || o.skeletons.size() > best->skeletons.size())) best = &o;
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
      m.canonical = "حكومة " + std::string(gazetteer_->CountryName(m.entry->country));
    } else if (m.entry) {
      m.entity_id = m.entry->id;
      m.canonical = m.entry->canonical;
    } else if (m.entity_id.empty()) {
      m.canonical = std::string(m.span.In(doc.text));
      m.entity_id = m.skeleton_id;
    }
  }
}

void EntityAnnotator::Annotate(Document* doc) const {
  thread_local Scratch s;
  doc->entities.clear();
  FindMentions(*doc, &s);
  AddDictionaryMentions(*doc, &s);
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
