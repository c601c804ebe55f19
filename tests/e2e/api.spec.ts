import { expect, test, type APIRequestContext } from "@playwright/test";
import { completeAnswers } from "../../harness/answers";
import { countResponses, snapshotResponses } from "./db";

/** Real HTTP against `next start`: every bad request gets 400 with named fields and stores nothing. */

async function startDraft(request: APIRequestContext): Promise<string> {
  const res = await request.post("/api/survey/e2e-open/start", { data: { locale: "en" } });
  expect(res.status()).toBe(201);
  const body = await res.json();
  return body.token as string;
}

test("health answers 200", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", database: "ok" });
});

test("start sets an HttpOnly, SameSite=Lax resume cookie and returns the draft", async ({ request }) => {
  const res = await request.post("/api/survey/e2e-open/start", { data: {} });
  expect(res.status()).toBe(201);
  const cookie = res.headers()["set-cookie"] ?? "";
  expect(cookie).toMatch(/^ds_r_e2e-open=/);
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=lax/i);
  const body = await res.json();
  expect(body).toMatchObject({ status: "draft", step: 0, answers: {}, reportUrl: null });
  expect(body.resumeUrl).toBe(`/s/e2e-open/resume/${body.token}`);
});

type BadCase = { name: string; body: string; fields: Record<string, string | RegExp>; status?: number };

const oversize = JSON.stringify({ answers: { department: "x".repeat(20_000) }, step: 1 });

const badSaves: BadCase[] = [
  { name: "malformed JSON", body: '{"answers": {"self_data": 4,', fields: { body: "must be a JSON object" } },
  { name: "a JSON array", body: "[1,2,3]", fields: { body: "must be a JSON object" } },
  { name: "a JSON string", body: '"hello"', fields: { body: "must be a JSON object" } },
  { name: "an empty body", body: "", fields: { body: "must be a JSON object" } },
  { name: "oversize body", body: oversize, fields: { body: "must be at most 16384 bytes" }, status: 413 },
  {
    name: "wrong types",
    body: JSON.stringify({ answers: { self_data: "4", org_data: 1, seniority: true }, step: "2" }),
    fields: {
      "answers.self_data": "must be a whole number from 1 to 5",
      "answers.org_data": "must be one of: yes, partly, no, dont_know",
      "answers.seniority": /must be one of: staff, manager, senior_leader, executive/,
      step: "must be a whole number from 0 to 10",
    },
  },
  { name: "a bad step", body: JSON.stringify({ answers: {}, step: "2" }), fields: { step: "must be a whole number from 0 to 10" } },
  {
    name: "out-of-range values",
    body: JSON.stringify({ answers: { self_coding: 6, vision: 0, customer_understanding: 9 }, step: 2 }),
    fields: {
      "answers.self_coding": "must be a whole number from 1 to 5",
      "answers.vision": 'must be a whole number from 1 to 5, or "dont_know"',
      "answers.customer_understanding": 'must be a whole number from 1 to 5, or "dont_know"',
    },
  },
  {
    name: "unknown items",
    body: JSON.stringify({ answers: { self_data: 4, salary: 100000, __proto__x: 1 }, step: 2 }),
    fields: { "answers.salary": /is not an item of questionnaire v1/, "answers.__proto__x": /is not an item/ },
  },
  { name: "a __proto__ item", body: '{"answers": {"__proto__": {"self_data": 4}}, "step": 2}', fields: { "answers.__proto__": /is not an item/ } },
  { name: "an unknown top-level field", body: JSON.stringify({ answers: {}, step: 1, admin: true }), fields: { admin: "is not an allowed field" } },
  { name: "a department not in the list", body: JSON.stringify({ answers: { department: "Legal" }, step: 1 }), fields: { "answers.department": "must be one of: Engineering, Sales, Support" } },
  { name: "an unsupported locale", body: JSON.stringify({ answers: {}, step: 1, locale: "fr" }), fields: { locale: "must be one of: en, zh-Hans, zh-Hant" } },
];

for (const c of badSaves) {
  test(`saving ${c.name} → ${c.status ?? 400} naming the fields, nothing stored`, async ({ request }) => {
    const token = await startDraft(request);
    const ok = await request.put("/api/survey/e2e-open/draft", { headers: { "x-resume-token": token }, data: { answers: { self_data: 2 }, step: 1 } });
    expect(ok.status()).toBe(200);
    const before = await snapshotResponses("e2e-open");

    const res = await request.put("/api/survey/e2e-open/draft", {
      headers: { "x-resume-token": token, "content-type": "application/json" },
      data: c.body,
    });
    expect(res.status()).toBe(c.status ?? 400);
    const body = await res.json();
    expect(typeof body.error.code).toBe("string");
    expect(typeof body.error.message).toBe("string");
    expect(Object.keys(body.error.fields).sort()).toEqual(Object.keys(c.fields).sort());
    for (const [field, expected] of Object.entries(c.fields)) {
      if (expected instanceof RegExp) expect(body.error.fields[field]).toMatch(expected);
      else expect(body.error.fields[field]).toBe(expected);
    }
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(js|ts):\d+/); // no stack trace
    expect(await snapshotResponses("e2e-open")).toBe(before);
  });
}

test("an incomplete or invalid submission is refused and the response stays a draft", async ({ request }) => {
  const token = await startDraft(request);
  const submitted = await countResponses("e2e-open");
  const partial = completeAnswers("Sales");
  delete partial.customer_understanding;
  const res = await request.post("/api/survey/e2e-open/submit", { headers: { "x-resume-token": token }, data: { answers: partial } });
  expect(res.status()).toBe(400);
  expect((await res.json()).error.fields).toEqual({ "answers.customer_understanding": "is required" });

  const bad = await request.post("/api/survey/e2e-open/submit", {
    headers: { "x-resume-token": token },
    data: { answers: { ...completeAnswers("Sales"), self_ai: 0 } },
  });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.fields).toEqual({ "answers.self_ai": "must be a whole number from 1 to 5" });
  expect(await countResponses("e2e-open")).toBe(submitted);
});

test("concurrent submissions of one draft store one response", async ({ request }) => {
  const token = await startDraft(request);
  const before = await countResponses("e2e-open");
  const send = () =>
    request.post("/api/survey/e2e-open/submit", { headers: { "x-resume-token": token }, data: { answers: completeAnswers("Support") } });
  const results = await Promise.all([send(), send(), send(), send(), send()]);
  // One wins and receives the report link; the resume token then opens nothing, so the others are
  // refused (or, had they read the draft first, told it was already submitted, without a link).
  const bodies = await Promise.all(results.map(async (r) => ({ status: r.status(), body: await r.json() })));
  const winners = bodies.filter((b) => b.status === 200 && b.body.alreadySubmitted === false);
  expect(winners).toHaveLength(1);
  expect(winners[0]!.body.reportUrl).toMatch(/^\/report\/[A-Za-z0-9_-]{43}$/);
  for (const other of bodies.filter((b) => b !== winners[0])) {
    if (other.status === 200) expect(other.body).toMatchObject({ alreadySubmitted: true, reportUrl: null });
    else expect(other.body.error.code).toBe("unauthorized");
  }
  expect(await countResponses("e2e-open")).toBe(before + 1);
});

test("missing or foreign tokens, unknown and closed codes get clear errors", async ({ request }) => {
  const noToken = await request.fetch("/api/survey/e2e-open/draft", { method: "PUT", data: { answers: {}, step: 1 } , headers: { cookie: "" } });
  expect(noToken.status()).toBe(401);
  expect((await noToken.json()).error.code).toBe("unauthorized");

  const demoToken = (await (await request.post("/api/survey/demo/start", { data: {} })).json()).token as string;
  const foreign = await request.put("/api/survey/e2e-open/draft", { headers: { "x-resume-token": demoToken }, data: { answers: {}, step: 1 } });
  expect(foreign.status()).toBe(401);

  const unknown = await request.post("/api/survey/nope-nope/start", { data: {} });
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error).toEqual({ code: "not_found", message: "There is no survey with this code" });

  const closed = await request.post("/api/survey/e2e-closed/start", { data: {} });
  expect(closed.status()).toBe(409);
  expect((await closed.json()).error.code).toBe("survey_closed");
});
