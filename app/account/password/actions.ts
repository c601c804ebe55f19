"use server";

import { z } from "zod";
import { getDb } from "@/db/client";
import { setPasswordHash } from "@/db/queries/users";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";
import { requireUser } from "@/lib/auth/permissions";
import { messages } from "@/lib/i18n/messages";
import { currentLocale } from "@/lib/i18n/server";

export type PasswordState = { ok: boolean; fields: Partial<Record<"current" | "next" | "confirm", string>> };

const schema = z.object({ current: z.string().max(200), next: z.string().max(200), confirm: z.string().max(200) });

/** Changes the signed-in user's password; every problem is reported next to its field. */
export async function changePassword(_prev: PasswordState, form: FormData): Promise<PasswordState> {
  const user = await requireUser();
  const m = messages(await currentLocale()).auth;
  const parsed = schema.safeParse({ current: form.get("current") ?? "", next: form.get("next") ?? "", confirm: form.get("confirm") ?? "" });
  if (!parsed.success) return { ok: false, fields: { current: m.wrongCurrent } };
  const { current, next, confirm } = parsed.data;
  const fields: PasswordState["fields"] = {};
  if (!(await verifyPassword(current, user.passwordHash))) fields.current = m.wrongCurrent;
  if (next.length < 10) fields.next = m.tooShort;
  else if (next !== confirm) fields.confirm = m.mismatch;
  if (Object.keys(fields).length) return { ok: false, fields };
  setPasswordHash(getDb(), user.id, await hashPassword(next));
  return { ok: true, fields: {} };
}
