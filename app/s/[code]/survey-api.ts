import type { Locale } from "@/lib/i18n/locale";
import type { PublicCheck } from "@/questions/check-bank";
import type { Answers } from "./question-model";

/** Why a call failed, as the page says it: a generic failure, "try again in N s" (429), or a draft that accepts no more saves. */
export type Failure = "failed" | "throttled" | "save_limit";

/** A refused call: what the page shows, and the fields the server named (keyed by item, "answers." dropped). */
export type ApiFailure = {
  ok: false;
  status: number;
  failure: Failure;
  code: string | undefined;
  fields: Record<string, string>;
  /** Seconds the server asked us to wait (Retry-After of a 429), 0 when it said nothing. */
  retryAfter: number;
};

export type ApiOutcome<T> = { ok: true; data: T } | ApiFailure;

type ApiErrorBody = { error?: { code?: string; message?: string; fields?: Record<string, string> } };

function failureOf(status: number, code: string | undefined): Failure {
  if (status === 429) return "throttled";
  if (code === "draft_save_limit") return "save_limit";
  return "failed";
}

/** Sends JSON to the survey API; a network error throws, any HTTP answer resolves. */
async function callApi<T>(url: string, method: string, body: unknown): Promise<ApiOutcome<T>> {
  const res = await fetch(url, {
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    credentials: "same-origin",
  });
  const data: unknown = await res.json().catch(() => ({}));
  if (res.ok) return { ok: true, data: data as T };
  const error = (data as ApiErrorBody | null)?.error;
  const fields = Object.fromEntries(Object.entries(error?.fields ?? {}).map(([k, v]) => [k.replace(/^answers\./, ""), v]));
  return {
    ok: false,
    status: res.status,
    failure: failureOf(res.status, error?.code),
    code: error?.code,
    fields,
    retryAfter: Number(res.headers.get("retry-after")) || 0,
  };
}

const surveyUrl = (code: string, action: string) => `/api/survey/${encodeURIComponent(code)}/${action}`;

/** Opens a draft; a personal invitation may pre-fill answers (the roster's department). */
export function startDraft(code: string, locale: Locale) {
  return callApi<{ resumeUrl: string; answers: Answers; checks: Record<string, PublicCheck> }>(surveyUrl(code, "start"), "POST", { locale });
}

/** Saves one step's answers and the step to come back to. */
export function saveDraft(code: string, body: { answers: Answers; step: number; locale: Locale }) {
  return callApi<unknown>(surveyUrl(code, "draft"), "PUT", body);
}

/** Submits the last step's answers; the report link in the answer is shown once. */
export function submitSurvey(code: string, body: { answers: Answers; locale: Locale }) {
  return callApi<{ reportUrl: string }>(surveyUrl(code, "submit"), "POST", body);
}
