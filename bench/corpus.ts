// Realistic message texts for the bench dataset, built from the demo seed's own scripts and catalog.
// Every placeholder is filled here except {order} and {tracking}: generate.ts fills those in SQL with the
// conversation's customer's order / tracking number, so search sees real per-customer tokens.
import { CARRIERS, CITIES, DELAY_REASONS, FIRST_NAMES, LAST_NAMES, EMAIL_DOMAINS, PRODUCTS, TAGS, asciiSlug } from "../prisma/seed/catalog";
import {
  AGENT_CLOSINGS,
  CUSTOMER_EXTRA_QUESTIONS,
  CUSTOMER_NUDGES,
  CUSTOMER_THANKS,
  HANDOFF_NOTES,
  PROMO_CODES,
} from "../prisma/seed/content";
import { SCRIPTS } from "../prisma/seed/scripts";

export const ORDER_TOKEN = "{order}";
export const TRACKING_TOKEN = "{tracking}";

const AGENT_NAMES = ["Ana", "Sam", "Lee", "Ada", "Kai", "Rosa", "Tom", "Mina"] as const;
const SIZES = ["XS", "S", "M", "L", "XL"] as const;

function at<T>(items: readonly T[], i: number): T {
  const v = items[i % items.length];
  if (v === undefined) throw new Error("empty corpus list");
  return v;
}

/** Fills every placeholder but {order}/{tracking}; variant k picks different products, carriers, cities. */
function render(template: string, k: number): string {
  const product = at(PRODUCTS, k * 7 + 3);
  const carrier = at(CARRIERS, k);
  const values: Record<string, string> = {
    order: ORDER_TOKEN,
    tracking: TRACKING_TOKEN,
    trackingUrl: carrier.trackingUrl(TRACKING_TOKEN),
    product: product.name,
    variant: at(product.variants ?? ["One size"], k),
    newSize: at(SIZES, k + 2),
    carrier: carrier.name,
    city: at(CITIES, k * 3).city,
    reason: at(DELAY_REASONS, k).reason,
    code: at(PROMO_CODES, k),
    first: at(FIRST_NAMES, k * 11),
    agent: at(AGENT_NAMES, k),
    mention: at(AGENT_NAMES, k + 3),
  };
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

function scriptLines(): { lines: string[]; subjects: string[] } {
  const lines: string[] = [];
  const subjects: string[] = [];
  for (const script of Object.values(SCRIPTS)) {
    const sets = script.presale ? [script, script.presale] : [script];
    for (const s of sets) {
      subjects.push(...s.subjects);
      lines.push(...s.openings);
      for (const t of s.threads) lines.push(t.reply, t.followUp, t.resolution);
    }
    lines.push(...script.notes);
  }
  lines.push(...CUSTOMER_THANKS, ...AGENT_CLOSINGS, ...CUSTOMER_NUDGES, ...CUSTOMER_EXTRA_QUESTIONS, ...HANDOFF_NOTES);
  return { lines, subjects };
}

export type Corpus = {
  /** ~200 distinct message bodies (with {order} / {tracking} left for SQL) */
  bodies: string[];
  subjects: string[];
  firstNames: string[];
  lastNames: string[];
  /** ASCII slugs of the names above, for email local parts */
  firstSlugs: string[];
  lastSlugs: string[];
  emailDomains: string[];
  carriers: string[];
  tags: { name: string; color: string }[];
};

export function buildCorpus(target = 200): Corpus {
  const { lines, subjects } = scriptLines();
  const bodies = new Set<string>();
  // one rendering of each line, then more renderings (other products/carriers) until ~target distinct
  for (let round = 0; bodies.size < target && round < 8; round++) {
    for (let i = 0; i < lines.length && bodies.size < target; i++) bodies.add(render(lines[i] ?? "", i + round * 5));
  }
  return {
    bodies: [...bodies],
    subjects: [...new Set(subjects.map((s, i) => render(s, i)))],
    firstNames: [...FIRST_NAMES],
    lastNames: [...LAST_NAMES],
    firstSlugs: FIRST_NAMES.map(asciiSlug),
    lastSlugs: LAST_NAMES.map(asciiSlug),
    emailDomains: [...EMAIL_DOMAINS],
    carriers: CARRIERS.map((c) => c.name),
    tags: TAGS.map((t) => ({ ...t })),
  };
}
