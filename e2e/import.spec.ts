import { expect, test, type Page } from "@playwright/test";
import { InboxPage } from "./pages/inbox-page";
import { signedIn } from "./pages/session";

const shot = async (page: Page, name: string) => {
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
};

async function uploadCsv(page: Page, name: string, csv: string) {
  await page.getByLabel("CSV file to import").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv) });
}

test("a lead imports orders from CSV: sees the bad line and why, uploads a fixed file, imports it, finds the order", async ({
  browser,
}) => {
  // upload, check, import and search on a shared, busy machine: more than the default 45 s
  test.setTimeout(120_000);
  const { page, close } = await signedIn(browser, "lead@example.com");
  const run = Date.now().toString(36);
  const number = `#E2E${run.toUpperCase()}`;
  const name = `Imogen Import ${run}`;
  const header = "Order number,Email,Customer name,Placed at,Financial status,Product,SKU,Qty,Price";
  const good = [
    header,
    `${number},imogen.${run}@example.com,${name},2025-12-01T10:00:00Z,paid,Snowfall Hoodie,APP-HOOD-SNOW,1,62.00`,
    `${number},,,,,Holiday Mug,HOME-MUG,2,12.50`,
  ];
  const bad = [good[0], good[1], `${number},,,yesterday,,Holiday Mug,HOME-MUG,2,12.50`].join("\n");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Import data" }).click();
  await expect(page.getByRole("heading", { name: "Import data" })).toBeVisible();
  await shot(page, "import-empty");

  // a bad line: its number and the reason, and no way to import
  await uploadCsv(page, "orders-with-a-typo.csv", bad);
  await expect(page.getByTestId("import-filename")).toHaveText("orders-with-a-typo.csv");
  const error = page.getByTestId("import-error");
  await expect(error).toHaveCount(1);
  await expect(error).toContainText("3");
  await expect(error).toContainText("Placed at 'yesterday' is not a date");
  await expect(page.getByRole("button", { name: /^Import 2 rows$/ })).toBeDisabled();
  await expect(page.getByTestId("import-preview-table")).toContainText(number);
  await shot(page, "import-preview-errors");

  // the fixed file imports; progress, then the summary
  await page.getByRole("button", { name: "Upload another file" }).click();
  await uploadCsv(page, "orders-fixed.csv", good.join("\n"));
  await expect(page.getByTestId("import-filename")).toHaveText("orders-fixed.csv");
  await expect(page.getByTestId("import-error")).toHaveCount(0);
  await expect(page.getByText("Orders (detected from the headers)")).toBeVisible();
  await shot(page, "import-preview-clean");
  await page.getByRole("button", { name: "Import 2 rows" }).click();
  await expect(page.getByRole("status").getByText("Imported 2 rows.")).toBeVisible({ timeout: 30_000 });
  const counts = page.getByTestId("import-counts");
  await expect(counts.getByText("Orders created")).toBeVisible();
  await expect(counts).toContainText("Orders created1");
  await expect(counts).toContainText("Customers created1");
  const history = page.getByTestId("import-history-row").filter({ hasText: "orders-fixed.csv" });
  await expect(history).toContainText("Imported");
  await expect(page.getByTestId("import-history-row").filter({ hasText: "orders-with-a-typo.csv" })).toContainText(
    "Discarded: 1 problem in the file",
  );
  await shot(page, "import-done");

  // the order is searchable: its number finds the customer it was matched to
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inbox" }).click();
  await new InboxPage(page).expectLoaded();
  await page.keyboard.press("/");
  const box = page.getByRole("combobox", { name: "Search messages, notes, customers and orders" });
  await box.fill(number);
  await expect(page.getByRole("listbox", { name: "Search results" }).getByRole("option").filter({ hasText: name })).toBeVisible();
  await close();
});

test("agents have no import screen", async ({ browser }) => {
  const { page, close } = await signedIn(browser, "agent@example.com");
  await page.goto("/settings?section=import");
  await expect(page.getByText("Only admins and team leads can change settings")).toBeVisible();
  await expect(page.getByLabel("CSV file to import")).toHaveCount(0);
  await close();
});
