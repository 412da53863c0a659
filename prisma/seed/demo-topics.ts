// Which support topic a demo conversation is about, given the customer's orders and when it starts.
import type { ConversationStatus } from "../../server/db/generated/client";
import { PRODUCTS, isSized } from "./catalog";
import { PROMO_CODES, type TemplateVars, type Topic, templateFits } from "./content";
import { SCRIPTS, type ScriptLines, type Thread } from "./scripts";
import type { DemoCustomer } from "./demo-customers";
import type { DemoOrder, OrderLine } from "./demo-orders";
import type { Rng } from "./random";

const HOUR = 60;
const DAY = 24 * HOUR;

/** When (minutes ago) a conversation with each status may have started: [latest, earliest]. */
export const STATUS_WINDOWS: Record<ConversationStatus, readonly [number, number]> = {
  OPEN: [10, 4 * DAY],
  PENDING: [2 * HOUR, 6 * DAY],
  SNOOZED: [6 * HOUR, 8 * DAY],
  RESOLVED: [2 * HOUR, 58 * DAY],
};

export type TopicChoice = {
  topic: Topic;
  order: DemoOrder | null;
  line: OrderLine | null;
  /** minutes before now the customer's first message was sent */
  startAgo: number;
};

type Candidate = { topic: Topic; order: DemoOrder | null; weight: number; lo: number; hi: number };

function orderCandidates(o: DemoOrder): Candidate[] {
  const out: Candidate[] = [];
  const add = (topic: Topic, weight: number, lo: number, hi: number) => out.push({ topic, order: o, weight, lo: Math.max(10, lo), hi });
  const notYetShipped = o.labelAgo ?? o.shippedAgo ?? 0;
  // "where is it?" while it travels normally: before delivery, and before any delay was reported
  const wismoLo = o.deliveredAgo !== null ? o.deliveredAgo + HOUR : o.delayedAgo !== null ? o.delayedAgo + 30 : 10;
  if (o.shippedAgo !== null) add("wismo", 22, wismoLo, o.shippedAgo - 6 * HOUR);
  if (o.delayedAgo !== null) add("delayed", 60, 10, o.delayedAgo - 30);
  if (o.state === "BACKORDERED") add("backorder", 40, 10, o.placedAgo - 2 * HOUR);
  if (o.deliveredAgo !== null) {
    add("damaged", 9, o.deliveredAgo - 10 * DAY, o.deliveredAgo - HOUR);
    const lo = o.returnRequestedAgo !== null ? o.returnRequestedAgo + 30 : o.deliveredAgo - 30 * DAY;
    add("return", o.state === "RETURNED" ? 60 : 12, lo, o.deliveredAgo - 6 * HOUR);
    if (o.lines.some((l) => isSized(l.product) && l.variant !== null)) add("exchange", 12, lo, o.deliveredAgo - 6 * HOUR);
  }
  if (o.state === "CANCELLED" && o.cancelledAgo !== null) add("cancel", 60, o.cancelledAgo + 5, o.placedAgo - 5);
  if (o.state !== "CANCELLED") {
    add("address", 10, notYetShipped + 30, o.placedAgo - 20);
    add("gift", 7, notYetShipped + 30, o.placedAgo - 20);
    add("promo", 5, o.placedAgo - 3 * DAY, o.placedAgo - 30);
  }
  return out;
}

const PRESALE: readonly Candidate[] = (["gift", "promo", "backorder"] as const).map((topic) => ({
  topic,
  order: null,
  weight: 4,
  lo: 10,
  hi: 58 * DAY,
}));

/** A topic (and order) that makes sense for a conversation of this status, or null when none fits. */
export function chooseTopic(rng: Rng, orders: readonly DemoOrder[], status: ConversationStatus, withPresale: boolean): TopicChoice | null {
  const [wLo, wHi] = STATUS_WINDOWS[status];
  const fits = [...orders.flatMap(orderCandidates), ...(withPresale ? PRESALE : [])]
    .map((c) => ({ ...c, lo: Math.max(c.lo, wLo), hi: Math.min(c.hi, wHi) }))
    .filter((c) => c.hi - c.lo >= 5);
  if (fits.length === 0) return null;
  const c = rng.weighted(fits.map((f) => [f, f.weight] as const));
  // recent conversations are more common than old ones
  const startAgo = Math.round(c.lo + (c.hi - c.lo) * rng.next() ** 1.6);
  let line: OrderLine | null = null;
  if (c.order) {
    const physical = c.order.lines.filter((l) => l.product.productType !== "Gift Card");
    line =
      c.topic === "exchange"
        ? (physical.find((l) => isSized(l.product) && l.variant !== null) ?? null)
        : c.topic === "backorder"
          ? (physical[0] ?? null) // the backordered item
          : rng.pick(physical);
  }
  return { topic: c.topic, order: c.order, line, startAgo };
}

/** The values the topic's templates are filled with. */
export function templateVars(rng: Rng, choice: TopicChoice, customer: DemoCustomer, agentFirstName: string): TemplateVars {
  const o = choice.order;
  const product = choice.line?.product ?? rng.pick(PRODUCTS.filter((p) => p.productType !== "Gift Card"));
  const variant = choice.line?.variant ?? undefined;
  const others = product.variants?.filter((v) => v !== variant) ?? [];
  return {
    first: customer.first,
    agent: agentFirstName,
    order: o?.number,
    carrier: o?.carrier?.name,
    tracking: o?.tracking ?? undefined,
    trackingUrl: o?.trackingUrl ?? undefined,
    product: product.name,
    variant,
    newSize: others.length > 0 ? rng.pick(others) : undefined,
    reason: o?.delayReason ?? undefined,
    code: rng.pick(PROMO_CODES),
    city: customer.city.city,
  };
}

/** Picks a template whose placeholders can all be filled. */
export function pickFitting(rng: Rng, templates: readonly string[], vars: TemplateVars): string {
  const ok = templates.filter((t) => templateFits(t, vars));
  if (ok.length === 0) throw new Error(`no template fits: ${templates[0] ?? "(none)"}`);
  return rng.pick(ok);
}

/** Picks a thread (reply → follow-up → resolution) whose placeholders can all be filled. */
export function pickThread(rng: Rng, threads: readonly Thread[], vars: TemplateVars): Thread {
  const ok = threads.filter((t) => templateFits(t.reply, vars) && templateFits(t.followUp, vars) && templateFits(t.resolution, vars));
  if (ok.length === 0) throw new Error(`no thread fits: ${threads[0]?.reply ?? "(none)"}`);
  return rng.pick(ok);
}

/** The script for this choice: presale lines (and no topic notes) when there is no order. */
export function scriptFor(choice: TopicChoice): ScriptLines & { notes: readonly string[]; tags: readonly string[] } {
  const script = SCRIPTS[choice.topic];
  if (choice.order || !script.presale) return script;
  return { ...script.presale, notes: [], tags: script.tags };
}
