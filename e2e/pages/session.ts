import type { Browser, Page } from "@playwright/test";
import { InboxPage } from "./inbox-page";
import { SignInPage } from "./sign-in-page";

/** A member signed in in a browser context of their own (two agents = two contexts), landed on the inbox. */
export async function signedIn(browser: Browser, email: string): Promise<{ page: Page; inbox: InboxPage; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(email);
  const inbox = new InboxPage(page);
  await inbox.expectLoaded();
  return { page, inbox, close: () => context.close() };
}
