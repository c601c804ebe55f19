/*
 * Names under which a survey's tokens travel; free of database imports so proxy.ts can read them
 * (the per-draft save limit) without loading the database.
 */
export const RESUME_HEADER = "x-resume-token";

/** One cookie per wave, so a browser can take several organisations' surveys. */
export function resumeCookieName(code: string): string {
  return `ds_r_${code}`;
}

/** Set by a personal invitation link (/i/<token>); spent when the response is submitted. */
export function invitationCookieName(code: string): string {
  return `ds_i_${code}`;
}
