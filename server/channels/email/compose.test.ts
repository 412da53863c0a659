import { describe, expect, it } from "vitest";
import { htmlBody, MAX_REFERENCES, renderSignature, replySubject, replyTargetFromMeta, textBody, threadingHeaders } from "./compose";

describe("email compose", () => {
  it("adds Re: once", () => {
    expect(replySubject("Where is my order?")).toBe("Re: Where is my order?");
    expect(replySubject("Re: RE: re:Where is my order?")).toBe("Re: Where is my order?");
    expect(replySubject("AW: Lieferung")).toBe("Re: Lieferung");
    expect(replySubject("Re[2]: x")).toBe("Re: x");
    expect(replySubject(null)).toBe("Re: your message");
    expect(replySubject("Regarding returns")).toBe("Re: Regarding returns");
  });

  it("threads on the newest inbound id and caps References to the root plus the tail", () => {
    expect(threadingHeaders(["a@x", "<b@x>", "sha256:abc", "c@x"], "b@x")).toEqual({ inReplyTo: "b@x", references: ["a@x", "c@x", "b@x"] });
    expect(threadingHeaders(["a@x", "c@x"], null)).toEqual({ inReplyTo: "c@x", references: ["a@x", "c@x"] });
    expect(threadingHeaders([], null)).toEqual({ inReplyTo: null, references: [] });
    const many = Array.from({ length: 60 }, (_, i) => `m${i}@x`);
    const { references, inReplyTo } = threadingHeaders(many, "m59@x");
    expect(references).toHaveLength(MAX_REFERENCES);
    expect(references[0]).toBe("m0@x");
    expect(references.at(-1)).toBe(inReplyTo);
  });

  it("fills the agent's name into the signature and appends it after the separator", () => {
    const sig = renderSignature("Best,\n{{agent.first_name}} ({{ agent.name }})", "Ana Lima");
    expect(sig).toBe("Best,\nAna (Ana Lima)");
    expect(textBody("Hi\r\n", sig)).toBe("Hi\n\n-- \nBest,\nAna (Ana Lima)\n");
    expect(renderSignature("  ", "Ana")).toBeNull();
    expect(textBody("Hi", null)).toBe("Hi\n");
  });

  it("escapes HTML, keeps paragraphs and line breaks, links URLs", () => {
    const html = htmlBody('<b>hi</b> & "you"\nline two\n\nsee https://x.test/a?b=1&c=2.', null);
    expect(html).toContain("&lt;b&gt;hi&lt;/b&gt; &amp; &quot;you&quot;<br>line two</p>");
    expect(html).toContain('<a href="https://x.test/a?b=1&amp;c=2">https://x.test/a?b=1&amp;c=2</a>.');
    expect(html).not.toContain("<b>");
    expect(htmlBody("javascript:alert(1) <script>", null)).not.toContain("<script>");
  });

  it("answers Reply-To, else the sender, from the pipeline's meta", () => {
    expect(replyTargetFromMeta({ replyTo: [{ address: "r@x.test" }], from: { address: "f@x.test" } })).toBe("r@x.test");
    expect(replyTargetFromMeta({ replyTo: [], from: { address: "f@x.test" } })).toBe("f@x.test");
    expect(replyTargetFromMeta({ replyTo: ["bad address"] })).toBeNull();
    expect(replyTargetFromMeta(null)).toBeNull();
  });
});
