import fs from "node:fs";
import type { Db } from "../../../db/client";
import { activeOrganisations } from "../../../db/queries/organisations";
import { countSubmitted } from "../../../db/queries/export-responses";
import { responsesCsvChunks } from "../../csv/export-responses";
import { aggregatesCsv, benchmarkCsv } from "../../csv/export-tables";
import { progressReporter } from "../progress";
import { commandOutput } from "../output";
import { requireOrg, UsageError, type CliValues, type Command } from "../command";

async function exportResponses(db: Db, values: CliValues): Promise<void> {
  if (values.org) await requireOrg(db, values.org);
  const total = await countSubmitted(db, values.org);
  const progress = progressReporter("export", total);
  const o = commandOutput(values.out);
  let rows = 0;
  const it = responsesCsvChunks(db, { orgSlug: values.org, onRows: (n) => (rows = n) });
  let step = await it.next();
  for (; !step.done; step = await it.next()) {
    await o.write(step.value);
    progress.update(Math.min(total, rows), Math.min(total, rows));
  }
  await o.close();
  progress.done(step.value);
  process.stderr.write(`Exported ${step.value} responses${values.out ? ` to ${values.out}` : ""}.\n`);
}

async function exportTable(csv: string, file: string | undefined): Promise<void> {
  const o = commandOutput(file);
  await o.write(csv);
  await o.close();
}

export const exportCommand: Command = {
  name: "export",
  summary: `  export responses [--org SLUG] [--out FILE]
                                     responses CSV (anonymous), all or one organisation
  export aggregates [--org SLUG] [--out FILE]
                                     organisation aggregates CSV (small groups suppressed)
  export benchmark [--out FILE]      benchmark tables CSV (median, top quartile, top decile)`,
  help: `Usage: npm run cli -- export responses [--org SLUG] [--out FILE]
       npm run cli -- export aggregates [--org SLUG] [--out FILE]
       npm run cli -- export benchmark [--out FILE]

Writes CSV (UTF-8 with BOM, RFC 4180) to FILE or standard output. Text cells that could be read
as formulas are prefixed with '. Aggregates and benchmark tables never show a group under the
minimum group size.`,
  async run({ args, values, minGroupSize, openDb }) {
    if (args.length > 1) throw new UsageError(`export takes one of responses, aggregates, benchmark; got ${args.join(" ")}`);
    const db = await openDb();
    const what = args[0];
    if (values.out && fs.existsSync(values.out)) throw new UsageError(`--out ${values.out} already exists; choose a new file`);
    if (what === "responses") return exportResponses(db, values);
    if (what === "aggregates") {
      const orgs = values.org ? [await requireOrg(db, values.org)] : await activeOrganisations(db);
      return exportTable((await aggregatesCsv(db, orgs, minGroupSize)).csv, values.out);
    }
    if (what === "benchmark") {
      if (values.org) throw new UsageError("export benchmark takes no --org: benchmark tables cover all organisations");
      return exportTable((await benchmarkCsv(db, minGroupSize)).csv, values.out);
    }
    throw new UsageError(`export what? allowed: responses, aggregates, benchmark (got ${what ? `"${what}"` : "nothing"})`);
  },
};
