import { z } from "zod";
import type { Db } from "../../db/client";
import {
  findOrganisationBySlug,
  insertOrganisationRow,
  insertWaveRow,
  listWaves,
  setWaveStatus,
  updateOrganisationRow,
} from "../../db/queries/organisations";
import type { Organisation, Wave } from "../../db/schema";
import { SIZE_BANDS } from "../../core/vocabulary";
import { ADMIN_MESSAGES, type AdminMessages } from "../i18n/admin-messages";
import { format } from "../i18n/messages";
import { newToken } from "../../core/tokens";
import { CURRENT_QUESTIONNAIRE_VERSION, questionnaireVersions } from "../../questions";

export type FormResult<T> = { ok: true; value: T } | { ok: false; fields: Record<string, string> };

/** The first problem of each top-level field, as the admin forms show them. */
export function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields = new Map<string, string>();
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    if (!fields.has(key)) fields.set(key, issue.message);
  }
  return Object.fromEntries(fields);
}

/** Validation of the organisation form; `m` words the messages in the admin's language. */
export function organisationSchema(m: AdminMessages = ADMIN_MESSAGES.en) {
  const v = m.validation;
  const max = (n: number) => format(v.maxChars, { max: n });
  return z.object({
    name: z.string().trim().min(2, v.orgName).max(120, max(120)),
    slug: z
      .string()
      .trim()
      .min(2, v.slugShort)
      .max(64, max(64))
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, v.slugFormat),
    sector: z.string().trim().min(2, v.sector).max(80, max(80)),
    sizeBand: z.enum(SIZE_BANDS, { error: format(v.sizeBand, { bands: SIZE_BANDS.map((b) => m.common.sizeBands[b]).join(m.common.listSeparator) }) }),
    departments: z
      .string()
      .max(4000, v.departmentsTooLong)
      .transform((s) => [...new Set(s.split(/\r?\n/).map((d) => d.trim()).filter(Boolean))])
      .pipe(
        z
          .array(z.string().max(80, format(v.departmentTooLong, { max: 80 })).regex(/^[^\u0000]*$/, v.departmentNul))
          .max(50, format(v.tooManyDepartments, { max: 50 })),
      ),
  });
}

export type OrganisationInput = z.input<ReturnType<typeof organisationSchema>>;

export async function createOrganisation(db: Db, input: unknown, m: AdminMessages = ADMIN_MESSAGES.en): Promise<FormResult<Organisation>> {
  const parsed = organisationSchema(m).safeParse(input);
  if (!parsed.success) return { ok: false, fields: fieldsOf(parsed.error) };
  if (await findOrganisationBySlug(db, parsed.data.slug)) return { ok: false, fields: { slug: m.validation.slugTaken } };
  return { ok: true, value: await insertOrganisationRow(db, parsed.data) };
}

export async function updateOrganisation(db: Db, org: Organisation, input: unknown, m: AdminMessages = ADMIN_MESSAGES.en): Promise<FormResult<Organisation>> {
  const parsed = organisationSchema(m).safeParse(input);
  if (!parsed.success) return { ok: false, fields: fieldsOf(parsed.error) };
  const other = await findOrganisationBySlug(db, parsed.data.slug);
  if (other && other.id !== org.id) return { ok: false, fields: { slug: m.validation.slugTaken } };
  await updateOrganisationRow(db, org.id, parsed.data);
  return { ok: true, value: { ...org, ...parsed.data } };
}

export async function setArchived(db: Db, org: Organisation, archived: boolean): Promise<void> {
  await updateOrganisationRow(db, org.id, { archivedAt: archived ? new Date().toISOString() : null });
}

/** Validation of the new-wave form; `m` words the messages in the admin's language. */
export function waveSchema(m: AdminMessages = ADMIN_MESSAGES.en) {
  const v = m.validation;
  const optionalDate = z
    .string()
    .trim()
    .transform((s) => (s === "" ? null : s))
    .refine((s) => s === null || !Number.isNaN(Date.parse(s)), v.dateTime)
    .transform((s) => (s === null ? null : new Date(s).toISOString()));
  return z
    .object({
      label: z.string().trim().min(1, v.waveLabel).max(40, format(v.maxChars, { max: 40 })),
      questionnaireVersion: z.coerce
        .number({ error: v.questionnaireVersion })
        .int()
        .refine((n) => questionnaireVersions().includes(n), format(v.questionnaireVersionOneOf, { versions: questionnaireVersions().join(m.common.listSeparator) })),
      opensAt: optionalDate,
      closesAt: optionalDate,
    })
    .refine((w) => !w.opensAt || !w.closesAt || w.opensAt < w.closesAt, { path: ["closesAt"], message: v.closesAfterOpens });
}

export type WaveInput = Omit<z.input<ReturnType<typeof waveSchema>>, "questionnaireVersion"> & { questionnaireVersion?: unknown };

/** A new open wave with a public code of 128 random bits. */
export async function createWave(db: Db, org: Organisation, input: WaveInput, m: AdminMessages = ADMIN_MESSAGES.en): Promise<FormResult<Wave>> {
  const parsed = waveSchema(m).safeParse({ ...input, questionnaireVersion: input.questionnaireVersion ?? CURRENT_QUESTIONNAIRE_VERSION });
  if (!parsed.success) return { ok: false, fields: fieldsOf(parsed.error) };
  if ((await listWaves(db, org.id)).some((w) => w.label === parsed.data.label)) return { ok: false, fields: { label: m.validation.waveLabelTaken } };
  return { ok: true, value: await insertWaveRow(db, { orgId: org.id, status: "open", code: newToken(16), ...parsed.data }) };
}

export async function changeWaveStatus(db: Db, org: Organisation, waveId: number, status: Wave["status"]): Promise<boolean> {
  return setWaveStatus(db, org.id, waveId, status);
}
