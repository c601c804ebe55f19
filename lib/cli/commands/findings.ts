import type { Db } from "../../../db/client";
import { findWave, listWaves } from "../../../db/queries/organisations";
import { AppError } from "../../../core/errors";
import { SENIORITIES } from "../../../questions/constants";
import { benchmarkReport, organisationReport } from "../../benchmark/report";
import { requireOrg, UsageError, type CliValues, type Command } from "../command";

async function organisationFindings(db: Db, slug: string, values: CliValues, min: number) {
  const org = await requireOrg(db, slug);
  let waveId: number | undefined;
  if (values.wave) {
    const waves = await listWaves(db, org.id);
    const wave = waves.find((w) => w.label === values.wave);
    if (!wave) throw new AppError("not_found", `organisation "${slug}" has no wave "${values.wave}"; waves: ${waves.map((w) => w.label).join(", ") || "none"}`);
    waveId = (await findWave(db, org.id, wave.id))!.id;
  }
  if (values.seniority && !(SENIORITIES as readonly string[]).includes(values.seniority)) throw new UsageError(`--seniority must be one of: ${SENIORITIES.join(", ")}`);
  if (values.department && values.seniority) throw new UsageError("choose --department or --seniority, not both (one breakdown at a time)");
  return await organisationReport(db, org, min, { waveId, filter: { department: values.department, seniority: values.seniority } });
}

export const findingsCommand: Command = {
  name: "findings",
  summary: `  findings [--org SLUG] [--wave LABEL] [--department NAME] [--seniority LEVEL] --json
                                     findings F1–F5, coverage, gaps, alpha and comparisons`,
  help: `Usage: npm run cli -- findings [--org SLUG] [--wave LABEL] [--department NAME] [--seniority LEVEL] --json

Without --org: the whole benchmark. With --org: the organisation's latest wave with responses (or
--wave), optionally one department or seniority level, with its comparisons and the benchmark.
The JSON is documented in docs/api.md.`,
  async run({ args, values, minGroupSize, openDb }) {
    if (args.length) throw new UsageError(`findings takes no positional arguments (got ${args.join(" ")})`);
    const db = await openDb();
    if (!values.json) throw new UsageError("findings prints JSON: add --json");
    if (!values.org && (values.wave || values.department || values.seniority)) throw new UsageError("--wave, --department and --seniority need --org");
    const report = values.org ? await organisationFindings(db, values.org, values, minGroupSize) : await benchmarkReport(db, minGroupSize);
    process.stdout.write(`${JSON.stringify({ minGroupSize, ...report }, null, 2)}\n`);
  },
};
