/*
 * The ceiling for `npm run bench -- load`: the same submission (conditional draft → submitted update
 * plus the aggregate counters, in one transaction, synchronous=FULL) through a bare node:http server
 * and better-sqlite3, without Next.js, sessions, proxy or JSON validation of answers; and
 * GET /summary/<slug>, the summary dashboard's summaryData() as JSON without session or proxy.
 * Usage: tsx bench/bare-server.ts <db-file> <port>
 */
import http from "node:http";
import { openDatabase } from "../db/client";
import { findOrganisationBySlug } from "../db/queries/organisations";
import { findResponseByToken, submitDraft } from "../db/queries/survey";
import { resolveScope } from "../lib/dashboard/scope";
import { summaryData } from "../lib/dashboard/summary";

const [file, port] = process.argv.slice(2);
const db = openDatabase(file!);

/** One request; an error is not caught, so it ends the process as a thrown error did before the data layer was asynchronous. */
async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const summary = req.method === "GET" ? /^\/summary\/([^/]+)$/.exec(req.url ?? "") : null;
  if (summary) {
    // The summary dashboard's figures, without session, proxy or query parsing.
    const org = await findOrganisationBySlug(db, summary[1]!);
    if (!org) {
      res.writeHead(404).end();
      return;
    }
    const body = JSON.stringify(await summaryData(db, await resolveScope(db, org, {}, 5), "en"));
    res.writeHead(200, { "content-type": "application/json" }).end(body);
    return;
  }
  if (req.method !== "POST") {
    res.writeHead(req.url === "/health" ? 200 : 404).end();
    return;
  }
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const token = String(req.headers["x-resume-token"] ?? "");
  const row = await findResponseByToken(db, token);
  if (!row) {
    res.writeHead(401, { "content-type": "application/json" }).end('{"error":{"code":"unauthorized"}}');
    return;
  }
  JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
  const { outcome } = await submitDraft(db, row.id, {}, row.locale);
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "submitted", alreadySubmitted: outcome === "already_submitted" }));
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((e: unknown) => {
    // As an uncaught error in a synchronous handler: the process ends, and the bench sees it.
    setImmediate(() => {
      throw e;
    });
  });
});
server.listen(Number(port), "127.0.0.1", () => process.stdout.write("ready\n"));
