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
import { SIZE_BANDS, type Organisation, type Wave } from "../../db/schema";
import { newToken } from "../security/tokens";
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

export const organisationSchema = z.object({
  name: z.string().trim().min(2, "Enter the organisation's name (at least 2 characters)").max(120, "Use at most 120 characters"),
  slug: z
    .string()
    .trim()
    .min(2, "Enter a short identifier (at least 2 characters)")
    .max(64, "Use at most 64 characters")
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens, e.g. northwind-trading"),
  sector: z.string().trim().min(2, "Enter the sector, e.g. Retail").max(80, "Use at most 80 characters"),
  sizeBand: z.enum(SIZE_BANDS, { error: `Choose a size band: ${SIZE_BANDS.join(", ")}` }),
  departments: z
    .string()
    .max(4000, "The department list is too long")
    .transform((s) => [...new Set(s.split(/\r?\n/).map((d) => d.trim()).filter(Boolean))])
    .pipe(
      z
        .array(z.string().max(80, "Each department name may have at most 80 characters").regex(/^[^\u0000]*$/, "Department names cannot contain NUL"))
        .max(50, "At most 50 departments"),
    ),
});

export type OrganisationInput = z.input<typeof organisationSchema>;

export function createOrganisation(db: Db, input: unknown): FormResult<Organisation> {
  const parsed = organisationSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fields: fieldsOf(parsed.error) };
  if (findOrganisationBySlug(db, parsed.data.slug)) return { ok: false, fields: { slug: "Another organisation already uses this identifier" } };
  return { ok: true, value: insertOrganisationRow(db, parsed.data) };
}

export function updateOrganisation(db: Db, org: Organisation, input: unknown): FormResult<Organisation> {
  const parsed = organisationSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fields: fieldsOf(parsed.error) };
  const other = findOrganisationBySlug(db, parsed.data.slug);
  if (other && other.id !== org.id) return { ok: false, fields: { slug: "Another organisation already uses this identifier" } };
  updateOrganisationRow(db, org.id, parsed.data);
  return { ok: true, value: { ...org, ...parsed.data } };
}

export function setArchived(db: Db, org: Organisation, archived: boolean): void {
  updateOrganisationRow(db, org.id, { archivedAt: archived ? new Date().toISOString() : null });
}

const optionalDate = z
  .string()
  .trim()
  .transform((s) => (s === "" ? null : s))
  .refine((s) => s === null || !Number.isNaN(Date.parse(s)), "Enter a date and time, or leave it empty")
  .transform((s) => (s === null ? null : new Date(s).toISOString()));

export const waveSchema = z
  .object({
    label: z.string().trim().min(1, "Enter a label, e.g. 2026-Q4").max(40, "Use at most 40 characters"),
    questionnaireVersion: z.coerce
      .number({ error: "Choose a questionnaire version" })
      .int()
      .refine((v) => questionnaireVersions().includes(v), `Choose one of: ${questionnaireVersions().join(", ")}`),
    opensAt: optionalDate,
    closesAt: optionalDate,
  })
  .refine((w) => !w.opensAt || !w.closesAt || w.opensAt < w.closesAt, { path: ["closesAt"], message: "The closing time must be after the opening time" });

export type WaveInput = Omit<z.input<typeof waveSchema>, "questionnaireVersion"> & { questionnaireVersion?: unknown };

/** A new open wave with a public code of 128 random bits. */
export function createWave(db: Db, org: Organisation, input: WaveInput): FormResult<Wave> {
  const parsed = waveSchema.safeParse({ ...input, questionnaireVersion: input.questionnaireVersion ?? CURRENT_QUESTIONNAIRE_VERSION });
  if (!parsed.success) return { ok: false, fields: fieldsOf(parsed.error) };
  if (listWaves(db, org.id).some((w) => w.label === parsed.data.label)) return { ok: false, fields: { label: "This organisation already has a wave with this label" } };
  return { ok: true, value: insertWaveRow(db, { orgId: org.id, status: "open", code: newToken(16), ...parsed.data }) };
}

export function changeWaveStatus(db: Db, org: Organisation, waveId: number, status: Wave["status"]): boolean {
  return setWaveStatus(db, org.id, waveId, status);
}
