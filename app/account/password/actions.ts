"use server";

import { z } from "zod";
import { getDb } from "@/db/client";
import { setPasswordHash } from "@/db/queries/users";
import { hashPassword, PASSWORD_MAX_LENGTH, passwordProblem, verifyPassword } from "@/core/passwords";
import { requireUser } from "@/server/auth/permissions";
import { reissueSession } from "@/server/auth/session-cookie";
import { adminMessages } from "@/lib/i18n/admin-messages";
import { format, messages } from "@/lib/i18n/messages";
import { currentLocale } from "@/server/i18n";

export type PasswordState = { ok: boolean; fields: Partial<Record<"current" | "next" | "confirm", string>> };

// Generous bound on what is read; the password rules themselves are in passwordProblem.
const schema = z.object({ current: z.string().max(4096), next: z.string().max(4096), confirm: z.string().max(4096) });

/** Changes the signed-in user's password and ends their other sessions; every problem is reported next to its field. */
export async function changePassword(_prev: PasswordState, form: FormData): Promise<PasswordState> {
  const user = await requireUser();
  const locale = await currentLocale();
  const m = messages(locale).auth;
  const parsed = schema.safeParse({ current: form.get("current") ?? "", next: form.get("next") ?? "", confirm: form.get("confirm") ?? "" });
  if (!parsed.success) return { ok: false, fields: { current: m.wrongCurrent } };
  const { current, next, confirm } = parsed.data;
  const fields: PasswordState["fields"] = {};
  if (current.length > PASSWORD_MAX_LENGTH || !(await verifyPassword(current, user.passwordHash))) fields.current = m.wrongCurrent;
  const problem = passwordProblem(next);
  if (problem === "too_short") fields.next = m.tooShort;
  else if (problem === "too_long") fields.next = format(adminMessages(locale).validation.passwordTooLong, { max: PASSWORD_MAX_LENGTH });
  else if (next !== confirm) fields.confirm = m.mismatch;
  if (Object.keys(fields).length) return { ok: false, fields };
  // The new hash bumps the session version: every other session ends. This browser, which has just
  // proved the current password, gets a fresh session with the new version (decision 010).
  const version = await setPasswordHash(getDb(), user.id, await hashPassword(next));
  if (version !== undefined) await reissueSession(user, version);
  return { ok: true, fields: {} };
}
