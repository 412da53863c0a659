import { expect, test, type Browser, type Page } from "@playwright/test";
import { SettingsPage } from "./pages/settings-page";
import { signedIn } from "./pages/session";

async function signedInToSettings(browser: Browser, email: string) {
  const session = await signedIn(browser, email);
  return { ...session, settings: new SettingsPage(session.page) };
}

const shot = async (page: Page, name: string) => {
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `test-results/screens/${name}.png` });
};

test("a lead adds an email channel with IMAP and SMTP, sees it listed, edits the signature; passwords come back empty", async ({
  browser,
}) => {
  const { page, settings, close } = await signedInToSettings(browser, "lead@example.com");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await settings.expectChannelsLoaded();
  await expect(settings.row("Support email")).toBeVisible();
  await shot(page, "settings-channels");

  const name = `Wholesale ${Date.now().toString(36)}`;
  const address = `wholesale-${Date.now().toString(36)}@demo-store.example`;
  await settings.openAdd();
  await expect(settings.field("Name")).toBeFocused();
  await settings.field("Name").fill(name);
  await settings.field("Address").fill("not an address");
  await settings.field("Display name").fill("Demo Store Wholesale");
  await settings.field("Owner team").selectOption({ index: 1 });
  await settings.field("Signature").fill("Wholesale desk");
  await settings.toggle("Poll an IMAP mailbox").check();
  await settings.field("IMAP host").fill("imap.demo-store.example");
  await settings.field("IMAP user").fill("wholesale");
  await settings.field("IMAP password").fill("imap-secret-1");
  await settings.field("SMTP host").fill("smtp.demo-store.example");
  await settings.field("SMTP user").fill("wholesale");
  await settings.field("SMTP password").fill("smtp-secret-1");
  await shot(page, "settings-channel-form");

  // validation next to the field, focus moved there
  await settings.dialog().getByRole("button", { name: "Add channel" }).click();
  await expect(settings.dialog().getByText("Enter a valid email address")).toBeVisible();
  await expect(settings.field("Address")).toBeFocused();
  await settings.field("Address").fill(address);
  await settings.dialog().getByRole("button", { name: "Add channel" }).click();
  await expect(settings.dialog()).toBeHidden();
  await expect(page.getByRole("status").getByText(`Added “${name}”`)).toBeVisible();
  const row = settings.row(name);
  await expect(row).toContainText(address);
  await expect(row).toContainText("Active");
  await expect(row).toContainText("IMAP not polled yet");

  await settings.openEdit(name);
  await expect(settings.field("IMAP password")).toHaveValue("");
  await expect(settings.field("IMAP password")).toHaveAttribute("placeholder", "Unchanged");
  await expect(settings.field("SMTP password")).toHaveValue("");
  await expect(settings.field("IMAP host")).toHaveValue("imap.demo-store.example");
  await settings.field("Signature").fill("Wholesale desk\nMon–Fri 9–5");
  await settings.dialog().getByRole("button", { name: "Save changes" }).click();
  await expect(settings.dialog()).toBeHidden();
  await expect(page.getByRole("status").getByText(`Saved “${name}”`)).toBeVisible();

  // reopened: the new signature, and still no password in the form
  await settings.openEdit(name);
  await expect(settings.field("Signature")).toHaveValue("Wholesale desk\nMon–Fri 9–5");
  await expect(settings.field("IMAP password")).toHaveValue("");
  await expect(settings.field("SMTP password")).toHaveAttribute("placeholder", "Unchanged");
  expect(await page.content()).not.toContain("imap-secret-1");
  await shot(page, "settings-channel-edit");
  await page.keyboard.press("Escape");
  await expect(settings.dialog()).toBeHidden();
  await close();
});

test("an agent cannot reach the settings editing controls", async ({ browser }) => {
  const { page, settings, close } = await signedInToSettings(browser, "agent@example.com");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
  await settings.goto();
  await expect(page.getByText("Only admins and team leads can change settings")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add email channel" })).toHaveCount(0);
  await expect(page.getByTestId("channel-row")).toHaveCount(0);
  await shot(page, "settings-agent");
  await close();
});
