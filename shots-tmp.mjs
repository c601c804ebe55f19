import { chromium } from "playwright";
const base = process.env.BASE ?? "http://127.0.0.1:3126";
const paths = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
if (process.env.LOCALE) await context.addCookies([{ name: "ds_locale", value: process.env.LOCALE, url: base }]);
const page = await context.newPage();
const errors = [];
page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
page.on("pageerror", (e) => errors.push(e.message));
page.on("response", (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
if (!process.env.ANON) {
  await page.goto(base + "/signin");
  await page.getByLabel(/Email|电子邮件|電子郵件/).fill(process.env.EMAIL ?? "lead@demo.local");
  await page.getByLabel(/Password|密码|密碼/).fill(process.env.PASS ?? "demo-lead-pass");
  await page.getByRole("button", { name: /Sign in|登录|登入/ }).click();
  await page.waitForURL(/account|dashboard/);
}
for (const [i, p] of paths.entries()) {
  const res = await page.goto(base + p, { waitUntil: "networkidle" });
  if (process.env.PRINT) await page.emulateMedia({ media: "print" });
  await page.waitForTimeout(300);
  const tag = `${i}-${p.replace(/[^a-z0-9]+/gi, "_").slice(0, 60)}${process.env.PRINT ? "-print" : ""}${process.env.LOCALE ?? ""}`;
  if (process.env.SEL) {
    const els = page.locator(process.env.SEL);
    for (let k = 0; k < (await els.count()); k++) await els.nth(k).screenshot({ path: `/tmp/shots/${tag}-el${k}.png` });
  } else await page.screenshot({ path: `/tmp/shots/${tag}.png`, fullPage: true });
  console.log(res.status(), tag);
  if (process.env.PRINT) await page.emulateMedia({ media: "screen" });
}
console.log("errors:", errors);
await browser.close();
