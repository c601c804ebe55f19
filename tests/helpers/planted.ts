import { transaction, type Db } from "../../db/client";
import { createRng, insertOrganisation, insertSubmittedResponse, insertWave } from "../../db/factories";
import type { Answers } from "../../core/answers";

/*
 * A population of 10,000 respondents in 20 organisations in which the published report's figures are
 * planted exactly (counts worked out by hand, see below):
 *   F1 44% agree                      → 4,400 agree of 10,000
 *   F2 all three: 83% vs 18%, 47% of the rest disagree
 *                                     → all three 4,000 (3,320 agree); not 6,000 (1,080 agree, 2,820 disagree)
 *   F3 vision: 63% vs 20%             → vision agree 5,581 (3,516 agree = 63.0%); not 4,419 (884 = 20.0%)
 *   F4 L&D: 65% vs 18%                → L&D agree 5,532 (3,596 = 65.0%); not 4,468 (804 = 18.0%)
 * Respondents who agree on customer understanding come first, then the rest; each attribute is
 * assigned by position within those two blocks, so every marginal above holds exactly.
 */
export const PLANTED = { n: 10_000, agree: 4_400, all3: { yes: 4_000, yesAgree: 3_320, noAgree: 1_080, noDisagree: 2_820 }, vision: { yes: 5_581, yesAgree: 3_516 }, ld: { yes: 5_532, yesAgree: 3_596 } };

export async function plantReportFigures(db: Db, organisations = 20): Promise<void> {
  const rng = createRng(44);
  const P = PLANTED;
  const nonAgree = P.n - P.agree;
  const orgs: number[] = [];
  for (let i = 0; i < organisations; i++) {
    const org = await insertOrganisation(db, { slug: `planted-${i}`, name: `Planted ${i}`, sector: ["Retail", "Technology", "Healthcare", "Logistics"][i % 4]!, sizeBand: (["small", "medium", "large", "enterprise"] as const)[i % 4]!, departments: ["Sales", "IT"] });
    orgs.push((await insertWave(db, { orgId: org.id, label: "2026-Q2", questionnaireVersion: 1, code: `planted-${i}` })).id);
  }
  // One transaction for the 10,000 rows.
  await transaction(db, async (inTx) => {
    for (let i = 0; i < P.n; i++) {
      const agree = i < P.agree;
      const k = agree ? i : i - P.agree; // position within its block
      const all3 = agree ? k < P.all3.yesAgree : k < P.all3.yes - P.all3.yesAgree;
      const disagree = !agree && !all3 && k - (P.all3.yes - P.all3.yesAgree) < P.all3.noDisagree;
      // Vision and L&D: agree-block positions counted from the end so they overlap the all-three block only partly.
      const vision = agree ? P.agree - 1 - k < P.vision.yesAgree : nonAgree - 1 - k < P.vision.yes - P.vision.yesAgree;
      const ld = agree ? (k * 7) % P.agree < P.ld.yesAgree : (k * 7) % nonAgree < P.ld.yes - P.ld.yesAgree;
      const level = () => 1 + Math.floor(rng() * 5);
      const answers: Answers = {
        department: i % 3 === 0 ? "IT" : "Sales",
        seniority: (["staff", "staff", "manager", "senior_leader", "executive"] as const)[i % 5]!,
        self_data: level(), self_security: level(), self_coding: level(), self_mobile: level(),
        self_social: level(), self_analytics: level(), self_cloud: level(), self_ai: level(),
        org_data: "yes", org_security: "yes", org_coding: all3 ? "yes" : (["no", "partly", "dont_know"] as const)[i % 3]!,
        org_mobile: "partly", org_social: "yes", org_analytics: "no", org_cloud: "dont_know", org_ai: "no",
        vision: vision ? 4 + (i % 2) : (["dont_know", 1, 2, 3] as const)[i % 4]!,
        ld_awareness: ld ? 5 - (i % 2) : ([3, 2, "dont_know", 1] as const)[i % 4]!,
        customer_understanding: agree ? 4 + (i % 2) : disagree ? 1 + (i % 2) : i % 2 ? 3 : "dont_know",
      };
      await insertSubmittedResponse(inTx, { id: `planted-${i}`, waveId: orgs[i % organisations]!, answers, submittedAt: "2026-05-01T10:00:00.000Z" });
    }
  });
}
