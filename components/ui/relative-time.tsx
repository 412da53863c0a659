"use client";

import { useSyncExternalStore } from "react";

export function formatRelative(date: Date, now: Date): string {
  const s = Math.max(0, Math.round((now.getTime() - date.getTime()) / 1000));
  if (s < 60) return "now";
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h`;
  const d = Math.floor(h / 24);
  if (d < 7) return `${d}d`;
  return date.toLocaleDateString(undefined, { month: "short", day: "numeric" });
}

// One shared clock for every timestamp on the page (not one interval per row), ticking every 15 s.
let nowMs = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) nowMs = Date.now();
  timer ??= setInterval(() => {
    nowMs = Date.now();
    listeners.forEach((l) => l());
  }, 15_000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** "5m", "3h", "2d" — refreshed every 15 s; the full time on hover. Rendered on the client only. */
export function RelativeTime({ date, className }: { date: Date; className?: string }) {
  const now = useSyncExternalStore(
    subscribe,
    () => nowMs,
    () => null,
  );
  return (
    <time dateTime={date.toISOString()} title={date.toLocaleString()} className={className}>
      {now === null ? "" : formatRelative(date, new Date(now))}
    </time>
  );
}

/** The current minute as a Date (null while server rendering), from the same shared clock. */
export function useNow(): Date | null {
  const m = useSyncExternalStore(
    subscribe,
    () => nowMs,
    () => null,
  );
  return m === null ? null : new Date(m);
}

/** "Tue, Nov 24, 9:00 AM" — for hovers and absolute times. */
export function formatFull(date: Date): string {
  return date.toLocaleString(undefined, { weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });
}
