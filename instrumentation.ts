/** Runs once when the server starts: validates the environment and applies pending migrations. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getDb } = await import("./db/client");
    getDb();
  }
}
