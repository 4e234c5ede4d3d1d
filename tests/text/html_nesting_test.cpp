// How deep markup nests, as the tree builder would hold it open: what closes elements
// implicitly, what does not close them at all, and what is no element.
#include "text/html_nesting.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using annals::text::HtmlNestingDepth;

namespace {

constexpr std::size_t kNoLimit = 1000000;

std::size_t Depth(const std::string& html) { return HtmlNestingDepth(html, kNoLimit); }

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("nesting counts the elements open at once", "[text][html]") {
  CHECK(Depth("<html><body><div><div>x</div></div><div>y</div></body></html>") == 4);
  CHECK(Depth("<DIV><Div>x</dIV></div>") == 2);
  CHECK(Depth("<br><img src=x><hr><meta charset=utf-8>") == 0);
  CHECK(Depth("text < 5 and a lone </ here") == 0);
}

TEST_CASE("elements that the standard closes without an end tag do not nest",
          "[text][html]") {
  CHECK(Depth("<p>a<p>b<p>c<div>d</div>") == 1);
  CHECK(Depth("<ul><li>a<li>b<li>c</ul>") == 2);
  CHECK(Depth("<dl><dt>a<dd>b<dt>c<dd>d</dl>") == 2);
  CHECK(Depth("<table><tr><td>a<td>b<tr><td>c</table>") == 4);  // and the <tbody>
  CHECK(Depth("<table><td>a<td>b</table>") == 4);
  CHECK(Depth("<h2>a<h3>b<h2>c") == 1);
  CHECK(Depth("<select><option>a<option>b</select>") == 2);
  CHECK(Depth("<svg><path d='M0 0'/><circle r=1 /></svg>") == 1);
}

TEST_CASE("what the tokenizer reads as text or skips opens nothing", "[text][html]") {
  CHECK(Depth("<!-- <div><div> --><!doctype html><?xml version='1.0'?>") == 0);
  CHECK(Depth("<script>if (a <b) document.write('<div><div>')</script>") == 1);
  CHECK(Depth("<textarea><div><div></TEXTAREA><p>x") == 1);
  CHECK(Depth("<div title='a > b' data-x=\">\"><span>x</span></div>") == 2);
  // Only what the tokenizer itself reads as a comment or a quoted value hides markup.
  CHECK(Depth("<!--><div><div>-->") == 2);
  CHECK(Depth("<!-- a --!><div><div>-->") == 2);
  CHECK(Depth("<div a=\"x\"\"><div>\"") == 2);
}

TEST_CASE("end tags that the builder ignores leave their elements open", "[text][html]") {
  // A <div> is special: the </span> after it closes nothing.
  CHECK(Depth(Repeat("<span><div></span>", 10)) == 20);
  // A table is a scope boundary: the </div> inside it closes nothing.
  CHECK(Depth("<div><table><td></div><div>x") == 6);
  CHECK(Depth("<p><button></p>x") == 2);
}

TEST_CASE("formatting elements that a block end closes count until their own end tag",
          "[text][html]") {
  // The builder reopens the <b> in the next paragraph.
  CHECK(Depth("<p><b>x</p><p>y</p>") == 3);
  CHECK(Depth("<p><b>x</b></p><p>y</p>") == 3);
  // Distinct ones pile up; at most three equal ones are kept.
  std::string distinct;
  for (int i = 0; i < 100; ++i) distinct += "<p><font color=\"#" + std::to_string(i) + "\">x</p>";
  CHECK(Depth(distinct) > 100);
  CHECK(Depth(Repeat("<p><font color=red>x</p>", 100)) <= 6);
}

TEST_CASE("counting stops once past the limit", "[text][html]") {
  const std::string deep = Repeat("<div>", 100000);
  const std::size_t depth = HtmlNestingDepth(deep, 512);
  CHECK(depth > 512);
  CHECK(depth < 520);
  CHECK(HtmlNestingDepth(Repeat("<div>", 300) + Repeat("</div>", 300), 512) == 300);
}

TEST_CASE("a page is cut before a block where only layout containers are open", "[text][html]") {
  using annals::text::CutHtml;
  const std::string page =
      "<!DOCTYPE html><html><head><title>t</title></head><body><div id=main><section>"
      "<p>one</p><p>two</p></section><table><tr><td><p>in a cell</p></td></tr></table>"
      "<b><p>bold</p></b><ul><li>item</li></ul><!-- <p>comment</p> --><p>three</p></div>";
  const auto pieces = CutHtml(page, 1);
  CHECK(pieces.doctype == "<!DOCTYPE html>");
  std::vector<std::string> cuts;
  for (const auto& c : pieces.cuts) cuts.push_back(page.substr(c.at, 7) + " " + c.reopen);
  // Not inside the table or the bold element, nor at the comment's <p>; a list item is a
  // block with its list open.
  CHECK(cuts == std::vector<std::string>{"<div id ", "<sectio <div>", "<p>one< <div><section>",
                                         "<p>two< <div><section>", "<table> <div>",
                                         "<ul><li <div>", "<li>ite <div><ul>", "<p>thre <div>"});
  // Pieces of at least the size asked for.
  const auto fewer = CutHtml(page, 100);
  REQUIRE_FALSE(fewer.cuts.empty());
  for (std::size_t i = 1; i < fewer.cuts.size(); ++i)
    CHECK(fewer.cuts[i].at - fewer.cuts[i - 1].at >= 100);
  CHECK(CutHtml(page, page.size()).cuts.empty());
}
