// Subjects of English sentences: names, the own city, and the topic carried between them.
#include "extract/subjects.h"

#include <algorithm>

#include "text/mapped_text.h"
#include "text/unicode.h"

namespace annals::extract {
namespace {

bool IsConnector(std::u32string_view w) {
  return w == U"of" || w == U"the" || w == U"and" || w == U"for" || w == U"on" || w == U"&";
}

bool IsNameWord(const Token& t) {
  return (t.kind == Token::Kind::kWord || t.kind == Token::Kind::kAlnum) &&
         (t.upper || t.kind == Token::Kind::kAlnum);
}

// What the text before a name holds, kept as the names advance through the sentence so
// that each character is read once: commas, and whether a list has been opened.
struct LeadScan {
  std::size_t scanned = 0;
  std::ptrdiff_t commas = 0;
  bool listed = false;

  // REQUIRES: `lead` starts where the sentence starts and does not end before the lead
  // of the previous name.
  void Advance(std::u32string_view lead) {
    if (lead.size() <= scanned) return;
    commas += std::count(lead.begin() + static_cast<std::ptrdiff_t>(scanned), lead.end(), U',');
    // Look back far enough to find a marker that straddles the old end.
    const std::size_t from = scanned > 8 ? scanned - 8 : 0;
    const std::u32string_view fresh = lead.substr(from);
    listed = listed || fresh.find(U"such as") != std::u32string_view::npos ||
             fresh.find(U"including") != std::u32string_view::npos;
    scanned = lead.size();
  }
};

// Where the last reporting verb before `at` ends (`said`, `told reporters`): a name before
// it is who speaks, not what the reported clause is about. 0 if none.
std::size_t ReportedFrom(const SentenceContext& ctx, std::size_t at) {
  std::size_t from = 0;
  for (const auto& m : ctx.knowledge.FindPhrases("reporting_verb", ctx.folded.substr(0, at)))
    from = m.end;
  return from;
}

}  // namespace

std::vector<NameMention> FindNames(const SentenceContext& ctx, const std::vector<Token>& t) {
  const Knowledge& k = ctx.knowledge;
  std::vector<NameMention> out;
  LeadScan lead_scan;
  for (std::size_t i = 0; i < t.size();) {
    // `team of China`: a lower-case entity word owned by a name.
    const bool owned = t[i].kind == Token::Kind::kWord && !t[i].upper &&
                       k.KeyOf("entity_word", t[i].text) && i + 2 < t.size() &&
                       t[i + 1].text == U"of" && IsNameWord(t[i + 2]);
    if ((!IsNameWord(t[i]) && !owned) || ctx.InTime(t[i].begin, t[i].end)) {
      ++i;
      continue;
    }
    std::size_t j = owned ? i + 2 : i, last = j;
    while (j + 1 < t.size()) {
      const Token& next = t[j + 1];
      if (IsNameWord(next) && !ctx.InTime(next.begin, next.end)) {
        last = ++j;
      } else if (next.kind == Token::Kind::kPunct && (next.text[0] == '\'' || next.text[0] == U'’') &&
                 t[j].text.ends_with(U"s") && j + 2 < t.size() && IsNameWord(t[j + 2])) {
        ++j;  // a plural possessive inside a name: `Sister Cities Mayors' Summit`
      } else if (next.kind == Token::Kind::kWord && IsConnector(next.text) && j + 2 < t.size() &&
                 IsNameWord(t[j + 2]) && !(next.text == U"and" && k.KeyOf("entity_word", t[j].text))) {
        ++j;
      } else {
        break;
      }
    }
    j = last;
    // A legal form written with its punctuation, `Co., Ltd.`, belongs to the name.
    std::size_t end_token = last;
    while (k.KeyOf("company_suffix", t[end_token].text)) {
      std::size_t next = end_token + 1;
      while (next < t.size() && (t[next].text == U"." || t[next].text == U",")) ++next;
      if (next >= t.size() || !k.KeyOf("company_suffix", t[next].text)) break;
      end_token = last = next;
    }
    if (end_token + 1 < t.size() && t[end_token + 1].text == U"." &&
        k.KeyOf("company_suffix", t[end_token].text))
      ++end_token;
    // The name without `The` and the legal form.
    std::size_t first = i, name_last = last;
    if (t[first].text == U"the" && first < name_last) ++first;
    while (name_last > first && (k.KeyOf("company_suffix", t[name_last].text) ||
                                 t[name_last].kind == Token::Kind::kPunct))
      --name_last;
    NameMention m;
    m.begin = t[i].begin;
    m.end = t[end_token].end;
    m.name = text::ToUtf8(ctx.original.substr(t[first].begin, t[name_last].end - t[first].begin));
    for (std::size_t w = first; w <= last; ++w)
      if (t[w].kind == Token::Kind::kWord) {
        const auto kind = k.KeyOf("entity_word", t[w].text);
        m.entity = m.entity || kind.has_value();
        m.event = m.event || kind == "event";
      }
    const Place* place = k.PlaceNamed(m.name);
    std::string city_form = m.name;
    if (city_form.size() > 5 && city_form.substr(city_form.size() - 5) == " City")
      city_form.resize(city_form.size() - 5);
    m.own_city = !ctx.city.empty() && (city_form == ctx.city || (place && place->name == ctx.city));
    // A lone sentence-opening word (`Also`, `Among`) is not a name.
    const bool lone_opener = first == last && i == 0 && !m.entity && !m.own_city && !place;
    // Subject position: nothing before it but one opening phrase closed by a comma, and
    // an article.
    std::size_t before = m.begin;
    std::u32string_view lead = ctx.folded.substr(0, before);
    while (!lead.empty() && text::IsSpace(lead.back())) lead.remove_suffix(1);
    for (std::u32string_view article : {U"the", U"a"})
      if (lead.size() >= article.size() && lead.substr(lead.size() - article.size()) == article &&
          (lead.size() == article.size() || !text::IsLetter(lead[lead.size() - article.size() - 1])))
        lead.remove_suffix(article.size());
    while (!lead.empty() && text::IsSpace(lead.back())) lead.remove_suffix(1);
    lead_scan.Advance(lead);
    // Not an item of a list: `Events such as Chongqing Welsh Week, Chongqing-Zurich ...`.
    m.subject_position =
        lead.empty() || (lead.back() == U',' && lead_scan.commas == 1 && !lead_scan.listed);
    if (!lone_opener && !m.name.empty()) out.push_back(m);
    i = end_token + 1;
  }
  return out;
}

std::string SubjectBefore(const SentenceContext& ctx, const std::vector<NameMention>& names,
                          std::size_t at) {
  const std::size_t reported = ReportedFrom(ctx, at);
  for (const auto& n : names)
    if (n.end <= at && n.begin >= reported && n.subject_position && (n.entity || n.own_city))
      return n.own_city ? ctx.city : n.name;
  // `The Foreign Affairs Office said that the province now counts 95 cities`: the figure is
  // the reported clause's, whose subject is not the speaker.
  if (reported > 0) return ctx.city;
  return ctx.topic.empty() ? ctx.city : ctx.topic;
}

std::string TopicAfter(const SentenceContext& ctx, const std::vector<NameMention>& names,
                       const std::string& previous) {
  const std::size_t reported = ReportedFrom(ctx, ctx.folded.size());
  for (const auto& n : names) {
    if (!n.subject_position) continue;
    if (reported > n.end) return previous;  // a speaker is not what the text goes on about
    if (n.own_city) return "";
    if (n.entity) return n.name;
  }
  // A dated sentence whose subject is a person introduces the event it names (`Zhang
  // Gaoli ... delivered a keynote speech at the ASEM Industrial Dialogue ... in May 2015`).
  const bool dated = std::any_of(ctx.times.begin(), ctx.times.end(),
                                 [](const TimeExpr& t) { return !t.quoted && t.range.from; });
  if (dated)
    for (const auto& n : names)
      if (n.event) return n.name;
  return previous;
}

std::string EventSubject(const SentenceContext& ctx, const std::vector<NameMention>& names,
                         const TimeExpr& time, std::size_t verb) {
  const auto name_of = [&](const NameMention& n) { return n.own_city ? ctx.city : n.name; };
  // `At the 2018 ... Conference the province received three awards`: the bulletin's own
  // place named by a common noun (`the province`) after every name before the verb.
  std::size_t own_word = 0;
  for (const auto& m : ctx.knowledge.FindPhrases("own_city", ctx.folded.substr(0, verb))) own_word = m.end;
  if (own_word > 0 && std::none_of(names.begin(), names.end(), [&](const NameMention& n) {
        return n.end > own_word && n.end <= verb;
      }))
    return ctx.city;
  // A nationality (`the Chinese and overseas guests`) names no one.
  const auto demonym = [&](const NameMention& n) {
    if (ctx.knowledge.PlaceNamed(n.name)) return false;
    std::size_t words = 0;
    for (std::size_t b = 0; b < n.name.size();) {  // every word one, or `and` (`Polish and Chinese`)
      std::size_t e = n.name.find(' ', b);
      if (e == std::string::npos) e = n.name.size();
      const std::string_view w(n.name.data() + b, e - b);
      const bool nationality = w.size() > 4 && (w.ends_with("ese") || w.ends_with("ian") || w.ends_with("ish"));
      if (!nationality && w != "and") return false;
      words += nationality;
      b = e + 1;
    }
    return words > 0;
  };
  // After a time that opens the sentence: `In 2000, the Changchun World Sculpture Park ...
  // was opened`.
  if (time.end <= verb) {
    for (const auto& n : names)
      if (n.begin >= time.end && n.end <= verb && (n.entity || n.own_city)) return name_of(n);
  }
  // Else the last organisation or event before the verb, the own city, any name.
  const NameMention* entity = nullptr;
  const NameMention* city = nullptr;
  const NameMention* any = nullptr;
  for (const auto& n : names) {
    if (n.end > verb) break;
    if (n.entity) entity = &n;
    if (n.own_city) city = &n;
    any = &n;
  }
  if (entity) return name_of(*entity);
  if (city) return name_of(*city);

  if (time.end <= verb) {
    for (const auto& n : names)
      if (n.begin >= time.end && n.end <= verb && !demonym(n)) return name_of(n);
  }
  if (any && !demonym(*any)) return name_of(*any);
  return ctx.topic.empty() ? ctx.city : ctx.topic;
}

}  // namespace annals::extract
