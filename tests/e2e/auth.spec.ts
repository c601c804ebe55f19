import { expect, test } from "@playwright/test";
import { submitSignIn as signIn } from "./sign-in";
import { SCREENSHOTS } from "./env";

test.describe("sign-in", () => {
  test("the demo lead signs in, sees their organisation and signs out", async ({ page }) => {
    await signIn(page, "lead@demo.local", "demo-lead-pass");
    await page.waitForURL(/\/account$/);
    await expect(page.getByTestId("account-name")).toContainText("lead@demo.local");
    await expect(page.getByTestId("account-orgs")).toHaveText("Northwind Trading");
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name.includes("next-auth.session-token"));
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Lax");
    await page.screenshot({ path: `${SCREENSHOTS}/account-1280.png`, fullPage: true });
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.waitForURL(/\/signin/);
    await page.goto("/account");
    await page.waitForURL(/\/signin\?callbackUrl=%2Faccount|\/signin\?callbackUrl=\/account/);
  });

  test("a wrong password and an unknown email get the same message", async ({ page }) => {
    await signIn(page, "admin@demo.local", "not-the-password");
    await expect(page.getByTestId("signin-error")).toHaveText("That email and password do not match an account. Check them and try again.");
    await signIn(page, "nobody@demo.local", "whatever-password");
    await expect(page.getByTestId("signin-error")).toHaveText("That email and password do not match an account. Check them and try again.");
    await page.screenshot({ path: `${SCREENSHOTS}/signin-error-1280.png`, fullPage: true });
  });

  test("five failures from one address lock the account there for 30 s, even with the right password", async ({ page }) => {
    for (let i = 0; i < 4; i++) {
      await signIn(page, "throttle@e2e.local", `wrong-${i}`);
      await expect(page.getByTestId("signin-error")).toContainText("do not match");
    }
    await signIn(page, "throttle@e2e.local", "wrong-5");
    await expect(page.getByTestId("signin-error")).toHaveText(/Too many failed attempts\. Please wait (30|29|28) seconds/);
    await signIn(page, "throttle@e2e.local", "e2e-password-1");
    await expect(page.getByTestId("signin-error")).toContainText("Too many failed attempts");
    expect(page.url()).toMatch(/\/signin$/);
  });

  test("changes the password, with errors next to the fields", async ({ page }) => {
    await signIn(page, "changer@e2e.local", "e2e-password-1");
    await page.waitForURL(/\/account$/);
    await page.getByRole("link", { name: "Change password" }).click();
    await page.getByLabel("Current password", { exact: true }).fill("not-it");
    await page.getByLabel("New password", { exact: true }).fill("short");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.locator("#err-current")).toHaveText("The current password is not right.");
    await expect(page.locator("#err-next")).toHaveText("The new password must have at least 10 characters.");
    await page.getByLabel("Current password", { exact: true }).fill("e2e-password-1");
    await page.getByLabel("New password", { exact: true }).fill("a-brand-new-password");
    await page.getByLabel("Repeat the new password").fill("a-brand-new-password");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("password-changed")).toBeVisible();
    await page.goto("/account");
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.waitForURL(/\/signin/);
    await signIn(page, "changer@e2e.local", "e2e-password-1");
    await expect(page.getByTestId("signin-error")).toBeVisible();
    await signIn(page, "changer@e2e.local", "a-brand-new-password");
    await page.waitForURL(/\/account$/);
  });
});
