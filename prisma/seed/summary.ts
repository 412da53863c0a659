// Derives a conversation's denormalised fields from its messages, so factories and the demo seed agree.
import type { MessageDirection, MessageKind } from "../../server/db/generated/client";

export type MessageLike = { direction: MessageDirection; kind: MessageKind; text: string; createdAt: Date };

export type ConversationSummary = {
  /** last customer or agent message (notes and events do not count); null when there is none */
  lastMessageAt: Date | null;
  lastInboundAt: Date | null;
  lastOutboundAt: Date | null;
  /** the first inbound after the last outbound; null when we replied last (or nobody wrote yet) */
  waitingSince: Date | null;
  /** the first outbound after the first inbound */
  firstResponseAt: Date | null;
  /** the last message's text, at most 140 characters */
  preview: string | null;
  /** customer and agent messages (kind MESSAGE) */
  messageCount: number;
};

export const PREVIEW_LENGTH = 140;

export function previewOf(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > PREVIEW_LENGTH ? flat.slice(0, PREVIEW_LENGTH) : flat;
}

export function summarizeMessages(messages: readonly MessageLike[]): ConversationSummary {
  const visible = messages.filter((m) => m.kind === "MESSAGE").sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  let lastInboundAt: Date | null = null;
  let lastOutboundAt: Date | null = null;
  let waitingSince: Date | null = null;
  let firstResponseAt: Date | null = null;
  let firstInboundAt: Date | null = null;
  for (const m of visible) {
    if (m.direction === "IN") {
      lastInboundAt = m.createdAt;
      firstInboundAt ??= m.createdAt;
      waitingSince ??= m.createdAt;
    } else {
      lastOutboundAt = m.createdAt;
      waitingSince = null;
      if (firstInboundAt && !firstResponseAt) firstResponseAt = m.createdAt;
    }
  }
  const last = visible[visible.length - 1];
  return {
    lastMessageAt: last?.createdAt ?? null,
    lastInboundAt,
    lastOutboundAt,
    waitingSince,
    firstResponseAt,
    preview: last ? previewOf(last.text) : null,
    messageCount: visible.length,
  };
}
