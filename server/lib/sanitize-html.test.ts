import { describe, expect, it } from "vitest";
import { cleanCss, sanitizeEmailHtml, splitQuotedHtml } from "./sanitize-html";

const HOSTILE = `
<p onclick="alert(1)">Hello <b>world</b></p>
<script>alert(1)</script>
<img src="x" onerror="alert(1)">
<a href="javascript:alert(1)">click</a>
<a href="https://example.com/ok">ok</a>
<iframe srcdoc="<script>alert(1)</script>"></iframe>
<meta http-equiv="refresh" content="0;url=https://evil.example">
<div style="width: expression(alert(1)); color: red">css</div>
<div style="background:url(https://tracker.example/p.gif)">bg</div>
<svg><script>alert(1)</script><circle onload="alert(1)"/></svg>
<form action="https://evil.example"><input name="password"><button>Go</button></form>
<table><tr><td>cell</td></tr></table>
<img src="https://tracker.example/pixel.gif" width="1" height="1">
<img src="cid:logo@x">
<object data="x.swf"></object><embed src="x.swf">
<base href="https://evil.example/">
<style>@import url(https://evil.example/x.css); p { color: blue }</style>
`;

describe("sanitizeEmailHtml", () => {
  const { html, remoteImages } = sanitizeEmailHtml(HOSTILE, { cidUrl: (cid) => (cid === "logo@x" ? "/api/attachments/abc" : null) });

  it("removes everything that can run or navigate", () => {
    for (const bad of [
      "<script",
      "onerror",
      "onclick",
      "onload",
      "javascript:",
      "<iframe",
      "srcdoc",
      "<meta",
      "expression(",
      "<svg",
      "<form",
      "<input",
      "<object",
      "<embed",
      "<base",
      "@import",
    ])
      expect(html.toLowerCase()).not.toContain(bad);
  });

  it("keeps formatting, tables and safe links", () => {
    expect(html).toContain("<b>world</b>");
    expect(html).toContain("<td>cell</td>");
    expect(html).toContain('href="https://example.com/ok"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
    expect(html).toContain("color: red");
  });

  it("blocks remote images behind data-remote-src and serves cid images from our route", () => {
    expect(html).toContain('data-remote-src="https://tracker.example/pixel.gif"');
    expect(html).not.toMatch(/\ssrc="https:\/\/tracker/);
    expect(html).not.toContain("tracker.example/p.gif");
    expect(remoteImages).toBe(1);
    expect(html).toContain('src="/api/attachments/abc"');
  });

  it("cleans CSS declaration by declaration", () => {
    expect(cleanCss("color: red; background: url(http://x/y.png); width: 10px")).toBe("color: red; width: 10px");
  });

  it("sees through CSS escapes and image-set()", () => {
    expect(cleanCss("color: red; background: \\75 rl(http://x/y.png)")).toBe("color: red");
    expect(cleanCss("background: \\000075\\000072l(http://x/y.png); width: 1px")).toBe(" width: 1px");
    expect(cleanCss("width: e\\78 pression(alert(1)); color: blue")).toBe(" color: blue");
    expect(cleanCss('background-image: image-set("http://x/y.png" 1x); color: red')).toBe(" color: red");
    expect(cleanCss("background: url(data:image/png;base64,AAAA)")).toContain("data:image/png");
  });

  it("splits Gmail quoted history off", () => {
    const { body, quoted } = splitQuotedHtml('<div>Yes</div><div class="gmail_quote">On Mon wrote:<blockquote>old</blockquote></div>');
    expect(body).toBe("<div>Yes</div>");
    expect(quoted).toContain("old");
  });
});
