// Partner ties: a named foreign place attached to a partner phrase in its clause.
#include <algorithm>
#include <deque>
#include <optional>

#include "extract/context.h"
#include "extract/numbers.h"
#include "extract/tokens.h"
#include "text/mapped_text.h"
#include "text/unicode.h"

namespace annals::extract {
namespace {

bool IsClauseBreak(char32_t c, bool chinese) {
  if (c == U'。' || c == ';' || c == U'；' || c == '!' || c == '?') return true;
  return chinese && (c == ',' || c == U'，' || c == ':');
}

RelationType TypeOf(const std::string& key) {
  if (key == "friendship") return RelationType::kFriendshipCity;
  if (key == "friendly_exchange") return RelationType::kFriendlyExchangeCity;
  return RelationType::kCooperationAgreement;
}

// The partner_class key of a class, as the vocabulary names it.
std::string PhraseKeyOf(PartnerClass c) {
  return c == PartnerClass::kFriendship ? "friendship" : "friendly_exchange";
}

// Words that attach an English place to the tie talked about in its clause.
bool AttachesPlace(std::u32string_view before) {
  before = before.substr(before.size() - std::min<std::size_t>(before.size(), 40));
  static const std::u32string_view kWords[] = {
      U"with", U"including", U"include", U"includes", U"member", U"members", U"counterpart",
      U"counterparts", U"from", U"and", U"as", U"city", U"cities", U"ties", U"tie", U"isc",
      U"namely", U"like", U"sisterties", U"province", U"provinces", U"state", U"states"};
  std::size_t e = before.size();
  while (e > 0 && !IsWordChar(before[e - 1])) --e;
  // `... a 39th sister city to its list: Kansas City`: a colon announces what it names.
  for (std::size_t i = e; i < before.size(); ++i)
    if (before[i] == ':') return true;
  std::size_t b = e;
  while (b > 0 && IsWordChar(before[b - 1])) --b;
  const std::u32string_view last = before.substr(b, e - b);
  for (auto w : kWords)
    if (last == w) return true;
  // `the US state of Maryland`, `the prefecture of Akita`: the place a division noun names.
  if (last == U"of") {
    std::size_t pe = b;
    while (pe > 0 && !IsWordChar(before[pe - 1])) --pe;
    std::size_t pb = pe;
    while (pb > 0 && IsWordChar(before[pb - 1])) --pb;
    const std::u32string_view kind = before.substr(pb, pe - pb);
    for (auto w : {U"state", U"province", U"prefecture", U"county", U"region", U"city", U"town",
                   U"district", U"oblast", U"department", U"canton", U"municipality"})
      if (kind == w) return true;
  }
  return false;
}

// True if the capitalised word right after a place makes it part of an organisation's or
// venue's name (`Frankfurt Airport`, `Sendai Trade Office`).
bool NamesOrganisation(const SentenceContext& ctx, std::size_t place_end) {
  const std::u32string_view s = ctx.folded;
  std::size_t b = place_end;
  while (b < s.size() && s[b] == ' ') ++b;
  if (b == place_end || b >= s.size() || !text::IsUpper(ctx.original[b])) return false;
  std::size_t e = b;
  while (e < s.size() && IsWordChar(s[e]) && !text::IsHan(s[e])) ++e;
  const auto kind = ctx.knowledge.KeyOf("entity_word", s.substr(b, e - b));
  return kind == "organisation" || kind == "venue";
}

// `墨西哥米却肯州莫雷利亚市`: a division written right before a place of its country is where
// that place lies; `普罗旺斯—阿尔卑斯—蓝色海岸大区`: a name joined on by a dash is part of a
// longer one.
bool DividesNext(std::u32string_view s, const std::vector<PlaceMatch>& places, const PlaceMatch& p) {
  if (p.end + 1 < s.size() && (s[p.end] == U'—' || s[p.end] == '-') && text::IsHan(s[p.end + 1]))
    return true;
  if (p.place->kind != "region") return false;
  return std::any_of(places.begin(), places.end(), [&](const PlaceMatch& q) {
    return q.begin == p.end && q.place->kind != "country" && q.place->country == p.place->country;
  });
}

// `Kansas City, in the US state of Missouri`, `亚特兰大(美国佐治亚州)`: what lies between a
// place and the next says the next is where the first lies.
bool LocatesPlaceBefore(std::u32string_view gap) {
  if (gap.size() > 30) return false;
  std::size_t i = 0;
  while (i < gap.size() && (gap[i] == ',' || text::IsSpace(gap[i]))) ++i;
  const std::u32string_view rest = gap.substr(i);
  // A list goes on past a separator: `Union County in the US, Alicante in Spain`.
  if (rest.find_first_of(U"),）、;") != std::u32string_view::npos || rest.find(U" and ") != std::u32string_view::npos)
    return false;
  return rest.substr(0, 3) == U"in " || rest.substr(0, 1) == U"(" || rest.substr(0, 1) == U"（";
}

// `Tochigi Prefecture in Japan, where Harbin signed ...`: the place a relative clause of
// where says something happened is a venue, not the partner.
bool IsVenue(std::u32string_view s, std::size_t place_end) {
  std::size_t i = place_end;
  // Past the country the place is written with: `in Japan`, `(Japan)`.
  const std::u32string_view rest = s.substr(i, std::min<std::size_t>(30, s.size() - i));
  const std::size_t comma = rest.find(U", where ");
  if (comma == std::u32string_view::npos) return false;
  const std::u32string_view between = rest.substr(0, comma);
  return between.empty() || between.substr(0, 4) == U" in " || between[0] == '(';
}

// True when the words after a place name make it part of a school's or university's name.
bool NamesInstitution(std::u32string_view s, std::size_t place_end) {
  const std::u32string_view after = s.substr(place_end, std::min<std::size_t>(40, s.size() - place_end));
  static const std::u32string_view kChinese[] = {U"中学", U"高中", U"大学", U"学院", U"学校", U"小学"};
  for (auto w : kChinese)
    if (after.substr(0, 8).find(w) != std::u32string_view::npos) return true;
  // English: the institution word within the capitalised run that follows.
  const std::size_t stop = after.find_first_of(U",.;()");
  const std::u32string_view run = after.substr(0, stop);
  for (auto w : {U"school", U"university", U"college", U"institute"})
    if (run.find(w) != std::u32string_view::npos && run.find(U" and ") == std::u32string_view::npos)
      return true;
  return false;
}

// N of `N周年` (`十周年`) or `Nth anniversary`, if the clause celebrates one.
std::optional<int> AnniversaryYears(std::u32string_view clause) {
  for (std::size_t at = clause.find(U"周年"); at != std::u32string_view::npos && at > 0;
       at = clause.find(U"周年", at + 1)) {
    std::size_t b = at;
    while (b > 0 && std::u32string_view(U"零一二两三四五六七八九十百").find(clause[b - 1]) != std::u32string_view::npos)
      --b;
    if (b == at) continue;
    if (auto n = ChineseNumeralAt(clause, b); n && n->end == at) return static_cast<int>(n->value);
  }
  for (std::size_t i = 0; i < clause.size(); ++i) {
    if (!text::IsDigit(clause[i]) || (i > 0 && text::IsDigit(clause[i - 1]))) continue;
    std::size_t j = i;
    int n = 0;
    while (j < clause.size() && text::IsDigit(clause[j])) n = n * 10 + static_cast<int>(clause[j++] - '0');
    const std::u32string_view rest = clause.substr(j);
    if (rest.substr(0, 2) == U"周年") return n;
    for (auto suffix : {U"th anniversary", U"st anniversary", U"nd anniversary", U"rd anniversary"})
      if (rest.substr(0, std::u32string_view(suffix).size()) == suffix) return n;
  }
  return std::nullopt;
}

// Places abroad that Chinese text names after their country (`日本长野市`, `同日本香川县
// 绫南町结为`, `乌拉圭里韦拉市`) though the gazetteer lacks them: the name runs from the
// country, or from an inner division (`香川县`), to a place suffix that the text leaves.
void AddUnlistedPlaces(std::u32string_view s, const Knowledge& k, std::deque<Place>& made,
                       std::vector<PlaceMatch>& places) {
  std::vector<PlaceMatch> found;
  std::vector<std::size_t> divisions;  // known divisions that only open an unlisted name
  for (std::size_t i = 0; i < places.size(); ++i) {
    const PlaceMatch& country = places[i];
    if (country.place->kind != "country" || country.place->name == "China") continue;
    // A known city next to the country is found already; a known division may open a name.
    // A known name that runs on into more of a name (`列治文` of `加拿大列治文山市`) is
    // only part of it.
    if (i + 1 < places.size() && places[i + 1].begin == country.end &&
        places[i + 1].place->kind != "region") {
      const std::size_t after = places[i + 1].end;
      const bool runs_on = after < s.size() && text::IsHan(s[after]) &&
                           !k.PhraseAt("place_suffix_zh", s, after) &&
                           !k.PhraseAt("place_follower_zh", s, after);
      if (!runs_on) continue;
    }
    std::size_t begin = country.end;
    if (begin < s.size() && s[begin] == U'国') ++begin;  // 蒙古国乌兰巴托市 for 蒙古
    for (std::size_t j = begin; j < s.size() && j < country.end + 16 && text::IsHan(s[j]); ++j) {
      if (k.PhraseAt("place_follower_zh", s, j)) break;  // the name has ended: 国交往的渠道
      const auto suffix = k.PhraseAt("place_suffix_zh", s, j);
      if (!suffix || j == begin) continue;
      const std::size_t end = suffix->end;
      const bool ends = end >= s.size() || !text::IsHan(s[end]) || k.PhraseAt("place_follower_zh", s, end);
      if (!ends) {
        begin = end;  // an inner division: `香川县` of `香川县绫南町`
        j = end - 1;
        continue;
      }
      // A known division is the name itself (`德国北威州`), or the division of the
      // unlisted place within it (`日本香川县绫南町`): then the place is the partner.
      const bool in_known = i + 1 < places.size() && places[i + 1].begin == country.end;
      if (in_known && places[i + 1].end >= end) break;
      // `墨西哥米却肯州莫雷利亚市`: the place within the division is known itself.
      const bool known_within = std::any_of(places.begin(), places.end(), [&](const PlaceMatch& q) {
        if (q.begin < begin || q.begin >= end || q.place->kind == "country") return false;
        const auto rest = k.PhraseAt("place_suffix_zh", s, q.end);
        return q.end == end || (rest && rest->end == end);
      });
      if (known_within) break;
      if (in_known) divisions.push_back(i + 1);
      const std::u32string name(s.substr(begin, end - begin));
      made.push_back({text::ToUtf8(name), "city", country.place->country, {}});
      found.push_back({begin, end, &made.back()});
      break;
    }
  }
  if (found.empty()) return;
  for (auto d = divisions.rbegin(); d != divisions.rend(); ++d)
    places.erase(places.begin() + static_cast<std::ptrdiff_t>(*d));
  places.insert(places.end(), found.begin(), found.end());
  std::sort(places.begin(), places.end(),
            [](const PlaceMatch& a, const PlaceMatch& b) { return a.begin < b.begin; });
}

// Places abroad that English text names with their country though the gazetteer lacks
// them: `Surrey (Canada)`, `Ishinomaki in Japan`, `Union County in the US`. The name is
// the capitalised words before the country, unless they name an organisation.
// Returns where a place, known or not, is written so with its country.
std::vector<std::size_t> AddUnlistedEnglishPlaces(const SentenceContext& ctx, std::deque<Place>& made,
                                                  std::vector<PlaceMatch>& places) {
  const Knowledge& k = ctx.knowledge;
  const std::vector<Token> t = Tokenize(ctx.folded, ctx.original);
  const auto country_at = [&](std::size_t at) -> const PlaceMatch* {
    for (const auto& p : places)
      if (p.begin == at && p.place->kind == "country" && p.place->name != "China") return &p;
    return nullptr;
  };
  const auto known_at = [&](std::size_t b, std::size_t e) -> const PlaceMatch* {
    for (const auto& p : places)
      if (p.begin < e && b < p.end) return &p;
    return nullptr;
  };
  std::vector<PlaceMatch> found;
  std::vector<std::size_t> with_country;
  for (std::size_t i = 0; i < t.size(); ++i) {
    // The token after a capitalised run: `(`, or `in` (`the`) before a country.
    std::size_t first = i;
    while (i < t.size() && t[i].kind == Token::Kind::kWord && t[i].upper && i - first < 4) ++i;
    if (i == first || i >= t.size()) continue;
    // An organisation's name ends in the word that says what it is (`Sendai Trade Office`).
    if (k.KeyOf("entity_word", t[i - 1].text)) continue;
    const PlaceMatch* country = nullptr;
    if (t[i].kind == Token::Kind::kPunct && t[i].text[0] == '(' && i + 1 < t.size()) {
      country = country_at(t[i + 1].begin);
      if (country && !(country->end < ctx.folded.size() && ctx.folded[country->end] == ')')) country = nullptr;
    } else if (t[i].text == U"in" && i + 1 < t.size()) {
      const std::size_t at = t[i + 1].text == U"the" && i + 2 < t.size() ? t[i + 2].begin : t[i + 1].begin;
      country = country_at(at);
    }
    --i;  // the loop steps past the run's last word
    if (!country) continue;
    const std::size_t b = t[first].begin, e = t[i].end;
    if (const PlaceMatch* known = known_at(b, e)) {
      if (known->place->kind != "country") with_country.push_back(known->begin);
      continue;
    }
    if (first == 0 && i == first) continue;  // one opening word: `In`, `Also`
    made.push_back({text::ToUtf8(ctx.original.substr(b, e - b)), "city", country->place->country, {}});
    found.push_back({b, e, &made.back()});
    with_country.push_back(b);
  }
  places.insert(places.end(), found.begin(), found.end());
  std::sort(places.begin(), places.end(),
            [](const PlaceMatch& a, const PlaceMatch& b) { return a.begin < b.begin; });
  return with_country;
}

}  // namespace

bool NamesEvent(const Knowledge& k, std::u32string_view s, std::size_t at) {
  std::size_t b = at;
  while (b < s.size() && s[b] == ' ') ++b;
  std::size_t e = b;
  while (e < s.size() && IsWordChar(s[e]) && !text::IsHan(s[e])) ++e;
  if (e == b) return false;
  std::u32string w(s.substr(b, e - b));
  if (w.size() > 3 && w.back() == U's') w.pop_back();  // `forums`
  return k.KeyOf("entity_word", w) == "event";
}

void ExtractRelations(const SentenceContext& ctx, std::vector<Draft>& out) {
  const bool chinese = ctx.lang != "en";
  const std::u32string_view s = ctx.folded;
  const Knowledge& k = ctx.knowledge;
  // Clauses: [begin, end) ranges of the sentence.
  std::vector<std::pair<std::size_t, std::size_t>> clauses;
  // An item of a list is one statement: `1. 日本长野市,1981年4月19日结好`.
  for (std::size_t b = 0, i = 0; i <= s.size(); ++i) {
    if (i == s.size() || (!ctx.list_item && IsClauseBreak(s[i], chinese))) {
      if (i > b) clauses.emplace_back(b, i);
      b = i + 1;
    }
  }
  std::vector<PlaceMatch> places = k.FindPlaces(s);
  std::deque<Place> unlisted;
  std::vector<std::size_t> unlisted_at;  // where English names a place with its country
  if (chinese) AddUnlistedPlaces(s, k, unlisted, places);
  else unlisted_at = AddUnlistedEnglishPlaces(ctx, unlisted, places);
  const auto with_country = [&](std::size_t at) {
    return std::find(unlisted_at.begin(), unlisted_at.end(), at) != unlisted_at.end();
  };
  // `sister-city forums`, `友城论坛`: a partner phrase that names the kind of an event says
  // nothing of a tie.
  std::vector<PhraseMatch> phrases;
  for (const auto& m : ctx.partner_phrases)
    if (!NamesEvent(k, s, m.end)) phrases.push_back(m);
  const auto has_phrase = [&](std::size_t cb, std::size_t ce) {
    return std::any_of(phrases.begin(), phrases.end(),
                       [&](const PhraseMatch& m) { return m.begin >= cb && m.end <= ce; });
  };
  const auto place_at = [&](std::size_t at) {
    while (at < s.size() && text::IsSpace(s[at])) ++at;
    return std::any_of(places.begin(), places.end(), [&](const PlaceMatch& p) { return p.begin == at; });
  };
  // Chinese clauses that belong together: a list of places broken by a comma
  // (与俄罗斯莫斯科州,英国谢菲尔德市、牛津市等...的友好交流关系), and a `与` phrase whose
  // verb follows the comma (与...仁川广域市市长...,签署了...备忘录).
  for (std::size_t c = 0; chinese && c + 1 < clauses.size(); ++c) {
    const auto [cb, ce] = clauses[c];
    const bool ends_on_place = std::any_of(places.begin(), places.end(), [&](const PlaceMatch& p) {
      return p.end == ce;
    });
    const bool list_goes_on = ends_on_place && place_at(clauses[c + 1].first);
    // ... unless the next clause is a parallel `与` clause of its own.
    const auto has_with = [&](std::size_t b, std::size_t e) {
      return s.substr(b, e - b).find(U'与') != std::u32string_view::npos;
    };
    const bool with_clause = !has_phrase(cb, ce) && has_with(cb, ce) &&
                             !has_with(clauses[c + 1].first, clauses[c + 1].second);
    // `亚特兰大、坦帕等24个城市,也与我市建立了友好交流关系`: places named first, as the topic
    // of the clause after that ties them to the city.
    const bool has_place = std::any_of(places.begin(), places.end(), [&](const PlaceMatch& p) {
      return p.begin >= cb && p.end <= ce && p.place->kind != "country";
    });
    const auto [nb, ne] = clauses[c + 1];
    std::size_t lead = nb;
    while (lead < ne && lead < nb + 4 && std::u32string_view(U"也都均已还亦").find(s[lead]) != std::u32string_view::npos)
      ++lead;
    const bool topic = has_place && !has_phrase(cb, ce) && !has_with(cb, ce) && has_phrase(nb, ne) && lead < ne &&
                       (s[lead] == U'与' || s[lead] == U'同' || s[lead] == U'和' || s[lead] == U'跟');
    if (list_goes_on || with_clause || topic) {
      clauses[c].second = clauses[c + 1].second;
      clauses.erase(clauses.begin() + static_cast<std::ptrdiff_t>(c) + 1);
      if (list_goes_on) --c;
    }
  }
  // `去年,...签署了...,同时与...签署了...`, `1991年12月10日:这一天,...结为友好城市`: a time
  // that is a clause of its own frames the clauses after it.
  const auto FramesClausesAfter = [&](const TimeExpr& t, std::size_t clause_begin) {
    if (t.end > clause_begin) return false;
    for (const auto& [tb, te] : clauses) {
      if (t.begin < tb || t.end > te) continue;
      if ((te - tb) - (t.end - t.begin) > 3) return false;
      break;
    }
    // Up to the next time, and within its half of the sentence (`...;此后多年,...`).
    const std::u32string_view between = s.substr(t.end, clause_begin - t.end);
    if (between.find_first_of(U";；") != std::u32string_view::npos) return false;
    return std::none_of(ctx.times.begin(), ctx.times.end(), [&](const TimeExpr& o) {
      return !o.quoted && o.begin >= t.end && o.begin < clause_begin;
    });
  };
  const auto intents = k.FindPhrases("intent", s);
  for (const auto& [cb, ce] : clauses) {
    const PhraseMatch* best = nullptr;
    for (const auto& p : phrases)
      if (p.begin >= cb && p.end <= ce && (!best || p.key == "friendly_exchange")) best = &p;
    // The class a clause takes from around it, whatever it says of how the tie began: an
    // item of a list from the list's heading (`签署备忘录`, `开始交往`); an English clause
    // that names places with their countries and no partnership of its own from its
    // paragraph (`... sister-city agreements have linked Zhuhai with 16 foreign cities.
    // They include Surrey (Canada), ...`).
    const bool by_list = ctx.list_item && ctx.list_class != PartnerClass::kNone;
    const bool names_countries = std::any_of(unlisted_at.begin(), unlisted_at.end(),
                                             [&](std::size_t at) { return at >= cb && at < ce; });
    const bool by_paragraph = !by_list && !best && !chinese && names_countries &&
                              ctx.paragraph_class != PartnerClass::kNone;
    const PhraseMatch inherited{cb, cb, PhraseKeyOf(by_list ? ctx.list_class : ctx.paragraph_class)};
    if (by_list || by_paragraph) best = &inherited;
    if (!best) continue;
    const bool intended = std::any_of(intents.begin(), intents.end(), [&](const PhraseMatch& m) {
      return m.begin >= cb && m.end <= ce;
    });
    if (intended) continue;
    std::optional<bool> establishing;  // read once per clause, when a tie is found
    bool chained = false;  // English: a place right after an attached place joins its list.
    std::size_t chain_end = 0;
    std::optional<std::size_t> previous_end;  // of the clause's last place abroad
    for (const auto& p : places) {
      if (p.begin < cb || p.end > ce) continue;
      const Place& place = *p.place;
      const bool abroad = place.kind != "country" && place.country != "China";
      const std::optional<std::size_t> place_before = previous_end;
      if (abroad) previous_end = p.end;
      if (NamesInstitution(s, p.end)) continue;  // `Busan Nakdong Senior High School`
      if (!chinese && NamesOrganisation(ctx, p.end)) continue;  // `Frankfurt Airport`
      if (!chinese && IsVenue(s, p.end)) continue;
      if (chinese && abroad && DividesNext(s, places, p)) continue;
      if (abroad && place_before && *place_before <= p.begin &&
          LocatesPlaceBefore(s.substr(*place_before, p.begin - *place_before)))
        continue;
      if (place.kind == "country" || place.country == "China") {
        if (chained && place.kind == "country") chain_end = p.end;  // `Sendai, Japan,`
        continue;
      }
      if (!chinese) {
        const std::u32string_view gap = s.substr(chain_end, p.begin - std::min(chain_end, p.begin));
        const bool in_list = chained && p.begin >= chain_end && gap.size() <= 12 &&
                             (gap.find(U',') != std::u32string_view::npos ||
                              gap.find(U"and") != std::u32string_view::npos ||
                              gap.find(U"of") != std::u32string_view::npos);
        if (!in_list && !with_country(p.begin) && !AttachesPlace(s.substr(cb, p.begin - cb))) {
          // Skip a country written before the city (`Australia Brisbane`).
          // Places do not overlap: only the one before can end next to this one.
          const PlaceMatch* q = &p == places.data() ? nullptr : &p - 1;
          const bool after_country = q && q->place->kind == "country" && q->end + 1 >= p.begin &&
                                     q->end <= p.begin && q->begin >= cb &&
                                     AttachesPlace(s.substr(cb, q->begin - cb));
          if (!after_country) {
            chained = false;
            continue;
          }
        }
        chained = true;
        chain_end = p.end;
      }
      Draft d = ctx.Make(ClaimKind::kRelation, p.begin, p.end,
                         chinese ? "relation.zh.partner_clause" : "relation.en.partner_clause");
      d.subject = ctx.city;
      d.object = place.name;
      d.object_country = place.country;
      // The nearest partner phrase types the tie; an agreement only where no phrase names
      // the kind of partnership (`the Friendship City Agreement was signed with`).
      const bool kind_named = std::any_of(phrases.begin(), phrases.end(), [&](const PhraseMatch& ph) {
        return ph.begin >= cb && ph.end <= ce && ph.key != "agreement";
      });
      const PhraseMatch* nearest = best;
      std::size_t distance = SIZE_MAX;
      for (const auto& ph : phrases) {
        if (ph.begin < cb || ph.end > ce || (kind_named && ph.key == "agreement")) continue;
        const std::size_t dd = ph.begin > p.end ? ph.begin - p.end : p.begin - std::min(p.begin, ph.end);
        if (dd < distance) distance = dd, nearest = &ph;
      }
      if (best == &inherited) nearest = best;
      d.relation = TypeOf(nearest->key);
      d.metric = std::string(ToString(d.relation));
      // A clause that establishes or signs the tie dates it.
      if (by_list) {
        // The date of a list item is when its tie began.
        for (const auto& t : ctx.times)
          if (!t.quoted && t.range.from && t.begin >= cb && t.end <= ce) {
            d.valid = {t.range.from, std::nullopt};
            break;
          }
        out.push_back(d);
        continue;
      }
      if (!establishing) {
        const auto verbs = k.FindPhrases("event_verb", s.substr(cb, ce - cb));
        establishing = std::any_of(verbs.begin(), verbs.end(), [](const PhraseMatch& v) {
          return v.key == "established" || v.key == "agreement_signed" || v.key == "tie_formed";
        });
      }
      if (*establishing) {
        // Dated by `since 1980 when ...`, by a date of its clause, or, in an undated
        // sentence, by the year the bulletin reports on; never by `now`, which says the tie
        // holds at publication, not that it began then.
        const TimeExpr* since = nullptr;
        const TimeExpr* point = nullptr;
        bool dated = false;
        for (const auto& t : ctx.times) {
          if (t.quoted || !t.range.from) continue;
          dated = true;
          // `since then, ... formed ties with X`: X came at some time after, not then.
          if (t.anaphor && t.kind == TimeExpr::Kind::kSince) continue;
          // Only a time of the tie's own clause, or one that opens the sentence
          // (`2016年5月,...签署了...备忘录`).
          const bool own_clause = t.begin >= cb && t.end <= ce;
          const bool opens_clause = t.begin <= 3 && t.end <= cb && cb - t.end <= 1;
          if (!own_clause && !opens_clause && !(chinese && FramesClausesAfter(t, cb))) continue;
          if (t.kind == TimeExpr::Kind::kSince && t.begin < p.begin) since = &t;
          if (t.kind == TimeExpr::Kind::kPoint && (!point || t.begin < p.begin)) point = &t;
        }
        if (since) d.valid = {since->range.from, std::nullopt};
        else if (point) d.valid = {point->range.from, std::nullopt};
        else if (!dated && !ctx.governing_carried && ctx.governing.from &&
                 ctx.governing.from == ctx.governing.to)
          d.valid = {ctx.governing.from, std::nullopt};  // the year the bulletin reports on
      }
      if (auto years = AnniversaryYears(s.substr(p.end, ce - p.end))) {
        // `2015年两市结好10周年`, `the 10th anniversary of ... in 2015`: tied N years before.
        for (const auto& t : ctx.times)
          if (t.kind == TimeExpr::Kind::kPoint && !t.quoted && t.range.from && t.begin >= cb &&
              t.end <= ce)
            d.valid = {Date::Year(t.range.from->year - *years), std::nullopt};
      }
      out.push_back(d);
    }
  }
}

}  // namespace annals::extract
