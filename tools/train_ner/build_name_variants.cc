// build_name_variants: the name-variant table (data/nlp/name_variants.tsv)
// that the skeleton key (src/text/skeleton.h) reads, from name pairs that
// nobody on the project wrote.
//
//   build_name_variants SHARED_DATA_DIR OUT_DIR
//   build_name_variants --check PAIRS
//
// --check scores the key as the runtime computes it (the rule and the
// table of $MARSAD_DATA_DIR/nlp): PAIRS holds "arabic<TAB or space>latin"
// lines of one name each (google/transliteration's ar2en files); it prints
// how many pairs of Latin words of four letters or more get the same
// SkeletonKey on both sides. Used on pairs the table was not built from.
//
// Why a table beside the rule. The skeleton key joins the spellings of one
// name by a rule (consonant classes shared by both scripts), and the rule
// is right for most names: موغيريني and موجيريني share "~mgrn". Where the
// Latin spelling hides the Arabic consonants (Mogherini: Italian gh is one
// sound; French ou, Polish sz, English silent letters) or the Arabic press
// writes a name two ways that the classes keep apart, the rule fails, and
// only seen pairs can say so. The pairs:
//  * Wikidata's English→Arabic person-name tokens with counts
//    (names/wikidata, CC0);
//  * LIMSI NERAr's Arabic–French variant dictionaries of persons and places
//    (names/nerar, BSD-2-Clause), aligned word by word when both sides have
//    as many words (Arabic words split on spaces, French ones on spaces and
//    hyphens); NERAr is noisy (Persian letters, misaligned words), so
//    every pair only votes.
// For each Latin word (ASCII letters, four or more), the Arabic spellings
// vote with their weights (Wikidata's count, 1 for a NERAr pair) for their
// skeleton (the rule's, RuleSkeletonKey); the skeleton holding more than
// half the votes, and at least two, is the name's. A row is written only where
// the rule alone would key a spelling elsewhere:
//  * the Latin word, when its own rule skeleton differs (mogherini ~mgrn);
//  * an Arabic spelling of the word with at least two votes whose rule
//    skeleton differs, when no other Latin word claims it for another
//    skeleton.
// Everything else the rule already joins, so the table stays small; the
// tool prints how often the rule agrees, the figure a better rule raises.
#include <algorithm>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "src/base/data.h"
#include "src/base/file.h"
#include "src/base/utf8.h"
#include "src/text/skeleton.h"
#include "src/text/tables.h"

namespace marsad {
namespace {

// Lower-cased ASCII word, or "" when it holds anything but ASCII letters.
std::string LatinWord(std::string_view w) {
  std::string out;
  for (char c : w) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c < 'a' || c > 'z') return "";
    out.push_back(c);
  }
  return out;
}

// The word itself when it is made of basic Arabic letters only (U+0621 to
// U+064A: no Persian پ گ چ, no marks), three or more; else "".
std::string ArabicWord(std::string_view w) {
  std::string out;
  size_t letters = 0;
  for (size_t i = 0; i < w.size();) {
    size_t start = i;
    char32_t cp = DecodeUtf8(w, &i);
    if (cp == 0x200E || cp == 0x200F || cp == 0x200C || cp == 0x200D) continue;
    if (cp < 0x0621 || cp > 0x064A) return "";
    out.append(w.substr(start, i - start));
    ++letters;
  }
  return letters >= 3 ? out : "";
}

// Votes the chosen skeleton needs: one Wikidata token seen once or one
// NERAr pair is too little to overrule the rule (measured on held-out
// pairs, docs/RESULTS.md).
constexpr double kMinVotes = 2;

class VariantBuilder {
 public:
  explicit VariantBuilder(const TextTables& tables) : tables_(tables) {}
  void Add(std::string_view latin, std::string_view arabic, double weight) {
    std::string l = LatinWord(latin), a = ArabicWord(arabic);
    if (l.size() < 4 || a.empty()) return;
    std::string sk = RuleSkeletonKey(tables_, a);
    if (sk.empty()) return;
    votes_[l][sk] += weight;
  }
  std::string Write(std::ostream& out) const;

 private:
  const TextTables& tables_;  // the rule's folding and segmenter
  // Latin word -> skeleton -> votes.
  std::map<std::string, std::map<std::string, double>> votes_;
};

// Edit distance between two skeletons (a few ASCII letters each).
size_t Distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min(
          {row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// Whether two skeletons ("~" + classes) can be spellings of one name: a
// third of the longer's classes may differ, at most.
bool Close(std::string_view a, std::string_view b) {
  if (a.size() < 2 || b.size() < 2) return false;
  return 3 * Distance(a.substr(1), b.substr(1)) <=
         std::max(a.size(), b.size()) - 1;
}

std::string VariantBuilder::Write(std::ostream& out) const {
  size_t decided = 0, agree = 0, rows = 0, far = 0;
  for (const auto& [latin, v] : votes_) {
    double total = 0, best = 0;
    std::string canonical;
    for (const auto& [sk, w] : v) {
      total += w;
      if (w > best) best = w, canonical = sk;
    }
    if (best * 2 <= total) continue;  // no majority: noise or two names
    if (best < kMinVotes) continue;
    ++decided;
    const std::string rule = RuleSkeletonKey(tables_, latin);
    if (rule == canonical) {
      ++agree;
    } else if (canonical.size() < 5 || !Close(rule, canonical)) {
      ++far;  // three classes (one letter is a third) or a misaligned pair
    } else {
      out << latin << '\t' << canonical << '\n';
      ++rows;
    }
  }
  std::ostringstream stats;
  stats << "name_variants.tsv: " << votes_.size() << " Latin words, " << decided
        << " with " << kMinVotes
        << " votes or more and a majority skeleton, the rule agrees on "
        << agree << " (" << (decided ? 100.0 * agree / decided : 0) << "%); "
        << rows << " rows, " << far << " left out (skeletons too far apart)\n";
  return stats.str();
}

Status AddWikidata(const std::string& shared, VariantBuilder* b) {
  ASSIGN_OR_RETURN(
      std::string text,
      ReadFile(shared +
               "/names/wikidata/wd_arabic_name_tokens.en_ar_count.tsv"));
  for (std::string_view line : Split(text, '\n')) {
    auto f = Split(Trim(line), '\t');
    if (f.size() != 3 || f[0] == "english_token") continue;
    b->Add(f[0], f[1], std::max(1.0, std::atof(std::string(f[2]).c_str())));
  }
  return Status::OK();
}

std::vector<std::string_view> Words(std::string_view s, bool hyphens) {
  std::vector<std::string_view> out;
  for (std::string_view w : Split(Trim(s), ' '))
    for (std::string_view p : hyphens ? Split(w, '-') : Split(w, ' '))
      if (!p.empty()) out.push_back(p);
  return out;
}

Status AddNerar(const TextTables& tables, const std::string& shared,
                VariantBuilder* b) {
  for (const char* type : {"PERS", "LOC"}) {
    ASSIGN_OR_RETURN(
        std::string gz,
        ReadFile(shared + "/names/nerar/dico-bi-ar-fr." + type + ".ar.tsv.gz"));
    ASSIGN_OR_RETURN(std::string text, Gunzip(gz));
    for (std::string_view line : Split(text, '\n')) {
      auto f = Split(line, '\t');
      if (f.size() != 3) continue;
      auto ar = Words(f[0], false), fr = Words(f[2], true);
      if (ar.size() != fr.size()) continue;
      // A name with one word pair far apart is misaligned: all of it out.
      bool aligned = true;
      for (size_t i = 0; aligned && i < ar.size(); ++i)
        aligned = Close(RuleSkeletonKey(tables, LatinWord(fr[i])),
                        RuleSkeletonKey(tables, ArabicWord(ar[i])));
      if (!aligned) continue;
      for (size_t i = 0; i < ar.size(); ++i) b->Add(fr[i], ar[i], 1);
    }
  }
  return Status::OK();
}

Status Build(const TextTables& tables, const std::string& shared,
             const std::string& out_dir) {
  VariantBuilder b(tables);
  RETURN_IF_ERROR(AddWikidata(shared, &b));
  RETURN_IF_ERROR(AddNerar(tables, shared, &b));
  std::ostringstream out;
  out << "# Name variants the skeleton key's rule alone would not join "
         "(src/text/skeleton.h):\n# a Latin word (lower case) and the "
         "skeleton of its Arabic spellings.\n# Sources, via "
         "../shared/data/names: Wikidata person-name tokens\n"
         "# (steveash/NETransliteration-COLING2018, CC0); LIMSI NERAr "
         "Arabic-French person and place\n# variants (SouhirG/NERAr, "
         "BSD-2-Clause). Only spellings and skeletons are kept.\n"
         "# Generated by tools/train_ner/build_name_variants; do not edit.\n"
         "# variant\tskeleton\n";
  std::string stats = b.Write(out);
  std::cerr << stats;
  return WriteFileAtomic(out_dir + "/name_variants.tsv", out.str());
}

Status Check(const TextTables& tables, const std::string& path) {
  ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  size_t pairs = 0, same = 0, met = 0;
  for (std::string_view line : Split(text, '\n')) {
    line = Trim(line);
    size_t cut = line.find_first_of("\t ");
    if (cut == std::string_view::npos) continue;
    std::string latin = LatinWord(Trim(line.substr(cut + 1)));
    std::string arabic = ArabicWord(line.substr(0, cut));
    if (latin.size() < 4 || arabic.empty()) continue;
    std::string sk = SkeletonKey(tables, latin),
                ar = SkeletonKey(tables, arabic);
    if (ar.empty()) continue;
    ++pairs;
    if (sk == ar) ++same;
    if (sk == ar || AltSkeletonKey(tables, latin, "", sk) == ar) ++met;
  }
  auto pct = [&](size_t n) { return pairs ? 100.0 * n / pairs : 0; };
  std::cout << path << ": " << pairs << " pairs, same key " << same << " ("
            << pct(same) << "%), met by a search term " << met << " ("
            << pct(met) << "%)\n";
  return Status::OK();
}

}  // namespace
}  // namespace marsad

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: build_name_variants SHARED_DATA_DIR OUT_DIR\n"
                 "       build_name_variants --check PAIRS\n";
    return 2;
  }
  // The folding, segmenter and name variants of DataDir() (the rule's keys
  // read no variant; --check reads the shipped table's).
  auto tables = marsad::TextTables::Load(marsad::DataDir());
  if (!tables.ok()) {
    std::cerr << "build_name_variants: " << tables.status().ToString() << "\n";
    return 1;
  }
  marsad::Status s = std::string_view(argv[1]) == "--check"
                         ? marsad::Check(**tables, argv[2])
                         : marsad::Build(**tables, argv[1], argv[2]);
  if (!s.ok()) {
    std::cerr << "build_name_variants: " << s.ToString() << "\n";
    return 1;
  }
  return 0;
}
