"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export type ComposerMode = "reply" | "note";
export type Draft = {
  mode: ComposerMode;
  reply: string;
  note: string;
  /** the newest message on screen when the reply was started (soft lock: the server warns if others spoke since) */
  seenMessageId?: string | null;
  /** members picked with @ in the note, by id → name */
  mentions: Record<string, string>;
};

const EMPTY: Draft = { mode: "reply", reply: "", note: "", mentions: {} };
const storageKey = (conversationId: string) => `switchboard:draft:${conversationId}`;

function read(conversationId: string): Draft {
  try {
    const raw = sessionStorage.getItem(storageKey(conversationId));
    if (!raw) return EMPTY;
    const parsed = JSON.parse(raw) as Partial<Draft>;
    return { ...EMPTY, ...parsed, mentions: parsed.mentions ?? {} };
  } catch {
    return EMPTY;
  }
}

/**
 * The composer's draft for one conversation, kept in sessionStorage so switching conversations
 * (which remounts the pane) never loses text. Writes are debounced; the latest is flushed on unmount.
 */
export function useDraft(conversationId: string) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [loaded, setLoaded] = useState(false);
  const latest = useRef(draft);

  useEffect(() => {
    const stored = read(conversationId);
    latest.current = stored;
    // sessionStorage is only readable after hydration, so the stored draft arrives in an effect
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setDraft(stored);
    setLoaded(true);
  }, [conversationId]);

  useEffect(() => {
    if (!loaded) return;
    latest.current = draft;
    const t = setTimeout(() => write(conversationId, draft), 250);
    return () => clearTimeout(t);
  }, [conversationId, draft, loaded]);

  useEffect(() => () => write(conversationId, latest.current), [conversationId]);

  const update = useCallback((patch: Partial<Draft> | ((d: Draft) => Partial<Draft>)) => {
    setDraft((d) => ({ ...d, ...(typeof patch === "function" ? patch(d) : patch) }));
  }, []);

  return { draft, update, loaded };
}

function write(conversationId: string, draft: Draft) {
  try {
    if (!draft.reply && !draft.note && draft.mode === "reply") sessionStorage.removeItem(storageKey(conversationId));
    else sessionStorage.setItem(storageKey(conversationId), JSON.stringify(draft));
  } catch {
    // storage full or disabled: the draft just isn't kept
  }
}
