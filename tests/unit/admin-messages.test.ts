import { describe, expect, it } from "vitest";
import { fieldsOf, organisationSchema, waveSchema } from "../../lib/admin/organisations";
import { leadSchema } from "../../lib/admin/leads";
import { passwordProblem } from "../../core/passwords";
import { ADMIN_MESSAGES, adminMessages } from "../../lib/i18n/admin-messages";
import { plural } from "../../lib/i18n/text";

describe("admin validation in the admin's language", () => {
  const badOrganisation = { name: "Acme Logistics", slug: "Acme Logistics!", sector: "Logistics", sizeBand: "", departments: "Warehouse" };

  it("keeps the English wording by default", () => {
    const result = organisationSchema().safeParse(badOrganisation);
    expect(result.success).toBe(false);
    expect(fieldsOf(result.error!)).toEqual({
      slug: "Use lowercase letters, digits and single hyphens, e.g. northwind-trading",
      sizeBand: "Choose a size band: small, medium, large, enterprise",
    });
    const long = organisationSchema().safeParse({ ...badOrganisation, slug: "acme", sizeBand: "small", name: "x".repeat(121) });
    expect(fieldsOf(long.error!)).toEqual({ name: "Use at most 120 characters" });
    const lead = leadSchema().safeParse({ email: "not-an-email", name: "" });
    expect(fieldsOf(lead.error!)).toEqual({ email: "Enter an email address, e.g. name@example.org", name: "Enter the person's name" });
    const wave = waveSchema().safeParse({ label: "Q1", questionnaireVersion: 1, opensAt: "2027-02-01T10:00", closesAt: "2027-01-01T10:00" });
    expect(fieldsOf(wave.error!)).toEqual({ closesAt: "The closing time must be after the opening time" });
  });

  it("words the same problems in Simplified and Traditional Chinese", () => {
    const hans = fieldsOf(organisationSchema(adminMessages("zh-Hans")).safeParse(badOrganisation).error!);
    expect(hans).toEqual({ slug: "只能使用小写字母、数字和单个连字符，例如 northwind-trading", sizeBand: "请选择规模区间：小型、中型、大型、超大型" });
    const hant = fieldsOf(organisationSchema(adminMessages("zh-Hant")).safeParse(badOrganisation).error!);
    expect(hant).toEqual({ slug: "只能使用小寫字母、數字和單一連字號，例如 northwind-trading", sizeBand: "請選擇規模級距：小型、中型、大型、超大型" });
    const long = organisationSchema(adminMessages("zh-Hant")).safeParse({ ...badOrganisation, slug: "acme", sizeBand: "small", name: "x".repeat(121) });
    expect(fieldsOf(long.error!)).toEqual({ name: "最多 120 個字元" });
    const lead = leadSchema(adminMessages("zh-Hans")).safeParse({ email: "not-an-email", name: "" });
    expect(fieldsOf(lead.error!)).toEqual({ email: "请输入电子邮箱地址，例如 name@example.org", name: "请输入此人的姓名" });
  });

  it("validates the same way in every language", () => {
    const inputs = [
      badOrganisation,
      { ...badOrganisation, slug: "acme-logistics", sizeBand: "medium" },
      { ...badOrganisation, slug: "a", sizeBand: "huge", departments: "x\n".repeat(60) },
    ];
    for (const input of inputs) {
      const outcomes = (["en", "zh-Hans", "zh-Hant"] as const).map((l) => {
        const r = organisationSchema(adminMessages(l)).safeParse(input);
        return r.success ? { ok: r.data } : { fields: Object.keys(fieldsOf(r.error)).sort() };
      });
      expect(outcomes[1]).toEqual(outcomes[0]);
      expect(outcomes[2]).toEqual(outcomes[0]);
    }
  });

  it("reports password problems as codes that pages word", () => {
    expect(passwordProblem("short")).toBe("too_short");
    expect(passwordProblem("x".repeat(201))).toBe("too_long");
    expect(passwordProblem("a-good-long-password")).toBeNull();
  });
});

describe("plural", () => {
  it("uses the English singular for 1 and one form in Chinese", () => {
    const forms = ADMIN_MESSAGES.en.invitations.created;
    expect(plural("en", forms, 1)).toBe("1 personal link created.");
    expect(plural("en", forms, 2)).toBe("2 personal links created.");
    expect(plural("en", ADMIN_MESSAGES.en.exports.auditCaption, 1234)).toBe("1,234 entries, newest first. Times in UTC.");
    expect(plural("zh-Hans", ADMIN_MESSAGES["zh-Hans"].invitations.created, 1)).toBe("已生成 1 个个人链接。");
    expect(plural("zh-Hant", ADMIN_MESSAGES["zh-Hant"].invitations.created, 2)).toBe("已產生 2 個個人連結。");
  });
});
