// Measures the JavaScript a first visit downloads for each page, in real Chromium:
// node bench/first-load-js.mjs http://127.0.0.1:3000 /s/demo /report/<token>
import { chromium } from "playwright";

const [base = "http://127.0.0.1:3000", ...paths] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
for (const path of paths.length ? paths : ["/s/demo"]) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts = [];
  page.on("response", async (res) => {
    if (res.request().resourceType() !== "script") return;
    const body = await res.body().catch(() => Buffer.alloc(0));
    const sizes = await res.request().sizes().catch(() => ({ responseBodySize: 0 }));
    scripts.push({ raw: body.length, transferred: sizes.responseBodySize });
  });
  await page.goto(base + path, { waitUntil: "networkidle" });
  const raw = scripts.reduce((a, s) => a + s.raw, 0);
  const transferred = scripts.reduce((a, s) => a + s.transferred, 0);
  console.log(`${path}: ${scripts.length} scripts, ${(raw / 1024).toFixed(1)} KiB uncompressed, ${(transferred / 1024).toFixed(1)} KiB transferred`);
  await context.close();
}
await browser.close();
