import { expect, test } from "@playwright/test";
import { InboxPage } from "./pages/inbox-page";
import { SignInPage } from "./pages/sign-in-page";

const ROLES = [
  { email: "admin@example.com", role: "Admin", nav: ["Inbox", "Customers", "Dashboard", "Settings"] },
  { email: "lead@example.com", role: "Team lead", nav: ["Inbox", "Customers", "Dashboard", "Settings"] },
  { email: "agent@example.com", role: "Agent", nav: ["Inbox", "Customers", "Dashboard"] },
  { email: "agent2@example.com", role: "Agent", nav: ["Inbox", "Customers", "Dashboard"] },
  { email: "volunteer@example.com", role: "Volunteer", nav: ["Inbox"] },
];

for (const r of ROLES) {
  test(`${r.role} ${r.email} signs in, sees the inbox, signs out`, async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(r.email);
    const inbox = new InboxPage(page);
    await inbox.expectLoaded();
    expect(await inbox.role()).toBe(r.role);
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const label of ["Inbox", "Customers", "Dashboard", "Settings"]) {
      await expect(nav.getByRole("link", { name: label })).toHaveCount(r.nav.includes(label) ? 1 : 0);
    }
    await inbox.signOut();
    // signed out: the app is closed again
    await page.goto("/inbox");
    await expect(page).toHaveURL(/\/signin/);
  });
}

test("a wrong password shows a clear error and does not sign in", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn("agent@example.com", "not-the-password");
  await expect(signIn.error()).toHaveText("Incorrect email or password.");
  await expect(page).toHaveURL(/\/signin/);
});

test("an unknown email gets the same error (no user enumeration)", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn("nobody@example.com", "whatever");
  await expect(signIn.error()).toHaveText("Incorrect email or password.");
});

test("the volunteer's queue only holds their teams' conversations", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn("volunteer@example.com");
  const inbox = new InboxPage(page);
  await inbox.expectLoaded();
  const teams = page.getByRole("navigation", { name: "Teams" });
  await expect(teams.getByRole("button")).toHaveText([/^Returns\s*\d*$/]);
  // every visible row belongs to the Returns team
  const rowTeams = await inbox.rows().evaluateAll((rows) => rows.map((r) => r.textContent ?? ""));
  expect(rowTeams.length).toBeGreaterThan(0);
  for (const text of rowTeams) expect(text).toContain("Returns");
});
