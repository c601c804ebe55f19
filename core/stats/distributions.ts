// Dependency-free special functions and distribution tails used by the tests in this module.
import { assertConfidence, assertProbability } from "./validate";

const EPS = 1e-16;
const FPMIN = 1e-300;
const MAX_ITER = 100_000;

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** Natural log of the gamma function for x > 0 (Lanczos approximation, g = 7, n = 9; reflection below 0.5). ~1e-15 relative. */
export function logGamma(x: number): number {
  if (typeof x !== "number" || !(x > 0)) throw new RangeError(`logGamma needs x > 0, got ${String(x)}`);
  if (x === Infinity) return Infinity;
  if (x < 0.5) {
    // Reflection: Γ(x)Γ(1−x) = π / sin(πx); sin(πx) > 0 on (0, 0.5).
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** log(x^a e^−x / Γ(a)): the common prefactor of both incomplete-gamma expansions. */
function gammaPrefactorLog(a: number, x: number): number {
  return -x + a * Math.log(x) - logGamma(a);
}

/** Series for P(a, x), valid for x < a + 1 (Numerical Recipes `gser`). */
function gammaPSeries(a: number, x: number): number {
  let ap = a;
  let del = 1 / a;
  let sum = del;
  for (let i = 0; i < MAX_ITER; i++) {
    ap += 1;
    del *= x / ap;
    sum += del;
    if (Math.abs(del) < Math.abs(sum) * EPS) break;
  }
  return sum * Math.exp(gammaPrefactorLog(a, x));
}

/** Continued fraction for Q(a, x), valid for x >= a + 1 (Numerical Recipes `gcf`, modified Lentz). */
function gammaQContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / FPMIN;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = b + an / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return Math.exp(gammaPrefactorLog(a, x)) * h;
}

function assertGammaArgs(a: number, x: number): void {
  if (typeof a !== "number" || !(a > 0) || !Number.isFinite(a)) throw new RangeError(`shape a must be a finite number > 0, got ${String(a)}`);
  if (typeof x !== "number" || !(x >= 0)) throw new RangeError(`x must be >= 0, got ${String(x)}`);
}

/** Regularized lower incomplete gamma P(a, x) = γ(a, x)/Γ(a); series below a + 1, continued fraction above. */
export function regularizedGammaP(a: number, x: number): number {
  assertGammaArgs(a, x);
  if (x === 0) return 0;
  if (x === Infinity) return 1;
  return x < a + 1 ? gammaPSeries(a, x) : 1 - gammaQContinuedFraction(a, x);
}

/** Regularized upper incomplete gamma Q(a, x) = 1 − P(a, x), computed directly in the tail (no cancellation). */
export function regularizedGammaQ(a: number, x: number): number {
  assertGammaArgs(a, x);
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  return x < a + 1 ? 1 - gammaPSeries(a, x) : gammaQContinuedFraction(a, x);
}

/** Continued fraction for the incomplete beta (Numerical Recipes `betacf`, modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < FPMIN) d = FPMIN;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITER; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/** I_x(a, b) given x and y = 1 − x separately, so callers can pass an accurately computed complement. */
function incompleteBeta(a: number, b: number, x: number, y: number): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(y);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaContinuedFraction(a, b, x)) / a;
  return 1 - (Math.exp(logFront) * betaContinuedFraction(b, a, y)) / b;
}

/** Regularized incomplete beta I_x(a, b) for 0 <= x <= 1, a, b > 0 (continued fraction, symmetry switch at (a+1)/(a+b+2)). */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  assertProbability(x, "x");
  if (!(a > 0) || !(b > 0) || !Number.isFinite(a) || !Number.isFinite(b)) {
    throw new RangeError(`a and b must be finite numbers > 0, got a=${String(a)}, b=${String(b)}`);
  }
  return incompleteBeta(a, b, x, 1 - x);
}

/** Upper tail P(X > x) of the chi-square distribution with df degrees of freedom: Q(df/2, x/2). scipy.stats.chi2.sf. */
export function chiSquareSurvival(x: number, df: number): number {
  if (typeof df !== "number" || !(df > 0) || !Number.isFinite(df)) throw new RangeError(`df must be a finite number > 0, got ${String(df)}`);
  if (typeof x !== "number" || Number.isNaN(x)) throw new RangeError(`x must be a number, got ${String(x)}`);
  if (x <= 0) return 1;
  return regularizedGammaQ(df / 2, x / 2);
}

/** Two-sided p-value P(|T| >= |t|) of Student's t with df degrees of freedom: I_{df/(df+t²)}(df/2, 1/2). = 2·scipy.stats.t.sf(|t|, df). */
export function studentTTwoSidedP(t: number, df: number): number {
  if (typeof df !== "number" || !(df > 0) || !Number.isFinite(df)) throw new RangeError(`df must be a finite number > 0, got ${String(df)}`);
  if (typeof t !== "number" || Number.isNaN(t)) throw new RangeError(`t must be a number, got ${String(t)}`);
  if (!Number.isFinite(t)) return 0;
  const t2 = t * t;
  // x = df/(df+t²) and its complement t²/(df+t²) are both formed directly to avoid cancellation.
  return incompleteBeta(df / 2, 0.5, df / (df + t2), t2 / (df + t2));
}

/** Standard normal CDF Φ(z) via the incomplete gamma: Φ(−|z|) = Q(1/2, z²/2)/2 (accurate in the far lower tail). */
export function normalCdf(z: number): number {
  if (typeof z !== "number" || Number.isNaN(z)) throw new RangeError(`z must be a number, got ${String(z)}`);
  if (z === Infinity) return 1;
  if (z === -Infinity) return 0;
  const tail = 0.5 * regularizedGammaQ(0.5, (z * z) / 2);
  return z < 0 ? tail : 1 - tail;
}

// Wichura (1988), Algorithm AS 241 (PPND16): rational approximations, ~1e-16 relative accuracy.
const AS241_A = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457,
  67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
];
const AS241_B = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867,
  39307.89580009271061, 28729.085735721942674, 5226.495278852854561,
];
const AS241_C = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
  1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
];
const AS241_D = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const AS241_E = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
  0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const AS241_F = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
  1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
];

function poly(coefs: readonly number[], x: number): number {
  let result = 0;
  for (let i = coefs.length - 1; i >= 0; i--) result = result * x + coefs[i]!;
  return result;
}

/** Standard normal quantile Φ⁻¹(p) (Wichura AS 241), scipy.stats.norm.ppf. p = 0 → −Infinity, p = 1 → +Infinity. */
export function normalQuantile(p: number): number {
  assertProbability(p, "p");
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(AS241_A, r)) / poly(AS241_B, r);
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value = poly(AS241_C, r) / poly(AS241_D, r);
  } else {
    r -= 5;
    value = poly(AS241_E, r) / poly(AS241_F, r);
  }
  return q < 0 ? -value : value;
}

/** Two-sided critical value z such that P(|Z| <= z) = confidence (1.959963984540054 for 0.95). */
export function zForConfidence(confidence: number): number {
  assertConfidence(confidence);
  return normalQuantile(1 - (1 - confidence) / 2);
}
