import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";
import { SCREENSHOTS } from "./env";

test.describe("admin console: organisations and waves", () => {
  test("only admins get in: anonymous → sign-in, lead → not found", async ({ page, browser }) => {
    await page.goto("/admin");
    await page.waitForURL(/\/signin\?callbackUrl=/);
    const lead = await browser.newPage();
    await signIn(lead, "lead@demo.local", "demo-lead-pass");
    const res = await lead.goto("/admin");
    expect(res?.status()).toBe(404);
    await expect(lead.getByText("Northwind Trading")).toHaveCount(0);
    await lead.close();
  });

  test("an admin creates an organisation and a wave, opens its link, then closes it", async ({ page }) => {
    await signIn(page, "admin@demo.local", "demo-admin-pass");
    await page.goto("/admin");
    await expect(page.getByTestId("org-table")).toContainText("Northwind Trading");
    await page.screenshot({ path: `${SCREENSHOTS}/admin-organisations-1280.png`, fullPage: true });

    await page.getByRole("link", { name: "New organisation" }).click();
    await page.getByLabel("Name").fill("Acme Logistics");
    await page.getByLabel("Identifier (used in CSV files)").fill("Acme Logistics!");
    await page.getByLabel("Sector").fill("Logistics");
    await page.getByLabel("Departments (one per line)").fill("Warehouse\nDrivers\nOffice");
    await page.getByRole("button", { name: "Create organisation" }).click();
    await expect(page.locator("#err-slug")).toHaveText("Use lowercase letters, digits and single hyphens, e.g. northwind-trading");
    await expect(page.locator("#err-sizeBand")).toContainText("Choose a size band");
    // What was typed is still there.
    await expect(page.getByLabel("Name")).toHaveValue("Acme Logistics");
    await expect(page.getByLabel("Departments (one per line)")).toHaveValue("Warehouse\nDrivers\nOffice");
    await page.screenshot({ path: `${SCREENSHOTS}/admin-new-organisation-errors-1280.png`, fullPage: true });

    await page.getByLabel("Identifier (used in CSV files)").fill("acme-logistics");
    await page.getByLabel("Size band").selectOption("medium");
    await page.getByRole("button", { name: "Create organisation" }).click();
    await page.waitForURL(/\/admin\/organisations\/acme-logistics$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Acme Logistics");

    await page.getByLabel("Wave label").fill("2027-Q1");
    await page.getByRole("button", { name: "Create wave" }).click();
    await expect(page.getByText("Wave created and open.")).toBeVisible();
    const link = await page.getByLabel("Survey link for 2027-Q1").inputValue();
    expect(link).toMatch(/\/s\/[A-Za-z0-9_-]{22}$/); // 128 random bits
    await page.screenshot({ path: `${SCREENSHOTS}/admin-organisation-1280.png`, fullPage: true });

    const respondent = await page.context().browser()!.newPage();
    await respondent.goto(link);
    await expect(respondent.getByRole("heading", { level: 1 })).toContainText("Acme Logistics");

    await page.getByRole("button", { name: "Close" }).click();
    await expect(page.getByTestId("wave-table")).toContainText("Closed");
    await respondent.reload();
    await expect(respondent.getByRole("heading", { name: "This survey is closed" })).toBeVisible();
    await respondent.close();

    await page.getByLabel("Wave label").fill("2027-Q1");
    await page.getByRole("button", { name: "Create wave" }).click();
    await expect(page.locator("#err-wave-label")).toHaveText("This organisation already has a wave with this label");
  });
});

test.describe("admin console: L&D leads", () => {
  test("an admin adds a new lead, who signs in with the temporary password and sees only that organisation", async ({ page, browser }) => {
    await signIn(page, "admin@demo.local", "demo-admin-pass");
    await page.goto("/admin/organisations/e2e-co");
    await page.getByLabel("Email", { exact: true }).fill("not-an-email");
    await page.getByLabel("Name", { exact: true }).last().fill("New Lead");
    await page.getByRole("button", { name: "Add lead" }).click();
    await expect(page.locator("#err-lead-email")).toHaveText("Enter an email address, e.g. name@example.org");
    await page.getByLabel("Email", { exact: true }).fill("new.lead@e2e.local");
    await page.getByRole("button", { name: "Add lead" }).click();
    const message = await page.getByTestId("lead-message").textContent();
    const password = /Temporary password \(shown once\): (\S+)/.exec(message ?? "")?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    await expect(page.getByTestId("lead-table")).toContainText("new.lead@e2e.local");
    await page.screenshot({ path: `${SCREENSHOTS}/admin-leads-1280.png`, fullPage: true });

    const lead = await browser.newPage();
    await signIn(lead, "new.lead@e2e.local", password!);
    await expect(lead.getByTestId("account-orgs")).toHaveText("E2E Test Co");

    // Removing the lead takes the organisation away at once (checked on the server, not in the token).
    const row = page.getByTestId("lead-table").getByRole("row").filter({ hasText: "new.lead@e2e.local" });
    await row.getByRole("button", { name: "Remove" }).click();
    await expect(page.getByTestId("lead-table")).not.toContainText("new.lead@e2e.local");
    await lead.reload();
    await expect(lead.getByText("You have not been given access to an organisation yet")).toBeVisible();
    await lead.close();
  });
});
