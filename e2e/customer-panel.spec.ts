import { expect, test } from "@playwright/test";
import { CustomerPanelPage } from "./pages/customer-panel-page";
import { signedIn } from "./pages/session";

// Emma Larsen (prisma/seed/demo-story.ts) emailed last week and now writes on WhatsApp about a late parcel.
const CUSTOMER = "Emma Larsen";

test("the panel beside a WhatsApp conversation shows the customer's email conversation, delayed order, tags and pinned note; tracking goes into the reply in one click; a refund request leaves an internal note", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { page, close } = await signedIn(browser, "agent@example.com");
  const customer = new CustomerPanelPage(page);
  await customer.openConversation(CUSTOMER, "WHATSAPP");

  await expect(customer.name()).toHaveText(CUSTOMER);
  // both conversations, on their channels: the WhatsApp one being viewed and the earlier email
  await expect(customer.conversations()).toHaveCount(2);
  await expect(customer.conversations().and(page.locator('[data-channel="WHATSAPP"][data-current]'))).toHaveCount(1);
  await expect(customer.conversations().and(page.locator('[data-channel="EMAIL"]'))).toContainText("Gift note for order");
  // the delayed order, flagged, with carrier tracking
  const delayed = customer.delayedOrders().first();
  await expect(delayed).toContainText("DELAYED");
  await expect(delayed).toContainText("UPS");
  const trackingUrl = await delayed.getByTestId("tracking-link").getAttribute("href");
  expect(trackingUrl).toMatch(/^https:\/\/www\.ups\.com\/track\?tracknum=1Z/);
  // customer tags and the pinned note
  await expect(customer.tags()).toContainText("vip");
  await expect(customer.tags()).toContainText("gift");
  await expect(customer.pinnedNotes()).toContainText("Prefers WhatsApp over email");

  // one action puts the tracking link into the reply
  await expect(customer.composer()).toHaveValue("");
  await delayed.getByRole("button", { name: "Insert tracking" }).click();
  await expect(customer.composer()).toBeFocused();
  await expect(customer.composer()).toHaveValue(new RegExp(trackingUrl!.replace(/[.?]/g, "\\$&")));

  // sending that reply records "tracking sent" on the order's timeline
  await page.keyboard.press("Control+Enter");
  await expect(customer.composer()).toHaveValue("");
  await delayed.getByTestId("order-toggle").click();
  await expect(delayed.getByTestId("order-timeline")).toContainText("Tracking sent to the customer", { timeout: 15_000 });

  // a refund request: recorded on the order and as an internal note in this conversation
  const notesBefore = await customer.internalNotes().count();
  await customer.requestRefund(delayed, "Gift box arrived too late for the client meeting", "49");
  await expect(customer.internalNotes()).toHaveCount(notesBefore + 1);
  await expect(customer.internalNotes().last()).toContainText("Refund requested for order");
  await expect(customer.internalNotes().last()).toContainText("$49.00");
  await expect(delayed.getByTestId("order-timeline")).toContainText("Refund requested by Ana Agent");
  await close();
});

test("a volunteer opening a conversation in their queue sees its customer's panel, read-only", async ({ browser }) => {
  const { page, inbox, close } = await signedIn(browser, "volunteer@example.com");
  const customer = new CustomerPanelPage(page);
  const row = inbox.rows().first();
  const name = (await row.getAttribute("aria-label"))?.split(":")[0] ?? "";
  expect(name).not.toBe("");
  await row.click();
  await expect(customer.panel()).toBeVisible();
  await expect(customer.name()).toHaveText(name);
  await expect(customer.conversations().first()).toBeVisible();
  // volunteers may not change the customer or request order actions
  await expect(customer.panel().getByRole("button", { name: "Add customer tag" })).toHaveCount(0);
  await expect(customer.name()).toBeDisabled();
  await expect(customer.panel().getByRole("menuitem", { name: "Request refund" })).toHaveCount(0);
  await close();
});
