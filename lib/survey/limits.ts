/**
 * How much one draft may be written (issue 16, finding 3; docs/api.md "Limits"). A respondent saves
 * once per survey step (about a dozen saves in all), so neither number is reached by a person.
 */

/** Saves per minute per resume token, as a token bucket with a burst of this many (proxy.ts). */
export const DRAFT_SAVES_PER_MINUTE = 30;

/**
 * Submit requests per minute per resume token (a burst of this many; proxy.ts). A submit is accepted
 * once; the rest are a person's retries or a script's, so a handful is plenty.
 */
export const SUBMITS_PER_DRAFT_PER_MINUTE = 10;

/**
 * Saves one draft accepts in its whole life, counted in responses.writes by the saving UPDATE itself,
 * so every app instance on the database agrees. Past it the draft can still be submitted.
 */
export const DRAFT_MAX_SAVES = 200;

/** How often a running server purges abandoned drafts (instrumentation.ts); the age is DRAFT_RETENTION_DAYS. */
export const DRAFT_PURGE_INTERVAL_MS = 24 * 60 * 60 * 1000;
