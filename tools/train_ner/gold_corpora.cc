#include "tools/train_ner/gold_corpora.h"

#include <algorithm>
#include <charconv>
#include <string>
#include <vector>

#include "src/base/data.h"
#include "src/base/file.h"
#include "src/nlp/tags.h"

namespace marsad {
namespace {

// The 4-class type of a corpus's tag type, or "" for O.
std::string_view MapType(std::string_view format, std::string_view type) {
  if (format == "aqmar") {
    if (type == "PER") return "PERS";
    if (type == "MIS") return "MISC";
    if (type == "LOC" || type == "ORG") return type;
    return "";
  }
  if (format == "wojood") {
    if (type == "PERS" || type == "ORG") return type;
    if (type == "GPE" || type == "LOC" || type == "FAC") return "LOC";
    if (type == "EVENT" || type == "PRODUCT" || type == "LAW" ||
        type == "WEBSITE")
      return "MISC";
    return "";
  }
  // wikifane: already PERS/LOC/ORG/MISC.
  if (type == "PERS" || type == "LOC" || type == "ORG" || type == "MISC")
    return type;
  return "";
}

int MapTag(std::string_view format, std::string_view raw) {
  if (raw.size() < 3 || raw[1] != '-' || (raw[0] != 'B' && raw[0] != 'I'))
    return 0;
  std::string_view type = MapType(format, raw.substr(2));
  if (type.empty()) return 0;
  return TagId(std::string(1, raw[0]) + "-" + std::string(type));
}

bool IsPrefixClitic(std::string_view t) {
  return t == "و" || t == "ف" || t == "ب" || t == "ل" || t == "ك" || t == "س";
}
bool IsSuffixClitic(std::string_view t) {
  return t == "ه" || t == "ها" || t == "هم" || t == "هما" || t == "هن" ||
         t == "كم" || t == "كما" || t == "نا" || t == "ني" || t == "ي";
}

// Makes every I-X that does not continue an X a B-X (conlleval's reading).
void RepairBio(std::vector<int>* tags) {
  int prev = 0;
  for (int& t : *tags) {
    if (t > 0 && !IsBegin(t) && TagType(prev) != TagType(t)) --t;
    prev = t;
  }
}

}  // namespace

StatusOr<GoldCorpusSpec> ParseGoldCorpusSpec(std::string_view spec) {
  std::vector<std::string_view> f = Split(spec, ':');
  GoldCorpusSpec s;
  if (f.size() < 2 || f.size() > 5)
    return InvalidArgumentError(
        "--extra wants FORMAT:PATH[:WEIGHT[:MISC[:HOLD_OUT]]]");
  s.format = std::string(f[0]);
  if (s.format != "aqmar" && s.format != "wikifane" && s.format != "wojood")
    return InvalidArgumentError("--extra: unknown format " + s.format);
  s.path = std::string(f[1]);
  if (f.size() >= 3) {
    try {
      s.weight = std::stod(std::string(f[2]));
    } catch (...) {
      return InvalidArgumentError("--extra: bad weight");
    }
    if (s.weight < 0 || s.weight > 100)
      return InvalidArgumentError("--extra: weight in [0, 100]");
  }
  if (f.size() >= 4) {
    if (f[3] == "keep")
      s.misc = MiscMode::kKeep;
    else if (f[3] == "o")
      s.misc = MiscMode::kToO;
    else if (f[3] == "skip")
      s.misc = MiscMode::kSkipSentence;
    else if (f[3] == "pers")
      s.misc = MiscMode::kPersOnly;
    else
      return InvalidArgumentError("--extra: MISC is keep, o, skip or pers");
  }
  if (f.size() == 5) {
    try {
      s.hold_out = std::stod(std::string(f[4]));
    } catch (...) {
      return InvalidArgumentError("--extra: bad held-out fraction");
    }
    if (!(s.hold_out >= 0 && s.hold_out < 1))
      return InvalidArgumentError("--extra: held-out fraction in [0, 1)");
  }
  return s;
}

TaggedSentence JoinClitics(const TaggedSentence& s) {
  TaggedSentence out;
  std::string pending;  // prefix clitics waiting for their word
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    const std::string& t = s.tokens[i];
    if (IsPrefixClitic(t) && i + 1 < s.tokens.size()) {
      pending += t;
      continue;
    }
    if (pending.empty() && IsSuffixClitic(t) && !out.tokens.empty() &&
        !IsPrefixClitic(out.tokens.back())) {
      out.tokens.back() += t;
      continue;
    }
    std::string word = t;
    if (!pending.empty()) {
      // ل + ال... is written لل... (للحكم).
      if (pending.ends_with("ل") && word.starts_with("ال"))
        word.erase(0, std::string_view("ا").size());
      word = pending + word;
      pending.clear();
    }
    out.tokens.push_back(std::move(word));
    out.tags.push_back(s.tags[i]);
  }
  return out;
}

StatusOr<std::vector<TaggedSentence>> ReadGoldCorpus(const GoldCorpusSpec& s) {
  ASSIGN_OR_RETURN(std::string raw, ReadFile(s.path));
  if (s.path.ends_with(".gz")) {
    ASSIGN_OR_RETURN(raw, Gunzip(raw));
  }
  std::vector<TaggedSentence> out(1);
  std::vector<bool> dropped;  // by the MISC mode, one per sentence read
  auto end_sentence = [&] {
    if (out.back().tokens.empty()) return;
    TaggedSentence& b = out.back();
    if (s.format == "wikifane") b = JoinClitics(b);
    if (s.misc == MiscMode::kToO)
      for (int& t : b.tags)
        if (TagType(t) == 4) t = 0;
    RepairBio(&b.tags);
    bool has_misc = false, has_other = false;
    for (int t : b.tags) {
      has_misc |= TagType(t) == 4;
      has_other |= TagType(t) > 1;
    }
    dropped.push_back((s.misc == MiscMode::kSkipSentence && has_misc) ||
                      (s.misc == MiscMode::kPersOnly && has_other));
    out.emplace_back();
  };
  for (std::string_view line : Split(raw, '\n')) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty()) {
      end_sentence();
      continue;
    }
    std::string_view token, tag;
    if (s.format == "wikifane") {
      std::vector<std::string_view> f = Split(line, '\t');
      if (f.size() < 4) continue;
      token = f[0], tag = f[3];
    } else {
      line = Trim(line);
      size_t sp = line.find_last_of(" \t");
      if (sp == std::string_view::npos) continue;
      token = Trim(line.substr(0, sp)), tag = line.substr(sp + 1);
    }
    if (token.empty()) continue;
    out.back().tokens.emplace_back(token);
    out.back().tags.push_back(MapTag(s.format, tag));
  }
  end_sentence();
  out.pop_back();  // the empty one after the last sentence
  // The held-out part is cut from every sentence read, as SplitTrainDev
  // (src/nlp/conll.h) cuts eval_ner's, then the MISC mode's drops.
  size_t n_held = static_cast<size_t>(out.size() * s.hold_out + 0.5);
  size_t cut = out.size() - std::min(n_held, out.size());
  std::vector<TaggedSentence> kept;
  for (size_t i = 0; i < cut; ++i)
    if (!dropped[i]) kept.push_back(std::move(out[i]));
  return kept;
}

}  // namespace marsad
