import type { ParsedEmail } from "../types";

let n = 0;
/** A string unique within the test run (for Message-IDs and addresses). */
export const uid = () => `${Date.now().toString(36)}.${(n += 1)}.${Math.random().toString(36).slice(2, 8)}`;

/** A plain inbound email from a new sender, as mailparser would give it; `over` replaces any field. */
export function parsedEmail(over: Partial<ParsedEmail> = {}): ParsedEmail {
  return {
    messageId: `m.${uid()}@customer.example`,
    inReplyTo: [],
    references: [],
    from: { address: `ana.${uid()}@customer.example`, name: "Ana" },
    replyTo: [],
    to: [],
    cc: [],
    subject: "Help",
    date: new Date(),
    text: "Hello there",
    html: null,
    attachments: [],
    headers: {},
    ...over,
  };
}
