import { expect, type Locator, type Page } from "@playwright/test";

/** Settings → Channels and the email channel dialog. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/settings");
  }

  async expectChannelsLoaded() {
    await expect(this.page.getByRole("heading", { name: "Channels", exact: true })).toBeVisible();
    await expect(this.rows().first()).toBeVisible();
  }

  rows(): Locator {
    return this.page.getByTestId("channel-row");
  }

  row(name: string): Locator {
    return this.rows().filter({ hasText: name });
  }

  dialog(): Locator {
    return this.page.getByRole("dialog");
  }

  field(label: string): Locator {
    return this.dialog().getByLabel(label, { exact: true });
  }

  toggle(label: string): Locator {
    return this.dialog().getByRole("switch", { name: label });
  }

  async openAdd() {
    await this.page.getByRole("button", { name: "Add email channel" }).first().click();
    await expect(this.dialog().getByRole("heading", { name: "Add email channel" })).toBeVisible();
  }

  /** Settings → Integrations (through the settings navigation). */
  async openIntegrations() {
    await this.page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Integrations" }).click();
    await expect(this.page.getByRole("heading", { name: "Integrations", exact: true })).toBeVisible();
  }

  integration(name: string): Locator {
    return this.page.getByTestId("integration-card").filter({ has: this.page.getByRole("heading", { name, exact: true }) });
  }

  async openEdit(name: string) {
    await this.page.getByRole("button", { name: `Edit ${name}` }).click();
    await expect(this.dialog().getByRole("heading", { name: "Edit email channel" })).toBeVisible();
    await expect(this.field("Name")).toHaveValue(name);
  }
}
