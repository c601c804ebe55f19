/**
 * Runs once when the server starts: records each request's socket address from then on
 * (server/http/peer-address.ts), validates the environment and the session secret (a bad value, or
 * production without NEXTAUTH_SECRET, ends the process with the reason on stderr), applies pending
 * migrations, rebuilds aggregates stored before a version added counters, loads the benchmark population into memory so the first dashboard request is not the
 * slow one, and purges abandoned drafts now and then daily (lib/survey/purge-schedule.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Before the first request: the connection's address as a header clients cannot set.
    const { installPeerAddressHeader } = await import("./server/http/peer-address");
    installPeerAddressHeader();
    const { startupConfigurationProblem } = await import("./server/auth/secret");
    const problem = startupConfigurationProblem();
    if (problem) {
      // A register() that throws leaves Next serving 500 to every request: refuse to start instead.
      console.error(problem);
      process.exit(1);
    }
    const { getDb, prepareDatabase } = await import("./db/client");
    const { loadBenchmark } = await import("./lib/benchmark/report");
    const { minimumGroupSize } = await import("./core/disclosure/threshold");
    // SQLite was migrated when getDb() opened it; PostgreSQL is migrated here (db/client.ts).
    await prepareDatabase(getDb());
    // Aggregates written before a version added counters are rebuilt once (db/queries/aggregates/rebuild.ts).
    const { rebuildIfCountersMissing } = await import("./db/queries/aggregates");
    if (await rebuildIfCountersMissing(getDb())) console.log("Aggregates rebuilt: this version counts more than the stored ones held.");
    // Releases what is due (lib/disclosure/releases.ts) and loads the population.
    await loadBenchmark(getDb(), minimumGroupSize());
    const { startDraftPurge } = await import("./lib/survey/purge-schedule");
    await startDraftPurge();
  }
}
