// eval_ner: entity-level precision, recall and F1 per type (conlleval
// counting: a predicted entity is right when a gold one has exactly its span
// and type) of the committed NER model on the fixed dev split of ANERcorp,
// or on a whole tagged file.
//
//   eval_ner ANERCORP.tsv [--model PATH | --model-dir DIR]
//            [--dev-fraction F | --whole]
//            [--errors N] [--doc-beta B] [--doc-window W]
//            [--write-input FILE | --tagged FILE] [--format aqmar|wikifane]
//
// --model-dir DIR reads ner_model.bin, corpus_labels.tsv and
// pattern_labels.tsv from DIR instead of models/ and data/nlp: `make
// train-ner` leaves in models/heldout the model trained without the dev
// split, whose figures these are
// (the committed model is trained on the dev split too).
// The dev split is the one train_ner holds out: the last F (default 0.1) of
// the sentences, split at sentence-final punctuation. --whole scores every
// sentence of the file (a test file with blank lines between sentences, or
// ANERcorp's test part). --errors prints N mis-tagged sentences. The
// sentences are tagged as `marsad ner` tags them: in file order, as one
// document for the document pass (src/nlp/tagger.h), whose settings come from
// the model unless --doc-beta / --doc-window say otherwise (--doc-beta 0
// scores the sentence-level tagger alone). --write-input writes the
// sentences one token a line for `marsad ner`; --tagged scores what it
// answered instead of tagging here (its tokens must be the same, in order;
// its blank lines may differ), so the command the test part goes through is
// measured too. With a dev split, the gold names are also counted by
// whether the training part holds them (with their type, with another
// type only, or not at all) and the recall of each kind printed.
// --format reads another gold corpus instead, in ANERcorp's tags by the
// mappings of tools/train_ner/gold_corpora.h (MISC kept): AQMAR's test.txt
// with --whole; WikiFANE Gold's held-out part is its last 10% of sentences
// (the default --dev-fraction), which no model of marsad is trained on.
// Its seen/unseen table would count against that corpus, not the tagger's
// training text, so it is not printed.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "src/base/data.h"
#include "src/base/file.h"
#include "src/nlp/conll.h"
#include "src/nlp/features.h"
#include "src/nlp/gazetteer.h"
#include "src/nlp/tagger.h"
#include "src/text/normalize.h"
#include "src/text/segment.h"
#include "src/text/tables.h"
#include "tools/train_ner/gold_corpora.h"

namespace marsad {
namespace {

struct Options {
  std::string data;
  std::string model, model_dir;
  std::string write_input;  // write the sentences for `marsad ner`, then stop
  std::string tagged;       // score this `marsad ner` output instead of tagging
  std::string format;       // "": ANERcorp's; else a gold_corpora.h format
  double dev_fraction = 0.1;
  bool whole = false;
  int errors = 0;
  float doc_beta = -1;  // <0: the model's
  int doc_window = -1;
};

void PrintSentence(const TaggedSentence& s, const std::vector<int>& pred) {
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    std::string g(kTagNames[s.tags[i]]), p(kTagNames[pred[i]]);
    if (g == "O" && p == "O")
      std::printf("%s ", s.tokens[i].c_str());
    else
      std::printf("[%s %s/%s] ", s.tokens[i].c_str(), g.c_str(), p.c_str());
  }
  std::printf("\n\n");
}

StatusOr<std::vector<TaggedSentence>> ReadSentences(const Options& o) {
  if (!o.format.empty())
    return ReadGoldCorpus(GoldCorpusSpec{.format = o.format, .path = o.data});
  ASSIGN_OR_RETURN(std::string text, ReadFile(o.data));
  ConllOptions co;
  co.split_on_final_punct = true;
  co.repair = true;
  return ParseConll(text, co);
}

int Run(const Options& o) {
  auto norm = Normalizer::Create();
  if (!norm.ok())
    return std::cerr << "eval_ner: " << norm.status().ToString() << "\n", 1;
  auto seg = Segmenter::Create();
  if (!seg.ok())
    return std::cerr << "eval_ner: " << seg.status().ToString() << "\n", 1;
  auto tables = TextTables::LoadWith(DataDir(), **norm, **seg);
  if (!tables.ok())
    return std::cerr << "eval_ner: " << tables.status().ToString() << "\n", 1;
  auto gaz = Gazetteer::Load(DataPath("nlp"), **tables);
  if (!gaz.ok())
    return std::cerr << "eval_ner: " << gaz.status().ToString() << "\n", 1;
  // A model and the corpus tables it was trained with: models/ner_model.bin
  // with data/nlp's tables, or --model-dir's three files (make train-ner
  // keeps its held-out model in models/heldout), or --model.
  std::string dir = o.model_dir.empty() ? DataPath("nlp") : o.model_dir;
  std::string model_path =
      o.model_dir.empty() ? ModelPath("ner_model.bin") : dir + "/ner_model.bin";
  auto model = TaggerModel::Load(o.model.empty() ? model_path : o.model);
  if (!model.ok())
    return std::cerr << "eval_ner: " << model.status().ToString() << "\n", 1;
  auto all = ReadSentences(o);
  if (!all.ok())
    return std::cerr << "eval_ner: " << all.status().ToString() << "\n", 1;
  std::vector<TaggedSentence> train, dev;
  if (o.whole)
    dev = std::move(*all);
  else
    SplitTrainDev(std::move(*all), o.dev_fraction, &train, &dev);
  if (!o.format.empty()) train.clear();  // not the tagger's training text
  auto lexicon = CorpusLexicon::Load(dir + "/corpus_labels.tsv");
  if (!lexicon.ok())
    return std::cerr << "eval_ner: " << lexicon.status().ToString() << "\n", 1;
  auto patterns = CorpusLexicon::Load(dir + "/pattern_labels.tsv");
  if (!patterns.ok())
    return std::cerr << "eval_ner: " << patterns.status().ToString() << "\n", 1;
  FeatureExtractor fx(**gaz, **seg, lexicon->get(), patterns->get());
  FeatureExtractor::Scratch fs;
  TaggerModel::Scratch ts;
  std::vector<uint64_t> feats;
  std::vector<std::string_view> toks;
  std::vector<int> pred;
  NerCounts c;
  NoveltyCounts novelty;
  for (const TaggedSentence& s : train) novelty.AddTraining(s.tokens, s.tags);
  long tokens = 0;
  int shown = 0;
  DocumentPass doc;
  DocumentPassOptions dopt = (*model)->document_pass();
  if (o.doc_beta >= 0) dopt.beta = o.doc_beta;
  if (o.doc_window >= 0) dopt.window = o.doc_window;
  std::vector<uint64_t> keys;
  if (!o.write_input.empty()) {
    std::string out;
    for (const TaggedSentence& s : dev) {
      for (const std::string& t : s.tokens) out += t + "\n";
      out += "\n";
    }
    Status st = WriteFileAtomic(o.write_input, out);
    if (!st.ok()) return std::cerr << "eval_ner: " << st.ToString() << "\n", 1;
    return 0;
  }
  std::vector<TaggedSentence> given;
  if (!o.tagged.empty()) {
    auto t = ReadFile(o.tagged);
    if (!t.ok())
      return std::cerr << "eval_ner: " << t.status().ToString() << "\n", 1;
    auto g = ParseConll(*t, ConllOptions{});
    if (!g.ok())
      return std::cerr << "eval_ner: "
                       << g.status().WithContext(o.tagged).ToString() << "\n",
             1;
    // Sentence breaks may differ (an input written without blank lines):
    // the tokens, in order, must not.
    std::vector<std::string> tokens;
    std::vector<int> tags;
    for (const TaggedSentence& t : *g) {
      tokens.insert(tokens.end(), t.tokens.begin(), t.tokens.end());
      tags.insert(tags.end(), t.tags.begin(), t.tags.end());
    }
    size_t k = 0;
    bool same = true;
    for (const TaggedSentence& d : dev) {
      TaggedSentence& t = given.emplace_back();
      for (size_t i = 0; same && i < d.tokens.size(); ++i, ++k) {
        same = k < tokens.size() && tokens[k] == d.tokens[i];
        if (same) t.tokens.push_back(tokens[k]), t.tags.push_back(tags[k]);
      }
    }
    if (!same || k != tokens.size())
      return std::cerr
                 << "eval_ner: " << o.tagged
                 << ": its tokens do not match the ones --write-input writes\n",
             1;
  }
  for (const TaggedSentence& s : dev) {
    toks.assign(s.tokens.begin(), s.tokens.end());
    fx.Extract(toks, &fs, &feats);
    (*model)->Decode(feats.data(), toks.size(),
                     FeatureExtractor::kFeaturesPerToken, &ts, &pred);
    FeatureExtractor::DocumentKeys(toks, fs, &keys);
    doc.Add(ts, keys, pred);
  }
  for (size_t i = 0; i < dev.size(); ++i) {
    const TaggedSentence& s = dev[i];
    if (given.empty())
      doc.Redecode(**model, dopt, i, &ts, &pred);
    else
      pred = given[i].tags;
    c.Add(s.tags, pred);
    novelty.Add(s.tokens, s.tags, pred);
    tokens += s.tokens.size();
    if (shown < o.errors && pred != s.tags) {
      PrintSentence(s, pred);
      ++shown;
    }
  }
  std::printf("%zu sentences, %ld tokens, %ld gold entities\n", dev.size(),
              tokens, c.Gold(0));
  std::printf("%-6s %9s %9s %9s %7s\n", "type", "precision", "recall", "F1",
              "gold");
  for (int t = 1; t <= 4; ++t)
    std::printf("%-6s %9.4f %9.4f %9.4f %7ld\n",
                std::string(TagTypeName(t)).c_str(), c.Precision(t),
                c.Recall(t), c.F1(t), c.Gold(t));
  std::printf("%-6s %9.4f %9.4f %9.4f %7ld\n", "micro", c.Precision(0),
              c.Recall(0), c.F1(0), c.Gold(0));
  if (train.empty()) return 0;
  // Where the misses are: names of the dev split the training part holds
  // with their type, only with another type, or not at all.
  std::printf("\n%-11s %7s %7s %9s\n", "dev names", "gold", "found", "recall");
  for (int k = 0; k < NoveltyCounts::kNumKinds; ++k)
    std::printf("%-11s %7ld %7ld %9.4f\n",
                std::string(NoveltyCounts::KindName(k)).c_str(),
                novelty.Gold(k), novelty.Found(k), novelty.Recall(k));
  return 0;
}

}  // namespace
}  // namespace marsad

int main(int argc, char** argv) {
  marsad::Options o;
  CLI::App app{
      "Entity-level P/R/F1 of marsad's NER model (see the file "
      "comment)"};
  // A repeated option: the last one counts, as before CLI11.
  app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.add_option("data", o.data, "ANERcorp-style token<TAB>tag file")
      ->required();
  auto* model = app.add_option("--model", o.model, "model file");
  app.add_option("--model-dir", o.model_dir,
                 "directory with ner_model.bin and its corpus tables")
      ->excludes(model);
  auto* dev = app.add_option("--dev-fraction", o.dev_fraction,
                             "last fraction of sentences scored")
                  ->check(CLI::Range(0.0, 1.0));
  app.add_flag("--whole", o.whole, "score every sentence")->excludes(dev);
  app.add_option("--errors", o.errors, "print N mis-tagged sentences")
      ->check(CLI::Range(0, 1000000));
  app.add_option("--doc-beta", o.doc_beta,
                 "document pass push (default: the model's; 0: off)");
  app.add_option("--doc-window", o.doc_window,
                 "document pass window in sentences (default: the model's)");
  auto* write = app.add_option("--write-input", o.write_input,
                               "write the sentences one token a line, stop");
  app.add_option("--tagged", o.tagged, "score this `marsad ner` output")
      ->excludes(write);
  app.add_option("--format", o.format,
                 "another gold corpus: aqmar or wikifane (gold_corpora.h)")
      ->check(CLI::IsMember({"aqmar", "wikifane"}));
  CLI11_PARSE(app, argc, argv);
  return marsad::Run(o);
}
