import { expect, test } from "@playwright/test";
import { signedIn } from "./pages/session";

test("keyboard triage: j/k move, Enter opens, ? shows the shortcuts, Ctrl-K runs a command, g then i goes back", async ({ browser }) => {
  const { page, inbox, close } = await signedIn(browser, "agent@example.com");
  await page.keyboard.press("j");
  await expect(inbox.focusedRow()).toHaveCount(1);
  const first = await inbox.focusedRow().getAttribute("data-id");
  await page.keyboard.press("j");
  const second = await inbox.focusedRow().getAttribute("data-id");
  expect(second).not.toBe(first);
  await page.keyboard.press("k");
  await expect(inbox.focusedRow()).toHaveAttribute("data-id", first!);

  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`c=${first}`));
  await expect(page.getByTestId("conversation-pane")).toBeVisible();
  // with a conversation open, j opens the next one
  await page.keyboard.press("j");
  await expect(page).toHaveURL(new RegExp(`c=${second}`));

  await page.keyboard.press("?");
  await expect(page.getByTestId("shortcut-sheet")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("shortcut-sheet")).toBeHidden();

  await page.keyboard.press("Control+k");
  await expect(page.getByTestId("command-palette")).toBeVisible();
  await page.keyboard.type("assigned to me");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/view=mine/);
  await expect(page.getByRole("heading", { name: "Assigned to me" })).toBeVisible();

  await page.keyboard.press("g");
  await page.keyboard.press("i");
  await expect(page).not.toHaveURL(/view=mine/);
  await expect(page.getByRole("heading", { name: "All conversations" })).toBeVisible();
  await close();
});

test("views carry live counts, and a channel view lists only that channel", async ({ browser }) => {
  const { page, close } = await signedIn(browser, "lead@example.com");
  const views = page.getByRole("navigation", { name: "Inbox views" });
  await expect(views.getByRole("button", { name: /All conversations\s*\d+/ })).toBeVisible();
  const channels = page.getByRole("navigation", { name: "Channels" });
  await channels.getByRole("button", { name: /WhatsApp/ }).click();
  await expect(page).toHaveURL(/channel=WHATSAPP/);
  await expect(page.getByRole("heading", { name: "WhatsApp" })).toBeVisible();
  const rows = page.getByTestId("conversation-row");
  await expect(rows.first()).toBeVisible();
  const n = Math.min(await rows.count(), 6);
  for (let i = 0; i < n; i++) await expect(rows.nth(i).getByText("WhatsApp", { exact: true })).toHaveCount(1);
  await close();
});

test("bulk: x selects, the bulk bar tags and resolves the selection, and another agent's list updates live", async ({ browser }) => {
  test.setTimeout(120_000); // two browser contexts / many steps
  const a = await signedIn(browser, "agent@example.com");
  const b = await signedIn(browser, "agent2@example.com");
  // b watches the same list (All, Open), no reload afterwards
  await a.page.keyboard.press("j");
  const firstId = await a.inbox.focusedRow().getAttribute("data-id");
  await a.page.keyboard.press("x");
  await a.page.keyboard.press("j");
  const secondId = await a.inbox.focusedRow().getAttribute("data-id");
  await a.page.keyboard.press("x");
  const bar = a.page.getByTestId("bulk-bar");
  await expect(bar).toContainText("2 selected");

  await bar.getByRole("button", { name: "Tag" }).click();
  await a.page.getByRole("combobox", { name: "Add tag" }).fill("holiday-rush");
  await a.page.keyboard.press("Enter");
  await expect(a.page.getByText(/Tagged 2 conversations holiday-rush/)).toBeVisible();
  await expect(a.page.locator(`[data-id="${firstId}"]`)).toContainText("holiday-rush");

  await a.page.keyboard.press("x");
  await a.page.keyboard.press("k");
  await a.page.keyboard.press("x");
  await a.page.getByTestId("bulk-bar").getByRole("button", { name: "Resolve" }).click();
  await expect(a.page.getByText(/Resolved 2 conversations/)).toBeVisible();
  await expect(a.page.locator(`[data-id="${firstId}"]`)).toHaveCount(0);
  // the other agent's open list drops them live
  await expect(b.page.locator(`[data-id="${firstId}"]`)).toHaveCount(0, { timeout: 10_000 });
  await expect(b.page.locator(`[data-id="${secondId}"]`)).toHaveCount(0);
  await a.close();
  await b.close();
});

test("two agents: B sees A viewing; B's reply appears live for A, who is warned before sending and sees it", async ({ browser }) => {
  test.setTimeout(120_000); // two browser contexts / many steps
  const a = await signedIn(browser, "agent@example.com");
  const b = await signedIn(browser, "agent2@example.com");
  await a.page.keyboard.press("j");
  await a.page.keyboard.press("Enter");
  const id = await a.inbox.focusedRow().getAttribute("data-id");
  await expect(a.page.getByTestId("conversation-pane")).toHaveAttribute("data-conversation-id", id!);
  await b.page.goto(`/inbox?c=${id}`);
  await expect(b.page.getByTestId("conversation-pane")).toHaveAttribute("data-conversation-id", id!);
  // each sees the other in the conversation
  await expect(b.page.getByTestId("viewers")).toHaveAttribute("aria-label", /Also viewing: .*Ana Agent/);
  await expect(a.page.getByTestId("viewers")).toHaveAttribute("aria-label", /Also viewing: .*Sam Agent/);

  // A starts a reply (B sees A typing) …
  await a.page.keyboard.press("r");
  await expect(a.page.getByTestId("composer")).toBeFocused();
  const mine = "Let me check with the carrier and get back to you.";
  await a.page.keyboard.type(mine);
  await expect(b.page.getByTestId("viewers")).toHaveAttribute("aria-label", /Ana Agent \(typing\)/);
  // … meanwhile B answers
  const theirs = `Your parcel is out for delivery today (${Date.now()}).`;
  await b.page.keyboard.press("r");
  await expect(b.page.getByTestId("composer")).toBeFocused();
  await b.page.keyboard.type(theirs);
  await b.page.keyboard.press("Control+Enter");
  await expect(b.page.getByTestId("timeline-item").filter({ hasText: theirs })).toHaveCount(1);
  // A sees B's reply arrive live, then is warned instead of sending blindly
  await expect(a.page.getByTestId("timeline-item").filter({ hasText: theirs })).toHaveCount(1);
  await a.page.keyboard.press("Control+Enter");
  const warning = a.page.getByTestId("reply-conflict");
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(theirs);
  await expect(a.page.getByTestId("timeline-item").filter({ hasText: mine })).toHaveCount(0);
  await expect(a.page.getByTestId("composer")).toHaveValue(mine); // the draft is kept
  // having read it, A sends anyway
  await warning.getByRole("button", { name: "Send anyway" }).click();
  await expect(a.page.getByTestId("timeline-item").filter({ hasText: mine })).toHaveCount(1);
  await expect(b.page.getByTestId("timeline-item").filter({ hasText: mine })).toHaveCount(1);
  await a.close();
  await b.close();
});

test("keyboard only: clear five conversations from Unassigned — open, tag, assign, resolve — without the mouse", async ({ browser }) => {
  test.setTimeout(120_000); // two browser contexts / many steps
  const { page, inbox, close } = await signedIn(browser, "agent@example.com");
  await page.keyboard.press("g");
  await page.keyboard.press("u");
  await expect(page).toHaveURL(/view=unassigned/);
  await expect(inbox.rows().first()).toBeVisible();
  await page.keyboard.press("j");
  await page.keyboard.press("Enter");
  const pane = page.getByTestId("conversation-pane");
  const done: string[] = [];
  for (let n = 0; n < 5; n++) {
    await expect(pane.getByRole("heading", { level: 2 })).toBeVisible();
    const id = (await pane.getAttribute("data-conversation-id"))!;
    expect(id).toBeTruthy();
    expect(done).not.toContain(id);

    await page.keyboard.press("t");
    await expect(page.getByRole("combobox", { name: "Tag" })).toBeFocused();
    await page.keyboard.type("holiday-rush");
    await page.keyboard.press("Enter");
    await expect(pane.getByRole("list", { name: "Tags" })).toContainText("holiday-rush");

    await page.keyboard.press("a");
    await expect(page.getByRole("combobox", { name: "Assignee" })).toBeFocused();
    await page.keyboard.type("Ana");
    await page.keyboard.press("Enter");
    await expect(pane.getByRole("button", { name: "Assignee (a)" })).toContainText("Ana Agent");

    await page.keyboard.press("e");
    done.push(id);
    // the next conversation opens by itself
    await expect(pane).not.toHaveAttribute("data-conversation-id", id);
  }
  // all five are resolved, tagged and Ana's
  for (const id of done) {
    await page.goto(`/inbox?view=mine&status=RESOLVED&c=${id}`);
    await expect(pane).toHaveAttribute("data-conversation-id", id);
    await expect(pane.getByRole("list", { name: "Tags" })).toContainText("holiday-rush");
    await expect(pane.getByRole("button", { name: "Assignee (a)" })).toContainText("Ana Agent");
    await expect(pane.getByRole("button", { name: "Reopen", exact: true })).toBeVisible();
  }
  await close();
});

test("/ searches messages with highlighted matches; Enter opens the hit", async ({ browser }) => {
  const { page, inbox, close } = await signedIn(browser, "agent@example.com");
  const row = inbox.rows().first();
  const number = /#(\d+)/.exec((await row.textContent()) ?? "")?.[1];
  expect(number).toBeTruthy();
  const rowId = await row.getAttribute("data-id");
  // by its number
  await page.keyboard.press("/");
  const box = page.getByRole("combobox", { name: "Search messages, notes, customers and orders" });
  await expect(box).toBeFocused();
  await box.fill(`#${number}`);
  const hit = page.getByRole("listbox", { name: "Search results" }).getByRole("option").first();
  await expect(hit).toContainText(`#${number}`);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`c=${rowId}`));
  await expect(page.getByTestId("conversation-pane")).toHaveAttribute("data-conversation-id", rowId!);

  await page.keyboard.press("/");
  await box.fill("tracking");
  // full-text matches stems: "tracking" also finds "track", "tracked"
  await expect(page.getByRole("listbox", { name: "Search results" }).locator("mark").first()).toHaveText(/^track/i);
  await close();
});

test("filters: f opens them, chips show them, and they save as a view in the sidebar with a live count", async ({ browser }) => {
  const { page, inbox, close } = await signedIn(browser, "lead@example.com");
  const name = `Urgent & waiting ${Date.now() % 100000}`;
  await page.keyboard.press("f");
  const form = page.getByTestId("filter-form");
  await expect(form).toBeVisible();
  await form.getByLabel("Priority").selectOption("URGENT");
  await form.getByLabel("Waiting over").selectOption("15");
  await expect(page.getByRole("list", { name: "Active filters" })).toContainText("Urgent priority");
  await expect(page.getByRole("list", { name: "Active filters" })).toContainText("Waiting > 15 minutes");
  await expect(page).toHaveURL(/priority=URGENT/);
  await form.getByPlaceholder("e.g. VIPs waiting > 4 h").fill(name);
  await form.getByRole("button", { name: "Save view" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  const saved = page.getByRole("navigation", { name: "Saved views" }).getByRole("button", { name: new RegExp(name) });
  await expect(saved).toHaveAttribute("aria-current", "page");
  const rows = inbox.rows();
  await expect(rows.first()).toBeVisible();
  for (let i = 0; i < Math.min(await rows.count(), 5); i++) await expect(rows.nth(i)).toContainText("Urgent");
  await expect(saved.getByTestId("view-count")).toHaveText(String(await rows.count()));

  // back to All, then the saved view brings its filters back
  await page.keyboard.press("g");
  await page.keyboard.press("i");
  await expect(page.getByRole("list", { name: "Active filters" })).toHaveCount(0);
  await saved.click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page).toHaveURL(/priority=URGENT.*waiting=15|waiting=15.*priority=URGENT/);

  await page.getByRole("button", { name: `Delete view ${name}` }).click();
  await expect(saved).toHaveCount(0);
  await close();
});
