// Public API of the pure statistics module (dependency-free, no I/O).
export {
  chiSquareSurvival,
  logGamma,
  normalCdf,
  normalQuantile,
  regularizedGammaP,
  regularizedGammaQ,
  regularizedIncompleteBeta,
  studentTTwoSidedP,
  zForConfidence,
} from "./distributions";
export { proportionDifference, wilsonInterval } from "./wilson";
export type { DifferenceInterval, ProportionInterval } from "./wilson";
export { oddsRatio } from "./odds-ratio";
export type { OddsRatioResult } from "./odds-ratio";
export { fisherExact2x2 } from "./fisher";
export { chiSquareTest, cramersV, MIN_EXPECTED_FOR_CHI_SQUARE, phi, twoByTwoTest } from "./contingency";
export type { ChiSquareResult, TwoByTwoTestResult } from "./contingency";
export { averageRanks, averageRanksIn, EXACT_SPEARMAN_MAX_N, spearman, spearmanPermutationPValue, spearmanTest } from "./spearman";
export type { Presorted, SpearmanMethod, SpearmanResult, SpearmanTestResult } from "./spearman";
export { benjaminiHochberg } from "./multiple";
export { cronbachAlpha } from "./reliability";
export { percentileRank, quantile, quantiles } from "./quantiles";
export { differenceInDifferences, proportionContrast, studentTCritical, welchTTest } from "./welch";
export type { DifferenceInDifferencesTest, MeanDifferenceTest, ProportionContrast, SampleSummary } from "./welch";
export { calibrationBias, scoreRegression, spearmanFromTable } from "./calibration";
export type { CalibrationBias, ScoreRegression, SpearmanFromTable } from "./calibration";
export { correctedPointBiserial, kr20 } from "./item-analysis";
