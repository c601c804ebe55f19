import type { Page } from "@playwright/test";

/** Fills and sends the sign-in form, as a person would; the caller checks what happens. */
export async function submitSignIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in and waits for the account page that follows a successful sign-in. */
export async function signIn(page: Page, email: string, password: string) {
  await submitSignIn(page, email, password);
  await page.waitForURL(/\/account$/);
}
