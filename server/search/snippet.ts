// Snippet format shared by server and client: plain text, HTML-escaped, with matches wrapped in <mark>…</mark>.
// The server builds it from ts_headline output (which wraps matches in private-use sentinels and otherwise
// returns the customer's text verbatim); the client splits it back into parts and renders them as text nodes.

/** Sentinels ts_headline puts around matches; stripped from the message text first so a customer cannot forge one. */
export const MARK_START = "\uE000";
export const MARK_STOP = "\uE001";

const ESCAPE: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const UNESCAPE: Record<string, string> = Object.fromEntries(Object.entries(ESCAPE).map(([k, v]) => [v, k]));

/** Headline with sentinels → escaped text with <mark> around the matches (whitespace collapsed). */
export function markSnippet(headline: string): string {
  return headline
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[&<>"']/g, (c) => ESCAPE[c] ?? c)
    .replaceAll(MARK_START, "<mark>")
    .replaceAll(MARK_STOP, "</mark>");
}

export type SnippetPart = { text: string; mark: boolean };

/** A snippet from markSnippet → parts to render as text (never as HTML). */
export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let mark = false;
  for (const token of snippet.split(/(<mark>|<\/mark>)/)) {
    if (token === "<mark>" || token === "</mark>") {
      mark = token === "<mark>";
      continue;
    }
    if (token) parts.push({ text: token.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => UNESCAPE[e] ?? e), mark });
  }
  return parts;
}
