import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeUtf7, messageIds, parseMime } from "./parse";
import { isAutoSubmitted } from "./loops";

const DIR = "/work/shared/fixtures/mime";
const fixture = (name: string) => readFileSync(path.join(DIR, name));
const isWellFormed = (s: string) => !/\u0000/.test(s) && Buffer.from(s, "utf8").toString("utf8") === s;

describe("parseMime on the fixture corpus", () => {
  const files = readdirSync(DIR).filter((f) => !f.endsWith(".md"));

  it.each(files)("%s parses to well-formed UTF-8", async (file) => {
    const email = await parseMime(fixture(file));
    for (const s of [email.text ?? "", email.html ?? "", email.subject ?? "", JSON.stringify(email.headers)])
      expect(isWellFormed(s)).toBe(true);
    expect(email.references.every((r) => /^[^<>\s]+@[^<>\s]+$/.test(r))).toBe(true);
  });

  it("decodes iso-2022-jp and Shift_JIS bodies", async () => {
    expect((await parseMime(fixture("mikel-mail__multi_charset_japanese_iso_2022.eml"))).text).toContain("すみません。");
    const sjis = await parseMime(fixture("mikel-mail__multi_charset_japanese_shift_jis.eml"));
    expect(sjis.text).toContain("このメールはテスト用のメールです。");
  });

  it("decodes UTF-7 subject and body, and Windows-1252 with or without a charset", async () => {
    const utf7 = await parseMime(fixture("zbateson__m0006.txt"));
    expect(utf7.subject).toBe("Die Hasen und die Frösche (Microsoft Outlook 00)");
    expect(utf7.text).toContain("Die Hasen klagten einst über ihre mißliche Lage");
    const cp1252 = await parseMime(fixture("zbateson__m0010.txt"));
    expect(cp1252.subject).toContain("Frösche");
    const noCharset = await parseMime(fixture("zbateson__m0009.txt"));
    expect(noCharset.text).toContain("Die Hasen klagten einst über");
    expect(noCharset.text).not.toContain("\uFFFD");
  });

  it("keeps a 4,096-character header line and reads its raw 8-bit subject", async () => {
    const email = await parseMime(fixture("zbateson__m0009.txt"));
    expect(String(email.headers["x-test-long-header"]).length).toBeGreaterThanOrEqual(4000);
    expect(email.headers["x-test-next-header"]).toBe("A-OK");
    expect(email.subject).toBe("Die Hasen und die Frösche (Microsoft Outlook 00)");
  });

  it("survives unknown charsets and a broken encoded subject", async () => {
    expect((await parseMime(fixture("zbateson__invalid-charset.txt"))).text).toContain("The Hare and the Tortoise");
    const bad = await parseMime(fixture("mikel-mail__error_emails_bad_encoded_subject.eml"));
    expect(bad.messageId).toBeNull();
    expect(bad.text).toContain("TEST");
  });

  it("keeps the valid References only and de-duplicates In-Reply-To", async () => {
    const refs = await parseMime(fixture("mikel-mail__error_emails_multiple_references_with_one_invalid.eml"));
    expect(refs.references).toEqual(["foo@bar.net", "baz@bar.net"]);
    const auto = await parseMime(fixture("chatwoot__non_utf_encoded_mail.eml"));
    expect(auto.inReplyTo).toEqual(["4e6e35f5a38b4_479f13bb90078178@small-app-01.mail"]);
    expect(isAutoSubmitted(auto)).toBe(true);
    expect(auto.subject).toContain("أهلين");
    expect(messageIds("<a@b> junk <c@d")).toEqual(["a@b"]);
  });

  it("reads a DSN into a report", async () => {
    const dsn = await parseMime(fixture("mikel-mail__multipart_report_emails_report_530.eml"));
    expect(dsn.report).toMatchObject({ status: "5.3.0", recipient: "edwin@zzzzzzz.com" });
    expect(dsn.report?.diagnostic).toContain("Unknown E-Mail Address");
  });

  it("flags inline cid images and decodes attachment names", async () => {
    const inline = await parseMime(fixture("mikel-mail__attachment_emails_attachment_message_rfc822_inline_image.eml"));
    expect(inline.attachments.find((a) => a.inline)?.contentId).toBe("emedfeb92f-a786-4718-a446-98db8afb53fb@kronos");
    const named = await parseMime(fixture("mikel-mail__attachment_emails_attachment_nonascii_filename.eml"));
    expect(named.attachments[0]?.filename).toBe("ciële.txt");
  });

  it("reads raw UTF-8 headers (RFC 6532)", async () => {
    const email = await parseMime(fixture("mikel-mail__rfc6532_utf8_headers.eml"));
    expect(email.from).toEqual({ address: "jdöe@mächine.example", name: "Jöhn Doe" });
  });

  it("never throws on garbage", async () => {
    const email = await parseMime(Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x0a, 0x0a, 0xc3]));
    expect(isWellFormed(email.text ?? "")).toBe(true);
  });

  it("decodes UTF-7 per RFC 2152", () => {
    expect(decodeUtf7("Hi Mom -+Jjo--!")).toBe("Hi Mom -☺-!");
    expect(decodeUtf7("1 +- 1")).toBe("1 + 1");
  });
});
