import type { Db } from "../../db/client";
import { ingestEmail } from "./ingest";
import { parseMime } from "./parse";
import type { EmailSource, IngestEmailResult } from "./types";

/** One raw message a transport received for one channel (SMTP listener, IMAP poller). */
export type RawDelivery = {
  channelId: string;
  raw: Buffer;
  /** SMTP envelope recipients that routed it to this channel (`reply+token@` variants included) */
  recipients?: string[];
};

/** What a transport hands each message to: the real pipeline by default, a double in tests. */
export type DeliverRaw = (delivery: RawDelivery) => Promise<unknown>;

/** The real pipeline: raw MIME → parseMime → ingestEmail (idempotent by Message-ID per channel). */
export function ingestRaw(db: Db, source: EmailSource): (delivery: RawDelivery) => Promise<IngestEmailResult> {
  return async ({ channelId, raw, recipients }) => {
    const email = await parseMime(raw);
    return ingestEmail(db, { channelId, email, source, raw, ...(recipients ? { recipients } : {}) });
  };
}
