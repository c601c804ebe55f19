import { transaction, type Db } from "../../db/client";
import { clearThrottle, readThrottle, writeThrottle, type ThrottleRow } from "../../db/queries/users";
import { lockSignInThrottle } from "../../db/queries/locks";

/**
 * Sign-in back-off, per key, after a number of free failures; a key's count starts again after 15
 * quiet minutes. Three kinds of key, all checked before the password and all counted on a failure:
 *
 * - `pair:<email>|<address>`: one account from one address. 5 free failures, then 30 s, 60 s,
 *   120 s … up to an hour. This is what slows a brute force; it never touches the account from
 *   another address, so nobody can lock a user out by guessing from elsewhere.
 * - `account:<email>`: one account from everywhere (a guess spread over many addresses). 20 free
 *   failures, then 5 s, 10 s … capped at 60 s: a distributed guesser gets about one try a minute,
 *   and the real user waits at most a minute, never an hour.
 * - `ip:<address>`: everything from one address. 20 free failures (an office shares one address),
 *   then 30 s … up to an hour.
 *
 * A successful sign-in clears its pair only: neither the address's count nor the account's global
 * count (that one is the attacker's) is reset by it.
 */
export type ThrottlePolicy = { free: number; baseSeconds: number; maxSeconds: number };
export const THROTTLE: Record<"pair" | "account" | "ip", ThrottlePolicy> = {
  pair: { free: 5, baseSeconds: 30, maxSeconds: 3600 },
  account: { free: 20, baseSeconds: 5, maxSeconds: 60 },
  ip: { free: 20, baseSeconds: 30, maxSeconds: 3600 },
};
const FORGET_AFTER_MS = 15 * 60 * 1000;

export const throttleKeys = (email: string, address: string) => ({
  pair: `pair:${email}|${address}`,
  account: `account:${email}`,
  ip: `ip:${address}`,
});

export function backoffSeconds(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.free) return 0;
  return Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** (failures - policy.free));
}

function policyFor(key: string): ThrottlePolicy {
  if (key.startsWith("ip:")) return THROTTLE.ip;
  if (key.startsWith("account:")) return THROTTLE.account;
  return THROTTLE.pair;
}

/** Seconds until the key may try again (0 = now). */
export async function retryAfter(db: Db, key: string, now = Date.now()): Promise<number> {
  return secondsLeft(await readThrottle(db, key), now);
}

function secondsLeft(row: ThrottleRow | undefined, now: number): number {
  if (!row?.lockedUntil) return 0;
  return Math.max(0, Math.ceil((Date.parse(row.lockedUntil) - now) / 1000));
}

/**
 * Counts a failure for the key; returns the seconds it must now wait. The count is read and written
 * in one transaction holding the row (SQLite: BEGIN IMMEDIATE holds off every other writer;
 * PostgreSQL: an advisory lock on the key), so failures arriving together are each counted.
 */
export async function recordFailure(db: Db, key: string, now = Date.now()): Promise<number> {
  return transaction(db, async (tx) => {
    await lockSignInThrottle(tx, key);
    const row = await readThrottle(tx, key);
    const stale = row && now - Date.parse(row.updatedAt) > FORGET_AFTER_MS && secondsLeft(row, now) === 0;
    const failures = (row && !stale ? row.failures : 0) + 1;
    const wait = backoffSeconds(failures, policyFor(key));
    await writeThrottle(tx, {
      key,
      failures,
      lockedUntil: wait > 0 ? new Date(now + wait * 1000).toISOString() : null,
      updatedAt: new Date(now).toISOString(),
    });
    return wait;
  });
}

export async function recordSuccess(db: Db, key: string): Promise<void> {
  await clearThrottle(db, key);
}
