import { expect, test, type Locator } from "@playwright/test";
import { signedIn } from "./pages/session";

/** The unread count the bell announces ("Notifications (3 unread)"). */
async function unreadOf(bell: Locator): Promise<number> {
  const label = (await bell.getAttribute("aria-label")) ?? "";
  return Number(/\((\d+)\+? unread\)/.exec(label)?.[1] ?? Number.NaN);
}

test("an @mention in a note rings the teammate's bell live; clicking it opens the conversation", async ({ browser }) => {
  test.setTimeout(120_000); // two browser contexts
  const a = await signedIn(browser, "agent@example.com");
  const b = await signedIn(browser, "agent2@example.com");
  const bell = b.page.getByTestId("notifications-bell");
  await expect(bell).toHaveAttribute("aria-label", /^Notifications \(\d+\+? unread\)$/);
  const before = await unreadOf(bell);

  // A opens a conversation and writes a note mentioning Sam
  await a.page.keyboard.press("j");
  await a.page.keyboard.press("Enter");
  const id = (await a.inbox.focusedRow().getAttribute("data-id"))!;
  await expect(a.page.getByTestId("conversation-pane")).toHaveAttribute("data-conversation-id", id);
  await a.page.keyboard.press("n");
  const composer = a.page.getByTestId("composer");
  await expect(composer).toBeFocused();
  await a.page.keyboard.type("@Sam");
  await a.page
    .getByRole("listbox", { name: "Mention a teammate" })
    .getByRole("option", { name: /Sam Agent/ })
    .click();
  const stamp = `label check ${Date.now()}`;
  await a.page.keyboard.type(`can you do the ${stamp}?`);
  await expect(composer).toHaveValue(`@Sam Agent can you do the ${stamp}?`);
  await a.page.keyboard.press("Control+Enter");
  await expect(a.page.getByTestId("timeline-item").filter({ hasText: stamp })).toHaveCount(1);

  // B, without reloading, sees the badge go up
  await expect.poll(() => unreadOf(bell), { timeout: 10_000 }).toBeGreaterThan(before);
  await expect(b.page.getByTestId("notifications-badge")).toBeVisible();
  await bell.click();
  const list = b.page.getByRole("list", { name: "Notifications" });
  const item = list.getByTestId("notification-item").filter({ hasText: stamp });
  await expect(item).toContainText("Ana Agent mentioned you");
  await expect(item).toHaveAttribute("data-unread", "");
  await item.click();
  await expect(b.page).toHaveURL(new RegExp(`[?&]c=${id}`));
  await expect(b.page.getByTestId("conversation-pane")).toHaveAttribute("data-conversation-id", id);
  await expect(b.page.getByTestId("timeline-item").filter({ hasText: stamp })).toHaveCount(1);
  // read now: the count went back down
  await expect.poll(() => unreadOf(bell)).toBe(before);
  await a.close();
  await b.close();
});
