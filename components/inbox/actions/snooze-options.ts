export type SnoozePreset = { id: string; label: string; until: Date };

function at(day: Date, hours: number): Date {
  const d = new Date(day);
  d.setHours(hours, 0, 0, 0);
  return d;
}

/** 1 hour, 3 hours, tomorrow 9:00, next Monday 9:00 — relative to `now`, in the agent's timezone. */
export function snoozePresets(now: Date): SnoozePreset[] {
  const tomorrow = new Date(now);
  tomorrow.setDate(now.getDate() + 1);
  const monday = new Date(now);
  monday.setDate(now.getDate() + ((8 - now.getDay()) % 7 || 7));
  return [
    { id: "1h", label: "1 hour", until: new Date(now.getTime() + 3_600_000) },
    { id: "3h", label: "3 hours", until: new Date(now.getTime() + 3 * 3_600_000) },
    { id: "tomorrow", label: "Tomorrow 9:00", until: at(tomorrow, 9) },
    { id: "monday", label: "Next Monday 9:00", until: at(monday, 9) },
  ];
}

export function formatSnoozeHint(until: Date, now: Date): string {
  const sameDay = until.toDateString() === now.toDateString();
  return until.toLocaleString(
    undefined,
    sameDay ? { hour: "numeric", minute: "2-digit" } : { weekday: "short", hour: "numeric", minute: "2-digit" },
  );
}

/** Value for <input type="datetime-local"> in local time. */
export function toLocalInputValue(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
