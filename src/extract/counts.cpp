// Counted figures: a number, its qualifier, the thing counted, its metric and partner class.
#include "extract/numbers.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "extract/context.h"
#include "extract/subjects.h"
#include "extract/tokens.h"
#include "text/mapped_text.h"
#include "text/unicode.h"

namespace annals::extract {
namespace {

// Words that end an English noun phrase after a figure.
bool EndsNounPhrase(std::u32string_view w) {
  static const std::array<std::u32string_view, 56> kWords = {
      U"of", U"to", U"from", U"in", U"at", U"on", U"with", U"by", U"for", U"and", U"or",
      U"including", U"which", U"that", U"were", U"was", U"have", U"has", U"had", U"is",
      U"are", U"be", U"been", U"who", U"as", U"totaling", U"totalling", U"across",
      U"around", U"covering", U"made", U"under", U"between", U"during", U"than", U"per",
      U"each", U"into", U"sold", U"set", U"broke", U"won", U"participated", U"invested",
      U"total", U"accounting", U"the", U"a", U"an", U"their", U"its", U"respectively",
      U"will", U"would", U"can", U"did"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

bool LooksAdjective(std::u32string_view w) {
  // `well-known`, `long-term`, but not the plural noun of `four sub-forums`.
  if (const std::size_t dash = w.rfind(U'-'); dash != std::u32string_view::npos)
    return !(w.size() - dash > 4 && w.back() == U's' && w[w.size() - 2] != U's');
  static const std::array<std::u32string_view, 8> kEndings = {U"al", U"ic", U"ive", U"ous",
                                                              U"ful", U"ary", U"ese", U"ian"};
  for (auto e : kEndings)
    if (w.size() > e.size() + 2 && w.substr(w.size() - e.size()) == e) return true;
  return false;
}

// A currency written as a mark or code (`$`, `RMB`), which may stand before a figure;
// words such as `won` or `yuan` name a currency only after one.
bool IsCurrencyMark(std::u32string_view original) {
  for (char32_t c : original)
    if (text::IsLetter(c) && !text::IsUpper(c)) return false;
  return true;
}

// Participles and clause words end the noun phrase after a figure (`400 activities related
// to`, `7 pairs of sister cities when it became`).
bool IsClauseWord(std::u32string_view w) {
  static const std::array<std::u32string_view, 18> kWords = {
      U"when", U"where", U"while", U"it", U"they", U"after", U"before", U"since", U"until",
      U"if", U"because", U"so", U"but", U"became", U"become", U"becomes", U"got", U"this"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

bool IsPastForm(std::u32string_view w) {
  static const std::array<std::u32string_view, 22> kWords = {
      U"took", U"went", U"came", U"gave", U"saw", U"met", U"sent", U"paid", U"brought",
      U"left", U"built", U"became", U"began", U"grew", U"rose", U"fell", U"ran", U"spent",
      U"held", U"made", U"kept", U"drew"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

// `signed`, `invited`; not `speed` or `seed`, whose `ed` belongs to the stem.
bool IsParticiple(std::u32string_view w) {
  if (w.size() <= 4 || w.substr(w.size() - 2) != U"ed") return false;
  return !(w.size() == 5 && w.substr(2) == U"eed");
}

bool IsPlural(std::u32string_view w) {
  return w.size() > 2 && w.back() == U's' && w[w.size() - 2] != U's';
}

// Nouns that measure another noun: `7 pairs of sister cities` counts cities.
bool IsMeasureNoun(std::u32string_view lemma) {
  return lemma == U"pair" || lemma == U"group" || lemma == U"batch" || lemma == U"couple";
}

std::optional<Qualifier> QualifierNamed(const std::string& key) {
  if (key == "exact") return Qualifier::kExact;
  return ParseQualifier(key);
}

// The partner class a phrase near `at` gives: nearest before, else nearest after.
PartnerClass PartnerClassNear(const std::vector<PhraseMatch>& phrases, std::size_t at) {
  const PhraseMatch* best = nullptr;
  for (const auto& m : phrases) {
    if (m.key == "agreement") continue;
    if (m.begin <= at && (!best || best->begin > at || m.begin > best->begin)) best = &m;
    if (m.begin > at && !best) best = &m;
  }
  return best ? PartnerClassOf(best->key) : PartnerClass::kNone;
}

void Classify(const SentenceContext& ctx, Draft& d, std::size_t at, bool paragraph_wide) {
  d.metric = MetricOf(ctx.knowledge, d.unit);
  if (d.metric != "partner_cities" && d.metric != "partner_countries") return;
  PartnerClass cls = PartnerClassNear(ctx.partner_phrases, at);
  if (cls == PartnerClass::kNone && paragraph_wide) cls = ctx.paragraph_class;
  if (cls == PartnerClass::kNone) {
    d.metric = d.unit;
    return;
  }
  d.partner_class = cls;
  d.unit = d.metric == "partner_cities" ? "city" : "country";
}

// A figure said of each of two or more partner nouns before it (`国际友城与友好交流城市各达
// 13个`, `友好城市与友好关系城市目前均已达到13个`): where the distributive word begins, and the
// nouns, one of each class.
struct Distributed {
  std::size_t begin = 0;
  std::vector<const PhraseMatch*> nouns;
};

std::optional<Distributed> DistributedFigure(const SentenceContext& ctx, std::size_t figure) {
  const std::u32string_view s = ctx.folded;
  std::optional<PhraseMatch> marker;
  for (std::size_t len = 5; len >= 2 && !marker; --len)
    if (figure >= len)
      if (auto m = ctx.knowledge.PhraseAt("distributive_zh", s, figure - len); m && m->end == figure)
        marker = m;
  if (!marker) return std::nullopt;
  Distributed d{marker->begin, {}};
  // The nouns: partner phrases of the clause before the marker, each of its own class.
  std::size_t clause = marker->begin;
  while (clause > 0 && s[clause - 1] != ',' && s[clause - 1] != U'。' && s[clause - 1] != ';' &&
         s[clause - 1] != ':')
    --clause;
  for (const auto& m : ctx.partner_phrases) {
    if (m.begin < clause || m.end > marker->begin || PartnerClassOf(m.key) == PartnerClass::kNone)
      continue;
    if (std::none_of(d.nouns.begin(), d.nouns.end(), [&](const PhraseMatch* n) { return n->key == m.key; }))
      d.nouns.push_back(&m);
  }
  if (d.nouns.size() < 2) return std::nullopt;
  return d;
}

}  // namespace

std::string Lemma(std::u32string_view w) {
  static const std::array<std::pair<std::u32string_view, const char*>, 8> kIrregular = {{
      {U"people", "person"}, {U"children", "child"}, {U"men", "man"}, {U"women", "woman"},
      {U"media", "media"}, {U"series", "series"}, {U"news", "news"}, {U"staff", "staff"}}};
  for (const auto& [plural, single] : kIrregular)
    if (w == plural) return single;
  std::u32string s(w);
  auto ends = [&](std::u32string_view e) {
    return s.size() > e.size() && s.compare(s.size() - e.size(), e.size(), e) == 0;
  };
  if (ends(U"ies") && s.size() > 4) s = s.substr(0, s.size() - 3) + U"y";
  else if (ends(U"sses") || ends(U"xes") || ends(U"ches") || ends(U"shes")) s.resize(s.size() - 2);
  else if (ends(U"s") && !ends(U"ss") && !ends(U"us") && !ends(U"is")) s.pop_back();
  return text::ToUtf8(s);
}

std::string MetricOf(const Knowledge& k, const std::string& unit) {
  if (auto key = k.KeyOf("metric", text::Fold(text::FromUtf8(unit)))) return *key;
  return unit;
}

void ExtractEnglishCounts(const SentenceContext& ctx, std::vector<Draft>& out) {
  const Knowledge& k = ctx.knowledge;
  const std::vector<Token> t = Tokenize(ctx.folded, ctx.original);
  const std::vector<NameMention> names = FindNames(ctx, t);
  const auto word = [&](std::size_t i) -> std::u32string_view {
    return i < t.size() && t[i].kind == Token::Kind::kWord ? t[i].text : std::u32string_view();
  };
  const std::vector<PlaceMatch> places = k.FindPlaces(ctx.folded);
  // A headline in title case (`Anhui Counts 95 Sister Cities`) capitalises its verbs too.
  std::size_t long_words = 0, capitalised = 0;
  for (const auto& tk : t)
    if (tk.kind == Token::Kind::kWord && tk.text.size() >= 4) {
      ++long_words;
      capitalised += tk.upper;
    }
  const bool title_case = long_words >= 3 && capitalised * 10 >= long_words * 8;
  // `Of the 95 sister cities, ... 21 were set up at the provincial level and 74 at the
  // municipal level`: the whole the sentence opens with is what its bare figures count.
  std::string partitive_unit;
  const bool partitive = word(0) == U"of" && word(1) == U"the" && t.size() > 2 &&
                         t[2].kind == Token::Kind::kNumber;
  std::string last_unit;      // what the sentence's previous figure counted
  std::size_t last_end = 0;   // where it ended
  Qualifier carried = Qualifier::kExact;  // `more than 7,000 enterprises and 700,000 entrepreneurs`
  std::size_t carried_until = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    // The figure: digits or a number word, then scale words.
    std::optional<double> value;
    bool digits = false;
    if (t[i].kind == Token::Kind::kNumber) {
      value = DigitsAt(t[i].text, 0)->value;
      digits = true;
    } else if (t[i].kind == Token::Kind::kWord) {
      value = k.Number("number_en", t[i].text);
      // A capitalised number word inside a sentence is part of a name (`Top Ten`,
      // `One Belt, One Road`).
      if (value && t[i].upper && i > 0 && !k.PhraseAt("qualifier_en", ctx.folded, t[i - 1].begin))
        value.reset();
    }
    if (!value) continue;
    if (ctx.InTime(t[i].begin, t[i].end)) continue;
    // `km2`, `G20`, `CO2`: digits written onto letters belong to a symbol or a name.
    // A currency code is no symbol: `RMB640 million`.
    if (digits && t[i].begin > 0 && text::IsLetter(ctx.folded[t[i].begin - 1]) &&
        !text::IsHan(ctx.folded[t[i].begin - 1]) && !(i > 0 && k.KeyOf("currency", t[i - 1].text)))
      continue;
    // `one sixth of all investment`, `two thirds`: a fraction, not a count.
    if (k.KeyOf("fraction_en", word(i + 1))) continue;
    // `the one hand`, `this one`: a pronoun, not a figure; `the two cities`, `the two
    // sides`: the ones already spoken of, not a count.
    if (!digits && *value == 1 && i > 0 &&
        (word(i - 1) == U"the" || word(i - 1) == U"this" || word(i - 1) == U"that"))
      continue;
    if (!digits && *value <= 3 && i > 0 &&
        (word(i - 1) == U"the" || word(i - 1) == U"these" || word(i - 1) == U"those" ||
         word(i - 1) == U"both"))
      continue;
    // `6 p.m.`, `10 a.m.`: a time of day.
    if (digits && (word(i + 1) == U"p" || word(i + 1) == U"a") && i + 3 < t.size() &&
        t[i + 2].text == U"." && word(i + 3) == U"m")
      continue;
    if (digits && t[i].text.size() == 4 && *value >= 1900 && IsYear(*value)) continue;  // a year
    const std::u32string_view prev = word(i >= 1 ? i - 1 : t.size());
    // `since 0000`, `in 1066`: written as a year, but none a bulletin's dates can mean.
    if (digits && t[i].text.size() >= 4 && t[i].text.find(U',') == std::u32string_view::npos &&
        !(t[i].text.size() == 4 && IsYear(*value)) &&
        (prev == U"since" || ((prev == U"in" || prev == U"from" || prev == U"until") &&
                              (t[i].text.size() == 4 || t[i].text[0] == U'0')))) {
      if (ctx.warnings)
        ctx.warnings->push_back("`" + text::ToUtf8(ctx.original.substr(t[i - 1].begin, t[i].end - t[i - 1].begin)) +
                                "`: not a year a bulletin can mean (1000 to 2100), nor a figure; ignored");
      continue;
    }
    // Rankings and numbered names: `top ten`, `No. 5`, `Global 500`; but not a figure
    // given for each of a list (`Sweden and Argentina 4 apiece`).
    const bool for_each = word(i + 1) == U"each" || word(i + 1) == U"apiece";
    if (prev == U"top" || prev == U"no" ||
        (i >= 2 && t[i - 1].upper && !prev.empty() && !for_each && !title_case &&
         !k.PhraseAt("qualifier_en", ctx.folded, t[i - 1].begin) &&
         !k.PhraseAt("currency", ctx.folded, t[i - 1].begin)))
      continue;
    // A list number opening a sentence: `1. FAW-Volkswagen`.
    if (i == 0 && t.size() > 1 && t[1].kind == Token::Kind::kPunct && t[1].text[0] == '.') continue;
    std::size_t j = i + 1;
    while (j < t.size()) {
      if (auto scale = k.Number("scale_en", word(j))) {
        *value *= *scale;
        ++j;
      } else {
        break;
      }
    }
    std::size_t begin = t[i].begin;
    // Qualifier before the figure.
    Qualifier q = Qualifier::kExact;
    std::string currency;
    std::size_t lead = i;
    if (lead > 0 && t[lead - 1].kind != Token::Kind::kWord && t[lead - 1].kind != Token::Kind::kNumber) {
      if (auto c = k.PhraseAt("currency", ctx.folded, t[lead - 1].begin); c && c->end == t[i].begin) {
        currency = c->key;
        begin = t[lead - 1].begin;
        --lead;
      }
    }
    if (lead > 0 && currency.empty()) {
      for (std::size_t back = 1; back <= 3 && back <= lead; ++back) {
        auto c = k.PhraseAt("currency", ctx.folded, t[lead - back].begin);
        if (c && !IsCurrencyMark(ctx.original.substr(c->begin, c->end - c->begin))) continue;
        if (c && (c->end == t[lead].begin || c->end + 1 == t[lead].begin)) {
          currency = c->key;
          begin = t[lead - back].begin;
          lead -= back;
          break;
        }
      }
    }
    for (std::size_t back = 1; back <= 4 && back <= lead; ++back) {
      auto m = k.PhraseAt("qualifier_en", ctx.folded, t[lead - back].begin);
      // `spread over 38 countries`: after a verb of place, `over` is where, not how many.
      if (m && lead - back > 0 && k.KeyOf("spread_verb", word(lead - back - 1))) break;
      if (m && m->end <= t[lead].begin && (m->end == t[lead].begin || m->end + 1 == t[lead].begin)) {
        if (auto qq = QualifierNamed(m->key)) q = *qq;
        begin = m->begin;
        break;
      }
    }
    if (q == Qualifier::kExact && carried != Qualifier::kExact && prev == U"and" && t[i].begin <= carried_until + 8)
      q = carried;
    if (word(j) == U"plus") {  // `50 plus achievements`, `200 plus volumes`
      q = Qualifier::kMoreThan;
      ++j;
    }
    // Trailing currency word or percent sign.
    std::string unit;
    std::size_t end = t[j - 1].end;
    if (currency.empty() && j < t.size()) {
      if (auto c = k.PhraseAt("currency", ctx.folded, t[j].begin)) {
        currency = c->key;
        end = c->end;
        while (j < t.size() && t[j].begin < c->end) ++j;
      }
    }
    std::size_t head_end = end;
    if (!currency.empty()) {
      unit = currency;
    } else if (j < t.size() && t[j].kind == Token::Kind::kPunct && t[j].text[0] == '%') {
      unit = "percent";
      end = head_end = t[j].end;
    } else {
      // The noun phrase: modifiers, then the head noun before a function word or stop.
      std::u32string_view head;
      bool head_upper = false;
      std::size_t k2 = j;
      int words = 0;
      while (k2 < t.size() && words < 8) {
        const Token& tk = t[k2];
        if (tk.kind == Token::Kind::kPunct) {
          const char32_t c = tk.text[0];
          if (c == U'“' || c == U'”' || c == '"') {
            ++k2;
            continue;
          }
          if (c == '(') {  // `840 groups (pieces) of sculptures`
            std::size_t close = k2;
            while (close < t.size() && !(t[close].kind == Token::Kind::kPunct && t[close].text[0] == ')')) ++close;
            if (close < t.size() && close - k2 <= 4) {
              k2 = close + 1;
              continue;
            }
          }
          // Coordinated modifiers: `multi-level, wide-range and large-scale ... activities`.
          if (c == ',' && !head.empty() && (LooksAdjective(head) || !IsPlural(head)) &&
              k2 + 1 < t.size() && t[k2 + 1].kind == Token::Kind::kWord) {
            ++k2;
            continue;
          }
          break;
        }
        // `83 overseas Fortune 500 companies`: a number inside a name that modifies the noun.
        if (tk.kind == Token::Kind::kNumber && head_upper && k2 + 1 < t.size() &&
            t[k2 + 1].kind == Token::Kind::kWord && !t[k2 + 1].upper && !EndsNounPhrase(t[k2 + 1].text)) {
          ++k2;
          continue;
        }
        if (tk.kind != Token::Kind::kWord || tk.text == U"each" || tk.text == U"apiece") break;
        // A participle or past form after the head noun starts the predicate
        // (`300 enterprises took part`, `1,200 people attended`); before any noun it
        // modifies (`110 internationally renowned celebrities`).
        if (IsClauseWord(tk.text) || (!head.empty() && (IsParticiple(tk.text) || IsPastForm(tk.text))))
          break;
        // `23 countries worldwide`, `four cities abroad`: after the noun, an adverb of place.
        if (!head.empty() && (tk.text == U"worldwide" || tk.text == U"abroad" || tk.text == U"overseas" ||
                              tk.text == U"nationwide" || tk.text == U"globally"))
          break;
        if (tk.text.size() > 4 && tk.text.substr(tk.text.size() - 2) == U"ly") {
          ++k2;  // an adverb inside the phrase: `110 internationally renowned celebrities`
          continue;
        }
        if (EndsNounPhrase(tk.text)) {
          // Coordinated modifiers continue the phrase; coordinated plural nouns
          // (`countries and regions`) end it at the first.
          if ((tk.text == U"and" || tk.text == U"or") && !head.empty() &&
              (LooksAdjective(head) || !IsPlural(head))) {
            ++k2;
            continue;
          }
          break;
        }
        head = tk.text;
        head_upper = tk.upper;
        head_end = tk.end;
        ++words;
        ++k2;
      }
      // `41 of the partners`: what the figure is a part of is what it counts.
      if (head.empty() && digits && word(j) == U"of" &&
          (word(j + 1) == U"the" || word(j + 1) == U"its" || word(j + 1) == U"their") &&
          !word(j + 2).empty() && !t[j + 2].upper) {
        head = t[j + 2].text;
        head_end = t[j + 2].end;
        k2 = j + 3;
      }
      // `Asia for 23`, `Oceania and Africa have 5 each`: a figure without its noun in a
      // sentence that counts something counts the same.
      const bool bare = k2 >= t.size() || t[k2].kind == Token::Kind::kPunct ||
                        word(k2) == U"each" || word(k2) == U"apiece" || word(k2) == U"and" ||
                        word(k2) == U"while";
      const bool distributive = word(k2) == U"each" || word(k2) == U"apiece";
      const std::string& known_unit =
          !last_unit.empty() ? last_unit : distributive ? ctx.previous_unit : last_unit;
      // `Changsha's sister cities now number 39`: the noun before the verb of number.
      std::u32string_view numbered;
      if (head.empty() && i >= 2 && k.KeyOf("number_verb", prev)) {
        // Past an adverb (`now`, `currently`) the noun itself; not `the total 26`.
        std::size_t b = i - 2;
        while (b > 0 && (word(b) == U"now" || word(b) == U"currently" || word(b) == U"already" ||
                         word(b) == U"still" || word(b) == U"today"))
          --b;
        if (IsPlural(word(b)) && !EndsNounPhrase(word(b))) numbered = word(b);
      }
      if (head.empty() && bare && !known_unit.empty() && digits) {
        unit = known_unit;
        end = t[i].end;
        head_end = end;
      } else if (head.empty() && partitive && i > 2 && !partitive_unit.empty() && digits) {
        unit = partitive_unit;
        end = head_end = t[i].end;
      } else if (!numbered.empty()) {
        unit = Lemma(numbered);
        if (auto same = k.KeyOf("unit_en", text::FromUtf8(unit))) unit = *same;
        begin = t[i - 1].begin;
        end = head_end = t[i].end;
      } else {
      if (head.empty() || LooksAdjective(head)) continue;
      // `99999 Changchun`: a place's name is what is talked about, not what is counted.
      if (head_upper && k.PlaceNamed(text::ToUtf8(head))) continue;
      unit = Lemma(head);
      // `7 pairs of sister cities`: the measured noun is what is counted.
      if (IsMeasureNoun(text::FromUtf8(unit)) && word(k2) == U"of") {
        std::size_t m = k2 + 1;
        std::u32string_view inner;
        while (m < t.size() && t[m].kind == Token::Kind::kWord && !EndsNounPhrase(t[m].text) &&
               !IsClauseWord(t[m].text) && !IsParticiple(t[m].text)) {
          inner = t[m].text;
          head_end = t[m].end;
          ++m;
        }
        if (!inner.empty()) unit = Lemma(inner);
      }
      if (auto same = k.KeyOf("unit_en", text::FromUtf8(unit))) unit = *same;
      // Durations and repetitions are not counts of things.
      if (unit == "year" || unit == "time" || unit == "month" || unit == "day" || unit == "decade" ||
          unit == "century" || unit == "hour" || unit == "minute")
        continue;
      end = head_end;
      }
    }
    Draft d = ctx.Make(ClaimKind::kCount, begin, end, digits ? "count.en.figure" : "count.en.word");
    if (!currency.empty()) d.rule = "count.en.money";
    d.value = value;
    d.qualifier = q;
    BoundsOf(q, *value, d.value_min, d.value_max);
    d.unit = unit;
    d.subject = SubjectBefore(ctx, names, t[i].begin);
    d.valid = ctx.TimeAt(t[i].begin);
    Classify(ctx, d, t[i].begin, false);
    if (!currency.empty()) d.metric = MetricOf(k, currency);
    last_unit = d.unit;
    if (partitive && i == 2) partitive_unit = d.unit;
    // `Germany, Australia and Italy have 5 apiece`: the figure for each place listed
    // before it, since the previous figure; the place says where the counted are.
    const std::u32string_view after = word(j) == U"each" || word(j) == U"apiece" ? word(j) : word(j + 1);
    std::vector<const PlaceMatch*> listed;
    std::size_t continents = 0;
    if (after == U"each" || after == U"apiece") {
      for (const auto& p : places)
        if (p.begin >= last_end && p.end <= t[i].begin) listed.push_back(&p);
      // Continents are no places of the gazetteer, but as good a list (`Oceania and
      // Africa have 5 each`).
      for (const auto& m : k.FindPhrases("continent", ctx.folded.substr(last_end, t[i].begin - last_end)))
        if (std::none_of(listed.begin(), listed.end(), [&](const PlaceMatch* p) {
              return p->begin < last_end + m.end && last_end + m.begin < p->end;
            }))
          ++continents;
    }
    if (listed.size() + continents >= 2) {
      for (const PlaceMatch* p : listed) {
        Draft each = d;
        each.object_country = p->place->kind == "country" ? p->place->name : p->place->country;
        out.push_back(each);
      }
      for (std::size_t c = 0; c < continents; ++c) out.push_back(d);
    } else {
      out.push_back(d);
    }
    last_end = end;
    if (q != Qualifier::kExact) {
      carried = q;
      carried_until = end;
    } else {
      carried = Qualifier::kExact;
    }
  }
}

void ExtractChineseCounts(const SentenceContext& ctx, std::vector<Draft>& out) {
  const Knowledge& k = ctx.knowledge;
  const std::u32string_view s = ctx.folded;
  for (std::size_t i = 0; i < s.size();) {
    std::optional<Figure> fig = DigitsAt(s, i);
    if (!fig && text::IsHan(s[i]) && (i == 0 || s[i - 1] != U'第')) fig = ChineseNumeralAt(s, i);
    if (!fig) {
      ++i;
      continue;
    }
    const std::size_t next = std::max(fig->end, i + 1);
    if (ctx.InTime(fig->begin, fig->end) || (i > 0 && (s[i - 1] == U'第' || s[i - 1] == U'前' ||
                                                     s[i - 1] == U'后'))) {
      i = next;
      continue;
    }
    // 两国, 两市, 两座城市: the two already spoken of, not a count.
    if (!fig->digits && s[fig->begin] == U'两' && fig->end < s.size() &&
        (s[fig->end] == U'国' || s[fig->end] == U'市' || s[fig->end] == U'地' ||
         s.substr(fig->end, 3) == U"座城市")) {
      i = next;
      continue;
    }
    double value = fig->value;
    std::size_t j = fig->end;
    // Multipliers after digits: 4.6亿, 3亿多.
    while (j < s.size() && ChineseMultiplier(s[j]) >= 1e4) value *= ChineseMultiplier(s[j++]);
    Qualifier q = Qualifier::kExact;
    std::size_t begin = fig->begin;
    for (std::size_t back = 1; back <= 2 && back <= begin; ++back) {
      if (auto m = k.PhraseAt("qualifier_zh_prefix", s, fig->begin - back);
          m && m->end == fig->begin) {
        q = *QualifierNamed(m->key);
        begin = m->begin;
      }
    }
    if (auto m = k.PhraseAt("qualifier_zh_suffix", s, j); m && (m->end - m->begin) == 1) {
      // 多/余 directly after the figure or multiplier.
      q = *QualifierNamed(m->key);
      j = m->end;
    }
    std::string unit, currency;
    std::size_t end = j;
    if (auto c = k.PhraseAt("currency", s, j)) {
      currency = c->key;
      end = c->end;
      if (auto c2 = k.PhraseAt("currency", s, end)) end = c2->end;  // 元人民币
    }
    bool pair = false;
    bool decisive_classifier = false;
    const bool percent = currency.empty() && fig->digits && j < s.size() && (s[j] == '%' || s[j] == U'％');
    if (percent) {
      // `在全省友好城市中占26%`: a share.
      unit = "percent";
      end = j + 1;
    } else if (currency.empty()) {
      // A classifier is required: bare Chinese numerals are too often parts of words.
      auto cls = k.PhraseAt("classifier_zh", s, j);
      if (!cls) {
        i = next;
        continue;
      }
      // `十五届人大常委会`: the term of an assembly, an ordinal without 第.
      const bool term = cls->key == "edition" && k.PhraseAt("term_organ_zh", s, cls->end);
      if (cls->key == "year" || cls->key == "time" || term || (!fig->digits && value < 2)) {
        i = next;
        continue;
      }
      end = cls->end;
      if (cls->key != "-") unit = cls->key;
      pair = cls->key == "pair";
      decisive_classifier = cls->key == "person" || cls->key == "person-time";
      // Suffix qualifier after the classifier: 100个以上.
      if (auto m = k.PhraseAt("qualifier_zh_suffix", s, end); m && m->key == "more_than" &&
                                                              s.substr(m->begin, 2) == U"以上") {
        q = Qualifier::kMoreThan;
        end = m->end;
      }
      // The noun: right after the classifier (within a few characters), else right before
      // the figure (友城7对).
      std::optional<PhraseMatch> noun;
      for (std::size_t a = end; a < std::min(s.size(), end + 5) && !noun; ++a) {
        if (s[a] == ',' || s[a] == U'。' || s[a] == U'、' || s[a] == ';') break;
        noun = k.PhraseAt("noun_zh", s, a);
      }
      if (noun && !decisive_classifier) {
        unit = noun->key;
        end = noun->end;
      } else if (!decisive_classifier) {
        // The noun may be linked to the figure: 国外城市已有13个, 友好城市(9个).
        std::size_t noun_end = begin;
        for (std::size_t len = 3; len >= 1 && noun_end == begin; --len)
          if (begin >= len)
            if (auto l = k.PhraseAt("count_link_zh", s, begin - len); l && l->end == begin)
              noun_end = l->begin;
        for (std::size_t end_at : {begin, noun_end}) {
          for (std::size_t len = 6; len >= 1 && unit.empty(); --len) {
            if (end_at < len) continue;
            if (auto m = k.PhraseAt("noun_zh", s, end_at - len); m && m->end == end_at) {
              unit = m->key;
              begin = m->begin;
            }
          }
          if (!unit.empty()) break;
        }
      }
      // `120多位`: persons, unless a noun names who they are (`30位专家`).
      if (unit == "individual") unit = "person";
      if (unit.empty()) {
        // `友城与友好交流城市各达13个`: one figure for each of the nouns before it.
        if (auto shared = DistributedFigure(ctx, begin)) {
          for (const PhraseMatch* named : shared->nouns) {
            Draft d = ctx.Make(ClaimKind::kCount, shared->begin, end, "count.zh.distributive");
            d.value = value;
            d.qualifier = q;
            BoundsOf(q, value, d.value_min, d.value_max);
            d.subject = ctx.city;
            d.valid = ctx.TimeAt(fig->begin);
            d.unit = "city";
            d.metric = "partner_cities";
            d.partner_class = PartnerClassOf(named->key);
            out.push_back(d);
          }
          i = std::max(end, next);
          continue;
        }
        i = next;
        continue;
      }
    } else if (!percent) {
      unit = currency;
    }
    Draft d = ctx.Make(ClaimKind::kCount, begin, end,
                       percent ? "count.zh.percent" : currency.empty() ? "count.zh.classifier" : "count.zh.money");
    d.value = value;
    d.qualifier = q;
    BoundsOf(q, value, d.value_min, d.value_max);
    d.subject = ctx.city;
    d.valid = ctx.TimeAt(fig->begin);
    if (pair && unit != "pair" && unit != "city") {
      // `18对院校`: pairs of what the noun names.
      d.unit = unit;
      Classify(ctx, d, fig->begin, false);
    } else if (pair) {
      // Pairs are counted ties: between partner cities where the paragraph speaks of them.
      d.unit = "city";
      Classify(ctx, d, fig->begin, true);
      if (d.metric != "partner_cities") d.unit = d.metric = "pair";
    } else {
      d.unit = unit;
      Classify(ctx, d, fig->begin, false);
    }
    if (!currency.empty()) d.metric = MetricOf(k, currency);
    out.push_back(d);
    i = std::max(end, next);
  }
}

}  // namespace annals::extract
