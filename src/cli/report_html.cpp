// Renders `annals report`'s page. Every text from a bulletin is HTML-escaped; the page
// holds nothing that a browser would fetch.
#include "cli/report_html.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "cli/format.h"

namespace annals::cli {
namespace {

std::string Esc(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        // Control characters would not show; they become the escapes tables use.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') {
          out += Printable(std::string(1, c));
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// A tick's number: whole numbers without a fraction.
std::string FigureNumber(double v) {
  char buf[32];
  if (std::floor(v) == v && std::fabs(v) < 9e15)
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
  else
    std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string ClaimLink(const Claim& c) {
  return "<a href=\"#claim-" + std::to_string(c.id) + "\">#" + std::to_string(c.id) + "</a>";
}

constexpr const char* kStyle = R"(
body{font-family:sans-serif;margin:2em;max-width:1100px;color:#222}
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;margin:.5em 0}
td,th{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top;font-size:.9em}
th{background:#f4f4f4}.chart{margin:1em 0}.chart svg{background:#fcfcff;border:1px solid #ddd}
.group{border:1px solid #e0b0b0;background:#fff8f8;padding:.5em 1em;margin:1em 0}
.side{display:flex;gap:1em;flex-wrap:wrap}.side>div{flex:1;min-width:260px;border-left:4px solid #c66;padding:.3em .8em;background:#fff}
.quote{font-style:italic}.muted{color:#777;font-size:.85em}
)";

const char* kColours[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};

// One chart: the figures of one metric and unit, a series a partner class, by report date.
std::string Chart(const std::string& title, const std::vector<const Claim*>& claims) {
  const double w = 720, h = 240, left = 70, right = 20, top = 20, bottom = 40;
  std::int64_t d0 = 0, d1 = 0;
  double vmax = 0;
  bool first = true;
  for (const Claim* c : claims) {
    const std::int64_t d = c->recorded_from->FirstDay();
    if (first || d < d0) d0 = d;
    if (first || d > d1) d1 = d;
    first = false;
    vmax = std::max(vmax, *c->value);
  }
  if (d1 == d0) d0 -= 30, d1 += 30;
  const std::int64_t pad = std::max<std::int64_t>(1, (d1 - d0) / 10);
  d0 -= pad;
  d1 += pad;
  if (vmax <= 0) vmax = 1;
  // Ticks at a round step (1, 2 or 5 times a power of ten), the axis to the tick above.
  const double raw = vmax / 4;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  const double step = raw <= power ? power : raw <= 2 * power ? 2 * power : raw <= 5 * power ? 5 * power : 10 * power;
  const int ticks = static_cast<int>(std::ceil(vmax / step));
  vmax = step * ticks * 1.05;
  const auto x = [&](std::int64_t d) {
    return left + (w - left - right) * static_cast<double>(d - d0) / static_cast<double>(d1 - d0);
  };
  const auto y = [&](double v) { return top + (h - top - bottom) * (1 - v / vmax); };
  std::ostringstream s;
  s << "<div class=\"chart\"><h3>" << Esc(title) << "</h3>"
    << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << w << "\" height=\"" << h
    << "\" viewBox=\"0 0 " << w << " " << h << "\" role=\"img\" aria-label=\"" << Esc(title) << "\">"
    << "<line x1=\"" << left << "\" y1=\"" << h - bottom << "\" x2=\"" << w - right << "\" y2=\""
    << h - bottom << "\" stroke=\"#555\"/>"
    << "<line x1=\"" << left << "\" y1=\"" << top << "\" x2=\"" << left << "\" y2=\"" << h - bottom
    << "\" stroke=\"#555\"/>";
  for (int k = 0; k <= ticks; ++k) {
    const double v = step * k;
    s << "<text x=\"" << left - 6 << "\" y=\"" << Num(y(v) + 4) << "\" font-size=\"11\" text-anchor=\"end\">"
      << Esc(FigureNumber(v)) << "</text>"
      << "<line x1=\"" << left << "\" y1=\"" << Num(y(v)) << "\" x2=\"" << w - right << "\" y2=\""
      << Num(y(v)) << "\" stroke=\"#eee\"/>";
  }
  std::set<std::int64_t> days;
  for (const Claim* c : claims) days.insert(c->recorded_from->FirstDay());
  for (std::int64_t d : days)
    s << "<text x=\"" << Num(x(d)) << "\" y=\"" << h - bottom + 16 << "\" font-size=\"11\" text-anchor=\"middle\">"
      << Esc(DateOfDay(d).ToString()) << "</text>";
  std::map<std::string, std::vector<const Claim*>> series;
  for (const Claim* c : claims)
    series[c->partner_class == PartnerClass::kNone ? std::string("figure")
                                                   : std::string(ToString(c->partner_class))]
        .push_back(c);
  int colour = 0;
  double legend_x = left + 10;
  for (auto& [name, points] : series) {
    const char* col = kColours[colour++ % 6];
    std::sort(points.begin(), points.end(), [](const Claim* a, const Claim* b) {
      return a->recorded_from->FirstDay() != b->recorded_from->FirstDay()
                 ? a->recorded_from->FirstDay() < b->recorded_from->FirstDay()
                 : a->id < b->id;
    });
    std::string path;
    for (const Claim* c : points)
      path += (path.empty() ? "M" : " L") + Num(x(c->recorded_from->FirstDay())) + " " + Num(y(*c->value));
    s << "<path d=\"" << path << "\" fill=\"none\" stroke=\"" << col << "\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>";
    std::map<std::int64_t, int> at_day;  // labels of points on one day, side by side
    for (const Claim* c : points) {
      const double cx = x(c->recorded_from->FirstDay()), cy = y(*c->value);
      const double shift = 26.0 * at_day[c->recorded_from->FirstDay()]++;
      s << "<a href=\"#claim-" << c->id << "\"><circle cx=\"" << Num(cx) << "\" cy=\"" << Num(cy)
        << "\" r=\"6\" fill=\"" << col << "\"><title>" << Esc(FigureText(*c) + " " + c->unit + " (" + name +
                                                             "), reported " + c->recorded_from->ToString() +
                                                             ": " + c->quote)
        << "</title></circle></a><text x=\"" << Num(cx + 8 + shift) << "\" y=\"" << Num(cy - 6)
        << "\" font-size=\"12\" fill=\"" << col << "\">" << Esc(FigureText(*c)) << "</text>";
    }
    s << "<rect x=\"" << Num(legend_x) << "\" y=\"" << top - 12 << "\" width=\"10\" height=\"10\" fill=\"" << col
      << "\"/><text x=\"" << Num(legend_x + 14) << "\" y=\"" << top - 3 << "\" font-size=\"11\">" << Esc(name)
      << "</text>";
    legend_x += 24 + 7.0 * static_cast<double>(name.size());
  }
  s << "</svg></div>\n";
  return s.str();
}

}  // namespace

std::string ReportHtml(const ReportData& d) {
  std::ostringstream s;
  s << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
    << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    << "<title>Annals report: " << Esc(d.subject) << "</title><style>" << kStyle << "</style></head><body>\n"
    << "<h1>" << Esc(d.subject) << "</h1><p class=\"muted\">Made by annals at " << Esc(d.generated_at)
    << " from the claims on record. Each figure links to its quote and document below.</p>\n";

  // Figures over record time: one chart a metric and unit, with two reports or more.
  std::map<std::pair<std::string, std::string>, std::vector<const Claim*>> by_metric;
  for (const auto& c : d.figures)
    if (c.value && c.recorded_from) by_metric[{c.metric, c.unit}].push_back(&c);
  std::vector<std::pair<std::pair<std::string, std::string>, std::vector<const Claim*>>> charts;
  for (auto& [key, claims] : by_metric) {
    std::set<std::int64_t> reports;
    for (const Claim* c : claims) reports.insert(c->document.id);
    if (reports.size() >= 2 || key.first.rfind("partner_", 0) == 0) charts.emplace_back(key, claims);
  }
  std::stable_sort(charts.begin(), charts.end(), [](const auto& a, const auto& b) {
    const bool pa = a.first.first.rfind("partner_", 0) == 0, pb = b.first.first.rfind("partner_", 0) == 0;
    return pa != pb ? pa : a.second.size() > b.second.size();
  });
  s << "<h2 id=\"timeline\">Figures as reported over time</h2>\n";
  if (charts.empty()) s << "<p>No figure has been reported twice.</p>\n";
  for (std::size_t i = 0; i < charts.size() && i < 12; ++i)
    s << Chart(charts[i].first.first + " (" + charts[i].first.second + ")", charts[i].second);

  s << "<h2 id=\"conflicts\">Where the reports disagree</h2>\n";
  if (d.conflicts.groups.empty()) s << "<p>" << Esc(d.conflicts.explanation) << "</p>\n";
  for (const auto& g : d.conflicts.groups) {
    s << "<div class=\"group\"><h3>" << Esc(g.subject) << " · " << Esc(g.what) << " <span class=\"muted\">("
      << Esc(ToString(g.kind)) << ")</span></h3><p>" << Esc(g.reason) << "</p><div class=\"side\">";
    for (const auto& c : g.claims)
      s << "<div><p><b>" << Esc(WhatText(c)) << "</b> · valid " << Esc(ValidText(c.valid)) << "</p><p class=\"quote\">“"
        << Esc(c.quote) << "”</p><p class=\"muted\">" << Esc(c.document.title) << " · reported "
        << Esc(ReportedText(c)) << " · " << Esc(c.lang) << " · " << ClaimLink(c) << "</p></div>";
    s << "</div></div>\n";
  }

  s << "<h2 id=\"partners\">Partner cities</h2>\n";
  if (d.relations.empty()) s << "<p>No ties on record.</p>\n";
  else {
    s << "<table><tr><th>Partner</th><th>As written</th><th>Country</th><th>Tie</th><th>Since</th>"
         "<th>Reported</th><th>Source</th></tr>\n";
    for (const auto& c : d.relations)
      s << "<tr><td>" << Esc(c.object) << "</td><td>" << Esc(c.quote) << "</td><td>" << Esc(c.object_country)
        << "</td><td>" << Esc(ToString(c.relation)) << "</td><td>" << Esc(c.valid.from ? c.valid.from->ToString() : "")
        << "</td><td>" << Esc(ReportedText(c)) << "</td><td>" << ClaimLink(c) << " " << Esc(c.document.title)
        << "</td></tr>\n";
    s << "</table>\n";
  }

  s << "<h2 id=\"events\">Events</h2>\n";
  if (d.events.empty()) s << "<p>No events on record.</p>\n";
  else {
    s << "<table><tr><th>When</th><th>Event</th><th>Subject</th><th>Quote</th><th>Source</th></tr>\n";
    for (const auto& c : d.events)
      s << "<tr><td>" << Esc(ValidText(c.valid)) << "</td><td>" << Esc(c.metric) << "</td><td>" << Esc(c.subject)
        << "</td><td class=\"quote\">" << Esc(c.quote) << "</td><td>" << ClaimLink(c) << " "
        << Esc(c.document.title) << "</td></tr>\n";
    s << "</table>\n";
  }

  s << "<h2 id=\"claims\">Every figure with its quote</h2>\n<table><tr><th>#</th><th>Figure</th><th>Valid</th>"
       "<th>Reported</th><th>Quote</th><th>Document</th></tr>\n";
  std::set<std::int64_t> listed;
  const auto row = [&](const Claim& c) {
    if (!listed.insert(c.id).second) return;
    s << "<tr id=\"claim-" << c.id << "\"><td>" << c.id << "</td><td>" << Esc(WhatText(c)) << "</td><td>"
      << Esc(ValidText(c.valid)) << "</td><td>" << Esc(ReportedText(c)) << "</td><td class=\"quote\">"
      << Esc(c.quote) << "</td><td>" << Esc(c.document.title) << "<br><span class=\"muted\">" << Esc(c.document.path)
      << " · bytes " << c.span.start << "–" << c.span.end << "</span></td></tr>\n";
  };
  for (const auto& c : d.figures) row(c);
  for (const auto& g : d.conflicts.groups)
    for (const auto& c : g.claims) row(c);
  for (const auto& c : d.relations) row(c);
  for (const auto& c : d.events) row(c);
  s << "</table>\n</body></html>\n";
  return s.str();
}

}  // namespace annals::cli
