// BIO tags with ANERcorp's names, chunks, and conlleval-style scoring.
//
// The tag set is fixed: O, then B-/I- for PERS, LOC, ORG, MISC, in that
// order (ids 0..8). Chunks follow conlleval: a chunk starts at B-X, and also
// at I-X when the previous tag is not of type X (so "O I-LOC" is a LOC
// chunk); it ends where the next tag does not continue it.
//
// Thread safety: pure functions.
#ifndef MARSAD_SRC_NLP_TAGS_H_
#define MARSAD_SRC_NLP_TAGS_H_

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/document.h"

namespace marsad {

inline constexpr int kNumTags = 9;
inline constexpr std::array<std::string_view, kNumTags> kTagNames = {
    "O",     "B-PERS", "I-PERS", "B-LOC", "I-LOC",
    "B-ORG", "I-ORG",  "B-MISC", "I-MISC"};

// Tag id of a name, or -1.
int TagId(std::string_view name);
// 0 for O, else 1 + type index (PERS, LOC, ORG, MISC).
inline int TagType(int tag) { return tag == 0 ? 0 : (tag + 1) / 2; }
inline bool IsBegin(int tag) { return tag > 0 && tag % 2 == 1; }
// True if `next` may follow `prev` in BIO (prev = -1 for the start):
// I-X only after B-X or I-X.
bool TagTransitionAllowed(int prev, int next);
// The document type of a tag type (1..4).
EntityType EntityTypeOfTagType(int type);
std::string_view TagTypeName(int type);  // "PERS", "LOC", "ORG", "MISC"

// The tagger's own encoding, BILOU (also called BIOES): O, then for each
// type in the order above Begin, Inside, Last, Unit (a one-token entity);
// ids 0..16. A model that must say where an entity ends, and tell a
// one-word name from the first word of a longer one, learns sharper
// weights for both than BIO's two tags per type (Ratinov & Roth 2009). The
// encoding stays inside the tagger: TaggerModel::Decode returns BIO ids and
// everything outside src/nlp/tagger.cc and the trainer sees only BIO.
inline constexpr int kNumModelTags = 17;
enum class Bilou { kB = 0, kI = 1, kL = 2, kU = 3 };
inline int ModelTag(int type, Bilou part) {
  return 1 + 4 * (type - 1) + static_cast<int>(part);
}
inline int ModelTagType(int m) { return m == 0 ? 0 : (m + 3) / 4; }
inline Bilou ModelTagPart(int m) { return static_cast<Bilou>((m - 1) % 4); }
// B-X and U-X read as B-X, I-X and L-X as I-X.
int ModelTagToBio(int m);
// True if `next` may follow `prev` in BILOU (prev = -1 for the start): B-X
// and I-X go on with I-X or L-X; anything else (or the start) with O, B or U.
bool ModelTransitionAllowed(int prev, int next);
// True if a sentence may end on model tag m (not inside an open entity).
inline bool ModelTagMayEnd(int m) {
  return m == 0 || ModelTagPart(m) == Bilou::kL || ModelTagPart(m) == Bilou::kU;
}
// *out gets the BILOU ids of the chunks of BIO `tags` (conlleval reading).
void BioToModelTags(const std::vector<int>& tags, std::vector<int>* out);

// Cleans one tag as found in ANERcorp (noise such as "B-ERS", "IPERS",
// "b-misc", "B-OEG", "B-LOCI-PERS"): returns a name from kTagNames, or ""
// if it cannot be read.
std::string_view CleanTag(std::string_view raw);

struct Chunk {
  int begin = 0;  // token index
  int end = 0;    // one past the last token
  int type = 0;   // 1..4
  friend bool operator==(const Chunk&, const Chunk&) = default;
};
// *out is cleared, then filled with the chunks of `tags` (tag ids).
void TagChunks(const std::vector<int>& tags, std::vector<Chunk>* out);

// Entity-level counts per type, as conlleval computes them: a predicted
// chunk is correct when a gold chunk has the same begin, end and type.
struct NerCounts {
  std::array<long, 5> tp{}, fp{}, fn{};  // index 0 unused; 1..4 by type
  void Add(const std::vector<int>& gold, const std::vector<int>& pred);
  double Precision(int type) const;  // type 0: micro over all types
  double Recall(int type) const;
  double F1(int type) const;
  long Gold(int type) const;
};

// Recall split by whether a gold entity's words were seen in training, the
// usual diagnostic of where a tagger's errors come from (Augenstein et al.
// 2017): names it has read with their type, names it has read only as
// another type, and names it has never read as a name. Strings are compared
// exactly, token by token.
class NoveltyCounts {
 public:
  enum Kind { kSeen = 0, kOtherType = 1, kUnseen = 2 };
  static constexpr int kNumKinds = 3;
  static std::string_view KindName(int kind);  // "seen", "other type", ...

  // Learns the names of a training sentence (tokens with BIO tag ids).
  void AddTraining(const std::vector<std::string>& tokens,
                   const std::vector<int>& tags);
  // Counts each gold chunk of a test sentence by kind, and whether `pred`
  // has it exactly (span and type).
  void Add(const std::vector<std::string>& tokens, const std::vector<int>& gold,
           const std::vector<int>& pred);
  // The kind of a gold name: `words` joined by single spaces.
  Kind KindOf(const std::string& words, int type) const;

  long Gold(int kind) const { return gold_[kind]; }
  long Found(int kind) const { return found_[kind]; }
  double Recall(int kind) const;

 private:
  std::map<std::string, unsigned> types_;  // name -> bit set of types 1..4
  std::array<long, kNumKinds> gold_{}, found_{};
};

}  // namespace marsad

#endif  // MARSAD_SRC_NLP_TAGS_H_
