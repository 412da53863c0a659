import { expect, type Locator, type Page } from "@playwright/test";

/** The customer panel beside an open conversation (and the thread parts the panel acts on). */
export class CustomerPanelPage {
  constructor(readonly page: Page) {}

  /** Opens the customer's conversation on a channel from the inbox list, narrowed by the customer's name. */
  async openConversation(customerName: string, channel: "WHATSAPP" | "EMAIL" | "SMS") {
    await this.page.goto(`/inbox?channel=${channel}&q=${encodeURIComponent(customerName)}`);
    const row = this.page.getByTestId("conversation-row").filter({ hasText: customerName }).first();
    await row.click();
    await expect(this.page.getByTestId("conversation-pane")).toBeVisible();
    await expect(this.panel()).toBeVisible();
  }

  panel(): Locator {
    return this.page.getByTestId("customer-panel");
  }

  name(): Locator {
    return this.panel().getByTestId("customer-name");
  }

  conversations(): Locator {
    return this.panel().getByTestId("panel-conversation");
  }

  order(number: string): Locator {
    return this.panel().locator(`[data-testid="order-card"][data-order-number="${number}"]`);
  }

  delayedOrders(): Locator {
    return this.panel().locator('[data-testid="order-card"][data-delayed]');
  }

  tags(): Locator {
    return this.panel().getByTestId("panel-tags");
  }

  pinnedNotes(): Locator {
    return this.panel().locator('[data-testid="customer-note"][data-pinned]');
  }

  composer(): Locator {
    return this.page.getByTestId("composer");
  }

  /** Actions ▸ Request refund ▸ reason ▸ submit. */
  async requestRefund(order: Locator, reason: string, amount?: string) {
    await order.getByRole("button", { name: /More actions for/ }).click();
    await this.page.getByRole("menuitem", { name: "Request refund" }).click();
    const dialog = this.page.getByTestId("order-request-dialog");
    if (amount) await dialog.getByLabel(/Amount/).fill(amount);
    await dialog.getByLabel("Reason").fill(reason);
    await dialog.getByRole("button", { name: "Request refund" }).click();
    await expect(dialog).toBeHidden();
  }

  internalNotes(): Locator {
    return this.page.getByTestId("conversation-pane").locator('[data-testid="timeline-item"][data-kind="note"]');
  }
}
