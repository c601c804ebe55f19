import type { Answers } from "../core/answers";

/** A complete, valid set of v1 answers with a known profile: index (75+50+25+100+75+25+75+0)/8 = 53.125. */
export function completeAnswers(department = "Sales"): Answers {
  return {
    department,
    seniority: "manager",
    self_data: 4,
    self_security: 3,
    self_coding: 2,
    self_mobile: 5,
    self_social: 4,
    self_analytics: 2,
    self_cloud: 4,
    self_ai: 1,
    org_data: "yes",
    org_security: "partly",
    org_coding: "no",
    org_mobile: "yes",
    org_social: "yes",
    org_analytics: "dont_know",
    org_cloud: "yes",
    org_ai: "no",
    vision: 4,
    ld_awareness: "dont_know",
    customer_understanding: 2,
  };
}
