// A small seeded PRNG (mulberry32) for deterministic demo data: the same seed gives the same sequence.

export type Rng = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  float(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight: [[value, weight], …]. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  chance(p: number): boolean;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** n distinct items (fewer when the list is shorter). */
  sample<T>(items: readonly T[], n: number): T[];
  /** A date uniformly between from and to. */
  date(from: Date, to: Date): Date;
  /** A string of digits of the given length (no leading zero). */
  digits(length: number): string;
  /** Upper-case letters and digits. */
  alphanumeric(length: number): string;
  /**
   * A valid UUID v7 string: the 48-bit time field is a fixed epoch plus a counter (so ids sort in creation
   * order and are the same on every run), the other bits come from the PRNG.
   */
  uuid(): string;
};

/** 2025-01-01T00:00:00Z: the time field of generated uuids counts up from here, one millisecond per id. */
const UUID_EPOCH_MS = 1_735_689_600_000;

function hashSeed(seed: number | string): number {
  if (typeof seed === "number") return seed >>> 0;
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, "0");
}

export function createRng(seed: number | string): Rng {
  let state = hashSeed(seed);
  let uuidCounter = 0;

  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const u32 = (): number => Math.floor(next() * 4294967296) >>> 0;

  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(next() * items.length)] as T;
  };

  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  };

  return {
    next,
    int,
    float: (min, max) => min + next() * (max - min),
    pick,
    weighted<T>(entries: readonly (readonly [T, number])[]): T {
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [value, w] of entries) {
        r -= w;
        if (r < 0) return value;
      }
      const last = entries[entries.length - 1];
      if (!last) throw new Error("weighted pick from an empty list");
      return last[0];
    },
    chance: (p) => next() < p,
    shuffle,
    sample: (items, n) => shuffle(items).slice(0, Math.max(0, n)),
    date: (from, to) => new Date(from.getTime() + Math.floor(next() * (to.getTime() - from.getTime()))),
    digits(length) {
      let s = String(int(1, 9));
      while (s.length < length) s += String(int(0, 9));
      return s;
    },
    alphanumeric(length) {
      const chars = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
      let s = "";
      while (s.length < length) s += pick([...chars]);
      return s;
    },
    uuid() {
      const ms = UUID_EPOCH_MS + uuidCounter++;
      const timeHigh = Math.floor(ms / 0x10000); // upper 32 bits of the 48-bit time field
      const timeLow = ms % 0x10000;
      const a = u32();
      const b = u32();
      const c = u32();
      const version = 0x7000 | (a & 0x0fff);
      const variant = 0x8000 | ((a >>> 12) & 0x3fff);
      return `${hex(timeHigh, 8)}-${hex(timeLow, 4)}-${hex(version, 4)}-${hex(variant, 4)}-${hex(b & 0xffff, 4)}${hex(c, 8)}`;
    },
  };
}
