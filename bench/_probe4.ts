import { startServer, killServer, tempDir } from "../tests/reliability/server";
import { createFixtureDb } from "../tests/reliability/fixture";
(async () => {
  const { dbPath } = createFixtureDb(tempDir("probe4"));
  const s = await startServer(dbPath, { RATE_LIMIT_SUBMIT_PER_MIN: "0" });
  let failed = 0, ok = 0;
  const big = JSON.stringify({ answers: { department: "x".repeat(2000 * 1024) } });
  const work = async () => { for (let i = 0; i < 25; i++) { try { const r = await fetch(s.url + "/api/survey/rel-open/start", { method: "POST", headers: { "content-type": "application/json" }, body: big }); await r.text(); ok++; } catch (e) { failed++; } } };
  await Promise.all(Array.from({ length: 8 }, work));
  let f2 = 0, ok2 = 0;
  const work2 = async () => { for (let i = 0; i < 25; i++) { try { const r = await fetch(s.url + "/api/admin/organisations/rel-co/waves/1/invitations", { method: "POST", headers: { "content-type": "application/json" }, body: big }); await r.text(); ok2++; } catch (e) { f2++; } } };
  await Promise.all(Array.from({ length: 8 }, work2));
  console.log({ ok, failed, ok2, f2 });
  await killServer(s, "SIGTERM");
})();
