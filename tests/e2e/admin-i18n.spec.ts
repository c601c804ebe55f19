import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./sign-in";
import { SCREENSHOTS } from "./env";

fs.mkdirSync(SCREENSHOTS, { recursive: true });

/** Chooses a language in the header's switcher, as a person would (its label is in the current language). */
async function chooseLanguage(page: Page, name: string) {
  await page.getByRole("combobox", { name: /^(Language|语言|語言)$/ }).selectOption({ label: name });
}

const shot = (page: Page, name: string, locale: string) => page.screenshot({ path: `${SCREENSHOTS}/admin-${name}-${locale}-1280.png`, fullPage: true });

/** What each language must show; written out here rather than read from the message files. */
const LANGUAGES = {
  "zh-Hans": {
    switcher: "简体中文",
    title: "组织 · 数字技能基准",
    exportsPageTitle: "导出 · 管理后台 · 数字技能基准",
    organisations: "组织",
    newOrganisation: "新建组织",
    identifierColumn: "标识符",
    sizeSmall: "小型",
    exportsNav: "导出与审计日志",
    nameLabel: "名称",
    slugLabel: "标识符（用于 CSV 文件）",
    sectorLabel: "行业",
    departmentsLabel: "部门（每行一个）",
    sizeBandLabel: "规模区间",
    create: "创建组织",
    slugError: "只能使用小写字母、数字和单个连字符，例如 northwind-trading",
    sizeBandError: "请选择规模区间：小型、中型、大型、超大型",
    org: { slug: "i18n-hans", name: "华南贸易有限公司", sector: "零售", departments: "销售\n仓储\n客户服务" },
    wavesTitle: "调查轮次",
    leadsTitle: "学习与发展负责人",
    waveLabel: "轮次名称",
    createWave: "创建轮次",
    waveCreated: "轮次已创建并开放。",
    openStatus: "开放中",
    surveyLinkFor: "2027-Q1 的问卷链接",
    leadEmail: "电子邮箱",
    leadName: "姓名",
    addLead: "添加负责人",
    leadCreated: /^已为 wang\.hans@e2e\.local 创建账户。临时密码（仅显示一次）：[A-Za-z0-9_-]{16}$/,
    waveKicker: "调查轮次 · 开放中",
    invitationsTitle: "邀请",
    roster: "名单（文件内容，或直接粘贴在这里）",
    createLinks: "生成个人链接",
    rosterRefused: "名单未导入",
    linksCreated: "已生成 2 个个人链接。",
    notYet: "未完成",
    invitedStat: "已邀请2",
    dateInTable: /\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} UTC/,
    exportsTitle: "导出",
    auditTitle: "审计日志",
    auditAction: "已生成邀请链接",
    accountTitle: "您的账户",
  },
  "zh-Hant": {
    switcher: "繁體中文",
    title: "組織 · 數位技能基準",
    exportsPageTitle: "匯出 · 管理後台 · 數位技能基準",
    organisations: "組織",
    newOrganisation: "新增組織",
    identifierColumn: "識別碼",
    sizeSmall: "小型",
    exportsNav: "匯出與稽核紀錄",
    nameLabel: "名稱",
    slugLabel: "識別碼（用於 CSV 檔案）",
    sectorLabel: "產業",
    departmentsLabel: "部門（每行一個）",
    sizeBandLabel: "規模級距",
    create: "建立組織",
    slugError: "只能使用小寫字母、數字和單一連字號，例如 northwind-trading",
    sizeBandError: "請選擇規模級距：小型、中型、大型、超大型",
    org: { slug: "i18n-hant", name: "臺北貿易股份有限公司", sector: "零售業", departments: "業務\n倉儲\n客戶服務" },
    wavesTitle: "調查梯次",
    leadsTitle: "學習與發展負責人",
    waveLabel: "梯次名稱",
    createWave: "建立梯次",
    waveCreated: "梯次已建立並開放。",
    openStatus: "開放中",
    surveyLinkFor: "2027-Q1 的問卷連結",
    leadEmail: "電子郵件",
    leadName: "姓名",
    addLead: "新增負責人",
    leadCreated: /^已為 wang\.hant@e2e\.local 建立帳號。臨時密碼（僅顯示一次）：[A-Za-z0-9_-]{16}$/,
    waveKicker: "調查梯次 · 開放中",
    invitationsTitle: "邀請",
    roster: "名單（檔案內容，或直接貼在這裡）",
    createLinks: "產生個人連結",
    rosterRefused: "名單未匯入",
    linksCreated: "已產生 2 個個人連結。",
    notYet: "未完成",
    invitedStat: "已邀請2",
    dateInTable: /\d{4}年\d{1,2}月\d{1,2}日 (上午|下午|晚上|中午|凌晨|清晨|早上)\d{1,2}:\d{2} UTC/,
    exportsTitle: "匯出",
    auditTitle: "稽核紀錄",
    auditAction: "已產生邀請連結",
    accountTitle: "您的帳號",
  },
} as const;

for (const [locale, t] of Object.entries(LANGUAGES)) {
  test(`an admin switches the console to ${t.switcher} (${locale})`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, "admin@demo.local", "demo-admin-pass");

    // Organisations: switched from English on the page itself.
    await page.goto("/admin");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Organisations");
    await chooseLanguage(page, t.switcher);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.organisations);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.getByTestId("org-table").locator("thead")).toContainText(t.identifierColumn);
    await expect(page.getByTestId("org-table").getByRole("row").filter({ hasText: "E2E Test Co" })).toContainText(t.sizeSmall);
    await expect(page.getByRole("navigation").getByRole("link", { name: t.exportsNav })).toBeVisible();
    await page.reload();
    await expect(page).toHaveTitle(t.title);
    await shot(page, "organisations", locale);

    // New organisation: a bad identifier is refused in the chosen language, what was typed stays.
    await page.getByRole("link", { name: t.newOrganisation }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.newOrganisation);
    await page.getByLabel(t.nameLabel, { exact: true }).fill(t.org.name);
    await page.getByLabel(t.slugLabel).fill("Acme Logistics!");
    await page.getByLabel(t.sectorLabel).fill(t.org.sector);
    await page.getByLabel(t.departmentsLabel).fill(t.org.departments);
    await page.getByRole("button", { name: t.create }).click();
    await expect(page.locator("#err-slug")).toHaveText(t.slugError);
    await expect(page.locator("#err-sizeBand")).toHaveText(t.sizeBandError);
    await expect(page.getByLabel(t.departmentsLabel)).toHaveValue(t.org.departments);
    await shot(page, "new-organisation-errors", locale);

    await page.getByLabel(t.slugLabel).fill(t.org.slug);
    await page.getByLabel(t.sizeBandLabel).selectOption("medium");
    await page.getByRole("button", { name: t.create }).click();
    await page.waitForURL(new RegExp(`/admin/organisations/${t.org.slug}$`));

    // Organisation page: waves and leads, then a round trip through English on this page.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.org.name);
    await expect(page.getByRole("heading", { level: 2, name: t.wavesTitle })).toBeVisible();
    await page.getByLabel(t.waveLabel).fill("2027-Q1");
    await page.getByRole("button", { name: t.createWave }).click();
    await expect(page.getByText(t.waveCreated)).toBeVisible();
    await expect(page.getByTestId("wave-table")).toContainText(t.openStatus);
    await expect(page.getByLabel(t.surveyLinkFor)).toHaveValue(/\/s\/[A-Za-z0-9_-]{22}$/);
    await page.getByLabel(t.leadEmail, { exact: true }).fill(`wang.${t.org.slug.slice(5)}@e2e.local`);
    await page.getByLabel(t.leadName, { exact: true }).fill("王小明");
    await page.getByRole("button", { name: t.addLead }).click();
    await expect(page.getByTestId("lead-message")).toHaveText(t.leadCreated);
    await expect(page.getByRole("heading", { level: 2, name: t.leadsTitle })).toBeVisible();
    await shot(page, "organisation", locale);
    await chooseLanguage(page, "English");
    await expect(page.getByRole("heading", { level: 2, name: "Survey waves" })).toBeVisible();
    // The one-time password notice follows the language too.
    await expect(page.getByTestId("lead-message")).toHaveText(/^Account created for wang\.han[st]@e2e\.local\. Temporary password \(shown once\): \S{16}$/);
    await chooseLanguage(page, t.switcher);
    await expect(page.getByRole("heading", { level: 2, name: t.wavesTitle })).toBeVisible();

    // Wave page: a refused roster (the API's lines stay English), then a good one.
    await page.getByRole("link", { name: "2027-Q1" }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${t.org.name} — 2027-Q1`);
    await expect(page.locator(".section-kicker")).toHaveText(t.waveKicker);
    await expect(page.getByRole("heading", { level: 2, name: t.invitationsTitle, exact: true })).toBeVisible();
    await page.getByLabel(t.roster).fill("email\nnot-an-email\n");
    await page.getByRole("button", { name: t.createLinks }).click();
    await expect(page.getByTestId("roster-errors")).toContainText(t.rosterRefused);
    await expect(page.getByTestId("roster-errors")).toContainText('line 2, column email: "not-an-email" is not a valid email address');
    const [first, second] = t.org.departments.split("\n");
    await page.getByLabel(t.roster).fill(`email,department\nkim.${locale}@example.com,${first}\nlee.${locale}@example.com,${second}\n`);
    await page.getByRole("button", { name: t.createLinks }).click();
    await expect(page.getByTestId("invite-result")).toContainText(t.linksCreated);
    await expect(page.getByTestId("wave-stats")).toContainText(t.invitedStat);
    await expect(page.getByTestId("invitation-table")).toContainText(t.notYet);
    await expect(page.getByTestId("invitation-table")).toContainText(t.dateInTable);
    await shot(page, "wave", locale);
    await chooseLanguage(page, "English");
    await expect(page.getByTestId("invite-result")).toContainText("2 personal links created.");
    await expect(page.getByTestId("invitation-table")).toContainText("Not yet");
    await chooseLanguage(page, t.switcher);
    await expect(page.getByTestId("invite-result")).toContainText(t.linksCreated);

    // Exports: cards and the audit log (the links just made are in it).
    await page.getByRole("navigation").getByRole("link", { name: t.exportsNav }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.exportsTitle);
    await expect(page).toHaveTitle(t.exportsPageTitle);
    await expect(page.getByRole("heading", { level: 2, name: t.auditTitle })).toBeVisible();
    await expect(page.getByTestId("audit-table").locator("tbody tr").first()).toContainText(t.auditAction);
    await shot(page, "exports", locale);
    await chooseLanguage(page, "English");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Exports");
    await chooseLanguage(page, t.switcher);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.exportsTitle);

    // Account page.
    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.accountTitle);
    await page.screenshot({ path: `${SCREENSHOTS}/account-${locale}-1280.png`, fullPage: true });
  });
}
