import { describe, expect, it } from "vitest";
import { MARK_START, MARK_STOP, markSnippet, parseSnippet } from "./snippet";

describe("snippets", () => {
  it("escapes the text and turns the sentinels into <mark>", () => {
    const s = markSnippet(`<b>Hi</b> & "we" ${MARK_START}shipped${MARK_STOP} it\n\n  today`);
    expect(s).toBe("&lt;b&gt;Hi&lt;/b&gt; &amp; &quot;we&quot; <mark>shipped</mark> it today");
  });

  it("parses back into plain-text parts", () => {
    const s = markSnippet(`a <script>x</script> ${MARK_START}ship${MARK_STOP} &amp; ${MARK_START}order${MARK_STOP}`);
    expect(parseSnippet(s)).toEqual([
      { text: "a <script>x</script> ", mark: false },
      { text: "ship", mark: true },
      { text: " &amp; ", mark: false },
      { text: "order", mark: true },
    ]);
  });

  it("treats a literal <mark> typed by a customer as text", () => {
    expect(parseSnippet(markSnippet("<mark>fake</mark>"))).toEqual([{ text: "<mark>fake</mark>", mark: false }]);
  });
});
