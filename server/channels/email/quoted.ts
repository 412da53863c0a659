import { splitQuoted } from "../../../components/thread/quoted-text";

/**
 * Folds quoted history out of a plain-text reply. The thread's own splitter (Gmail "On … wrote:", trailing "> " blocks)
 * runs first; email adds Outlook's header block ("From: … Sent: …" / "-----Original Message-----") and a trailing
 * "-- " signature. Nothing is thrown away: the quoted part is stored with the message, shown collapsed.
 */
const OUTLOOK_MARKERS = [
  /^-{2,}\s*Original Message\s*-{2,}$/i,
  /^_{10,}$/,
  /^-{2,}\s*Forwarded message\s*-{2,}$/i,
  /^Le .{4,} a écrit\s?:$/i,
  /^Am .{4,} schrieb .{1,}:$/i,
];

export function splitQuotedEmail(text: string): { body: string; quoted: string | null } {
  const normalised = text.replace(/\r\n/g, "\n");
  const lines = normalised.split("\n");
  let cut = -1;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]?.trim() ?? "";
    // Outlook: "From: x" followed within two lines by "Sent:" / "Date:"
    const outlookHeader = /^\*?From:\*?\s/i.test(line) && lines.slice(i + 1, i + 3).some((l) => /^\*?(Sent|Date):\*?\s/i.test(l.trim()));
    if (outlookHeader || OUTLOOK_MARKERS.some((re) => re.test(line))) {
      cut = i;
      break;
    }
  }
  const base = splitQuoted(normalised);
  // whichever marker comes first wins
  const baseCut = base.quoted === null ? -1 : base.body.split("\n").length;
  let body: string;
  let quoted: string | null;
  if (cut >= 0 && (baseCut < 0 || cut < baseCut)) {
    body = lines.slice(0, cut).join("\n").trimEnd();
    quoted = lines.slice(cut).join("\n");
    if (!body.trim()) return { body: normalised, quoted: null };
  } else {
    body = base.body;
    quoted = base.quoted;
  }
  // a "-- " signature at the end of what is left folds with the history
  const sig = body.lastIndexOf("\n-- \n");
  if (sig > 0 && body.slice(0, sig).trim()) {
    quoted = [body.slice(sig + 1), quoted].filter(Boolean).join("\n");
    body = body.slice(0, sig).trimEnd();
  }
  return { body: body.trim() ? body.replace(/^\n+/, "") : normalised, quoted };
}
