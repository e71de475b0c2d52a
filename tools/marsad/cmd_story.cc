// marsad story [--db FILE] [--json] [--all] ID: the comparison of one
// story's reports (src/facts/compare.h), in Arabic (slots, values, modality;
// a report without an outlet named in words: issue 27): first its points,
// contested first (each point once, its positions with source, outlets,
// reports, the earliest report and the words), then each outlet's claims per
// slot, the disagreements and the number of agreements. Without --all the
// points stop at twelve and say how many more there are.
#include <fmt/core.h>

#include <iostream>
#include <map>

#include "src/facts/compare.h"
#include "src/facts/lexicon.h"
#include "src/server/brief.h"
#include "tools/marsad/commands.h"
#include "tools/marsad/print.h"

namespace marsad {

namespace {

std::string Attribution(const ComparedClaim& cc) {
  std::string s;
  if (!cc.claim.speaker.empty()) s += cc.claim.speaker;
  if (!cc.via.empty()) s += (s.empty() ? "عبر " : "، عبر ") + cc.via;
  if (s.empty()) s = "(الوسيلة نفسها)";
  return s;
}

// Arabic for the slot and modality codes (issue 27: the CLI speaks the UI's
// words); a code without a name is shown in brackets.
std::string SlotName(const std::string& slot) {
  static const std::map<std::string, std::string> kNames = {
      {"killed", "القتلى"},
      {"injured", "الجرحى"},
      {"killed_or_injured", "القتلى والجرحى"},
      {"missing", "المفقودون"},
      {"arrested", "المعتقلون"},
      {"kidnapped", "المختطفون"},
      {"attack", "الهجوم"},
      {"actor", "المنفّذ"},
      {"target", "المستهدَف"},
      {"location", "المكان"},
      {"date", "التاريخ"},
      {"weapon", "السلاح"},
      {"weapon:chemical", "سلاح كيميائي"},
      {"responsibility", "المسؤولية"},
      {"occurred", "وقوع الهجوم"}};
  auto it = kNames.find(slot);
  if (it != kNames.end()) return it->second;
  if (slot.rfind("presence:", 0) == 0) {
    static const std::map<std::string, std::string> kNations = {
        {"russian", "روس"},        {"american", "أمريكيون"},
        {"turkish", "أتراك"},      {"iranian", "إيرانيون"},
        {"french", "فرنسيون"},     {"british", "بريطانيون"},
        {"israeli", "إسرائيليون"}, {"syrian", "سوريون"},
        {"saudi", "سعوديون"}};
    std::string nation = slot.substr(9, slot.find('_', 9) - 9);
    auto n = kNations.find(nation);
    return "الحضور العسكري" + (n == kNations.end() ? "" : ": " + n->second);
  }
  size_t colon = slot.find(':');
  if (colon != std::string::npos) {
    auto head = kNames.find(slot.substr(0, colon));
    if (head != kNames.end())
      return head->second + " (" + slot.substr(colon + 1) + ")";
  }
  return "[" + slot + "]";
}

std::string ModalityName(const std::string& m) {
  if (m == "denied") return "نفي";
  if (m == "alleged") return "ادعاء";
  if (m == "hedged") return "ترجيح";
  return "تأكيد";
}

// A claim's value: assertions and denials, event kinds in words; figures
// and names as they are.
std::string ValueName(const std::string& v) {
  static const std::map<std::string, std::string> kValues = {
      {"asserted", "تأكيد"},
      {"denied", "نفي"},
      {"alleged", "ادعاء"},
      {"hedged", "ترجيح"},
      {"used", "استُخدم"},
      {"ASSAULT", "اعتداء"},
      {"FIGHT", "قتال"},
      {"PROTEST", "احتجاج"},
      {"COERCE", "إكراه"},
      {"ACCIDENT", "حادث"},
      {"air strike", "غارة جوية"},
      {"bombing", "تفجير"},
      {"shelling", "قصف"},
      {"shoot-down", "إسقاط"},
      {"shooting", "إطلاق نار"},
      {"suicide attack", "هجوم انتحاري"},
      {"killing", "قتل"},
      {"armed clash", "اشتباك مسلح"},
      {"arrest", "اعتقال"},
      {"raid", "مداهمة"},
      {"abduction", "خطف"},
      {"demonstration", "مظاهرة"},
      {"fire", "حريق"},
      {"traffic", "حادث سير"},
      {"drone", "طائرة مسيرة"},
      {"missile", "صاروخ"},
      {"car bomb", "سيارة مفخخة"},
      {"IED", "عبوة ناسفة"},
      {"mortar", "هاون"},
      {"helicopter", "مروحية"},
      {"bomb", "قنبلة"},
      {"shell", "قذيفة"},
      {"knife", "سكين"},
      {"rifle", "بندقية"},
      {"landmine", "لغم أرضي"},
      {"ballistic missile", "صاروخ باليستي"},
      {"explosive belt", "حزام ناسف"},
      {"machine gun", "رشاش"},
      {"rocket launcher", "قاذف صواريخ"}};
  auto it = kValues.find(v);
  if (it != kValues.end()) return it->second;
  size_t colon = v.find(':');
  if (colon != std::string::npos) {
    auto sub = kValues.find(v.substr(colon + 1));
    if (sub != kValues.end()) return sub->second;
    auto head = kValues.find(v.substr(0, colon));
    if (head != kValues.end()) return head->second;
  }
  return v;
}

std::string DisagreementName(const std::string& kind) {
  if (kind == "size") return "خلاف في العدد";
  if (kind == "kind") return "خلاف في النوع";
  if (kind == "kind_and_size") return "خلاف في النوع والعدد";
  if (kind == "assertion_vs_denial") return "تأكيد مقابل نفي";
  return "خلاف";
}

// The comparison names a report without an outlet "تقرير N"; readers see
// "وسيلة غير معروفة (التقرير N)" (src/server/brief.h).
std::map<std::string, std::string> g_outlet_names;

std::string Outlet(const std::string& label) {
  auto it = g_outlet_names.find(label);
  return it == g_outlet_names.end() ? label : it->second;
}

void PrintClaim(const ComparedClaim& cc, const char* indent,
                std::ostream& out) {
  out << fmt::format("{}{:<20} {:<18} {:<6} {}  «{}»  a{} [{},{})\n", indent,
                     Outlet(cc.outlet), ValueName(cc.claim.value),
                     ModalityName(cc.claim.modality), Attribution(cc), cc.text,
                     cc.article, cc.claim.span.begin, cc.claim.span.end);
}

constexpr size_t kPointsShown = 12;

void PrintPosition(const Comparison& c, const PointPosition& pos,
                   std::ostream& out) {
  std::string who = pos.source.empty() ? "(الوسيلة نفسها)" : pos.source;
  std::string outlets;
  for (const std::string& o : pos.outlets)
    outlets += (outlets.empty() ? "" : "، ") + Outlet(o);
  const ComparedClaim& first = c.claims[pos.claims[0]];
  out << fmt::format(
      "      {:<18} {}  [{}; تقارير: {}; أول ظهور: {} a{}]  «{}» [{},{})\n",
      PositionLabel(pos), who, outlets, pos.reports,
      pos.first_seen.empty() ? "?" : pos.first_seen, pos.first_article,
      first.text, first.claim.span.begin, first.claim.span.end);
}

void PrintPoints(const Comparison& c, bool all, std::ostream& out) {
  size_t contested = 0;
  for (const ContestedPoint& p : c.points) contested += p.contested;
  out << fmt::format("النقاط ({}، منها {} موضع خلاف):\n", c.points.size(),
                     contested);
  size_t n = 0;
  for (const ContestedPoint& p : c.points) {
    if (!all && n >= kPointsShown) {
      out << fmt::format("  ... و{} نقطة أخرى (--all)\n", c.points.size() - n);
      break;
    }
    ++n;
    std::string state = p.contested ? "خلاف" : "اتفاق";
    if (p.timeline) state += "، تتغير مع الوقت";
    out << fmt::format("  {}. {} — {} (مصادر: {})\n", n, PointLabel(p), state,
                       p.sources);
    for (const PointPosition& pos : p.positions) PrintPosition(c, pos, out);
  }
  out << "\n";
}

void PrintComparison(const StoryRow& s, const Comparison& c, bool all,
                     std::ostream& out) {
  PrintStoryLine(s, out);
  PrintPoints(c, all, out);
  out << "الوسائل:";
  for (const std::string& o : c.outlets) out << "  " << Outlet(o);
  out << "\n\nالادعاءات (البند × الوسيلة):\n";
  for (const ComparisonRow& row : c.matrix) {
    out << "  " << SlotName(row.slot) << "\n";
    for (const ComparisonCell& cell : row.cells) {
      for (int i : cell.claims) PrintClaim(c.claims[i], "    ", out);
    }
  }
  out << fmt::format("\nالخلافات ({}):\n", c.disagreements.size());
  int n = 0;
  for (const Disagreement& d : c.disagreements) {
    std::string slots;
    for (const std::string& sl : d.slots)
      slots += (slots.empty() ? "" : " / ") + SlotName(sl);
    out << fmt::format("  {}. {}: {}\n", ++n, DisagreementName(d.kind), slots);
    for (int i : d.claims) PrintClaim(c.claims[i], "       ", out);
  }
  out << fmt::format("\nالاتفاقات: {}\n", c.agreements);
}

int RunStory(const std::string& db, const std::string& id_arg, bool json_out,
             bool all) {
  const std::optional<int64_t> parsed = ParseStoryId("story", id_arg);
  if (!parsed) return 2;
  const int64_t id = *parsed;
  auto store = OpenStoreOrPrint(db, true);
  if (!store) return 1;
  auto story = store->GetStory(id);
  if (!story.ok()) return PrintError(story.status());
  if (!story->has_value())
    return PrintError(NotFoundError("no story " + std::to_string(id)));
  std::vector<Document> docs;
  for (int64_t a : (*story)->articles) {
    auto d = store->GetArticle(a, false);
    if (!d.ok()) return PrintError(d.status());
    if (d->has_value()) docs.push_back(std::move(**d));
  }
  std::vector<const Document*> ptrs;
  for (const Document& d : docs) ptrs.push_back(&d);
  auto lexicon = FactsLexicon::Load();
  if (!lexicon.ok()) return PrintError(lexicon.status());
  Comparison c = CompareStory(**lexicon, ptrs);
  for (const Document& d : docs)
    g_outlet_names[OutletLabel(d)] = ReadableOutlet(d);
  if (json_out) {
    nlohmann::json j = StoryToJson(**story);
    j["comparison"] = ComparisonToJson(c);
    std::cout << j.dump(2) << "\n";
  } else {
    PrintComparison(**story, c, all, std::cout);
  }
  return 0;
}

}  // namespace

void AddStoryCommand(CLI::App& app, CommandFn* run) {
  auto* cmd = app.add_subcommand("story",
                                 "Compare a story's reports: contested points, "
                                 "claims per outlet, disagreements");
  auto db = std::make_shared<std::string>(DefaultDbPath());
  auto json_out = std::make_shared<bool>(false);
  auto all = std::make_shared<bool>(false);
  auto id = std::make_shared<std::string>();
  cmd->add_option("--db", *db, "Database file");
  cmd->add_flag("--json", *json_out,
                "Print JSON (the story and its comparison)");
  cmd->add_flag("--all", *all, "Show every point (default: the first twelve)");
  cmd->add_option("ID", *id, "Story id (N or sN)")->required();
  cmd->callback(
      [=] { *run = [=] { return RunStory(*db, *id, *json_out, *all); }; });
}

}  // namespace marsad
