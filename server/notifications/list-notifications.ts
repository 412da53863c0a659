import { z } from "zod";
import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { decodeCursor, encodeCursor } from "../inbox/cursor";
import { countOwnUnread, findOwnNotifications, findReachableConversations, type NotificationRow } from "./notifications.repository";
import {
  EXCERPT_LENGTH,
  UNREAD_COUNT_CAP,
  type ListNotificationsInput,
  type NotificationItem,
  type NotificationPage,
} from "./notifications.schemas";

// `data` is JSON written by the inbox (addNote, assign); read it defensively
const ZData = z.object({ conversationId: z.uuid().optional(), by: z.string().optional() });

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= EXCERPT_LENGTH ? flat : `${flat.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…`;
}

function conversationIdOf(row: NotificationRow): string | null {
  // the message relation is authoritative; ASSIGNED rows carry only data.conversationId
  return row.message?.conversationId ?? ZData.safeParse(row.data).data?.conversationId ?? null;
}

/**
 * The caller's notifications, newest first, one keyset page: one query for the page (with the note), one for the
 * conversations it names. A conversation the caller can no longer reach (a volunteer moved off its team) shows
 * neither its subject nor the note: the item stays, so it can be marked read, but without content.
 */
export async function listNotifications(db: Db, actor: Actor, input: ListNotificationsInput): Promise<NotificationPage> {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await findOwnNotifications(db, actor, after, input.limit + 1);
  const page = rows.slice(0, input.limit);
  const ids = [...new Set(page.map(conversationIdOf).filter((id): id is string => id !== null))];
  const reachable = new Map((await findReachableConversations(db, actor, ids)).map((c) => [c.id, c]));
  const items = page.map((row): NotificationItem => {
    const conversationId = conversationIdOf(row);
    const conversation = conversationId ? (reachable.get(conversationId) ?? null) : null;
    const message = row.message;
    return {
      id: row.id,
      kind: row.kind,
      createdAt: row.createdAt,
      readAt: row.readAt,
      by: ZData.safeParse(row.data).data?.by ?? message?.author?.name ?? null,
      conversation,
      excerpt: conversation && message && !message.deletedAt ? excerpt(message.text) : null,
    };
  });
  const last = page.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null };
}

export async function unreadCount(db: Db, actor: Actor): Promise<{ count: number; capped: boolean }> {
  const n = await countOwnUnread(db, actor, UNREAD_COUNT_CAP + 1);
  return { count: Math.min(n, UNREAD_COUNT_CAP), capped: n > UNREAD_COUNT_CAP };
}
