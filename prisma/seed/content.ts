// Shared conversation content for the demo: template variables, generic lines, notes and formatting.
// Placeholders ({first}, {order}, …) are filled from the customer's actual order by renderTemplate.

export type Topic = "wismo" | "delayed" | "return" | "damaged" | "address" | "gift" | "exchange" | "promo" | "cancel" | "backorder";

export type TemplateVars = {
  first: string;
  agent: string;
  order?: string;
  carrier?: string;
  tracking?: string;
  trackingUrl?: string;
  product?: string;
  variant?: string;
  newSize?: string;
  reason?: string;
  code?: string;
  city?: string;
  /** a teammate's first name, for notes that mention them */
  mention?: string;
};

export const CUSTOMER_THANKS = [
  "Thank you so much!",
  "Thanks, that's really helpful.",
  "Awesome, appreciate it!",
  "Great, thanks for the quick reply 🙏",
  "Thank you! Happy holidays!",
] as const;

export const AGENT_CLOSINGS = [
  "You're very welcome! Happy holidays from all of us at Demo Store.",
  "Anytime! Don't hesitate to reach out if anything else comes up.",
  "My pleasure. Enjoy the holidays!",
  "Glad I could help. Have a wonderful day!",
] as const;

/** The customer writing again before anyone answered. */
export const CUSTOMER_NUDGES = [
  "Any update on this?",
  "Hello? Is anyone there?",
  "Just following up on my message above.",
  "Still waiting to hear back…",
] as const;

/** A customer's further question that keeps a conversation open. */
export const CUSTOMER_EXTRA_QUESTIONS = [
  "One more question: can I still add another item to my order?",
  "Also, do you ship to Canada? My sister lives in Toronto.",
  "Oh, and is there a gift receipt option?",
  "Also, when is the last day to order for delivery before Christmas?",
] as const;

/** Notes that mention a teammate. */
export const HANDOFF_NOTES = [
  "@{mention} can you take a look at this one? Not sure our policy covers it.",
  "@{mention} handing this over, I'm off at 6.",
  "@{mention} FYI, this customer wrote in about the same order last week.",
] as const;

export const PROMO_CODES = ["HOLIDAY20", "SNOWDAY15", "GIFTS10", "CYBER25", "MERRY2U"] as const;

export const CUSTOMER_NOTES = [
  "Prefers email over phone. Usually replies in the evening.",
  "Wholesale buyer for a boutique; ask about net-30 terms before quoting.",
  "Received a $10 courtesy credit for a delayed order last month.",
  "Long-time customer since our first holiday season. Very friendly!",
  "Has had two damaged deliveries. Pack extra carefully.",
  "Allergic to nuts. Never substitute food items.",
  "Often orders gifts shipped to different addresses. Double-check the address.",
  "Asked not to receive marketing SMS.",
  "Frequently orders the Fair Isle sweater in several sizes and returns the rest.",
  "Corporate gifting contact for a 40-person team. Quotes go to the lead.",
] as const;

/** Fills {placeholders}; a missing value is a bug in the caller, so it throws. */
export function renderTemplate(template: string, vars: TemplateVars): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = (vars as Record<string, string | undefined>)[key];
    if (value === undefined) throw new Error(`template variable {${key}} missing in: ${template}`);
    return value;
  });
}

/** The variables a template uses, so a caller can choose only templates it can fill. */
export function templateFits(template: string, vars: TemplateVars): boolean {
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    if ((vars as Record<string, string | undefined>)[m[1] ?? ""] === undefined) return false;
  }
  return true;
}

export const EMAIL_SIGNOFFS = ["Best", "Warmly", "Thanks", "Happy holidays", "Cheers"] as const;
export const CUSTOMER_SIGNOFFS = ["Thanks", "Thank you", "Best", "Regards", "Cheers"] as const;

/** Email bodies get a greeting and signature; chat and social messages stay short. */
export function formatAgentEmail(body: string, vars: TemplateVars, signoff: string): string {
  return `Hi ${vars.first},\n\n${body}\n\n${signoff},\n${vars.agent}\nDemo Store Customer Care`;
}

/** A customer's email: the first one signed off in full (with a greeting unless the text has one), replies just signed. */
export function formatCustomerEmail(body: string, vars: TemplateVars, opts: { first: boolean; greet: boolean; signoff: string }): string {
  if (!opts.first) return `${body}\n\n${vars.first}`;
  const greeting = opts.greet && !/^(hi|hello|hey)\b/i.test(body) ? "Hello,\n\n" : "";
  return `${greeting}${body}\n\n${opts.signoff},\n${vars.first}`;
}
