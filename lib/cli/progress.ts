/** Progress on stderr for long operations: done so far, rate and ETA, at most once a second. */
export function progressReporter(label: string, total: number) {
  const started = Date.now();
  let last = 0;
  return {
    /** `done` is in the unit of `total` (bytes, rows, fraction); `rows` is the count for the rate. */
    update(done: number, rows: number) {
      const now = Date.now();
      if (now - last < 1000) return;
      last = now;
      const seconds = (now - started) / 1000;
      const rate = rows / Math.max(seconds, 0.001);
      const fraction = total > 0 ? Math.min(1, done / total) : 0;
      const eta = fraction > 0 ? (seconds / fraction) * (1 - fraction) : NaN;
      process.stderr.write(
        `${label}: ${rows.toLocaleString("en")} rows, ${Math.round(rate).toLocaleString("en")} rows/s, ${(fraction * 100).toFixed(0)}%` +
          `${Number.isFinite(eta) ? `, ETA ${eta.toFixed(0)} s` : ""}\n`,
      );
    },
    done(rows: number) {
      const seconds = (Date.now() - started) / 1000;
      if (seconds >= 1) process.stderr.write(`${label}: finished ${rows.toLocaleString("en")} rows in ${seconds.toFixed(1)} s\n`);
    },
  };
}
