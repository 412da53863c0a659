import { expect, type Page } from "@playwright/test";

export class InboxPage {
  constructor(private readonly page: Page) {}

  async expectLoaded() {
    await expect(this.page).toHaveURL(/\/inbox/);
    await expect(this.page.getByTestId("conversation-row").first()).toBeVisible();
  }

  rows() {
    return this.page.getByTestId("conversation-row");
  }

  focusedRow() {
    return this.page.locator('[data-testid="conversation-row"][data-focused]');
  }

  async openUserMenu() {
    await this.page.getByRole("button", { name: /^Account:/ }).click();
  }

  async role(): Promise<string> {
    await this.openUserMenu();
    const role = (await this.page.getByTestId("user-role").textContent()) ?? "";
    await this.page.keyboard.press("Escape");
    return role;
  }

  async signOut() {
    await this.openUserMenu();
    await this.page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(this.page).toHaveURL(/\/signin/);
  }
}
