import type { EmailSource, IngestEmailInput, ParsedEmail } from "./types";

/**
 * What an InboundEvent keeps so the message can be processed again after a crash: the raw MIME when there is one
 * (re-parsed on replay), else the parsed fields (attachments base64).
 */
export type StoredPayload = {
  v: 1;
  source: EmailSource;
  recipients?: string[];
  raw?: string;
  email?: SerializedEmail;
};

type SerializedEmail = Omit<ParsedEmail, "date" | "attachments"> & {
  date: string | null;
  attachments: (Omit<ParsedEmail["attachments"][number], "content"> & { content: string })[];
};

export function serializeEmail(input: IngestEmailInput): StoredPayload {
  const base = { v: 1 as const, source: input.source, ...(input.recipients ? { recipients: input.recipients } : {}) };
  if (input.raw) return { ...base, raw: input.raw.toString("base64") };
  const { email } = input;
  const serialized: SerializedEmail = {
    ...email,
    date: email.date?.toISOString() ?? null,
    attachments: email.attachments.map((a) => ({ ...a, content: a.content.toString("base64") })),
  };
  // drop undefined (report) so the value is plain JSON
  return { ...base, email: JSON.parse(JSON.stringify(serialized)) as SerializedEmail };
}

export function deserializeEmail(email: SerializedEmail | undefined): ParsedEmail {
  if (!email) throw new Error("The stored inbound event has neither raw MIME nor parsed fields");
  return {
    ...email,
    date: email.date ? new Date(email.date) : null,
    attachments: email.attachments.map((a) => ({ ...a, content: Buffer.from(a.content, "base64") })),
  };
}
