import type { Db } from "../client";
import { organisations, signInThrottle, users, type NewUser, type Organisation, type User } from "../schema";
import { fromRow, fromRows, insertStatement } from "../sql/rows";

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const row = await db.sql.get("select * from users where email = ?", [normaliseEmail(email)]);
  return row && fromRow(users, row);
}

export async function findUserById(db: Db, id: number): Promise<User | undefined> {
  const row = await db.sql.get("select * from users where id = ?", [id]);
  return row && fromRow(users, row);
}

export async function insertUser(db: Db, values: NewUser): Promise<User> {
  const { text, params } = insertStatement(users, { ...values, email: normaliseEmail(values.email) });
  return fromRow(users, (await db.sql.get(text, params))!);
}

/**
 * Sets a new password hash and, in the same statement, bumps the session version: a new password
 * ends every session issued before it. Returns the new version (undefined when there is no such user).
 */
export async function setPasswordHash(db: Db, userId: number, passwordHash: string): Promise<number | undefined> {
  return db.sql.value<number>("update users set password_hash = ?, session_version = session_version + 1 where id = ? returning session_version", [passwordHash, userId]);
}

/**
 * Ends every session of this user: tokens carry the version they were issued with. With `expected`,
 * only when the version is still that one (a stale token cannot end the sessions that replaced it).
 * Returns the new version, or undefined when nothing changed.
 */
export async function bumpSessionVersion(db: Db, userId: number, expected?: number): Promise<number | undefined> {
  return expected === undefined
    ? db.sql.value<number>("update users set session_version = session_version + 1 where id = ? returning session_version", [userId])
    : db.sql.value<number>("update users set session_version = session_version + 1 where id = ? and session_version = ? returning session_version", [userId, expected]);
}

export async function addMembership(db: Db, userId: number, orgId: number): Promise<void> {
  await db.sql.run("insert into memberships (user_id, org_id) values (?, ?) on conflict do nothing", [userId, orgId]);
}

export async function organisationsOfUser(db: Db, userId: number): Promise<Organisation[]> {
  return fromRows(organisations, await db.sql.all("select o.* from memberships m join organisations o on o.id = m.org_id where m.user_id = ? order by o.name", [userId]));
}

export async function isMember(db: Db, userId: number, orgId: number): Promise<boolean> {
  return (await db.sql.value("select 1 from memberships where user_id = ? and org_id = ?", [userId, orgId])) !== undefined;
}

export type ThrottleRow = typeof signInThrottle.$inferSelect;

export async function readThrottle(db: Db, key: string): Promise<ThrottleRow | undefined> {
  const row = await db.sql.get("select * from sign_in_throttle where key = ?", [key]);
  return row && fromRow(signInThrottle, row);
}

export async function writeThrottle(db: Db, row: ThrottleRow): Promise<void> {
  const { text, params } = insertStatement(signInThrottle, row, { returning: false });
  await db.sql.run(`${text} on conflict (key) do update set failures = excluded.failures, locked_until = excluded.locked_until, updated_at = excluded.updated_at`, params);
}

export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.sql.run("delete from sign_in_throttle where key = ?", [key]);
}

export async function leadsOfOrganisation(db: Db, orgId: number): Promise<User[]> {
  return fromRows(users, await db.sql.all("select u.* from memberships m join users u on u.id = m.user_id where m.org_id = ? order by u.name", [orgId]));
}

export async function removeMembership(db: Db, userId: number, orgId: number): Promise<boolean> {
  return (await db.sql.run("delete from memberships where user_id = ? and org_id = ?", [userId, orgId])).changes === 1;
}
