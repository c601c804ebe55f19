import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { memberships, organisations, signInThrottle, users, type NewUser, type Organisation, type User } from "../schema";

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export function findUserByEmail(db: Db, email: string): User | undefined {
  return db.select().from(users).where(eq(users.email, normaliseEmail(email))).get() ?? undefined;
}

export function findUserById(db: Db, id: number): User | undefined {
  return db.select().from(users).where(eq(users.id, id)).get() ?? undefined;
}

export function insertUser(db: Db, values: NewUser): User {
  return db.insert(users).values({ ...values, email: normaliseEmail(values.email) }).returning().get();
}

/**
 * Sets a new password hash and, in the same statement, bumps the session version: a new password
 * ends every session issued before it. Returns the new version (undefined when there is no such user).
 */
export function setPasswordHash(db: Db, userId: number, passwordHash: string): number | undefined {
  return db
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion })
    .get()?.sessionVersion;
}

/**
 * Ends every session of this user: tokens carry the version they were issued with. With `expected`,
 * only when the version is still that one (a stale token cannot end the sessions that replaced it).
 * Returns the new version, or undefined when nothing changed.
 */
export function bumpSessionVersion(db: Db, userId: number, expected?: number): number | undefined {
  return db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(expected === undefined ? eq(users.id, userId) : and(eq(users.id, userId), eq(users.sessionVersion, expected)))
    .returning({ sessionVersion: users.sessionVersion })
    .get()?.sessionVersion;
}

export function addMembership(db: Db, userId: number, orgId: number): void {
  db.insert(memberships).values({ userId, orgId }).onConflictDoNothing().run();
}

export function organisationsOfUser(db: Db, userId: number): Organisation[] {
  return db
    .select({ org: organisations })
    .from(memberships)
    .innerJoin(organisations, eq(memberships.orgId, organisations.id))
    .where(eq(memberships.userId, userId))
    .orderBy(organisations.name)
    .all()
    .map((r) => r.org);
}

export function isMember(db: Db, userId: number, orgId: number): boolean {
  return !!db.select({ one: sql`1` }).from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.orgId, orgId))).get();
}

export type ThrottleRow = typeof signInThrottle.$inferSelect;

export function readThrottle(db: Db, key: string): ThrottleRow | undefined {
  return db.select().from(signInThrottle).where(eq(signInThrottle.key, key)).get() ?? undefined;
}

export function writeThrottle(db: Db, row: ThrottleRow): void {
  db.insert(signInThrottle)
    .values(row)
    .onConflictDoUpdate({ target: signInThrottle.key, set: { failures: row.failures, lockedUntil: row.lockedUntil, updatedAt: row.updatedAt } })
    .run();
}

export function clearThrottle(db: Db, key: string): void {
  db.delete(signInThrottle).where(eq(signInThrottle.key, key)).run();
}

export function leadsOfOrganisation(db: Db, orgId: number): User[] {
  return db
    .select({ user: users })
    .from(memberships)
    .innerJoin(users, eq(memberships.userId, users.id))
    .where(eq(memberships.orgId, orgId))
    .orderBy(users.name)
    .all()
    .map((r) => r.user);
}

export function removeMembership(db: Db, userId: number, orgId: number): boolean {
  return db.delete(memberships).where(and(eq(memberships.userId, userId), eq(memberships.orgId, orgId))).run().changes === 1;
}
