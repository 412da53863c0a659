/** {{path.to.value}} templates for saved replies: fill what is known, report what is missing. */
export type TemplateContext = {
  customer: { name: string | null; email: string | null; phone: string | null };
  order: { number: string; trackingUrl: string | null; trackingNumber: string | null; carrier: string | null; eta: Date | null } | null;
  agent: { name: string };
};

export const VARIABLES = [
  "customer.first_name",
  "customer.name",
  "customer.email",
  "customer.phone",
  "order.number",
  "order.tracking_url",
  "order.tracking_number",
  "order.carrier",
  "order.eta",
  "agent.name",
  "agent.first_name",
] as const;

const firstName = (name: string | null) => name?.trim().split(/\s+/)[0] || null;

function resolve(variable: string, ctx: TemplateContext): string | null | undefined {
  switch (variable) {
    case "customer.first_name":
      return firstName(ctx.customer.name);
    case "customer.name":
      return ctx.customer.name;
    case "customer.email":
      return ctx.customer.email;
    case "customer.phone":
      return ctx.customer.phone;
    case "order.number":
      return ctx.order?.number ?? null;
    case "order.tracking_url":
      return ctx.order?.trackingUrl ?? null;
    case "order.tracking_number":
      return ctx.order?.trackingNumber ?? null;
    case "order.carrier":
      return ctx.order?.carrier ?? null;
    case "order.eta":
      return ctx.order?.eta ? ctx.order.eta.toLocaleDateString("en-US", { weekday: "long", month: "long", day: "numeric" }) : null;
    case "agent.name":
      return ctx.agent.name;
    case "agent.first_name":
      return firstName(ctx.agent.name);
    default:
      return undefined; // not a variable we know
  }
}

/**
 * Fills the template. Missing values stay visible as {{variable}} in the text and are listed in
 * `missing`, so the composer can flag them before anything is sent; unknown names go in `unknown`.
 */
export function renderTemplate(body: string, ctx: TemplateContext): { text: string; missing: string[]; unknown: string[] } {
  const missing = new Set<string>();
  const unknown = new Set<string>();
  const text = body.replace(/\{\{\s*([a-z_.]+)\s*\}\}/gi, (whole, name: string) => {
    const key = name.toLowerCase();
    const value = resolve(key, ctx);
    if (value === undefined) {
      unknown.add(key);
      return whole;
    }
    if (value === null || value === "") {
      missing.add(key);
      return `{{${key}}}`;
    }
    return value;
  });
  return { text, missing: [...missing], unknown: [...unknown] };
}

/** Placeholders still present in a draft (the agent did not fill them in by hand). */
export function unfilledVariables(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([a-z_.]+)\s*\}\}/gi)].map((m) => (m[1] ?? "").toLowerCase()))];
}
