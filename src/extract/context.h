// What the sentence-level rules of the extractor know about where they are.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annals/time.h"
#include "extract/dates.h"
#include "extract/draft.h"
#include "extract/knowledge.h"

namespace annals::extract {

/// One sentence under extraction. Positions in `folded`/`original` are relative to the
/// sentence; `offset` turns them into positions of the normalised document text.
struct SentenceContext {
  const Knowledge& knowledge;
  std::u32string_view folded;
  std::u32string_view original;
  std::size_t offset = 0;
  std::string lang;
  std::vector<TimeExpr> times;        ///< The sentence's own time expressions.
  DateRange governing;                ///< Time carried from earlier sentences or the title.
  /// The year the whole bulletin reports on (`Highlights of ... in 2018`), if its title
  /// says; it dates events the sentences leave undated.
  std::optional<int> frame_year;
  std::string city;                   ///< The bulletin's own city (default subject).
  std::string topic;                  ///< The organisation or event earlier sentences speak of.
  std::optional<Date> published;
  /// The partner_class phrases of the sentence (`friendship city`, `友好交流城市`), in order.
  std::vector<PhraseMatch> partner_phrases = {};
  /// The partner class the paragraph names first, for figures whose sentence names none.
  PartnerClass paragraph_class = PartnerClass::kNone;
  /// Where rules report what they read and did not use (a year no bulletin can mean).
  std::vector<std::string>* warnings = nullptr;
  /// The sentence speaks in the present or present perfect (`has received`, `has three
  /// bases`): with no time expression of its own, it states what holds at publication.
  bool present_perfect = false;
  /// `governing` comes from an earlier sentence (not the title), and that sentence dated
  /// a founding (`The Film Festival, founded in 1992, ...`): what later sentences count
  /// accumulated since.
  bool governing_carried = false;
  bool governing_founding = false;
  /// The sentence is an item of an enumerated list (`1. 日本长野市,1981年4月19日结好`),
  /// and the class of partner the list's heading names (`一、正式国际友好城市(9个)`).
  bool list_item = false;
  PartnerClass list_class = PartnerClass::kNone;
  /// What the last figure of the paragraph's earlier sentences counted: a figure that
  /// holds for each of a list (`Germany and Italy have 5 apiece`) may leave it unsaid.
  std::string previous_unit = {};

  /// Valid time for something stated at sentence position `at`: the nearest time
  /// expression before it in the sentence (else after it in the same clause), else the
  /// governing time, else the publication date for a sentence in the present (perfect).
  /// A `now` with a date carried from an earlier sentence, or a date carried from a
  /// founding, spans from that date to publication.
  DateRange TimeAt(std::size_t at) const;
  /// Starts a draft of `kind` covering sentence chars [begin, end).
  Draft Make(ClaimKind kind, std::size_t begin, std::size_t end, const char* rule) const;
  /// True if [begin, end) lies inside one of the sentence's time expressions.
  bool InTime(std::size_t begin, std::size_t end) const;
};

/// Counted figures of an English sentence.
void ExtractEnglishCounts(const SentenceContext& ctx, std::vector<Draft>& out);
/// Counted figures of a Chinese sentence.
void ExtractChineseCounts(const SentenceContext& ctx, std::vector<Draft>& out);
/// Dated events of a sentence in either language.
void ExtractEvents(const SentenceContext& ctx, std::vector<Draft>& out);
/// Partner ties of a sentence in either language.
void ExtractRelations(const SentenceContext& ctx, std::vector<Draft>& out);

/// True if the word at folded position `at` (after spaces) names an event: a partner
/// phrase before it (`sister-city forums`) says what kind of event, not that a tie exists.
bool NamesEvent(const Knowledge& k, std::u32string_view folded, std::size_t at);

/// The partner class a partner_class phrase's key gives (none for `agreement`).
PartnerClass PartnerClassOf(const std::string& key);

/// English singular lemma of a folded English noun (`cities` → `city`).
std::string Lemma(std::u32string_view folded_noun);
/// The metric a counted unit belongs to, or the unit itself.
std::string MetricOf(const Knowledge& k, const std::string& unit);

}  // namespace annals::extract
