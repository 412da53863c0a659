import { expect, test } from "@playwright/test";
import { InboxPage } from "./pages/inbox-page";
import { SignInPage } from "./pages/sign-in-page";

test("an agent starts a new email from the inbox and lands in the new conversation", async ({ page }) => {
  await new SignInPage(page).goto();
  await new SignInPage(page).signIn("agent@example.com");
  await new InboxPage(page).expectLoaded();

  await page.getByRole("button", { name: "New email" }).click();
  const dialog = page.getByRole("dialog", { name: "New email" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("To")).toBeFocused();
  await dialog.getByRole("button", { name: "Send email" }).click();
  await expect(dialog.getByText("Enter a valid email address")).toBeVisible();

  const subject = `Your return label ${Date.now()}`;
  await dialog.getByLabel("To").fill("e2e.new.customer@example.net");
  await expect(dialog.getByText("Enter a valid email address")).toBeHidden();
  await dialog.getByLabel("Subject").fill(subject);
  await dialog.getByLabel("Message").fill("Hello!\nHere is your return label.");
  await dialog.getByRole("button", { name: "Send email" }).click();

  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/c=[0-9a-f-]{36}/);
  const pane = page.getByTestId("conversation-pane");
  // the thread heading (the customer panel beside it lists the same subject among their conversations)
  await expect(pane.getByRole("heading", { name: subject })).toBeVisible();
  await expect(pane.getByText("Here is your return label.")).toBeVisible();

  // the command palette offers it too
  await page.keyboard.press("Control+k");
  await page.keyboard.type("new email");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: "New email" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "New email" })).toBeHidden();
});
