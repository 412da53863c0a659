import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { sanitizeAndSplitEmailHtml, sanitizeEmailHtml, splitQuotedHtml } from "./sanitize-html";

/** The one-parse path ingest uses must give exactly what sanitising and then splitting the string gives. */
const twoStep = (dirty: string) => {
  const clean = sanitizeEmailHtml(dirty);
  const split = splitQuotedHtml(clean.html);
  return { body: split.body, quoted: split.quoted, remoteImages: clean.remoteImages };
};

const CASES: Record<string, string> = {
  gmail:
    '<div dir="ltr">Yes<img src="https://t.example/p.gif"></div><div class="gmail_quote">On Mon wrote:<blockquote class="gmail_quote">old</blockquote></div>',
  apple: '<p>new</p><blockquote TYPE="CITE">old <script>alert(1)</script></blockquote><p>after</p>',
  outlook: '<div><p>new</p><div><div id="divRplyFwdMsg"><b>From:</b> x</div><p>old</p></div><p>tail</p></div>',
  thunderbird: '<p>new</p><div class="moz-cite-prefix other">On Mon wrote:</div><blockquote>old</blockquote>',
  yahoo: '<div>new</div><div class="yahoo_quoted" onclick="x()">old</div>',
  "class case differs": '<p>new</p><div class="Gmail_Quote">not a marker</div>',
  "only a quote": '<div class="gmail_quote">On Mon wrote:<blockquote>old</blockquote></div>',
  "no quote": '<table><tr><td style="color: red; background: url(http://x/y.png)">cell</td></tr></table>',
  "no markup": "a & b < c",
};

describe("sanitizeAndSplitEmailHtml", () => {
  for (const [name, dirty] of Object.entries(CASES)) {
    it(`matches sanitise-then-split: ${name}`, () => {
      expect(sanitizeAndSplitEmailHtml(dirty)).toEqual(twoStep(dirty));
    });
  }

  it("splits at the first marker in document order and keeps both parts sanitised", () => {
    const r = sanitizeAndSplitEmailHtml(CASES.apple ?? "");
    expect(r.body).toBe("<p>new</p>");
    expect(r.quoted).toContain("old");
    expect(r.quoted).toContain("after");
    expect(r.quoted).not.toContain("<script");
  });

  it("keeps the text of an element with an `is` attribute (neutralised, not dropped)", () => {
    expect(sanitizeAndSplitEmailHtml('<div is="x-evil">keep me</div>').body).toBe('<div is="">keep me</div>');
  });

  it("still cleans inline CSS, and leaves style parsing alone in other jsdom windows", () => {
    expect(sanitizeAndSplitEmailHtml('<p style="color: red; background: url(http://x/y.png)">x</p>').body).toBe(
      '<p style="color: red">x</p>',
    );
    const other = new JSDOM("<!doctype html><body></body>").window.document.createElement("p");
    other.setAttribute("style", "color: red");
    expect(other.style.color).toBe("red");
  });
});
