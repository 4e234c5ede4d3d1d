// Whose figure or event a sentence states: names of organisations and events, and the
// topic a paragraph carries from sentence to sentence.
#pragma once

#include <string>
#include <vector>

#include "extract/context.h"
#include "extract/tokens.h"

namespace annals::extract {

/// A name in an English sentence: a capitalised run (`China-Japan Friendship Water
/// Plant`, `FAW-Volkswagen Co., Ltd.`) or `team of China`. Positions are sentence chars.
struct NameMention {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string name;      ///< Without a leading `The` and a trailing legal form (`Co., Ltd.`).
  bool entity = false;   ///< One of its words names an organisation, event or venue.
  bool event = false;    ///< One of its words names an event (`Forum`, `Games`, `Dialogue`).
  bool own_city = false; ///< It is the bulletin's own city (`Changchun`, `Changchun City`).
  /// It stands where a sentence's subject does: at its start, or right after one
  /// opening phrase and its comma (`In 1987, the Dubbed Film Branch ...`).
  bool subject_position = false;
};

/// The names of an English sentence, in order, outside its time expressions.
std::vector<NameMention> FindNames(const SentenceContext& ctx, const std::vector<Token>& tokens);

/// The subject of an event reported by the verb at `verb` with the time `time`.
std::string EventSubject(const SentenceContext& ctx, const std::vector<NameMention>& names,
                         const TimeExpr& time, std::size_t verb);

/// Whose figure stands at sentence position `at`: the organisation, event or own city
/// that is the subject of the sentence before it, else the topic, else the city.
std::string SubjectBefore(const SentenceContext& ctx, const std::vector<NameMention>& names,
                          std::size_t at);

/// The topic a sentence leaves for the ones after it: its subject when that is an
/// organisation or event, none when it is the own city; for a dated sentence about a
/// person, the event it names; else `previous`.
std::string TopicAfter(const SentenceContext& ctx, const std::vector<NameMention>& names,
                       const std::string& previous);

}  // namespace annals::extract
