import { describe, expect, it } from "vitest";
import { wrapLabel } from "../../../app/dashboard/charts/labels";

describe("chart axis labels", () => {
  it("wraps English at spaces into lines of about the given width", () => {
    expect(wrapLabel("Coding")).toBe("Coding");
    expect(wrapLabel("Digital marketing and analytics")).toEqual(["Digital", "marketing and", "analytics"]);
    expect(wrapLabel("Digital marketing and analytics", 22)).toEqual(["Digital marketing and", "analytics"]);
    expect(wrapLabel("Cloud and collaboration tools", 22)).toEqual(["Cloud and", "collaboration tools"]);
  });

  it("splits Chinese, which has no spaces, into equal runs counting each character as two", () => {
    expect(wrapLabel("人人都会三项技能")).toBe("人人都会三项技能"); // 8 characters = width 16
    expect(wrapLabel("有清晰的数字化愿景")).toBe("有清晰的数字化愿景"); // 9 characters still fit
    expect(wrapLabel("学习与发展部门了解所需技能")).toEqual(["学习与发展部门", "了解所需技能"]);
    expect(wrapLabel("學習與發展部門不了解")).toEqual(["學習與發展", "部門不了解"]);
  });

  it("leaves a long word without spaces whole", () => {
    expect(wrapLabel("Supercalifragilisticexpialidocious")).toBe("Supercalifragilisticexpialidocious");
  });
});
