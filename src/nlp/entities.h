// The entities stage: who and where, with spans, roles, ids and coordinates.
//
// For each sentence of Document::text (src/text tokenizer and splitter) the
// trained tagger (src/nlp/tagger.h) proposes PERS / LOC / ORG / MISC
// mentions in BIO. The dictionaries (src/nlp/gazetteer.h) then add the
// names they trust that the tagger missed (curated places, aliases, large
// cities), and every mention is finished in four steps:
//
//  1. Span. A conjunction or preposition glued to the first word (وموسكو,
//     بدمشق) is left out of the span when what remains is a known word or
//     name, so spans cover the name only; spans are UTF-8 byte offsets into
//     Document::text.
//  2. Role. For a person, the title words right before the name are
//     attached as `role` with their span: a run of role words (roles.tsv:
//     heads such as نائب, وزير, الفريق, المتحدث and parts such as الخارجية,
//     باسم, الرسمي, plus any gentilic ال…ي/ال…ية) that contains a head —
//     `نائب وزير الخارجية الروسي`, `المتحدث الرسمي باسم الوزارة اللواء`.
//  3. Resolution within the document. Names are compared by a skeleton of
//     each word (src/text/skeleton.h SkeletonKey: vowels, hamza seats and
//     ى/ي dropped, غ/ج and ق/ك merged), so سيرغي = سيرجى; a person or
//     organisation named by a part of a longer name of the same document
//     (ريابكوف, الدفاع الروسية) takes the longer name's id and canonical.
//  4. Identity. A name the dictionaries know takes their id and canonical
//     (aliases: داعش = تنظيم الدولة الإسلامية; places: GeoNames or curated
//     id, coordinates, country and admin1 code); any other takes an id built
//     from its type and word skeletons, e.g. "per:~srg~rbkf", identical across
//     documents for every spelling with the same skeleton — and identical to
//     the skeleton of the Latin "Sergei Ryabkov", which is the Latin key the
//     search uses.
//
// Metonymy, a documented rule: a capital city (GeoNames PPLC) directly
// followed or preceded by a verb of saying or acting (اتهمت, قالت, ترفض…) is
// read as that country's government: type ORG, id "gov:<ISO>", canonical
// "حكومة <country>", no coordinates.
//
// Not done: pronoun and definite-description anaphora (التنظيم, الوزارة
// meaning the organisation named before).
//
// Cost: the tagger is most of it. Tokens, sentences and folded keys are the
// text core's (the document's TextAnalysis, src/text/analysis.h, made once
// per document for every stage and passed to Annotate); each
// word is segmented and keyed once per document, and dictionary phrase keys
// are joined from those word keys, looked up only when their first word
// begins some name.
//
// Thread safety: an EntityAnnotator is immutable after Create(); Annotate()
// and Tag() may be called concurrently (scratch memory is per thread).
#ifndef MARSAD_SRC_NLP_ENTITIES_H_
#define MARSAD_SRC_NLP_ENTITIES_H_

#include <memory>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/document.h"
#include "marsad/status.h"
#include "src/nlp/features.h"
#include "src/nlp/gazetteer.h"
#include "src/nlp/tagger.h"
#include "src/text/analysis.h"
#include "src/text/normalize.h"
#include "src/text/segment.h"
#include "src/text/tables.h"

namespace marsad {

class EntityAnnotator {
 public:
  // Loads the model ModelPath("ner_model.bin"), the dictionaries of
  // DataPath("nlp") and text tables of its own from DataDir() (tools and
  // tests; the pipeline shares its Resources' ones through CreateFrom).
  static StatusOr<std::unique_ptr<EntityAnnotator>> Create();
  // From the dictionaries in `dir` and the model at `model_path`, folding,
  // segmenting and keying skeletons of words with `tables`' Normalizer,
  // Segmenter and name variants (src/text/tables.h).
  // REQUIRES: `tables` outlives the annotator.
  static StatusOr<std::unique_ptr<EntityAnnotator>> CreateFrom(
      const TextTables& tables, const std::string& dir,
      const std::string& model_path);

  // Replaces doc->entities with the mentions found in doc->text, whose
  // tokens, keys and sentences `analysis` holds (TextAnalysis::Build with
  // tables whose Normalizer folds as this annotator's does).
  // REQUIRES: analysis.IsOf(doc->text).
  void Annotate(const TextAnalysis& analysis, Document* doc) const;

  // BIO tag ids (src/nlp/tags.h) of the pre-tokenized sentences of one
  // document, in order: (*tags)[i] for sentences[i]. The sentences are one
  // document for the tagger's document pass (src/nlp/tagger.h).
  void TagDocument(std::span<const std::vector<std::string_view>> sentences,
                   std::vector<std::vector<int>>* tags) const;

  const Gazetteer& gazetteer() const { return *gazetteer_; }

 private:
  EntityAnnotator() = default;
  struct Scratch;
  struct Mention;
  void TagSentence(std::span<const std::string_view> words, Scratch* s,
                   std::vector<int>* tags) const;
  void FindMentions(const Document& doc, const TextAnalysis& analysis,
                    Scratch* s) const;
  void PrepareWords(const Document& doc, const TextAnalysis& analysis,
                    Scratch* s) const;
  void AddDictionaryMentions(const Document& doc, Scratch* s) const;
  void AddPlaceNounMentions(const Document& doc, Scratch* s) const;
  bool Matchable(const Scratch& s, const std::vector<int>& owner, int i,
                 int len) const;
  void FinishSpan(const Document& doc, Scratch* s, Mention* m) const;
  void FindRole(const Document& doc, Scratch* s, Mention* m) const;
  void Identify(const Document& doc, Scratch* s) const;
  bool ActsAsGovernment(const Document& doc, const Scratch& s,
                        const Mention& m) const;

  // Create()'s own text tables; null under CreateFrom().
  std::unique_ptr<const TextTables> own_tables_;
  const TextTables* tables_ = nullptr;
  const Normalizer* normalizer_ = nullptr;  // tables_'s
  const Segmenter* segmenter_ = nullptr;    // tables_'s
  std::unique_ptr<const Gazetteer> gazetteer_;
  std::unique_ptr<const TaggerModel> model_;
  std::unique_ptr<const CorpusLexicon> lexicon_, patterns_;
  std::unique_ptr<FeatureExtractor> features_;
  // Word keys of the place nouns and of the words that may end a place's
  // name (AddPlaceNounMentions).
  std::set<std::string, std::less<>> place_nouns_, after_place_name_;
};

}  // namespace marsad

#endif  // MARSAD_SRC_NLP_ENTITIES_H_
