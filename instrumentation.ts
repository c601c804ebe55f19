/**
 * Runs once when the server starts: validates the environment and the session secret (production
 * refuses to start without NEXTAUTH_SECRET), applies pending migrations, and loads the benchmark
 * population into memory so the first dashboard request is not the slow one.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { authSecret } = await import("./lib/auth/secret");
    authSecret();
    const { getDb } = await import("./db/client");
    const { loadBenchmark } = await import("./lib/benchmark/report");
    const { minimumGroupSize } = await import("./lib/disclosure/threshold");
    // Releases what is due (lib/disclosure/releases.ts) and loads the population.
    loadBenchmark(getDb(), minimumGroupSize());
  }
}
