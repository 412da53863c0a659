import type { ParsedEmail } from "./types";

const header = (email: Pick<ParsedEmail, "headers">, name: string): string[] => {
  const v = email.headers[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};

/**
 * RFC 3834 and the de-facto headers of autoresponders and lists: such mail still lands in the thread (agents need to
 * see the out-of-office) but must never trigger an automatic response, or two robots answer each other forever.
 */
export function isAutoSubmitted(email: Pick<ParsedEmail, "headers" | "report">): boolean {
  if (email.report) return true;
  if (
    header(email, "auto-submitted").some(
      (v) =>
        v
          .trim()
          .toLowerCase()
          .split(/[\s;(]/)[0] !== "no",
    )
  )
    return true;
  if (header(email, "precedence").some((v) => /^(bulk|list|junk|auto_reply)\b/i.test(v.trim()))) return true;
  if (header(email, "x-autoreply").length || header(email, "x-autorespond").length) return true;
  if (header(email, "x-auto-response-suppress").some((v) => v.trim() !== "")) return true;
  return false;
}

/** The headers we keep on the message (loop/list handling, debugging threading). */
export const HEADERS_OF_INTEREST = [
  "auto-submitted",
  "precedence",
  "x-autoreply",
  "x-auto-response-suppress",
  "list-id",
  "list-unsubscribe",
  "return-path",
  "delivered-to",
] as const;

export function headersOfInterest(email: Pick<ParsedEmail, "headers">): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const name of HEADERS_OF_INTEREST) {
    const v = email.headers[name];
    if (v !== undefined) out[name] = v;
  }
  return out;
}
