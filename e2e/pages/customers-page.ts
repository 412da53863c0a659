import { expect, type Page } from "@playwright/test";

/** /customers (the directory) and /customers/[id] (header, panel, timeline, duplicates, merge history). */
export class CustomersPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Customers" }).click();
    await this.expectLoaded();
  }

  async expectLoaded() {
    await expect(this.page).toHaveURL(/\/customers(\?|$)/);
    await expect(this.rows().first()).toBeVisible();
  }

  search() {
    return this.page.getByRole("searchbox", { name: "Search customers" });
  }

  rows() {
    return this.page.getByTestId("customer-row");
  }

  row(name: string) {
    return this.rows().filter({ has: this.page.getByText(name, { exact: true }) });
  }

  focusedRow() {
    return this.page.locator('[data-testid="customer-row"][data-focused]');
  }

  exportLink() {
    return this.page.getByRole("link", { name: "Export CSV" });
  }

  async expectCustomerPage(name: string) {
    await expect(this.page).toHaveURL(/\/customers\/[0-9a-f-]{36}/);
    await expect(this.page.getByRole("heading", { level: 1, name })).toBeVisible();
  }

  timeline() {
    return this.page.getByTestId("customer-timeline");
  }

  conversationCard(text: string) {
    return this.page.getByTestId("timeline-conversation").filter({ hasText: text });
  }

  async expand(card: ReturnType<CustomersPage["conversationCard"]>) {
    await card.getByRole("button", { name: /^Expand conversation/ }).click();
    return card.getByTestId("timeline-conversation-messages");
  }

  duplicates() {
    return this.page.getByTestId("duplicates-card");
  }

  suggestion(name: string) {
    return this.duplicates().getByTestId("duplicate-suggestion").filter({ hasText: name });
  }

  mergeDialog() {
    return this.page.getByRole("dialog", { name: "Merge customers" });
  }

  historyItems() {
    return this.page.getByTestId("merge-history-item");
  }
}
