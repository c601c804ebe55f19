import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { insertOrganisation, insertWave } from "../../db/factories";
import { listAudit } from "../../db/queries/audit";
import { readWaveCounters } from "../../db/queries/aggregates";
import { findInvitationByToken, invitationCounts, listInvitations } from "../../db/queries/invitations";
import { countResponses, findResponseByToken } from "../../db/queries/survey";
import type { Organisation, Wave } from "../../db/schema";
import { counter } from "../../core/counters";
import { AppError } from "../../core/errors";
import { invitationMail, smtpMailer, type Mailer } from "../../lib/invitations/mail";
import { parseRoster } from "../../lib/invitations/roster";
import { inviteRoster, remindPending, type InvitationContext } from "../../lib/invitations/service";
import { saveAnswers, startResponse, submitResponse } from "../../lib/survey/service";
import { completeAnswers } from "../../harness/answers";
import { columnsOf, createTestDb } from "../helpers/test-db";

const db = createTestDb();
let org: Organisation;
let wave: Wave;
let closed: Wave;
const actor = { id: 0, email: "admin@test.local" };
const ctx = (w: Wave = wave, mailer?: Mailer): InvitationContext => ({ db, org, wave: w, baseUrl: "https://skills.example.com", actor, mailer, minGroupSize: 5 });
const tokenOf = (link: string) => link.split("/i/")[1]!;

beforeAll(async () => {
  org = await insertOrganisation(db, { slug: "acme", name: "Acme", sector: "Retail", sizeBand: "small", departments: ["Sales", "IT"] });
  wave = await insertWave(db, { orgId: org.id, label: "w1", questionnaireVersion: 1, code: "acme-open" });
  closed = await insertWave(db, { orgId: org.id, label: "w0", questionnaireVersion: 1, code: "acme-closed", status: "closed" });
  actor.id = (await db.sql.value<number>("insert into users (email, name, password_hash, role) values ('admin@test.local', 'Admin', 'x', 'admin') returning id"))!;
});

describe("roster CSV", () => {
  it("accepts email with optional department and locale, in any column order, with BOM and CRLF", () => {
    const r = parseRoster("\ufeffDepartment,Email,locale\r\nsales,Ana@Example.com,zh-hant\r\n,bo@example.com,\r\n", ["Sales", "IT"], "en");
    expect(r).toEqual({
      ok: true,
      entries: [
        { line: 2, email: "ana@example.com", department: "Sales", locale: "zh-Hant" },
        { line: 3, email: "bo@example.com", department: null, locale: "en" },
      ],
    });
  });

  it("names every bad row by line and column with what is allowed, and accepts none of the file", () => {
    const r = parseRoster('email,department\nnot-an-email,Sales\nok@example.com,Marketing\n"multi\nline@example.com",IT\nok@example.com,IT\n,Sales\n', ["Sales", "IT"], "en");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      'line 2, column email: "not-an-email" is not a valid email address',
      'line 3, column department: "Marketing" is not a department of this organisation; allowed: Sales, IT (or empty)',
      'line 4, column email: "multi\nline@example.com" is not a valid email address',
      "line 6, column email: ok@example.com appears twice (first on line 3)",
      "line 7, column email: is empty; every person needs an email address",
    ]);
  });

  it("checks the header and the locale", () => {
    const bad = parseRoster("mail,dept\nx@example.com,IT\n", ["IT"], "en");
    expect(bad.ok || bad.errors).toEqual([
      "line 1, column mail: is not a roster column; allowed: email, department, locale",
      "line 1, column dept: is not a roster column; allowed: email, department, locale",
      "line 1, column email: is missing from the header; a roster needs an email column",
    ]);
    const locale = parseRoster("email,locale\nx@example.com,fr\n", [], "en");
    expect(locale.ok || locale.errors).toEqual(['line 2, column locale: "fr" is not a supported language; allowed: en, zh-Hans, zh-Hant (or empty for the default)']);
    expect(parseRoster("", [], "en")).toMatchObject({ ok: false, errors: [expect.stringContaining("empty")] });
    expect(parseRoster("email\n", [], "en")).toMatchObject({ ok: false, errors: ["the roster has a header but nobody in it"] });
  });
});

describe("invitations on a real database", () => {
  let links: string[] = [];

  it("creates one personal link per person and stores only SHA-256 fingerprints of the tokens", async () => {
    const out = await inviteRoster(ctx(), "email,department\nana@example.com,Sales\nbo@example.com,IT\ncy@example.com,\n", "zh-Hans");
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out).toMatchObject({ count: 3, skipped: [], emailed: 0, failed: [] });
    links = out.links.map((l) => l.link);
    expect(links).toHaveLength(3);
    for (const link of links) expect(link).toMatch(/^https:\/\/skills\.example\.com\/i\/[A-Za-z0-9_-]{43}$/); // 256 random bits
    expect(out.links.map((l) => [l.email, l.department, l.locale])).toEqual([
      ["ana@example.com", "Sales", "zh-Hans"],
      ["bo@example.com", "IT", "zh-Hans"],
      ["cy@example.com", null, "zh-Hans"],
    ]);
    const dump = JSON.stringify([await db.sql.all("select * from invitations"), await db.sql.all("select * from invitation_links")]);
    for (const link of links) expect(dump).not.toContain(tokenOf(link));
    expect(await invitationCounts(db, wave.id)).toEqual({ invited: 3, used: 0 });
    expect((await listAudit(db, 10)).entries[0]).toMatchObject({ action: "invitations_created", scope: "acme/w1", rows: 3, userEmail: "admin@test.local", status: "completed" });
  });

  it("skips people already invited to the wave and stores nothing for a bad roster", async () => {
    const again = await inviteRoster(ctx(), "email\nANA@example.com\ndee@example.com\n", "en");
    expect(again).toMatchObject({ ok: true, count: 1, skipped: ["ana@example.com"] });
    const before = (await listInvitations(db, wave.id)).length;
    const bad = await inviteRoster(ctx(), "email\neve@example.com\nnope\n", "en");
    expect(bad).toMatchObject({ ok: false, errorCount: 1 });
    expect(await listInvitations(db, wave.id)).toHaveLength(before);
    expect(await inviteRoster(ctx(closed), "email\nx@example.com\n", "en")).toMatchObject({ ok: false, errors: ["wave w0 is closed; reopen it before inviting people"] });
  });

  it("spends the invitation with the submission, keeps no link between them, and refuses a second response", async () => {
    const inv = tokenOf(links[0]!);
    const { token } = await startResponse(db, "acme-open", {}, "en", inv);
    // The roster's department is a starting answer.
    expect((await findResponseByToken(db, token))!.department).toBe("Sales");
    await saveAnswers(db, "acme-open", token, { answers: completeAnswers("IT"), step: 10 });
    const submitted = await submitResponse(db, "acme-open", token, {}, inv);
    expect(submitted.outcome).toBe("submitted");
    expect((await findInvitationByToken(db, inv))!.invitation.completed).toBe(true);
    expect(await invitationCounts(db, wave.id)).toEqual({ invited: 4, used: 1 });

    // Nothing in the response row points at the invitation, and the invitation records no time of use.
    const columns = await columnsOf(db, "responses");
    expect(columns).toContain("token_hash");
    expect(columns.filter((c) => /invit/i.test(c))).toEqual([]);
    const invColumns = await columnsOf(db, "invitations");
    expect(invColumns).toContain("email");
    expect(invColumns.filter((c) => /response|submitted|used_at|completed_at/i.test(c))).toEqual([]);
    const row = await db.sql.get("select * from responses where token_hash is not null and status = 'submitted'");
    expect(JSON.stringify(row)).not.toContain(inv);

    // A second response through the same invitation (another device) is refused and leaves no trace.
    const n = counter(await readWaveCounters(db, wave.id), "n");
    const other = await startResponse(db, "acme-open", {}, "en", inv);
    await saveAnswers(db, "acme-open", other.token, { answers: completeAnswers(), step: 10 });
    let error: unknown;
    try {
      await submitResponse(db, "acme-open", other.token, {}, inv);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("invitation_used");
    expect((error as AppError).status).toBe(409);
    expect((await findResponseByToken(db, other.token))!.status).toBe("draft");
    expect(counter(await readWaveCounters(db, wave.id), "n")).toBe(n);
    expect(await countResponses(db, wave.id)).toBe(1);
  });

  it("a token of another wave or a made-up token does not spend anything", async () => {
    const { token } = await startResponse(db, "acme-open", {}, "en", "made-up-token");
    await saveAnswers(db, "acme-open", token, { answers: completeAnswers(), step: 10 });
    expect((await submitResponse(db, "acme-open", token, {}, "made-up-token")).outcome).toBe("submitted");
    expect(await invitationCounts(db, wave.id)).toEqual({ invited: 4, used: 1 });
  });

  it("reminders give everyone not yet completed a new link; earlier links keep working", async () => {
    const out = await remindPending(ctx());
    expect(out).toMatchObject({ ok: true, count: 3 });
    if (!out.ok) return;
    expect(out.links.map((l) => l.email)).toEqual(["bo@example.com", "cy@example.com", "dee@example.com"]);
    const bo = (await listInvitations(db, wave.id)).find((i) => i.email === "bo@example.com")!;
    expect(bo.linksIssued).toBe(2);
    expect((await findInvitationByToken(db, tokenOf(links[1]!)))!.invitation.id).toBe(bo.id);
    expect((await findInvitationByToken(db, tokenOf(out.links[0]!.link)))!.invitation.id).toBe(bo.id);
    expect((await listAudit(db, 1)).entries[0]).toMatchObject({ action: "invitation_links_reissued", rows: 3 });
  });
});

describe("invitation emails through a real SMTP server", () => {
  type Received = { from: string; to: string[]; subject: string; text: string };
  const received: Received[] = [];
  let server: SMTPServer;
  let port = 0;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.endsWith("@bounce.example.com")) return callback(new Error("550 No such user here"));
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          void simpleParser(Buffer.concat(chunks)).then((mail) => {
            received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), subject: mail.subject ?? "", text: mail.text ?? "" });
            callback();
          }, callback);
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    port = (server.server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("sends each person their own link in their language, and hands back the links that bounced", async () => {
    const mailer = smtpMailer(`smtp://127.0.0.1:${port}`, "Digiskills <skills@example.com>");
    const mailWave = await insertWave(db, { orgId: org.id, label: "w-mail", questionnaireVersion: 1, code: "acme-mail", closesAt: "2030-03-31T12:00:00.000Z" });
    try {
      const out = await inviteRoster(ctx(mailWave, mailer), "email,locale\nfay@example.com,en\ngus@example.com,zh-Hant\nhal@bounce.example.com,\n", "en");
      expect(out).toMatchObject({ ok: true, count: 3, emailed: 2 });
      if (!out.ok) return;
      expect(out.failed.map((f) => f.email)).toEqual(["hal@bounce.example.com"]);
      expect(out.failed[0]!.reason).toMatch(/No such user/);
      expect(out.links.map((l) => l.email)).toEqual(["hal@bounce.example.com"]);
      expect(received.map((r) => r.to)).toEqual([["fay@example.com"], ["gus@example.com"]]);
      expect(received[0]!.from).toBe("skills@example.com");
      // Each email's link is a real, unused invitation for that person.
      for (const [i, email] of ["fay@example.com", "gus@example.com"].entries()) {
        const token = received[i]!.text.match(/\/i\/([A-Za-z0-9_-]{43})/)![1]!;
        const found = (await findInvitationByToken(db, token))!;
        expect(found.invitation.email).toBe(email);
        expect(found.invitation.emailsSent).toBe(1);
      }
      expect(received[0]!.subject).toBe("Acme: a short digital skills survey");
      expect(received[1]!.subject).toBe("Acme：一份簡短的數位技能問卷");
      expect(received[1]!.text).toContain("2030年3月31日");
      expect((await listAudit(db, 1)).entries[0]).toMatchObject({ action: "invitation_emails_sent", rows: 2, scope: "acme/w-mail" });
    } finally {
      mailer.close();
    }
  });

  it("writes the message text per language, with the closing date and the anonymity promise", () => {
    const m = invitationMail({ locale: "zh-Hant", org: "Acme\r\nBcc: evil@example.com", link: "https://x/i/t", items: 21, minutes: 6, min: 5, closesAt: "2030-03-31T12:00:00.000Z", reminder: true });
    expect(m.subject).toBe("提醒 — Acme Bcc: evil@example.com：一份簡短的數位技能問卷");
    expect(m.text).toContain("https://x/i/t");
    expect(m.text).toContain("至少 5 人");
    expect(m.text).toContain("2030年3月31日");
    expect(m.text.startsWith("我們尚未收到您的問卷")).toBe(true);
    const en = invitationMail({ locale: "en", org: "Acme", link: "https://x/i/t", items: 21, minutes: 6, min: 5, closesAt: null, reminder: false });
    expect(en.subject).toBe("Acme: a short digital skills survey");
    expect(en.text).toContain("21 questions, about 6 minutes");
    expect(en.text).not.toContain("closes on");
  });
});
