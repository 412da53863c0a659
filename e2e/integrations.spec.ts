import { createHmac, randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { SettingsPage } from "./pages/settings-page";
import { signedIn } from "./pages/session";

const SHOP = "Demo Store (Shopify)";
// the seeded demo integration's secret (prisma/seed/demo.ts): public, demo-only
const DEMO_SECRET = "sbk_demo_store_shopify_webhook_secret";

const shot = async (page: Page, name: string) => {
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
};

test("an admin finds the Shopify integration, its webhook URL and deliveries, and reveals the secret", async ({ browser }) => {
  const { page, close } = await signedIn(browser, "admin@example.com");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  const settings = new SettingsPage(page);
  await settings.openIntegrations();
  const card = settings.integration(SHOP);
  await expect(card).toContainText("Shopify");
  await expect(card).toContainText(/[\d,]+ orders/);
  const webhookUrl = (await card.getByTestId("integration-webhook-url").textContent()) ?? "";
  expect(webhookUrl).toMatch(/^http:\/\/localhost:\d+\/api\/integrations\/shopify\/[0-9a-f-]{36}$/);
  await expect(card.getByTestId("integration-secret")).toHaveText(/^•+$/);

  // Shopify delivers an order to the URL shown: it appears among the recent deliveries
  const body = JSON.stringify({
    id: 7_000_000_000_000 + Math.floor(Math.random() * 1e6),
    name: `#E2E-${randomUUID().slice(0, 6)}`,
    email: "e2e.buyer@example.com",
    financial_status: "paid",
    currency: "USD",
    total_price: "42.00",
    created_at: new Date().toISOString(),
    line_items: [{ id: 1, title: "Wool Beanie", sku: "BEANIE-RUST", quantity: 1, price: "42.00" }],
  });
  const res = await page.request.post(webhookUrl, {
    data: body,
    headers: {
      "content-type": "application/json",
      "x-shopify-topic": "orders/create",
      "x-shopify-webhook-id": randomUUID(),
      "x-shopify-hmac-sha256": createHmac("sha256", DEMO_SECRET).update(body).digest("base64"),
    },
  });
  expect(res.status()).toBe(200);
  await page.reload();
  const delivery = settings.integration(SHOP).getByTestId("integration-event").first();
  await expect(delivery).toContainText("orders/create");
  await expect(delivery).toContainText("Processed");

  await settings
    .integration(SHOP)
    .getByRole("button", { name: `Reveal the secret of ${SHOP}` })
    .click();
  await expect(settings.integration(SHOP).getByTestId("integration-secret")).toHaveText(DEMO_SECRET);
  await expect(settings.integration(SHOP).getByRole("button", { name: `Copy the secret of ${SHOP}` })).toBeVisible();
  await shot(page, "settings-integrations-admin");

  // rotating asks first; cancelling keeps the secret
  await settings.integration(SHOP).getByRole("button", { name: "Rotate" }).click();
  await expect(page.getByRole("dialog", { name: `Rotate the secret of ${SHOP}?` })).toBeVisible();
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(settings.integration(SHOP).getByTestId("integration-secret")).toHaveText(DEMO_SECRET);
  await close();
});

test("a lead sees the integration and its endpoints, but no Reveal or Rotate button", async ({ browser }) => {
  const { page, close } = await signedIn(browser, "lead@example.com");
  await page.goto("/settings");
  const settings = new SettingsPage(page);
  await settings.openIntegrations();
  const card = settings.integration(SHOP);
  await expect(card.getByTestId("integration-webhook-url")).toContainText("/api/integrations/shopify/");
  await expect(card.getByTestId("integration-api-url")).toContainText("/api/integrations/orders/");
  await expect(card).toContainText("Only admins can reveal or rotate the secret.");
  await expect(card.getByRole("button", { name: /Reveal/ })).toHaveCount(0);
  await expect(card.getByRole("button", { name: /Rotate/ })).toHaveCount(0);
  await shot(page, "settings-integrations-lead");
  await close();
});
