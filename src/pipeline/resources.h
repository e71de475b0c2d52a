// Resources: the data tables and models the per-document stages read, loaded
// once into one immutable object and passed to the stages explicitly
// (LevelDB's Options/Env, SentencePiece's model proto).
//
// Why an object and not lazily built singletons: a table that is missing or
// damaged must stop the program at start with a Status naming the file,
// never print a warning and quietly switch a stage off (which is what the
// old Default() accessors did, and what a run over a wrongly installed data
// folder then stored without a word); and a long-running process (serve,
// watch, the queue workers) must load the 15 MB NER model once, not once per
// request or per cycle. Load() reads everything in a fixed order, cheapest
// first, and returns the first error; nothing is read later.
//
// Two folders: data_dir holds the rule tables (data/, TSV with a header
// naming their source) and model_dir the trained models (models/: the NER
// tagger). DataDir() and ModelDir() (src/base/data.h) find the defaults.
//
// Thread safety: immutable after Load(); every accessor is const and the
// pieces are safe to share across threads (their scratch memory is per
// thread). Lifetime: every stage given a piece keeps a reference to it, so
// the Resources must outlive the DocumentProcessor, Ingestor, server or
// watcher using it.
//
// The pipeline gives every stage the pieces of this object. A tool or
// command that loads no Resources loads the pieces it needs itself, once,
// and passes them (TextTables::Load, CleanLexicon::Load, CleanTables::Load,
// FactsLexicon::Load): no process-wide table (issue 25).
#ifndef MARSAD_PIPELINE_RESOURCES_H_
#define MARSAD_PIPELINE_RESOURCES_H_

#include <memory>
#include <string>

#include "marsad/status.h"

namespace marsad {

class Normalizer;
class Segmenter;
class TextTables;
class StoryTables;
class CleanLexicon;
class EntityAnnotator;
class FactsLexicon;

class Resources {
 public:
  // Loads every table and model from data_dir (data/) and model_dir
  // (models/). Fails with the Status of the first file that is missing or
  // damaged; its message names the file.
  static StatusOr<std::unique_ptr<const Resources>> Load(
      const std::string& data_dir, const std::string& model_dir);
  // Load(DataDir(), ModelDir()): $MARSAD_DATA_DIR / $MARSAD_MODEL_DIR, the
  // installed share/marsad, or the source tree.
  static StatusOr<std::unique_ptr<const Resources>> LoadDefault();

  ~Resources();
  Resources(const Resources&) = delete;
  Resources& operator=(const Resources&) = delete;

  const std::string& data_dir() const { return data_dir_; }
  const std::string& model_dir() const { return model_dir_; }

  // Text folding and display cleaning (data/text/fold.tsv, display.tsv).
  const Normalizer& normalizer() const { return *normalizer_; }
  // Clitic segmentation (data/text/lexicon.tsv, segment_exceptions.tsv).
  const Segmenter& segmenter() const { return *segmenter_; }
  // The text core's word tables (dates, numbers, abbreviations:
  // data/text/*.tsv), read with normalizer() and segmenter() above
  // (src/text/tables.h).
  const TextTables& text_tables() const { return *text_tables_; }
  // The story features' idf and synonyms (data/story/*.tsv), keyed by story
  // stems of the text_tables() above (src/story/story_tables.h).
  const StoryTables& story_tables() const { return *story_tables_; }
  // Furniture phrases, agencies, outlets (data/clean/*.tsv).
  const CleanLexicon& clean_lexicon() const { return *clean_; }
  // The NER tagger (models/ner_model.bin) with its gazetteers and corpus
  // tables (data/nlp/*.tsv); it folds and segments words with the
  // normalizer() and segmenter() above.
  const EntityAnnotator& entities() const { return *entities_; }
  // The quotation, event and casualty word tables (data/facts/*.tsv); null
  // only in a build without src/facts.
  const FactsLexicon* facts_lexicon() const { return facts_.get(); }

 private:
  Resources();
  std::string data_dir_, model_dir_;
  std::unique_ptr<const Normalizer> normalizer_;
  std::unique_ptr<const Segmenter> segmenter_;
  std::unique_ptr<const TextTables> text_tables_;
  std::unique_ptr<const StoryTables> story_tables_;
  std::unique_ptr<const CleanLexicon> clean_;
  std::unique_ptr<const EntityAnnotator> entities_;
  std::unique_ptr<const FactsLexicon> facts_;
};

// For the long-running entry points whose options carry an optional
// `resources` (server, watch, queue workers): `given` when not null, else
// Resources::LoadDefault() kept in *owned. Either way loaded once per run.
StatusOr<const Resources*> ResourcesOrLoad(
    const Resources* given, std::unique_ptr<const Resources>* owned);

}  // namespace marsad

#endif  // MARSAD_PIPELINE_RESOURCES_H_
