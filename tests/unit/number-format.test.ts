import { describe, expect, it } from "vitest";
import { exportPValue, fmtInterval, fmtPct, fmtSigned, formatInteger, formatNumber, roundedCell, roundTo } from "../../lib/format/numbers";
import { LOCALES } from "../../questions/constants";

/** The one number-format module: the formats the admin pages, dashboards, sentences and exports had each written for themselves. */
describe("number formats", () => {
  it("formatNumber is what toLocaleString gave the admin pages", () => {
    for (const locale of LOCALES) {
      for (const n of [0, 7, 1234, 1234567, 0.5, 2.3456, -42]) expect(formatNumber(locale, n)).toBe(n.toLocaleString(locale));
    }
    expect(formatInteger(1234.4, "en")).toBe("1,234");
  });

  it("dashboard cells show a dash where there is no number and a true minus", () => {
    expect(fmtPct(null, "en")).toBe("–");
    expect(fmtPct(41.6, "en")).toBe("42%");
    expect(fmtSigned(-3.2, "en", 1)).toBe("−3.2");
    expect(fmtSigned(0.04, "en", 1)).toBe("0.0");
    expect(fmtInterval([-6.34, 18.4], "en", 1)).toBe("−6.3 – 18.4%");
    expect(fmtInterval([42, 58], "en")).toBe("42–58%");
  });

  it("exports round numbers without formatting them", () => {
    expect(roundTo(12.345, 1)).toBe(12.3);
    expect(roundedCell(12.35)).toBe(12.4);
    expect(roundedCell(NaN)).toBe("");
    expect(roundedCell(null)).toBe("");
    expect(exportPValue(0.000012345)).toBe("0.0000123");
  });
});
