#include "src/nlp/conll.h"

#include "src/base/data.h"
#include "src/nlp/tags.h"

namespace marsad {
namespace {

// Removes U+200E/U+200F/U+200B..U+200D and U+FEFF anywhere in the field.
std::string StripInvisible(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
        static_cast<unsigned char>(s[i + 1]) == 0x80) {
      unsigned char c = s[i + 2];
      if (c >= 0x8B && c <= 0x8F) {
        i += 2;
        continue;
      }
    }
    if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xEF &&
        static_cast<unsigned char>(s[i + 1]) == 0xBB &&
        static_cast<unsigned char>(s[i + 2]) == 0xBF) {
      i += 2;
      continue;
    }
    out += s[i];
  }
  return std::string(Trim(out));
}

}  // namespace

bool IsSentenceFinal(std::string_view t) {
  return t == "." || t == "!" || t == "?" || t == "؟";
}

StatusOr<std::vector<TaggedSentence>> ParseConll(std::string_view text,
                                                 const ConllOptions& o) {
  std::vector<TaggedSentence> out(1);
  auto end_sentence = [&] {
    if (!out.back().tokens.empty()) out.emplace_back();
  };
  int line_no = 0;
  for (std::string_view line : Split(text, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty()) {
      end_sentence();
      continue;
    }
    std::vector<std::string> f;
    for (std::string_view x : Split(line, '\t')) f.push_back(StripInvisible(x));
    if (o.repair && f.size() == 1) {
      size_t sp = f[0].rfind(' ');  // "token O" with a space
      if (sp == std::string::npos || sp == 0) continue;  // no token
      f = {f[0].substr(0, sp), f[0].substr(sp + 1)};
    }
    if (o.repair)
      std::erase_if(f, [](const std::string& x) { return x.empty(); });
    if (!o.repair && !f.empty() && f[0].empty()) {
      // A token of invisible marks only (a lone U+200F): kept as it is, so
      // that the output has a line for every input token.
      std::string_view raw = Split(line, '\t')[0];
      if (!Trim(raw).empty()) f[0] = std::string(raw);
    }
    if (f.empty() || f[0].empty()) {
      if (o.repair) continue;
      return InvalidArgumentError("line " + std::to_string(line_no) +
                                  ": no token");
    }
    TaggedSentence& s = out.back();
    if (!o.tagged) {
      s.tokens.push_back(f[0]);
    } else {
      if (f.size() < 2) {
        if (o.repair) continue;
        return InvalidArgumentError("line " + std::to_string(line_no) +
                                    ": no tag");
      }
      std::string token = f[0];
      std::string_view tag = CleanTag(f.back());
      if (tag.empty() && o.repair && !CleanTag(f[0]).empty()) {  // swapped
        tag = CleanTag(f[0]);
        token = f.back();
      }
      if (tag.empty()) {
        if (!o.repair)
          return InvalidArgumentError("line " + std::to_string(line_no) +
                                      ": unknown tag '" + f.back() + "'");
        tag = "O";
      }
      int id = TagId(tag);
      // conlleval reads "O I-X" as a B-X; say so, so that training data
      // only holds paths the BIO decoder can produce.
      int prev = s.tags.empty() ? 0 : s.tags.back();
      if (o.repair && id > 0 && !IsBegin(id) && TagType(prev) != TagType(id))
        --id;
      s.tokens.push_back(token);
      s.tags.push_back(id);
    }
    if (o.split_on_final_punct && IsSentenceFinal(s.tokens.back()))
      end_sentence();
  }
  if (out.back().tokens.empty()) out.pop_back();
  return out;
}

std::vector<ConllLine> ReadConllLines(std::string_view text) {
  std::vector<ConllLine> out;
  if (text.ends_with('\n')) text.remove_suffix(1);
  if (text.empty()) return out;
  for (std::string_view line : Split(text, '\n')) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ConllLine& l = out.emplace_back();
    if (Trim(line).empty()) {
      l.blank = true;
      continue;
    }
    // The first field: up to a tab, or without one up to a space (ANERcorp's
    // original files write `token TAG`; a token never holds a space).
    size_t end = line.find('\t');
    if (end == std::string_view::npos) {
      std::string_view t = Trim(line);
      line = t.substr(0, std::min(t.size(), t.find(' ')));
      end = line.size();
    }
    std::string_view raw = line.substr(0, end);
    l.token = StripInvisible(raw);
    if (l.token.empty()) l.token = std::string(Trim(raw));
  }
  return out;
}

void SplitTrainDev(std::vector<TaggedSentence> all, double dev_fraction,
                   std::vector<TaggedSentence>* train,
                   std::vector<TaggedSentence>* dev) {
  size_t n_dev = static_cast<size_t>(all.size() * dev_fraction + 0.5);
  size_t cut = all.size() - std::min(n_dev, all.size());
  train->assign(std::make_move_iterator(all.begin()),
                std::make_move_iterator(all.begin() + cut));
  dev->assign(std::make_move_iterator(all.begin() + cut),
              std::make_move_iterator(all.end()));
}

}  // namespace marsad
