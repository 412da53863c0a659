import { describe, expect, it } from "vitest";
import { renderTemplate, unfilledVariables } from "./saved-reply-variables";

const ctx = {
  customer: { name: "Maya Lopez", email: "maya@example.com", phone: null },
  order: { number: "#1042", trackingUrl: "https://www.ups.com/track?tracknum=1Z999", trackingNumber: "1Z999", carrier: "UPS", eta: null },
  agent: { name: "Ana Agent" },
};

describe("saved reply templates", () => {
  it("fills known variables", () => {
    const r = renderTemplate("Hi {{customer.first_name}}, order {{ order.number }} → {{order.tracking_url}} — {{agent.name}}", ctx);
    expect(r).toEqual({ text: "Hi Maya, order #1042 → https://www.ups.com/track?tracknum=1Z999 — Ana Agent", missing: [], unknown: [] });
  });

  it("flags missing values and unknown names, leaving them visible", () => {
    const r = renderTemplate("Call {{customer.phone}} by {{order.eta}} re {{coupon.code}}", { ...ctx, order: null });
    expect(r.missing.sort()).toEqual(["customer.phone", "order.eta"]);
    expect(r.unknown).toEqual(["coupon.code"]);
    expect(r.text).toBe("Call {{customer.phone}} by {{order.eta}} re {{coupon.code}}");
    expect(unfilledVariables(r.text).sort()).toEqual(["coupon.code", "customer.phone", "order.eta"]);
  });
});
