"use client";

import { useEffect, useRef } from "react";

/**
 * Commands the keyboard layer (inbox screen, command palette) sends to whichever pane owns them.
 * The inbox screen dispatches; the open conversation pane listens. Decoupled so neither imports the other.
 */
export type InboxCommand =
  | "reply" // r: focus the composer in reply mode
  | "note" // n: focus the composer in note mode
  | "assign" // a: open the assignee picker
  | "team" // open the team picker
  | "resolve" // e: resolve (or reopen when already resolved)
  | "snooze" // s: open the snooze picker
  | "tag" // t: open the tag picker
  | "priority" // p: open the priority picker
  | "claim" // assign to me
  | "savedReply"; // open the saved-reply picker in the composer

const TARGET = typeof window === "undefined" ? null : new EventTarget();
const EVENT = "inbox-command";

export function dispatchInboxCommand(command: InboxCommand): void {
  TARGET?.dispatchEvent(new CustomEvent<InboxCommand>(EVENT, { detail: command }));
}

/** Subscribes `handler` to inbox commands for the lifetime of the component (latest handler always used). */
export function useInboxCommand(handler: (command: InboxCommand) => void): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    if (!TARGET) return;
    const listener = (e: Event) => ref.current((e as CustomEvent<InboxCommand>).detail);
    TARGET.addEventListener(EVENT, listener);
    return () => TARGET.removeEventListener(EVENT, listener);
  }, []);
}

/** True when a key event comes from a place where the user types (shortcuts must not fire there). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
}
