"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { findOrganisationBySlug, findWave } from "@/db/queries/organisations";
import { addLead, removeLead, resetLeadPassword } from "@/lib/admin/leads";
import { previewVoid, voidSubmissions } from "@/lib/admin/submissions";
import { changeWaveStatus, createOrganisation, createWave, setArchived, updateOrganisation } from "@/lib/admin/organisations";
import { requireRole } from "@/server/auth/permissions";
import { setCheckRetired } from "@/db/queries/checks";
import { checkItem } from "@/questions/check-bank";
import { AppError } from "@/core/errors";
import { adminMessages } from "@/lib/i18n/admin-messages";
import { currentLocale } from "@/server/i18n";

export type FormState = { fields: Record<string, string>; values: Record<string, string>; saved?: boolean };

const text = (form: FormData, key: string) => String(form.get(key) ?? "");

function organisationInput(form: FormData) {
  return { name: text(form, "name"), slug: text(form, "slug"), sector: text(form, "sector"), sizeBand: text(form, "sizeBand"), departments: text(form, "departments") };
}

/** The admin's language, for validation messages. */
async function texts() {
  return adminMessages(await currentLocale());
}

async function orgFor(slug: string) {
  await requireRole("admin");
  const org = await findOrganisationBySlug(getDb(), slug);
  if (!org) throw new AppError("not_found", "No such organisation");
  return org;
}

export async function createOrganisationAction(_prev: FormState, form: FormData): Promise<FormState> {
  await requireRole("admin");
  const input = organisationInput(form);
  const result = await createOrganisation(getDb(), input, await texts());
  if (!result.ok) return { fields: result.fields, values: input };
  revalidatePath("/admin");
  redirect(`/admin/organisations/${result.value.slug}`);
}

export async function updateOrganisationAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  const org = await orgFor(slug);
  const input = organisationInput(form);
  const result = await updateOrganisation(getDb(), org, input, await texts());
  if (!result.ok) return { fields: result.fields, values: input };
  revalidatePath("/admin");
  if (result.value.slug !== slug) redirect(`/admin/organisations/${result.value.slug}`);
  return { fields: {}, values: input, saved: true };
}

export async function archiveOrganisationAction(slug: string, archived: boolean): Promise<void> {
  const org = await orgFor(slug);
  await setArchived(getDb(), org, archived);
  revalidatePath(`/admin/organisations/${slug}`);
}

export async function createWaveAction(slug: string, _prev: FormState, form: FormData): Promise<FormState> {
  const org = await orgFor(slug);
  const input = { label: text(form, "label"), questionnaireVersion: text(form, "questionnaireVersion"), opensAt: text(form, "opensAt"), closesAt: text(form, "closesAt") };
  const result = await createWave(getDb(), org, input, await texts());
  if (!result.ok) return { fields: result.fields, values: input };
  revalidatePath(`/admin/organisations/${slug}`);
  return { fields: {}, values: {}, saved: true };
}

export async function setWaveStatusAction(slug: string, waveId: number, status: "open" | "closed"): Promise<void> {
  const org = await orgFor(slug);
  if (!(await changeWaveStatus(getDb(), org, waveId, status))) throw new AppError("not_found", "No such wave");
  revalidatePath(`/admin/organisations/${slug}`);
}

/** What happened, worded by the panel in the language shown at the time (the password is shown once). */
export type LeadNotice =
  | { kind: "created"; email: string; password: string }
  | { kind: "added"; email: string; organisation: string }
  | { kind: "reset"; password: string };

export type LeadState = { fields: Record<string, string>; values: Record<string, string>; notice?: LeadNotice };

export async function addLeadAction(slug: string, _prev: LeadState, form: FormData): Promise<LeadState> {
  const org = await orgFor(slug);
  const input = { email: text(form, "email"), name: text(form, "name") };
  const result = await addLead(getDb(), org, input, await texts());
  if (!result.ok) return { fields: result.fields, values: input };
  revalidatePath(`/admin/organisations/${slug}`);
  return {
    fields: {},
    values: {},
    notice:
      result.created && result.temporaryPassword
        ? { kind: "created", email: result.user.email, password: result.temporaryPassword }
        : { kind: "added", email: result.user.email, organisation: org.name },
  };
}

export async function resetLeadPasswordAction(slug: string, userId: number): Promise<LeadState> {
  const org = await orgFor(slug);
  const password = await resetLeadPassword(getDb(), org, userId);
  if (!password) throw new AppError("not_found", "No such lead");
  return { fields: {}, values: {}, notice: { kind: "reset", password } };
}

export async function removeLeadAction(slug: string, userId: number): Promise<void> {
  const org = await orgFor(slug);
  await removeLead(getDb(), org, userId);
  revalidatePath(`/admin/organisations/${slug}`);
}

/** The void form: a preview of how many submissions the window holds, then the void itself. */
export type VoidState = {
  fields: Record<string, string>;
  values: Record<string, string>;
  preview?: { matching: number };
  notice?: { voided: number; released: boolean };
};

export async function voidSubmissionsAction(slug: string, waveId: number, _prev: VoidState, form: FormData): Promise<VoidState> {
  const org = await orgFor(slug);
  const user = await requireRole("admin");
  const db = getDb();
  const wave = await findWave(db, org.id, waveId);
  if (!wave) throw new AppError("not_found", "No such wave");
  const input = { from: text(form, "from"), to: text(form, "to"), fast: text(form, "fast"), reason: text(form, "reason") };
  const m = await texts();
  if (text(form, "intent") !== "void") {
    const preview = await previewVoid(db, wave, input, m);
    return preview.ok ? { fields: {}, values: input, preview: preview.value } : { fields: preview.fields, values: input };
  }
  const result = await voidSubmissions(db, org, wave, input, Number(text(form, "expected")), { id: user.id, email: user.email }, m);
  if (!result.ok) return { fields: result.fields, values: input };
  revalidatePath(`/admin/organisations/${slug}/waves/${waveId}`);
  return { fields: {}, values: {}, notice: result.value };
}

/** Retires a knowledge check (no longer drawn) or restores it; audited. */
export async function setCheckRetiredAction(itemId: string, retired: boolean): Promise<void> {
  const user = await requireRole("admin");
  if (!checkItem(itemId)) throw new AppError("not_found", "No such knowledge check");
  await setCheckRetired(getDb(), { id: user.id, email: user.email }, itemId, retired);
  revalidatePath("/admin/checks");
}
