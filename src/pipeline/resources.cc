#include "src/pipeline/resources.h"

#include "src/base/data.h"
#include "src/clean/lexicon.h"
#include "src/story/story_tables.h"
#include "src/text/normalize.h"
#include "src/text/segment.h"
#include "src/text/tables.h"
#if MARSAD_HAVE_FACTS
#include "src/facts/lexicon.h"
#else
namespace marsad {
class FactsLexicon {};
}  // namespace marsad
#endif
#if MARSAD_HAVE_NLP
#include "src/nlp/entities.h"
#else
namespace marsad {
class EntityAnnotator {};
}  // namespace marsad
#endif

namespace marsad {

Resources::Resources() = default;
Resources::~Resources() = default;

StatusOr<std::unique_ptr<const Resources>> Resources::Load(
    const std::string& data_dir, const std::string& model_dir) {
  std::unique_ptr<Resources> r(new Resources());
  r->data_dir_ = data_dir;
  r->model_dir_ = model_dir;
  ASSIGN_OR_RETURN(r->normalizer_, Normalizer::Create(data_dir));
  ASSIGN_OR_RETURN(r->clean_, CleanLexicon::Load(data_dir));
#if MARSAD_HAVE_FACTS
  ASSIGN_OR_RETURN(r->facts_, FactsLexicon::Load(data_dir, *r->normalizer_));
#endif
  ASSIGN_OR_RETURN(r->segmenter_, Segmenter::Create(data_dir));
  ASSIGN_OR_RETURN(
      r->text_tables_,
      TextTables::LoadWith(data_dir, *r->normalizer_, *r->segmenter_));
  ASSIGN_OR_RETURN(r->story_tables_,
                   StoryTables::Load(data_dir, *r->text_tables_));
#if MARSAD_HAVE_NLP
  ASSIGN_OR_RETURN(r->entities_, EntityAnnotator::CreateFrom(
                                     *r->text_tables_, data_dir + "/nlp",
                                     model_dir + "/ner_model.bin"));
#endif
  return std::unique_ptr<const Resources>(std::move(r));
}

StatusOr<std::unique_ptr<const Resources>> Resources::LoadDefault() {
  return Load(DataDir(), ModelDir());
}

StatusOr<const Resources*> ResourcesOrLoad(
    const Resources* given, std::unique_ptr<const Resources>* owned) {
  if (given != nullptr) return given;
  ASSIGN_OR_RETURN(*owned, Resources::LoadDefault());
  return owned->get();
}

}  // namespace marsad
