import crypto from "node:crypto";
import { z } from "zod";
import type { Db } from "../../db/client";
import { addMembership, findUserByEmail, findUserById, insertUser, isMember, removeMembership, setPasswordHash } from "../../db/queries/users";
import type { Organisation, User } from "../../db/schema";
import { hashPassword } from "../../core/passwords";
import { ADMIN_MESSAGES, type AdminMessages } from "../i18n/admin-messages";
import { format } from "../i18n/messages";
import { fieldsOf } from "./organisations";

/** Validation of the add-lead form; `m` words the messages in the admin's language. */
export function leadSchema(m: AdminMessages = ADMIN_MESSAGES.en) {
  const v = m.validation;
  return z.object({
    email: z.string().trim().toLowerCase().max(200, format(v.maxChars, { max: 200 })).pipe(z.email({ error: v.email })),
    name: z.string().trim().min(1, v.leadName).max(80, format(v.maxChars, { max: 80 })),
  });
}

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
export async function addLead(db: Db, org: Organisation, input: unknown, m: AdminMessages = ADMIN_MESSAGES.en): Promise<AddLeadResult> {
  const parsed = leadSchema(m).safeParse(input);
  if (!parsed.success) return { ok: false, fields: fieldsOf(parsed.error) };
  const existing = await findUserByEmail(db, parsed.data.email);
  if (existing?.role === "admin") return { ok: false, fields: { email: m.validation.leadIsAdmin } };
  if (existing && (await isMember(db, existing.id, org.id))) return { ok: false, fields: { email: m.validation.alreadyLead } };
  if (existing) {
    await addMembership(db, existing.id, org.id);
    return { ok: true, user: existing, created: false };
  }
  const password = temporaryPassword();
  const user = await insertUser(db, { email: parsed.data.email, name: parsed.data.name, role: "lead", passwordHash: await hashPassword(password) });
  await addMembership(db, user.id, org.id);
  return { ok: true, user, created: true, temporaryPassword: password };
}

export async function removeLead(db: Db, org: Organisation, userId: number): Promise<boolean> {
  return removeMembership(db, userId, org.id);
}

/** A new temporary password for a lead of this organisation (admins reset other admins elsewhere). */
export async function resetLeadPassword(db: Db, org: Organisation, userId: number): Promise<string | null> {
  const user = await findUserById(db, userId);
  if (!user || user.role !== "lead" || !(await isMember(db, userId, org.id))) return null;
  const password = temporaryPassword();
  await setPasswordHash(db, userId, await hashPassword(password));
  return password;
}
