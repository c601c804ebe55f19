import type { Db } from "../../db/client";
import { clearThrottle, readThrottle, writeThrottle } from "../../db/queries/users";

/**
 * Failures allowed before back-off starts (per email 5; per IP 20, since an office shares one
 * address); then 30 s, 60 s, 120 s … capped at one hour. A key's count starts again after 15 quiet
 * minutes; a successful sign-in clears the email's count, never the IP's.
 */
export const FREE_FAILURES = { email: 5, ip: 20 } as const;
const BASE_SECONDS = 30;
const MAX_SECONDS = 3600;
const FORGET_AFTER_MS = 15 * 60 * 1000;

export function backoffSeconds(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(MAX_SECONDS, BASE_SECONDS * 2 ** (failures - free));
}

const freeFor = (key: string) => (key.startsWith("ip:") ? FREE_FAILURES.ip : FREE_FAILURES.email);

/** Seconds until the key may try again (0 = now). */
export function retryAfter(db: Db, key: string, now = Date.now()): number {
  const row = readThrottle(db, key);
  if (!row?.lockedUntil) return 0;
  return Math.max(0, Math.ceil((Date.parse(row.lockedUntil) - now) / 1000));
}

export function recordFailure(db: Db, key: string, now = Date.now()): number {
  const row = readThrottle(db, key);
  const stale = row && now - Date.parse(row.updatedAt) > FORGET_AFTER_MS && retryAfter(db, key, now) === 0;
  const failures = (row && !stale ? row.failures : 0) + 1;
  const wait = backoffSeconds(failures, freeFor(key));
  writeThrottle(db, {
    key,
    failures,
    lockedUntil: wait > 0 ? new Date(now + wait * 1000).toISOString() : null,
    updatedAt: new Date(now).toISOString(),
  });
  return wait;
}

export function recordSuccess(db: Db, key: string): void {
  clearThrottle(db, key);
}
