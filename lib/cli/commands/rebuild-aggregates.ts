import { rebuildAggregates } from "../../../db/queries/aggregates";
import { countSubmitted } from "../../../db/queries/export-responses";
import { releasePending } from "../../disclosure/releases";
import { progressReporter } from "../progress";
import { UsageError, type Command } from "../command";

export const rebuildAggregatesCommand: Command = {
  name: "rebuild-aggregates",
  summary: `  rebuild-aggregates                 recompute every aggregate from the stored responses`,
  help: `Usage: npm run cli -- rebuild-aggregates

Recomputes all aggregates from the submitted responses in one transaction.`,
  async run({ args, minGroupSize, openDb }) {
    if (args.length) throw new UsageError("rebuild-aggregates takes no arguments");
    const db = await openDb();
    const started = Date.now();
    const progress = progressReporter("rebuild", await countSubmitted(db));
    const n = await rebuildAggregates(db, (rows) => progress.update(rows, rows));
    progress.done(n);
    await releasePending(db, minGroupSize);
    process.stdout.write(`Rebuilt aggregates from ${n} submitted responses in ${((Date.now() - started) / 1000).toFixed(2)} s.\n`);
  },
};
