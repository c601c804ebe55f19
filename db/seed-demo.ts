import { transaction, type Db } from "./client";
import {
  createRng,
  DEPARTMENTS,
  generateAnswers,
  generateCheckAnswers,
  insertOrganisation,
  insertSubmittedResponse,
  insertWave,
  orgMaturity,
  pick,
  SECTORS,
  uuidFrom,
  type Rng,
} from "./factories";
import { addMembership, insertUser } from "./queries/users";
import { hashPasswordSync } from "../core/passwords";
import { SIZE_BANDS, type SizeBand } from "../core/vocabulary";
import { CURRENT_QUESTIONNAIRE_VERSION, getQuestionnaire } from "../questions";
import { drawChecks } from "../core/checks";
import type { Organisation } from "./schema";

export const DEMO_CODE = "demo";
/** The demo organisation's open wave with knowledge checks (questionnaire v2). */
export const DEMO_CHECKS_CODE = "demo-checks";
export const DEMO_ORG_SLUG = "northwind";

/** Demo sign-ins; they exist only in databases built by this seed. */
export const DEMO_ACCOUNTS = {
  admin: { email: "admin@demo.local", password: "demo-admin-pass", name: "Demo Admin" },
  lead: { email: "lead@demo.local", password: "demo-lead-pass", name: "Demo L&D Lead" },
} as const;

const NAME_A = ["Northwind", "Bluebell", "Harbour", "Summit", "Oakridge", "Silverline", "Riverside", "Kestrel", "Meridian", "Lighthouse", "Granite", "Willow", "Beacon", "Copperfield", "Evergreen", "Falcon"];
const NAME_B: Record<string, string[]> = {
  Retail: ["Stores", "Market", "Outfitters", "Home & Garden"],
  "Financial services": ["Bank", "Insurance", "Capital", "Building Society"],
  Manufacturing: ["Engineering", "Components", "Foods", "Plastics"],
  Healthcare: ["Health", "Care Group", "Clinics", "Medical"],
  "Public sector": ["Council", "Housing Trust", "Transport Authority", "Library Service"],
  Technology: ["Software", "Digital", "Systems", "Labs"],
  "Professional services": ["Consulting", "Partners", "Law", "Accountants"],
  Logistics: ["Freight", "Logistics", "Couriers", "Shipping"],
};

/** Responses per organisation by size band: bigger organisations answer in larger numbers. */
const RESPONSES_BY_SIZE: Record<SizeBand, [number, number]> = {
  small: [18, 45],
  medium: [50, 100],
  large: [90, 170],
  enterprise: [150, 260],
};

const between = (rng: Rng, [lo, hi]: [number, number]) => lo + Math.floor(rng() * (hi - lo + 1));

function submittedAt(rng: Rng, startIso: string, days: number): string {
  const start = Date.parse(startIso);
  const t = start + Math.floor(rng() * days * 86_400_000);
  return new Date(t).toISOString();
}

export type SeedSummary = { organisations: number; sectors: number; responses: number; demoCode: string; checkResponses: number };

const LOCALE_WEIGHTS = [70, 20, 10];

/**
 * Waves with knowledge checks: the demo organisation's open "demo-checks" wave, and a March pilot in
 * every third other organisation, so every check figure has a benchmark. The pilots open before the
 * spring waves, so each organisation's latest wave, its default dashboard and the self-assessment
 * benchmark stay as they were; a separate random stream leaves every other seeded answer unchanged.
 */
async function seedCheckWaves(txDb: Db, seed: number, orgs: { org: Organisation; maturity: number; isDemo: boolean }[]): Promise<number> {
  const rng = createRng(seed + 1);
  const v2 = getQuestionnaire(2);
  const randomInt = (n: number) => Math.floor(rng() * n);
  let total = 0;
  for (const [i, { org, maturity, isDemo }] of orgs.entries()) {
    if (!isDemo && i % 3 !== 1) continue;
    const wave = await insertWave(txDb, {
      orgId: org.id,
      label: isDemo ? "2026-Q4-checks" : "2026-03-checks",
      questionnaireVersion: v2.version,
      code: isDemo ? DEMO_CHECKS_CODE : `${org.slug.slice(0, 40)}-checks`,
      status: isDemo ? "open" : "closed",
      opensAt: isDemo ? "2026-09-28T08:00:00.000Z" : "2026-03-09T08:00:00.000Z",
      closesAt: isDemo ? null : "2026-03-27T18:00:00.000Z",
      createdAt: isDemo ? "2026-09-25T09:00:00.000Z" : "2026-03-02T09:00:00.000Z",
    });
    const n = isDemo ? 96 : between(rng, [20, 60]);
    const profile = { maturity: isDemo ? maturity + 0.3 : maturity, departments: org.departments };
    for (let k = 0; k < n; k++) {
      const answers = generateAnswers(rng, v2.capabilityIds, profile);
      const checks = drawChecks(v2, new Set(), randomInt);
      await insertSubmittedResponse(txDb, {
        id: uuidFrom(rng),
        waveId: wave.id,
        answers: { ...answers, ...generateCheckAnswers(rng, answers, checks) },
        checks,
        submittedAt: submittedAt(rng, isDemo ? "2026-09-28T08:00:00.000Z" : "2026-03-09T08:00:00.000Z", 18),
        locale: pick(rng, ["en", "zh-Hans", "zh-Hant"] as const, LOCALE_WEIGHTS),
      });
    }
    total += n;
  }
  return total;
}

/**
 * Builds the demo benchmark into an empty database: 64 organisations over 8 sectors and the 4 size
 * bands, each with a spring wave; the demo organisation also has an open autumn wave with code "demo".
 */
export async function seedDemo(db: Db, seed = 20261124): Promise<SeedSummary> {
  const existing = (await db.sql.value<number>("select count(*) from organisations")) ?? 0;
  if (existing > 0) throw new Error("The database already has organisations; the demo seed only fills an empty database");
  const rng = createRng(seed);
  const q = getQuestionnaire(CURRENT_QUESTIONNAIRE_VERSION);
  let total = 0;
  let checkResponses = 0;
  const usedNames = new Set<string>();
  const seeded: { org: Organisation; maturity: number; isDemo: boolean }[] = [];

  // One transaction: every insert below runs inside it.
  await transaction(db, async (txDb) => {
    for (let i = 0; i < 64; i++) {
      const isDemo = i === 0;
      const sector = isDemo ? "Retail" : SECTORS[i % SECTORS.length]!;
      const sizeBand: SizeBand = isDemo ? "large" : SIZE_BANDS[Math.floor(i / SECTORS.length) % SIZE_BANDS.length]!;
      let name = isDemo ? "Northwind Trading" : `${pick(rng, NAME_A)} ${pick(rng, NAME_B[sector]!)}`;
      while (usedNames.has(name)) name = `${pick(rng, NAME_A)} ${pick(rng, NAME_B[sector]!)}`;
      usedNames.add(name);
      const slug = isDemo ? DEMO_ORG_SLUG : name.toLowerCase().replace(/&/g, "and").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
      const departments = DEPARTMENTS.slice(0, isDemo ? 8 : 4 + Math.floor(rng() * 5));
      const org = await insertOrganisation(txDb, { slug, name, sector, sizeBand, departments, createdAt: "2026-03-01T09:00:00.000Z" });
      if (isDemo) {
        const { admin, lead } = DEMO_ACCOUNTS;
        await insertUser(txDb, { email: admin.email, name: admin.name, role: "admin", passwordHash: hashPasswordSync(admin.password) });
        const leadUser = await insertUser(txDb, { email: lead.email, name: lead.name, role: "lead", passwordHash: hashPasswordSync(lead.password) });
        await addMembership(txDb, leadUser.id, org.id);
      }
      const maturity = isDemo ? 0.15 : orgMaturity(rng, sector, sizeBand);
      const profile = { maturity, departments };
      seeded.push({ org, maturity, isDemo });

      const spring = await insertWave(txDb, {
        orgId: org.id,
        label: "2026-Q2",
        questionnaireVersion: q.version,
        code: isDemo ? "demo-spring" : `${slug.slice(0, 40)}-q2`,
        status: "closed",
        opensAt: "2026-04-06T08:00:00.000Z",
        closesAt: "2026-05-08T18:00:00.000Z",
        createdAt: "2026-04-01T09:00:00.000Z",
      });
      const n = between(rng, RESPONSES_BY_SIZE[sizeBand]);
      for (let k = 0; k < n; k++) {
        await insertSubmittedResponse(txDb, {
          id: uuidFrom(rng),
          waveId: spring.id,
          answers: generateAnswers(rng, q.capabilityIds, profile),
          submittedAt: submittedAt(rng, "2026-04-06T08:00:00.000Z", 30),
          locale: pick(rng, ["en", "zh-Hans", "zh-Hant"] as const, [70, 20, 10]),
        });
      }
      total += n;

      if (isDemo) {
        // The autumn wave is open for the demo; the organisation improved a little since spring.
        const autumn = await insertWave(txDb, {
          orgId: org.id,
          label: "2026-Q4",
          questionnaireVersion: q.version,
          code: DEMO_CODE,
          status: "open",
          opensAt: "2026-10-05T08:00:00.000Z",
          createdAt: "2026-10-01T09:00:00.000Z",
        });
        const later = { maturity: maturity + 0.35, departments };
        for (let k = 0; k < 140; k++) {
          await insertSubmittedResponse(txDb, {
            id: uuidFrom(rng),
            waveId: autumn.id,
            answers: generateAnswers(rng, q.capabilityIds, later),
            submittedAt: submittedAt(rng, "2026-10-05T08:00:00.000Z", 40),
            locale: pick(rng, ["en", "zh-Hans", "zh-Hant"] as const, [70, 20, 10]),
          });
        }
        total += 140;
      }
    }
    checkResponses = await seedCheckWaves(txDb, seed, seeded);
  });
  return { organisations: 64, sectors: SECTORS.length, responses: total + checkResponses, demoCode: DEMO_CODE, checkResponses };
}
