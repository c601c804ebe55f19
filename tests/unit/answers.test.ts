import { describe, expect, it } from "vitest";
import { missingItems, requiredItems, validateAnswers } from "../../core/answers";
import { getQuestionnaire } from "../../questions";
import { completeAnswers } from "../../harness/answers";

const q = getQuestionnaire(1);
const departments = ["Sales", "Finance", "IT"];

describe("answer validation derived from the questionnaire", () => {
  it("accepts every valid value of every item", () => {
    const valid: Record<string, unknown[]> = {
      department: departments,
      seniority: ["staff", "manager", "senior_leader", "executive"],
      vision: [1, 2, 3, 4, 5, "dont_know"],
      ld_awareness: [1, 2, 3, 4, 5, "dont_know"],
      customer_understanding: [1, 2, 3, 4, 5, "dont_know"],
    };
    for (const id of q.capabilityIds) {
      valid[`self_${id}`] = [1, 2, 3, 4, 5];
      valid[`org_${id}`] = ["yes", "partly", "no", "dont_know"];
    }
    expect(Object.keys(valid).sort()).toEqual([...q.itemIds].sort());
    for (const [item, values] of Object.entries(valid)) {
      for (const value of values) {
        const result = validateAnswers(q, departments, { [item]: value });
        expect(result, `${item}=${String(value)}`).toEqual({ ok: true, answers: { [item]: value } });
      }
    }
  });

  it("accepts a complete set of answers and finds nothing missing", () => {
    const answers = completeAnswers("Sales");
    expect(validateAnswers(q, departments, answers).ok).toBe(true);
    expect(missingItems(q, departments, answers)).toEqual([]);
  });

  it.each([
    ["self level out of range", { self_data: 6 }, "self_data", "must be a whole number from 1 to 5"],
    ["self level zero", { self_coding: 0 }, "self_coding", "must be a whole number from 1 to 5"],
    ["self level fractional", { self_ai: 3.5 }, "self_ai", "must be a whole number from 1 to 5"],
    ["self level as string", { self_cloud: "4" }, "self_cloud", "must be a whole number from 1 to 5"],
    ["self level null", { self_cloud: null }, "self_cloud", "must be a whole number from 1 to 5"],
    ["org answer not allowed", { org_data: "maybe" }, "org_data", "must be one of: yes, partly, no, dont_know"],
    ["org answer wrong case", { org_security: "YES" }, "org_security", "must be one of: yes, partly, no, dont_know"],
    ["agree out of range", { vision: 0 }, "vision", 'must be a whole number from 1 to 5, or "dont_know"'],
    ["agree wrong string", { customer_understanding: "agree" }, "customer_understanding", 'must be a whole number from 1 to 5, or "dont_know"'],
    ["department not in the list", { department: "Legal" }, "department", "must be one of: Sales, Finance, IT"],
    ["seniority unknown", { seniority: "intern" }, "seniority", "must be one of: staff, manager, senior_leader, executive"],
    ["unknown item", { favourite_colour: "blue" }, "favourite_colour", "is not an item of questionnaire v1"],
    ["prototype key", JSON.parse('{"__proto__": 1}'), "__proto__", "is not an item of questionnaire v1"],
  ])("rejects %s, naming the field", (_name, input, field, message) => {
    const result = validateAnswers(q, departments, input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.fields)).toEqual([field]);
      expect(result.fields[field]).toContain(message);
    }
  });

  it("reports every bad field at once and keeps none of the good ones", () => {
    const result = validateAnswers(q, departments, { self_data: 4, self_security: 9, org_coding: 1, vision: "x" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fields).sort()).toEqual(["org_coding", "self_security", "vision"]);
  });

  it.each([null, [], "answers", 42])("rejects a non-object answers value %j", (input) => {
    const result = validateAnswers(q, departments, input);
    expect(result).toEqual({ ok: false, fields: { answers: "must be an object mapping item ids to answers" } });
  });

  it.each(["Sales", "Solo Team of One", "<b>x</b>", "=1+1", "", null])(
    "refuses any department %j when the organisation lists none (issue 16, finding 7)",
    (value) => {
      const result = validateAnswers(q, [], { department: value, seniority: "staff" });
      expect(result).toEqual({ ok: false, fields: { department: "is not asked: this organisation has no departments; leave it out" } });
    },
  );

  it("accepts answers without a department when the organisation lists none", () => {
    const answers = completeAnswers();
    delete answers.department;
    expect(validateAnswers(q, [], answers)).toEqual({ ok: true, answers });
    expect(missingItems(q, [], answers)).toEqual([]);
  });

  it("requires department only when the organisation lists departments", () => {
    expect(requiredItems(q, departments)).toContain("department");
    expect(requiredItems(q, [])).not.toContain("department");
    expect(missingItems(q, departments, { seniority: "staff" }, ["department", "seniority"])).toEqual(["department"]);
  });
});
