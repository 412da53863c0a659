import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { InboxPage } from "./pages/inbox-page";
import { SignInPage } from "./pages/sign-in-page";

const PNG = Buffer.concat([
  Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex"),
  Buffer.from(`e2e ${Date.now()}`),
]);
const PDF = Buffer.from(`%PDF-1.4\n% return label ${Date.now()}\n`);

/** Drops a file on the element as a browser would (a real DataTransfer with the file in it). */
async function dropFile(page: Page, selector: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  const transfer = await page.evaluateHandle(
    ({ name, mimeType, bytes }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], name, { type: mimeType }));
      return dt;
    },
    { name: file.name, mimeType: file.mimeType, bytes: [...file.buffer] },
  );
  for (const type of ["dragenter", "dragover", "drop"]) await page.dispatchEvent(selector, type, { dataTransfer: transfer });
}

test("an agent attaches files to a reply, sends it, and the thread offers them for download", async ({ page }) => {
  test.setTimeout(90_000);
  await new SignInPage(page).goto();
  await new SignInPage(page).signIn("agent@example.com");
  const inbox = new InboxPage(page);
  await inbox.expectLoaded();
  await page.goto("/inbox?channel=EMAIL");
  await expect(inbox.rows().first()).toBeVisible();
  await inbox.rows().first().click();
  const pane = page.getByTestId("conversation-pane");
  const composer = page.getByTestId("composer");
  await expect(composer).toBeVisible();

  // the paperclip is reachable from the keyboard: Tab from the composer, Enter opens the file chooser
  await composer.focus();
  await page.keyboard.press("Tab");
  await expect(page.getByTestId("attach-files")).toBeFocused();
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Enter")]);
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles({ name: "parcel photo.png", mimeType: "image/png", buffer: PNG });
  // a second file dropped onto the composer
  await dropFile(page, '[data-testid="composer"]', { name: "return-label.pdf", mimeType: "application/pdf", buffer: PDF });

  const chips = page.getByTestId("attachment-chip");
  await expect(chips).toHaveCount(2);
  await expect(chips.nth(0)).toHaveAttribute("data-status", "done");
  await expect(chips.nth(1)).toHaveAttribute("data-status", "done");
  await expect(chips.nth(0)).toContainText("parcel photo.png");
  await expect(chips.nth(1)).toContainText("return-label.pdf");

  // a file over the limit is refused on its chip and blocks sending until removed
  await page
    .getByTestId("attach-input")
    .setInputFiles({ name: "huge.bin", mimeType: "application/octet-stream", buffer: Buffer.alloc(26 * 1024 * 1024) });
  const huge = chips.filter({ hasText: "huge.bin" });
  await expect(huge).toHaveAttribute("data-status", "error");
  await expect(huge).toContainText("Too large");
  await page.getByTestId("attachment-tray").screenshot({ path: test.info().outputPath("tray-with-error.png") });
  const text = `Label and photo attached (${Date.now()}).`;
  await composer.fill(text);
  await expect(page.getByTestId("send")).toBeDisabled();
  await huge.getByRole("button", { name: "Remove huge.bin" }).click();
  await expect(chips).toHaveCount(2);
  await expect(page.getByTestId("send")).toBeEnabled();
  // the composer's box (the tray sits inside it)
  await page
    .getByTestId("attachment-tray")
    .locator("xpath=..")
    .screenshot({ path: test.info().outputPath("composer-two-files.png") });

  await page.getByTestId("send").click();
  await expect(chips).toHaveCount(0);
  const sent = pane.getByTestId("timeline-item").filter({ hasText: text });
  await expect(sent).toHaveCount(1);
  await expect(sent).toHaveAttribute("data-id", /^[0-9a-f-]{36}$/); // the server's message, not the optimistic one
  const files = sent.getByTestId("message-attachment");
  await expect(files).toHaveCount(2);
  await expect(files.nth(0)).toContainText("parcel photo.png");
  await expect(files.nth(1)).toContainText("return-label.pdf");
  await sent.screenshot({ path: test.info().outputPath("sent-with-attachments.png") });

  // download both: the bytes are the ones attached
  for (const [i, bytes] of [PNG, PDF].entries()) {
    const [download] = await Promise.all([page.waitForEvent("download"), files.nth(i).getByRole("link").click()]);
    expect((await readFile(await download.path())).equals(bytes)).toBe(true);
  }
});

test("a new outbound email carries an attached file into the new conversation", async ({ page }) => {
  await new SignInPage(page).goto();
  await new SignInPage(page).signIn("agent@example.com");
  await new InboxPage(page).expectLoaded();
  await page.getByRole("button", { name: "New email" }).click();
  const dialog = page.getByRole("dialog", { name: "New email" });
  const subject = `Your invoice ${Date.now()}`;
  await dialog.getByLabel("To").fill("e2e.invoice@example.net");
  await dialog.getByLabel("Subject").fill(subject);
  await dialog.getByLabel("Message").fill("Hello!\nYour invoice is attached.");
  await dialog.getByTestId("attach-input").setInputFiles({ name: "invoice.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(dialog.getByTestId("attachment-chip")).toHaveAttribute("data-status", "done");
  await dialog.screenshot({ path: test.info().outputPath("new-email-with-file.png") });
  await dialog.getByRole("button", { name: "Send email" }).click();
  await expect(dialog).toBeHidden();
  const pane = page.getByTestId("conversation-pane");
  await expect(pane.getByText(subject)).toBeVisible();
  await expect(pane.getByTestId("message-attachment")).toContainText("invoice.pdf");
});
