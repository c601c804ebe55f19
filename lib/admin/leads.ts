import crypto from "node:crypto";
import { z } from "zod";
import type { Db } from "../../db/client";
import { addMembership, findUserByEmail, findUserById, insertUser, isMember, removeMembership, setPasswordHash } from "../../db/queries/users";
import type { Organisation, User } from "../../db/schema";
import { hashPassword } from "../auth/passwords";
import { fieldsOf } from "./organisations";

export const leadSchema = z.object({
  email: z.string().trim().toLowerCase().max(200, "Use at most 200 characters").pipe(z.email({ error: "Enter an email address, e.g. name@example.org" })),
  name: z.string().trim().min(1, "Enter the person's name").max(80, "Use at most 80 characters"),
});

/** A one-time password the admin passes on; the person changes it after signing in. */
export function temporaryPassword(): string {
  return crypto.randomBytes(12).toString("base64url");
}

export type AddLeadResult =
  | { ok: true; user: User; created: boolean; temporaryPassword?: string }
  | { ok: false; fields: Record<string, string> };

/**
 * Gives a person access to an organisation as L&D lead: an existing lead is added; a new person
 * gets an account with a temporary password, shown once to the admin.
 */
export async function addLead(db: Db, org: Organisation, input: unknown): Promise<AddLeadResult> {
  const parsed = leadSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fields: fieldsOf(parsed.error) };
  const existing = findUserByEmail(db, parsed.data.email);
  if (existing?.role === "admin") return { ok: false, fields: { email: "This person is an administrator and already sees every organisation" } };
  if (existing && isMember(db, existing.id, org.id)) return { ok: false, fields: { email: "This person is already a lead of this organisation" } };
  if (existing) {
    addMembership(db, existing.id, org.id);
    return { ok: true, user: existing, created: false };
  }
  const password = temporaryPassword();
  const user = insertUser(db, { email: parsed.data.email, name: parsed.data.name, role: "lead", passwordHash: await hashPassword(password) });
  addMembership(db, user.id, org.id);
  return { ok: true, user, created: true, temporaryPassword: password };
}

export function removeLead(db: Db, org: Organisation, userId: number): boolean {
  return removeMembership(db, userId, org.id);
}

/** A new temporary password for a lead of this organisation (admins reset other admins elsewhere). */
export async function resetLeadPassword(db: Db, org: Organisation, userId: number): Promise<string | null> {
  const user = findUserById(db, userId);
  if (!user || user.role !== "lead" || !isMember(db, userId, org.id)) return null;
  const password = temporaryPassword();
  setPasswordHash(db, userId, await hashPassword(password));
  return password;
}
