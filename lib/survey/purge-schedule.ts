import { getDb } from "../../db/client";
import { env } from "../../core/env";
import { DRAFT_PURGE_INTERVAL_MS } from "./limits";
import { purgeAbandonedDrafts } from "./purge";

/** Runs the draft purge once; a failure is logged and waits for the next run, never stopping the server (it never rejects). */
async function purgeOnce(): Promise<void> {
  try {
    const deleted = await purgeAbandonedDrafts(getDb(), env().DRAFT_RETENTION_DAYS);
    if (deleted > 0) console.log(`draft purge: deleted ${deleted} draft(s) not saved for ${env().DRAFT_RETENTION_DAYS} days`);
  } catch (e) {
    console.error(`draft purge failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Purges abandoned drafts at server start and then every 24 hours; resolves when the first purge has
 * run (a failure is logged, not thrown). Installed once per process (a second call, e.g. after a hot
 * reload, does nothing); the timer does not keep the process alive.
 */
export async function startDraftPurge(): Promise<void> {
  const state = globalThis as { __dsDraftPurge?: NodeJS.Timeout };
  if (state.__dsDraftPurge) return;
  // purgeOnce catches and logs every failure itself, so no run leaves a rejection unhandled.
  state.__dsDraftPurge = setInterval(() => void purgeOnce(), DRAFT_PURGE_INTERVAL_MS).unref();
  await purgeOnce();
}
