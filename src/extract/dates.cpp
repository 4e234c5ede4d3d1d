// Dates and periods: English word patterns over tokens, Chinese patterns over characters.
#include "extract/dates.h"

#include <algorithm>

#include "extract/numbers.h"
#include "extract/tokens.h"
#include "text/unicode.h"

namespace annals::extract {

bool IsYear(double v) { return v >= 1000 && v <= 2100 && v == static_cast<int>(v); }

namespace {

struct Cursor {
  const std::vector<Token>& t;
  std::size_t size() const { return t.size(); }
  bool Word(std::size_t i, std::u32string_view w) const {
    return i < t.size() && t[i].kind == Token::Kind::kWord && t[i].text == w;
  }
  bool Punct(std::size_t i, char32_t c) const {
    return i < t.size() && t[i].kind == Token::Kind::kPunct && t[i].text[0] == c;
  }
  std::optional<int> Int(std::size_t i) const {
    if (i >= t.size() || t[i].kind != Token::Kind::kNumber) return std::nullopt;
    auto f = DigitsAt(t[i].text, 0);
    if (!f || f->value != static_cast<int>(f->value)) return std::nullopt;
    return static_cast<int>(f->value);
  }
  std::optional<int> Year(std::size_t i) const {
    auto v = Int(i);
    if (v && IsYear(*v) && t[i].text.size() == 4) return v;
    return std::nullopt;
  }
  // A day of month, `2` or `29th`.
  std::optional<int> Day(std::size_t i) const {
    if (i >= t.size()) return std::nullopt;
    std::u32string_view s = t[i].text;
    if (t[i].kind == Token::Kind::kAlnum) {
      const std::size_t n = s.find_first_not_of(U"0123456789");
      const std::u32string_view suffix = s.substr(n);
      if (suffix != U"st" && suffix != U"nd" && suffix != U"rd" && suffix != U"th")
        return std::nullopt;
      s = s.substr(0, n);
    } else if (t[i].kind != Token::Kind::kNumber) {
      return std::nullopt;
    }
    if (s.empty() || s.size() > 2) return std::nullopt;
    int d = 0;
    for (char32_t c : s) {
      if (!text::IsDigit(c)) return std::nullopt;
      d = d * 10 + static_cast<int>(c - '0');
    }
    return d >= 1 && d <= 31 ? std::optional<int>(d) : std::nullopt;
  }
};

std::optional<Date> Valid(int y, int m, int d) {
  char iso[16];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
  return Date::Parse(iso);
}

std::optional<int> MonthAt(const Cursor& c, const Knowledge& k, std::size_t i) {
  if (i >= c.size() || c.t[i].kind != Token::Kind::kWord) return std::nullopt;
  auto key = k.KeyOf("month_en", c.t[i].text);
  if (!key) return std::nullopt;
  // `may` and `march` are also verbs and `mar`... words: only read them as months where
  // a year or day is next to them, which the callers require.
  return std::stoi(*key);
}

// A month-day or day-month date at token i, with or without year. Returns the date parts
// and the index after it.
struct Parts {
  std::optional<int> year, month, day;
  std::size_t next = 0;
};

std::optional<Parts> EnglishDateAt(const Cursor& c, const Knowledge& k, std::size_t i) {
  Parts p;
  if (auto m = MonthAt(c, k, i)) {
    std::size_t j = i + 1;
    if (auto d = c.Day(j); d && !c.Year(j)) {
      p.month = m, p.day = d, j++;
      if (c.Punct(j, ',')) j++;
      if (auto y = c.Year(j)) p.year = y, j++;
      p.next = j;
      return p;
    }
    if (c.Punct(j, ',') || c.Punct(j, '.')) j++;
    if (auto y = c.Year(j)) {
      p.month = m, p.year = y, p.next = j + 1;
      return p;
    }
    return std::nullopt;
  }
  if (auto d = c.Day(i)) {
    std::size_t j = i + 1;
    if (c.Word(j, U"of")) j++;
    if (auto m = MonthAt(c, k, j)) {
      j++;
      if (c.Punct(j, ',') || c.Punct(j, '.')) j++;
      p.day = d, p.month = m;
      if (auto y = c.Year(j)) p.year = y, j++;
      p.next = j;
      return p;
    }
  }
  return std::nullopt;
}

// A month and day without a year (`On June 22`, `10月29日`) fall in the year of
// publication, or the one before when that day would come after it.
std::optional<Date> InPublicationYear(int month, std::optional<int> day, const std::optional<Date>& pub) {
  if (!pub) return std::nullopt;
  for (int year : {pub->year, pub->year - 1}) {
    const std::optional<Date> d = day ? Valid(year, month, *day) : Date::Month(year, month);
    if (d && d->FirstDay() <= pub->LastDay()) return d;
  }
  return std::nullopt;
}

std::optional<Date> ToDate(const Parts& p, const std::optional<Date>& pub) {
  if (!p.year && p.month && p.day) return InPublicationYear(*p.month, p.day, pub);
  if (!p.year) return std::nullopt;
  if (p.month && p.day) return Valid(*p.year, *p.month, *p.day);
  if (p.month) return Date::Month(*p.year, *p.month);
  return Date::Year(*p.year);
}

void FindEnglish(std::u32string_view s, const Knowledge& k, const std::optional<Date>& pub,
                 std::optional<int> frame_year, std::vector<TimeExpr>& out) {
  const std::vector<Token> tokens = Tokenize(s, s);
  const Cursor c{tokens};
  const auto span = [&](std::size_t a, std::size_t b) {
    return std::pair<std::size_t, std::size_t>{tokens[a].begin, tokens[b - 1].end};
  };
  for (std::size_t i = 0; i < c.size();) {
    // from <date> to <date>
    if ((c.Word(i, U"from") || c.Word(i, U"between")) ) {
      if (auto a = EnglishDateAt(c, k, i + 1)) {
        std::size_t j = a->next;
        if (c.Word(j, U"to") || c.Word(j, U"until") || c.Word(j, U"and") || c.Punct(j, U'-') ||
            c.Punct(j, U'–')) {
          std::optional<Parts> b = EnglishDateAt(c, k, j + 1);
          // `from January 25 to 27`, `From January 12 to 25, 2007`: the second day of the
          // same month.
          if (!b && a->month && a->day && !a->year)
            if (auto d2 = c.Day(j + 1); d2 && !c.Year(j + 1)) {
              Parts p2;
              p2.month = a->month, p2.day = d2, p2.next = j + 2;
              std::size_t y = j + 2;
              if (c.Punct(y, ',')) ++y;
              if (auto year = c.Year(y)) p2.year = year, p2.next = y + 1;
              b = p2;
            }
          if (b) {
            Parts first = *a;
            if (!first.year) first.year = b->year;
            auto from = ToDate(first, pub), to = ToDate(*b, pub);
            if (from && to) {
              auto [sb, se] = span(i, b->next);
              out.push_back({TimeExpr::Kind::kRange, sb, se, {from, to}, false});
              i = b->next;
              continue;
            }
          }
        }
      }
    }
    if (auto p = EnglishDateAt(c, k, i)) {
      if (auto d = ToDate(*p, pub)) {
        std::size_t b = i;
        if (b > 0 && (c.Word(b - 1, U"on") || c.Word(b - 1, U"in"))) --b;
        const bool since = b > 0 && c.Word(b - 1, U"since");
        if (since) --b;
        auto [sb, se] = span(b, p->next);
        if (since)
          out.push_back({TimeExpr::Kind::kSince, sb, se, DateRange{d, pub}, false});
        else
          out.push_back({TimeExpr::Kind::kPoint, sb, se, {d, d}, false});
        i = p->next;
        continue;
      }
    }
    // `in the 1990s`, `since the 1980s`: a decade.
    if (c.t[i].kind == Token::Kind::kAlnum && c.t[i].text.size() == 5 && c.t[i].text[4] == U's') {
      const std::u32string_view w = c.t[i].text;
      int y = 0;
      bool digits = true;
      for (std::size_t d = 0; d < 4; ++d) {
        digits = digits && text::IsDigit(w[d]);
        if (digits) y = y * 10 + static_cast<int>(w[d] - '0');
      }
      if (digits && IsYear(y) && y % 10 == 0) {
        std::size_t b = i;
        if (b > 0 && c.Word(b - 1, U"the")) --b;
        const bool since = b > 0 && c.Word(b - 1, U"since");
        if (since || (b > 0 && (c.Word(b - 1, U"in") || c.Word(b - 1, U"during")))) --b;
        auto [sb, se] = span(b, i + 1);
        const DateRange decade{Date::Year(y), Date::Year(y + 9)};
        if (since)
          out.push_back({TimeExpr::Kind::kSince, sb, se, DateRange{decade.from, pub}, false});
        else
          out.push_back({TimeExpr::Kind::kPoint, sb, se, decade, false});
        ++i;
        continue;
      }
    }
    if (auto y = c.Year(i)) {
      // A year standing alone, not part of a longer figure such as `2018-2019` ranges
      // (read as two years) or a number with a unit.
      std::size_t b = i;
      const bool since = b > 0 && c.Word(b - 1, U"since");
      if (since || (b > 0 && (c.Word(b - 1, U"in") || c.Word(b - 1, U"by") ||
                              c.Word(b - 1, U"of") || c.Word(b - 1, U"at"))))
        --b;
      // An early year only where a word says it is one (`founded in 1446`): bare, it is
      // more often a figure (`1500 visitors`).
      if (b == i && *y < 1900) {
        ++i;
        continue;
      }
      auto [sb, se] = span(b, i + 1);
      const Date d = Date::Year(*y);
      if (since)
        out.push_back({TimeExpr::Kind::kSince, sb, se, DateRange{d, pub}, false});
      else
        out.push_back({TimeExpr::Kind::kPoint, sb, se, {d, d}, false});
      ++i;
      continue;
    }
    // over the past N years / in the last N years / past N years
    if ((c.Word(i, U"past") || c.Word(i, U"last")) && i + 2 < c.size() &&
        (c.Word(i + 2, U"years") || c.Word(i + 2, U"year"))) {
      std::optional<double> n;
      if (auto v = c.Int(i + 1)) n = *v;
      else if (c.t[i + 1].kind == Token::Kind::kWord) n = k.Number("number_en", c.t[i + 1].text);
      if (n) {
        std::size_t b = i;
        if (b >= 2 && c.Word(b - 1, U"the") && (c.Word(b - 2, U"over") || c.Word(b - 2, U"in") ||
                                                c.Word(b - 2, U"during") || c.Word(b - 2, U"for")))
          b -= 2;
        auto [sb, se] = span(b, i + 3);
        DateRange r;
        if (pub) r = {Date::Year(pub->year - static_cast<int>(*n)), pub};
        out.push_back({TimeExpr::Kind::kPastYears, sb, se, r, false});
        i += 3;
        continue;
      }
    }
    if (c.Word(i, U"whole") && c.Word(i + 1, U"year")) {
      auto [sb, se] = span(i, i + 2);
      DateRange r;
      if (frame_year) r = {Date::Year(*frame_year), Date::Year(*frame_year)};
      out.push_back({TimeExpr::Kind::kWholeYear, sb, se, r, false});
      i += 2;
      continue;
    }
    if (auto m = k.PhraseAt("now_phrase", s, tokens[i].begin)) {
      out.push_back({TimeExpr::Kind::kNow, m->begin, m->end, {pub, pub}, false});
      while (i < c.size() && tokens[i].begin < m->end) ++i;
      continue;
    }
    ++i;
  }
}

// Reads `YYYY年[M月[D日]]` at i; returns the date and the index after it.
std::optional<std::pair<Date, std::size_t>> ChineseDateAt(std::u32string_view s, std::size_t i) {
  std::optional<Figure> y = DigitsAt(s, i);
  if (!y) y = ChineseNumeralAt(s, i);
  if (!y || y->end - y->begin != 4 || !IsYear(y->value) || y->end >= s.size() ||
      s[y->end] != U'年')
    return std::nullopt;
  const int year = static_cast<int>(y->value);
  std::size_t j = y->end + 1;
  auto m = DigitsAt(s, j);
  if (!m) m = ChineseNumeralAt(s, j);
  if (m && m->end < s.size() && s[m->end] == U'月' && m->value >= 1 && m->value <= 12) {
    const int month = static_cast<int>(m->value);
    j = m->end + 1;
    auto d = DigitsAt(s, j);
    if (!d) d = ChineseNumeralAt(s, j);
    if (d && d->end < s.size() && (s[d->end] == U'日' || s[d->end] == U'号')) {
      if (auto date = Valid(year, month, static_cast<int>(d->value)))
        return std::pair{*date, d->end + 1};
    }
    return std::pair{Date::Month(year, month), j};
  }
  return std::pair{Date::Year(year), y->end + 1};
}

// `1979.03.14`, `1979/3/14`: a numeric date whose parts a dot or slash joins (a table's
// column of dates). Returns the date and the index after it.
std::optional<std::pair<Date, std::size_t>> NumericDateAt(std::u32string_view s, std::size_t i) {
  if (i > 0 && (text::IsDigit(s[i - 1]) || s[i - 1] == '.')) return std::nullopt;
  std::size_t j = i;
  const auto digits = [&](std::size_t most) {
    int v = 0;
    std::size_t n = 0;
    while (j < s.size() && text::IsDigit(s[j]) && n < most) v = v * 10 + static_cast<int>(s[j++] - '0'), ++n;
    return n == 0 ? -1 : v;
  };
  const int y = digits(4);
  if (j - i != 4 || !IsYear(y) || j >= s.size() || (s[j] != '.' && s[j] != '/')) return std::nullopt;
  const char32_t sep = s[j++];
  const int m = digits(2);
  if (m < 1 || j >= s.size() || s[j] != sep) return std::nullopt;
  ++j;
  const int d = digits(2);
  if (d < 1 || (j < s.size() && (text::IsDigit(s[j]) || s[j] == sep))) return std::nullopt;
  if (auto date = Valid(y, m, d)) return std::pair{*date, j};
  return std::nullopt;
}

// `八十年代初`, `上世纪90年代`, `20世纪80年代末`: a decade, or its early, middle or late years.
// Without a century the decade is the latest one not after publication.
std::optional<std::pair<DateRange, std::size_t>> ChineseDecadeAt(std::u32string_view s, std::size_t i,
                                                                 const std::optional<Date>& pub) {
  int century = 0;  // the year the century begins, 0 if unsaid
  std::size_t j = i;
  for (const auto& [prefix, start] : {std::pair<std::u32string_view, int>{U"上世纪", 1900},
                                      {U"二十世纪", 1900}, {U"20世纪", 1900}, {U"本世纪", 2000},
                                      {U"二十一世纪", 2000}, {U"21世纪", 2000}})
    if (s.substr(i, prefix.size()) == prefix) {
      century = start;
      j = i + prefix.size();
      break;
    }
  std::optional<Figure> n = DigitsAt(s, j);
  if (!n) n = ChineseNumeralAt(s, j);
  if (!n || s.substr(n->end, 2) != U"年代" || n->value < 0 || n->value > 90 ||
      static_cast<int>(n->value) % 10 != 0)
    return std::nullopt;
  const int tens = static_cast<int>(n->value);
  int first = century + tens;
  if (!century) {
    if (!pub) return std::nullopt;
    first = 2000 + tens <= pub->year ? 2000 + tens : 1900 + tens;
  }
  int last = first + 9;
  std::size_t end = n->end + 2;
  if (end < s.size() && s[end] == U'初') last = first + 3, ++end;
  else if (end < s.size() && s[end] == U'末') first += 7, ++end;
  else if (end < s.size() && s[end] == U'中') first += 4, last = first + 2, ++end;
  return std::pair{DateRange{Date::Year(first), Date::Year(last)}, end};
}

void FindChinese(std::u32string_view s, const Knowledge& k, const std::optional<Date>& pub,
                 std::vector<TimeExpr>& out) {
  for (std::size_t i = 0; i < s.size();) {
    if (auto n = NumericDateAt(s, i)) {
      out.push_back({TimeExpr::Kind::kPoint, i, n->second, {n->first, n->first}, false});
      i = n->second;
      continue;
    }
    if (auto decade = ChineseDecadeAt(s, i, pub)) {
      std::size_t begin = i, end = decade->second;
      bool since = false;
      if (begin > 0 && (s[begin - 1] == U'自' || s[begin - 1] == U'从')) since = true, --begin;
      if (s.substr(end, 2) == U"以来") since = true, end += 2;
      if (since)
        out.push_back({TimeExpr::Kind::kSince, begin, end, {decade->first.from, pub}, false});
      else
        out.push_back({TimeExpr::Kind::kPoint, begin, end, decade->first, false});
      i = end;
      continue;
    }
    if (auto a = ChineseDateAt(s, i)) {
      std::size_t end = a->second;
      // Range: X至Y, X到Y, X-Y
      if (end < s.size() && (s[end] == U'至' || s[end] == U'到' || s[end] == U'-' ||
                             s[end] == U'—' || s[end] == U'~')) {
        if (auto b = ChineseDateAt(s, end + 1)) {
          out.push_back({TimeExpr::Kind::kRange, i, b->second, {a->first, b->first}, false});
          i = b->second;
          continue;
        }
      }
      std::size_t begin = i;
      bool since = false;
      if (begin > 0 && (s[begin - 1] == U'自' || s[begin - 1] == U'从')) since = true, --begin;
      if (end + 1 < s.size() && s.substr(end, 2) == U"以来") since = true, end += 2;
      if (end < s.size() && s[end] == U'起') since = true, ++end;
      if (since)
        out.push_back({TimeExpr::Kind::kSince, begin, end, {a->first, pub}, false});
      else
        out.push_back({TimeExpr::Kind::kPoint, begin, end, {a->first, a->first}, false});
      i = end;
      continue;
    }
    // M月D日 without a year
    if (i == 0 || (s[i - 1] != U'年' && !text::IsDigit(s[i - 1]))) {
      std::optional<Figure> m = DigitsAt(s, i);
      if (!m) m = ChineseNumeralAt(s, i);
      if (m && m->end < s.size() && s[m->end] == U'月' && m->value >= 1 && m->value <= 12) {
        std::optional<Figure> d = DigitsAt(s, m->end + 1);
        if (!d) d = ChineseNumeralAt(s, m->end + 1);
        if (d && d->end < s.size() && (s[d->end] == U'日' || s[d->end] == U'号') && d->value >= 1 &&
            d->value <= 31) {
          if (auto date = InPublicationYear(static_cast<int>(m->value), static_cast<int>(d->value), pub)) {
            out.push_back({TimeExpr::Kind::kPoint, i, d->end + 1, {date, date}, false});
            i = d->end + 1;
            continue;
          }
        }
      }
    }
    // 近N年 / 过去N年
    if ((s[i] == U'近' || s.substr(i, 2) == U"过去")) {
      const std::size_t j = i + (s[i] == U'近' ? 1 : 2);
      std::optional<Figure> n = DigitsAt(s, j);
      if (!n) n = ChineseNumeralAt(s, j);
      if (n && n->end < s.size() && s[n->end] == U'年' &&
          (n->end + 1 >= s.size() || s[n->end + 1] != U'级')) {
        DateRange r;
        if (pub) r = {Date::Year(pub->year - static_cast<int>(n->value)), pub};
        out.push_back({TimeExpr::Kind::kPastYears, i, n->end + 1, r, false});
        i = n->end + 1;
        continue;
      }
    }
    if (text::IsHan(s[i])) {
      if (auto m = k.PhraseAt("now_phrase", s, i)) {
        out.push_back({TimeExpr::Kind::kNow, m->begin, m->end, {pub, pub}, false});
        i = m->end;
        continue;
      }
    }
    // A Latin phrase starts a word; a Chinese one may follow any character (`记者昨日在`).
    const bool starts_word = i == 0 || !IsWordChar(s[i - 1]) || text::IsHan(s[i]);
    // `同年10月`, `次年`, `the following year`: a year counted from another time.
    if (starts_word) {
      if (auto m = k.PhraseAt("anaphoric_since", s, i)) {
        // `since then`, `in the decades since,`, `此后`: from the time referred to until now.
        TimeExpr t{TimeExpr::Kind::kSince, m->begin, m->end, {std::nullopt, pub}, false};
        t.anaphor = TimeExpr::Anaphor{0, 0, 0, true};
        if (m->end > m->begin && (s[m->end - 1] == ',' || s[m->end - 1] == '.')) --t.end;
        out.push_back(t);
        i = t.end;
        continue;
      }
      if (auto m = k.PhraseAt("anaphoric_date", s, i)) {
        TimeExpr t{TimeExpr::Kind::kPoint, m->begin, m->end, {}, false};
        t.anaphor = TimeExpr::Anaphor{0, 0, 0, true};
        out.push_back(t);
        i = m->end;
        continue;
      }
      if (auto m = k.PhraseAt("anaphoric_year", s, i)) {
        TimeExpr::Anaphor a{std::stoi(m->key), 0, 0, false};
        std::size_t end = m->end;
        std::optional<Figure> mo = DigitsAt(s, end);
        if (!mo) mo = ChineseNumeralAt(s, end);
        if (mo && mo->end < s.size() && s[mo->end] == U'月' && mo->value >= 1 && mo->value <= 12) {
          a.month = static_cast<int>(mo->value);
          end = mo->end + 1;
          std::optional<Figure> d = DigitsAt(s, end);
          if (!d) d = ChineseNumeralAt(s, end);
          if (d && d->end < s.size() && (s[d->end] == U'日' || s[d->end] == U'号') && d->value >= 1 &&
              d->value <= 31) {
            a.day = static_cast<int>(d->value);
            end = d->end + 1;
          }
        }
        TimeExpr t{TimeExpr::Kind::kPoint, m->begin, end, {}, false};
        t.anaphor = a;
        out.push_back(t);
        i = end;
        continue;
      }
    }
    // `on Wednesday`, `周三`: the last such day up to publication (`next Wednesday`: the
    // first after it), when the publication date is a day.
    if (pub && pub->precision == Precision::kDay && starts_word) {
      if (auto m = k.PhraseAt("weekday", s, i); m && (m->end >= s.size() || !IsWordChar(s[m->end]) ||
                                                     text::IsHan(s[m->end]))) {
        const std::int64_t published_day = pub->FirstDay();
        const int published_weekday = static_cast<int>(((published_day + 3) % 7 + 7) % 7) + 1;  // 1 = Monday
        const int wanted = std::stoi(m->key);
        const std::u32string_view before = s.substr(0, m->begin);
        const bool ahead = before.ends_with(U"next ") || before.ends_with(U"下") ||
                           before.ends_with(U"this coming ");
        const std::int64_t day = ahead ? published_day + ((wanted - published_weekday + 6) % 7) + 1
                                       : published_day - ((published_weekday - wanted + 7) % 7);
        const Date date = DateOfDay(day);
        std::size_t begin = m->begin;
        if (before.ends_with(U"on ")) begin -= 3;
        TimeExpr t{TimeExpr::Kind::kPoint, begin, m->end, {date, date}, false};
        t.weekday = true;
        out.push_back(t);
        i = m->end;
        continue;
      }
    }
    // `上个月`, `next month`: a month counted from publication.
    if (pub && pub->precision != Precision::kYear && starts_word) {
      if (auto m = k.PhraseAt("relative_month", s, i)) {
        const int months = pub->year * 12 + (pub->month - 1) + std::stoi(m->key);
        const Date month = Date::Month(months / 12, months % 12 + 1);
        out.push_back({TimeExpr::Kind::kPoint, m->begin, m->end, {month, month}, false});
        i = m->end;
        continue;
      }
    }
    // `去年`, `last year`: a year counted from publication, in either language; `昨日`,
    // `yesterday`: a day, when the publication date is a day.
    if (pub && starts_word) {
      if (auto m = k.PhraseAt("relative_year", s, i)) {
        const Date year = Date::Year(pub->year + std::stoi(m->key));
        out.push_back({TimeExpr::Kind::kPoint, m->begin, m->end, {year, year}, false});
        i = m->end;
        continue;
      }
      if (auto m = k.PhraseAt("relative_day", s, i); m && pub->precision == Precision::kDay) {
        const Date day = DateOfDay(pub->FirstDay() + std::stoi(m->key));
        out.push_back({TimeExpr::Kind::kPoint, m->begin, m->end, {day, day}, false});
        i = m->end;
        continue;
      }
    }
    ++i;
  }
}

}  // namespace

std::vector<TimeExpr> FindTimes(std::u32string_view s, const Knowledge& k,
                                const std::optional<Date>& published,
                                std::optional<int> frame_year) {
  std::vector<TimeExpr> out;
  FindChinese(s, k, published, out);
  std::vector<TimeExpr> english;
  FindEnglish(s, k, published, frame_year, english);
  // Both lists run in text order without overlaps of their own: one walk finds, for each
  // English time, the first Chinese one that does not end before it.
  const std::size_t chinese = out.size();
  std::size_t z = 0;
  for (const auto& e : english) {
    while (z < chinese && out[z].end <= e.begin) ++z;
    if (z == chinese || out[z].begin >= e.end) out.push_back(e);
  }
  std::sort(out.begin(), out.end(),
            [](const TimeExpr& a, const TimeExpr& b) { return a.begin < b.begin; });
  // Quotation marks enclose names (`Global Promotion of Jilin Province in 2018`).
  bool open = false;
  std::size_t q = 0;
  for (auto& e : out) {
    for (; q < e.begin; ++q) {
      if (s[q] == U'“') open = true;
      if (s[q] == U'”') open = false;
    }
    e.quoted = open;
  }
  // `Tuesday afternoon on January 22, 2019`, `1月22日(周二)`: the weekday of a date written
  // beside it says nothing more.
  std::erase_if(out, [&](const TimeExpr& w) {
    if (!w.weekday) return false;
    return std::any_of(out.begin(), out.end(), [&](const TimeExpr& d) {
      if (d.weekday || d.kind != TimeExpr::Kind::kPoint || !d.range.from ||
          d.range.from->precision != Precision::kDay)
        return false;
      const std::size_t gap = d.begin >= w.end ? d.begin - w.end : w.begin >= d.end ? w.begin - d.end : 0;
      return gap <= 20;
    });
  });
  ResolveAnaphors(out, std::nullopt);
  return out;
}

void ResolveAnaphors(std::vector<TimeExpr>& times, const std::optional<Date>& reference) {
  std::optional<Date> last = reference;
  for (auto& t : times) {
    if (t.anaphor && !t.range.from && last) {
      const int y = last->year + t.anaphor->years;
      std::optional<Date> d = Date::Year(y);
      if (t.anaphor->same_date) d = last;
      if (t.kind == TimeExpr::Kind::kSince) {
        t.range.from = last;
        continue;  // a period, not a time to refer to
      }
      else if (t.anaphor->month && t.anaphor->day) d = Valid(y, t.anaphor->month, t.anaphor->day);
      else if (t.anaphor->month) d = Date::Month(y, t.anaphor->month);
      if (d) t.range = {d, d};
    }
    if (!t.quoted && t.range.from &&
        (t.kind == TimeExpr::Kind::kPoint || t.kind == TimeExpr::Kind::kRange ||
         t.kind == TimeExpr::Kind::kSince))
      last = t.range.from;
  }
}

}  // namespace annals::extract
