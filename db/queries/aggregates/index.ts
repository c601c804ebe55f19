/*
 * Per-wave aggregates of the submitted responses (agg_waves, agg_wave_cells): the statements,
 * the writes that follow each response, the full rebuild and the reads.
 */
export { applyResponseToAggregates, applyRowsToAggregates, voidResponseInAggregates } from "./write";
export { rebuildAggregates, rebuildIfCountersMissing } from "./rebuild";
export { readWaveCellsBy, readWaveCounters, type CellFilter } from "./read";
