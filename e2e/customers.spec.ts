import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { CustomersPage } from "./pages/customers-page";
import { signedIn } from "./pages/session";

const shot = async (page: Page, name: string) => {
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `test-results/screens/${name}.png` });
};

test("a lead searches the directory, opens a customer, reads a past conversation inline, merges a duplicate and undoes it", async ({
  browser,
}) => {
  const { page, close } = await signedIn(browser, "lead@example.com");
  const customers = new CustomersPage(page);
  await customers.open();
  await shot(page, "customers-list");

  // "/" jumps to the search; the list follows the (debounced) query
  await page.keyboard.press("/");
  await expect(customers.search()).toBeFocused();
  await page.keyboard.type("Sofia Marchetti");
  await expect(page).toHaveURL(/q=Sofia/);
  await expect(customers.row("Sofia Marchetti")).toBeVisible();

  // the export takes the current filter
  const [download] = await Promise.all([page.waitForEvent("download"), customers.exportLink().click()]);
  const csv = await readFile((await download.path()) ?? "", "utf8");
  expect(csv).toContain("id,name,email,phone,vip,channels,tags,orders,open_conversations,last_contact_at,created_at");
  expect(csv).toContain("Sofia Marchetti,sofia.marchetti@example.com,+16175550142");

  await customers.row("Sofia Marchetti").click();
  await customers.expectCustomerPage("Sofia Marchetti");
  await expect(page.getByTestId("customer-panel")).toBeVisible();

  // a past e-mail conversation opens inline on the timeline
  const past = customers.conversationCard("Gift wrapping?");
  await expect(past).toContainText("Resolved");
  const messages = await customers.expand(past);
  await expect(messages).toContainText("do you gift-wrap");
  await expect(messages).toContainText('Tick "gift wrap" at checkout');
  await expect(past.getByRole("link", { name: /Open in inbox/ })).toHaveAttribute("href", /\/inbox\?c=/);

  // the WhatsApp-only record with the same phone is suggested; the preview says what moves
  const suggestion = customers.suggestion("Sofia M.");
  await expect(suggestion).toContainText("Same phone +16175550142");
  await suggestion.getByRole("button", { name: "Review merge" }).click();
  const dialog = customers.mergeDialog();
  await expect(dialog.getByTestId("merge-keep")).toContainText("Sofia Marchetti");
  await expect(dialog.getByTestId("merge-merge")).toContainText("Sofia M.");
  await expect(dialog.getByTestId("merge-moves")).toContainText("1 conversation");
  await expect(dialog.getByTestId("merge-moves")).toContainText("1 channel identity");
  await shot(page, "customers-merge-preview");
  await dialog.getByRole("button", { name: "Merge into Sofia Marchetti" }).click();
  await expect(dialog).toBeHidden();

  // the WhatsApp conversation is now on her timeline; the suggestion is gone; the merge is in the history
  await expect(customers.conversationCard("Harbor Lane")).toBeVisible();
  await expect(customers.conversationCard("Harbor Lane")).toContainText("WhatsApp");
  await expect(customers.suggestion("Sofia M.")).toHaveCount(0);
  const item = customers.historyItems().first();
  await expect(item).toContainText("Sofia M. merged into Sofia Marchetti");
  await shot(page, "customers-merged");

  await item.getByRole("button", { name: "Undo merge" }).click();
  await expect(customers.conversationCard("Harbor Lane")).toHaveCount(0);
  await expect(customers.suggestion("Sofia M.")).toBeVisible();
  await expect(customers.historyItems().first()).toContainText("Undone");
  await close();
});

test("agents browse by keyboard without merge or export controls; volunteers have no directory", async ({ browser }) => {
  const agent = await signedIn(browser, "agent@example.com");
  const customers = new CustomersPage(agent.page);
  await customers.open();
  await expect(customers.exportLink()).toHaveCount(0);
  expect((await agent.page.request.get("/api/customers/export")).status()).toBe(403);

  await agent.page.keyboard.press("j");
  await agent.page.keyboard.press("j");
  await expect(customers.focusedRow()).toHaveCount(1);
  const id = await customers.focusedRow().getAttribute("data-id");
  await agent.page.keyboard.press("Enter");
  await expect(agent.page).toHaveURL(new RegExp(`/customers/${id}`));
  await expect(customers.timeline()).toBeVisible();
  await expect(agent.page.getByRole("button", { name: "Merge…" })).toHaveCount(0);
  await expect(customers.duplicates()).toHaveCount(0);
  await agent.close();

  const volunteer = await signedIn(browser, "volunteer@example.com");
  await expect(volunteer.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Customers" })).toHaveCount(0);
  await volunteer.page.goto("/customers");
  await expect(volunteer.page).toHaveURL(/\/inbox/);
  expect((await volunteer.page.request.get("/api/customers/export")).status()).toBe(403);
  await volunteer.close();
});
