import { describe, expect, it } from "vitest";
import { calibrationBias, scoreRegression, spearman, spearmanFromTable } from "../../../core/stats/index";
import { expectRelClose } from "./expect-rel-close";

// References: numpy 2.4.6, scipy 1.17.1, on the EXPANDED data (one pair per respondent), with
//   def expand(table):
//       table = np.asarray(table); s, c = np.nonzero(table >= 0); w = table[s, c]
//       return np.repeat(s + 1, w).astype(float), np.repeat(c, w).astype(float)   # self 1..5, correct 0..k
//   def bias(table, conf=0.95):
//       k = len(table[0]) - 1; x, c = expand(table); d = (x - 1) / 4 - c / k; n = len(d)
//       m, sd = d.mean(), d.std(ddof=1)
//       return n, m, sd, stats.t.interval(conf, n - 1, loc=m, scale=sd / np.sqrt(n))
//   def reg(table, conf=0.95):
//       k = len(table[0]) - 1; x, c = expand(table); r = stats.linregress(x, c / k); n = len(x)
//       t = stats.t.ppf(1 - (1 - conf) / 2, n - 2)
//       return r.intercept, r.slope, r.slope - t * r.stderr, r.slope + t * r.stderr, r.pvalue, r.rvalue**2,
//              [r.intercept + r.slope * v for v in range(1, 6)]
//   def spear(table): x, c = expand(table); r = stats.spearmanr(x, c); return r.statistic, r.pvalue

/** table[s][c]: respondents with self-rating s + 1 and c of k = 2 checks right; rising, as expected. */
const T1 = [
  [6, 3, 1],
  [9, 10, 4],
  [12, 25, 18],
  [8, 22, 35],
  [3, 9, 27],
];
/** k = 3 checks, with empty cells. */
const T2 = [
  [2, 1, 0, 0],
  [0, 3, 2, 1],
  [1, 2, 4, 2],
  [0, 0, 3, 5],
  [0, 1, 0, 4],
];
/** k = 2, falling: the higher the self-rating, the fewer checks right. */
const T3 = [
  [0, 1, 4],
  [1, 2, 3],
  [2, 3, 2],
  [4, 3, 1],
  [6, 2, 0],
];
/** n = 1,000,000: np.random.default_rng(20240611).multinomial(1_000_000, np.array(T1).ravel() / np.sum(T1)).reshape(5, 3) */
const BIG = [
  [30968, 15614, 5246],
  [46773, 52160, 20713],
  [62379, 130749, 93283],
  [41879, 114825, 182874],
  [15613, 46660, 140264],
];

/** One (self-rating, correct) pair per respondent: only to cross-check against the raw-data functions. */
function expand(table: number[][]): { x: number[]; y: number[] } {
  const x: number[] = [];
  const y: number[] = [];
  table.forEach((row, s) =>
    row.forEach((count, c) => {
      for (let i = 0; i < count; i++) {
        x.push(s + 1);
        y.push(c);
      }
    }),
  );
  return { x, y };
}

describe("calibrationBias", () => {
  it("equals the mean of d = (self − 1)/4 − correct/k and scipy's t interval (k = 2)", () => {
    // bias(T1) → n 192, mean 0.0078125 (= 12/1536 exactly), sd 0.3688689465626239,
    //   interval (-0.04469606189674123, 0.06032106189674123)
    const r = calibrationBias(T1, 2);
    expect(r.n).toBe(192);
    expect(r.mean).toBe(0.0078125);
    expectRelClose(r.sd, 0.3688689465626239, 1e-12);
    expectRelClose(r.lower, -0.04469606189674123, 1e-9);
    expectRelClose(r.upper, 0.06032106189674123, 1e-9);
    // bias(T1, 0.90) → (-0.03618827460899024, 0.051813274608990226)
    const r90 = calibrationBias(T1, 2, 0.9);
    expectRelClose(r90.lower, -0.03618827460899024, 1e-9);
    expectRelClose(r90.upper, 0.051813274608990226, 1e-9);
  });

  it("k = 3 and a falling table", () => {
    // bias(T2) → n 31, mean -0.1075268817204301, sd 0.2815249054727373, (-0.21079105073737125, -0.0042627127034889495)
    const r2 = calibrationBias(T2, 3);
    expect(r2.n).toBe(31);
    expectRelClose(r2.mean, -0.1075268817204301, 1e-12);
    expectRelClose(r2.sd, 0.2815249054727373, 1e-12);
    expectRelClose(r2.lower, -0.21079105073737125, 1e-9);
    expectRelClose(r2.upper, -0.0042627127034889495, 1e-9);
    // bias(T3) → n 34, mean 0.10294117647058823, sd 0.6911717297975238, (-0.13822004090812082, 0.3441023938492973)
    const r3 = calibrationBias(T3, 2);
    expectRelClose(r3.mean, 0.10294117647058823, 1e-12);
    expectRelClose(r3.sd, 0.6911717297975238, 1e-12);
    expectRelClose(r3.lower, -0.13822004090812082, 1e-9);
    expectRelClose(r3.upper, 0.3441023938492973, 1e-9);
  });

  it("works from the counts of a million respondents", () => {
    // bias(BIG) → n 1000000, mean 0.0079535, sd 0.36780073017209625, (0.007232622942850157, 0.008674377057149844)
    const r = calibrationBias(BIG, 2);
    expect(r.n).toBe(1_000_000);
    expectRelClose(r.mean, 0.0079535, 1e-12);
    expectRelClose(r.sd, 0.36780073017209625, 1e-12);
    expectRelClose(r.lower, 0.007232622942850157, 1e-9);
    expectRelClose(r.upper, 0.008674377057149844, 1e-9);
  });

  it("two respondents, one, none, and everyone with the same d", () => {
    // bias([[1,0,0],[0,0,0],[0,0,0],[0,0,1],[0,0,0]]) → n 2, mean -0.125, sd 0.1767766952966369,
    //   (-1.7132755920218368, 1.4632755920218368)
    const two = calibrationBias([[1, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 1], [0, 0, 0]], 2);
    expect(two.mean).toBe(-0.125);
    expectRelClose(two.sd, 0.1767766952966369, 1e-12);
    expectRelClose(two.lower, -1.7132755920218368, 1e-9);
    expectRelClose(two.upper, 1.4632755920218368, 1e-9);
    const one = calibrationBias([[0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [1, 0, 0]], 2);
    expect(one).toEqual({ n: 1, mean: 1, sd: NaN, lower: NaN, upper: NaN });
    expect(calibrationBias([[0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]], 2)).toEqual({ n: 0, mean: NaN, sd: NaN, lower: NaN, upper: NaN });
    // Ratings 1, 3, 5 with 0, 1, 2 right: d = 0 for all 9 (k = 3: ratings 1 and 5 with 0 and 3 right).
    // scipy's t.interval gives NaN for scale 0; the formula (documented) gives the zero-width interval.
    expect(calibrationBias([[2, 0, 0], [0, 0, 0], [0, 3, 0], [0, 0, 0], [0, 0, 4]], 2)).toEqual({ n: 9, mean: 0, sd: 0, lower: 0, upper: 0 });
    expect(calibrationBias([[2, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 5]], 3)).toEqual({ n: 7, mean: 0, sd: 0, lower: 0, upper: 0 });
  });
});

describe("scoreRegression", () => {
  it("equals scipy.stats.linregress of proportion correct on self-rating (k = 2)", () => {
    // reg(T1) → intercept 0.12504491555875147, slope 0.14125943226733687, (0.09595357352043242, 0.1865652910142413),
    //   p 4.474652880895778e-09, r2 0.1660245394425275,
    //   fitted [0.26630434782608836, 0.4075637800934252, 0.5488232123607621, 0.690082644628099, 0.8313420768954358]
    const r = scoreRegression(T1, 2);
    expect(r.n).toBe(192);
    expectRelClose(r.intercept, 0.12504491555875147, 1e-11);
    expectRelClose(r.slope, 0.14125943226733687, 1e-11);
    expectRelClose(r.slopeLower, 0.09595357352043242, 1e-9);
    expectRelClose(r.slopeUpper, 0.1865652910142413, 1e-9);
    expectRelClose(r.slopeP, 4.474652880895778e-9, 1e-8);
    expectRelClose(r.r2, 0.1660245394425275, 1e-11);
    [0.26630434782608836, 0.4075637800934252, 0.5488232123607621, 0.690082644628099, 0.8313420768954358].forEach((v, i) => expectRelClose(r.fitted[i]!, v, 1e-11));
    // reg(T1, 0.90) → (0.10329463091612925, 0.17922423361854448)
    const r90 = scoreRegression(T1, 2, 0.9);
    expectRelClose(r90.slopeLower, 0.10329463091612925, 1e-9);
    expectRelClose(r90.slopeUpper, 0.17922423361854448, 1e-9);
  });

  it("k = 3, a falling table and a million respondents", () => {
    // reg(T2) → 0.10527577937649923, 0.17242206235011978, (0.09007754249271746, 0.25476658220752213), p 0.00018487859922476703,
    //   r2 0.3874108213429257, fitted[0] 0.27769784172661904, fitted[4] 0.9673860911270982
    const r2 = scoreRegression(T2, 3);
    expectRelClose(r2.intercept, 0.10527577937649923, 1e-11);
    expectRelClose(r2.slope, 0.17242206235011978, 1e-11);
    expectRelClose(r2.slopeLower, 0.09007754249271746, 1e-9);
    expectRelClose(r2.slopeUpper, 0.25476658220752213, 1e-9);
    expectRelClose(r2.slopeP, 0.00018487859922476703, 1e-8);
    expectRelClose(r2.r2, 0.3874108213429257, 1e-11);
    expectRelClose(r2.fitted[0]!, 0.27769784172661904, 1e-11);
    expectRelClose(r2.fitted[4]!, 0.9673860911270982, 1e-11);
    // reg(T3) → 1.0688073394495414, -0.1894495412844037, (-0.27215541611133875, -0.1067436664574686), p 5.234077202846782e-05,
    //   r2 0.40487793299073077
    const r3 = scoreRegression(T3, 2);
    expectRelClose(r3.intercept, 1.0688073394495414, 1e-11);
    expectRelClose(r3.slope, -0.1894495412844037, 1e-11);
    expectRelClose(r3.slopeLower, -0.27215541611133875, 1e-9);
    expectRelClose(r3.slopeUpper, -0.1067436664574686, 1e-9);
    expectRelClose(r3.slopeP, 5.234077202846782e-5, 1e-8);
    expectRelClose(r3.r2, 0.40487793299073077, 1e-11);
    // reg(BIG) → 0.12526640099348274, 0.14117244778466137, (0.14055131658266642, 0.14179357898665632), p 0.0 (underflow),
    //   r2 0.1655825852593974, fitted[4] 0.8311286399167896
    const big = scoreRegression(BIG, 2);
    expect(big.n).toBe(1_000_000);
    expectRelClose(big.intercept, 0.12526640099348274, 1e-9);
    expectRelClose(big.slope, 0.14117244778466137, 1e-9);
    expectRelClose(big.slopeLower, 0.14055131658266642, 1e-9);
    expectRelClose(big.slopeUpper, 0.14179357898665632, 1e-9);
    expect(big.slopeP).toBe(0);
    expectRelClose(big.r2, 0.1655825852593974, 1e-9);
    expectRelClose(big.fitted[4]!, 0.8311286399167896, 1e-9);
  });

  it("a perfect fit, all scores equal, all ratings equal, n = 2", () => {
    // reg([[3,0,0],[0,0,0],[0,2,0],[0,0,0],[0,0,4]]) → intercept -0.25, slope 0.25, interval (0.25, 0.25), r2 1.0,
    //   fitted [0, 0.25, 0.5, 0.75, 1]; p 3.292585384803133e-70 (linregress's TINY guard; ours is exactly 0)
    const perfect = scoreRegression([[3, 0, 0], [0, 0, 0], [0, 2, 0], [0, 0, 0], [0, 0, 4]], 2);
    expect(perfect.slope).toBe(0.25);
    expect(perfect.intercept).toBe(-0.25);
    expect(perfect.slopeLower).toBe(0.25);
    expect(perfect.slopeUpper).toBe(0.25);
    expect(perfect.r2).toBe(1);
    expect(perfect.slopeP).toBeLessThan(3.3e-70);
    expect(perfect.fitted).toEqual([0, 0.25, 0.5, 0.75, 1]);
    // Everyone got both right: linregress → slope 0.0, intercept 1.0, rvalue nan, pvalue nan, stderr nan.
    const flat = scoreRegression([[0, 0, 3], [0, 0, 0], [0, 0, 2], [0, 0, 0], [0, 0, 4]], 2);
    expect(flat).toEqual({ n: 9, intercept: 1, slope: 0, slopeLower: NaN, slopeUpper: NaN, slopeP: NaN, r2: NaN, fitted: [1, 1, 1, 1, 1] });
    // Everyone rated 3: linregress raises "Cannot calculate a linear regression if all x values are identical".
    const nan = [NaN, NaN, NaN, NaN, NaN];
    expect(scoreRegression([[0, 0, 0], [0, 0, 0], [4, 5, 6], [0, 0, 0], [0, 0, 0]], 2)).toEqual({ n: 15, intercept: NaN, slope: NaN, slopeLower: NaN, slopeUpper: NaN, slopeP: NaN, r2: NaN, fitted: nan });
    expect(scoreRegression([[0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]], 2).slope).toBeNaN();
    // n = 2: linregress([1, 4], [0, 1]) → slope 0.3333333333333333, intercept -0.33333333333333326, rvalue 1.0
    // (and by its n = 2 convention p 0, stderr 0; with no residual df we return NaN, as documented).
    const two = scoreRegression([[1, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 1], [0, 0, 0]], 2);
    expectRelClose(two.slope, 0.3333333333333333, 1e-12);
    expectRelClose(two.intercept, -0.33333333333333326, 1e-12);
    expectRelClose(two.r2, 1, 1e-12);
    expect(two.slopeP).toBeNaN();
    expect(two.slopeLower).toBeNaN();
  });
});

describe("spearmanFromTable", () => {
  it("equals scipy.stats.spearmanr on the expanded data (mid-ranks for the ties)", () => {
    // spear(T1) → 0.4008215923879918, 8.35857698040049e-09; spear(T2) → 0.6109639684288821, 0.0002615062528051875;
    // spear(T3) → -0.630722735142558, 6.371177143680043e-05
    const r1 = spearmanFromTable(T1);
    expect(r1.n).toBe(192);
    expectRelClose(r1.rho, 0.4008215923879918, 1e-11);
    expectRelClose(r1.p, 8.35857698040049e-9, 1e-8);
    const r2 = spearmanFromTable(T2);
    expect(r2.n).toBe(31);
    expectRelClose(r2.rho, 0.6109639684288821, 1e-11);
    expectRelClose(r2.p, 0.0002615062528051875, 1e-8);
    const r3 = spearmanFromTable(T3);
    expectRelClose(r3.rho, -0.630722735142558, 1e-11);
    expectRelClose(r3.p, 6.371177143680043e-5, 1e-8);
  });

  it("agrees with spearman() on the expanded pairs, and rho does not change when every count is multiplied", () => {
    for (const table of [T1, T2, T3]) {
      const { x, y } = expand(table);
      const raw = spearman(x, y);
      const fromTable = spearmanFromTable(table);
      expectRelClose(fromTable.rho, raw.rho, 1e-12);
      expectRelClose(fromTable.p, raw.pValue, 1e-10);
      // Replicating every respondent m times maps each mid-rank r to m·r − (m − 1)/2: rho is unchanged.
      expectRelClose(spearmanFromTable(table.map((row) => row.map((c) => 7 * c))).rho, fromTable.rho, 1e-12);
    }
  });

  it("works from the counts of a million respondents", () => {
    // spear(BIG) → 0.40067119244174876, p 0.0 (underflow)
    const r = spearmanFromTable(BIG);
    expect(r.n).toBe(1_000_000);
    expectRelClose(r.rho, 0.40067119244174876, 1e-11);
    expect(r.p).toBe(0);
  });

  it("is NaN for a constant margin or fewer than 3 respondents; |rho| = 1 gives p = 0", () => {
    // spear([[3,0,0],[0,0,0],[0,2,0],[0,0,0],[0,0,4]]) → 1.0, 0.0
    expect(spearmanFromTable([[3, 0, 0], [0, 0, 0], [0, 2, 0], [0, 0, 0], [0, 0, 4]])).toEqual({ n: 9, rho: 1, p: 0 });
    expect(spearmanFromTable([[0, 0, 0], [0, 0, 0], [4, 5, 6], [0, 0, 0], [0, 0, 0]])).toEqual({ n: 15, rho: NaN, p: NaN });
    expect(spearmanFromTable([[0, 0, 3], [0, 0, 0], [0, 0, 2], [0, 0, 0], [0, 0, 4]])).toEqual({ n: 9, rho: NaN, p: NaN });
    expect(spearmanFromTable([[1, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 1], [0, 0, 0]])).toEqual({ n: 2, rho: NaN, p: NaN });
  });
});

describe("table validation", () => {
  const fns = [(t: number[][]) => calibrationBias(t, 2), (t: number[][]) => scoreRegression(t, 2), (t: number[][]) => spearmanFromTable(t)];
  it("needs 5 rows of k + 1 non-negative integer counts", () => {
    for (const f of fns) {
      expect(() => f(T1.slice(0, 4))).toThrow(RangeError);
      expect(() => f([...T1, [1, 1, 1]])).toThrow(RangeError);
      expect(() => f([[1, 2, 3], [1, 2], [1, 2, 3], [1, 2, 3], [1, 2, 3]])).toThrow(RangeError);
      expect(() => f([[1, 2, 3], [1, -2, 3], [1, 2, 3], [1, 2, 3], [1, 2, 3]])).toThrow(/table\[1\]\[1\]/);
      expect(() => f([[1, 2, 3], [1, 2, 3], [1, 2.5, 3], [1, 2, 3], [1, 2, 3]])).toThrow(RangeError);
      expect(() => f([[1, 2, 3], [1, 2, 3], [1, 2, 3], [NaN, 2, 3], [1, 2, 3]])).toThrow(RangeError);
      expect(() => f([[1], [1], [1], [1], [1]])).toThrow(RangeError);
    }
  });

  it("needs k to match the table, k >= 1 and 0 < confidence < 1", () => {
    expect(() => calibrationBias(T1, 3)).toThrow(/k \+ 1 = 4/);
    expect(() => scoreRegression(T2, 2)).toThrow(RangeError);
    expect(() => calibrationBias([[1], [1], [1], [1], [1]], 0)).toThrow(/positive integer/);
    expect(() => scoreRegression(T1, 1.5)).toThrow(RangeError);
    expect(() => calibrationBias(T1, 2, 1)).toThrow(/confidence/);
    expect(() => scoreRegression(T1, 2, 0)).toThrow(/confidence/);
  });
});
