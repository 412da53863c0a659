/**
 * Splits a plain-text message into what the sender wrote and the quoted history they dragged along:
 * a trailing block of "> …" lines, or everything from an "On … wrote:" line onwards.
 */
export function splitQuoted(text: string): { body: string; quoted: string | null } {
  const lines = text.split("\n");
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]?.trim() ?? "";
    // "On Mon, Nov 23, 2026 at 9:00 AM Ana <ana@…> wrote:" (may wrap onto the next line)
    const wrote = /^On\b.{4,}wrote:$/i.test(line) || (/^On\b/i.test(line) && /wrote:$/i.test(lines[i + 1]?.trim() ?? ""));
    const quoteTail = line.startsWith(">") && lines.slice(i).every((l) => l.trim() === "" || l.trim().startsWith(">"));
    if (wrote || quoteTail) {
      const body = lines.slice(0, i).join("\n").trimEnd();
      if (!body) return { body: text, quoted: null };
      return { body, quoted: lines.slice(i).join("\n") };
    }
  }
  return { body: text, quoted: null };
}
