"use client";

import { useEffect, useRef, useState } from "react";
import type { QuestionnaireText } from "@/questions/schema";
import type { SurveyStep } from "@/questions";
import { AGREE_ANSWERS, ORG_ANSWERS, SENIORITIES } from "@/questions/constants";
import { format, type Messages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locale";
import { QuestionField, type Question } from "./question-field";

type Answers = Partial<Record<string, number | string>>;

export type SurveyAppProps = {
  code: string;
  orgName: string;
  departments: string[];
  locale: Locale;
  text: QuestionnaireText;
  m: Messages;
  steps: SurveyStep[];
  minGroupSize: number;
  estimate: { items: number; minutes: number };
  /** State of this browser's draft, when it has one. */
  initial: { step: number; answers: Answers; resumeUrl: string } | null;
  resumeInvalid: boolean;
};

/** The summary line names the question; the message beside the field says what to do. */
type FieldError = { summary: string; field: string };

type ApiError = { error?: { code?: string; message?: string; fields?: Record<string, string> } };

const SENIORITY = SENIORITIES;
const AGREE = AGREE_ANSWERS;
const ORG = ORG_ANSWERS;

type ApiResult = { ok: boolean; status: number; data: unknown; retryAfter: number };

/** Why a call failed, as the page says it: a generic failure, "try again in N s" (429), or a draft that accepts no more saves. */
type Failure = "failed" | "throttled" | "save_limit";

function failureOf(res: ApiResult): Failure {
  if (res.status === 429) return "throttled";
  if ((res.data as ApiError).error?.code === "draft_save_limit") return "save_limit";
  return "failed";
}

async function callApi(url: string, method: string, body: unknown): Promise<ApiResult> {
  const res = await fetch(url, {
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    credentials: "same-origin",
  });
  const data: unknown = await res.json().catch(() => ({}));
  return { ok: res.ok, status: res.status, data, retryAfter: Number(res.headers.get("retry-after")) || 0 };
}

export function SurveyApp(props: SurveyAppProps) {
  const { code, text, m, steps, departments, locale } = props;
  const total = steps.length;
  const [step, setStep] = useState(0); // 0 = welcome, 1..total = sections
  const [answers, setAnswers] = useState<Answers>(props.initial?.answers ?? {});
  const [resumeUrl, setResumeUrl] = useState(props.initial?.resumeUrl ?? null);
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [busy, setBusy] = useState(false);
  const [saveStatus, setSaveStatus] = useState<"idle" | "saving" | "saved" | Failure | "invitation_used">("idle");
  // Seconds the server asked us to wait (Retry-After of a 429), shown with "throttled".
  const [retryAfter, setRetryAfter] = useState(0);
  const [copied, setCopied] = useState(false);
  // Shown once, right after submission: the server keeps no cookie for it and never shows it again.
  const [reportUrl, setReportUrl] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const submitted = useRef(false);
  // Where keyboard focus goes after the next render: the new step's heading, or the first error.
  const focusRequest = useRef<"heading" | "errors" | null>(null);
  const setFocusTarget = (target: "heading" | "errors") => {
    focusRequest.current = target;
  };

  useEffect(() => {
    const target = focusRequest.current;
    focusRequest.current = null;
    if (target === "heading") headingRef.current?.focus();
    if (target === "errors") {
      const first = document.querySelector<HTMLElement>(".question.has-error input, .question.has-error select");
      (first ?? summaryRef.current)?.focus();
    }
  });

  const questionText = (item: string): string => {
    if (item === "department") return text.profile.department;
    if (item === "seniority") return text.profile.seniority;
    if (item.startsWith("self_")) return text.capabilities[item.slice(5)]?.selfQuestion ?? item;
    if (item.startsWith("org_")) return text.capabilities[item.slice(4)]?.orgStatement ?? item;
    return text.orgItems[item as keyof QuestionnaireText["orgItems"]] ?? item;
  };

  const isRequired = (item: string) => item !== "department" || departments.length > 0;

  const missingError = (item: string): FieldError => ({ summary: format(m.answerThis, { question: questionText(item) }), field: m.chooseOne });

  function missingOn(stepIndex: number, current: Answers): Record<string, FieldError> {
    const found: Record<string, FieldError> = {};
    for (const item of steps[stepIndex - 1]?.items ?? []) {
      if (isRequired(item) && (current[item] === undefined || current[item] === "")) found[item] = missingError(item);
    }
    return found;
  }

  function stepAnswers(stepIndex: number): Answers {
    const out: Answers = {};
    for (const item of steps[stepIndex - 1]?.items ?? []) if (answers[item] !== undefined) out[item] = answers[item];
    return out;
  }

  function go(to: number) {
    setStep(to);
    setErrors({});
    setFocusTarget("heading");
    window.scrollTo({ top: 0 });
  }

  async function start() {
    setBusy(true);
    try {
      if (props.initial) {
        go(Math.min(Math.max(props.initial.step, 1), total));
        return;
      }
      const res = await callApi(`/api/survey/${encodeURIComponent(code)}/start`, "POST", { locale });
      if (!res.ok) {
        fail(res);
        return;
      }
      const data = res.data as { resumeUrl: string; answers: Answers };
      setResumeUrl(data.resumeUrl);
      // A personal invitation may start the draft with the roster's department.
      setAnswers((a) => ({ ...data.answers, ...a }));
      go(1);
    } catch {
      setSaveStatus("failed");
    } finally {
      setBusy(false);
    }
  }

  function fail(res: ApiResult) {
    setRetryAfter(res.retryAfter);
    setSaveStatus(failureOf(res));
  }

  /** The alert under the buttons when the last call failed, or nothing. */
  function failureNotice() {
    const text =
      saveStatus === "failed"
        ? m.saveFailed
        : saveStatus === "throttled"
          ? format(m.saveThrottled, { seconds: Math.max(1, retryAfter) })
          : saveStatus === "save_limit"
            ? m.saveLimitReached
            : saveStatus === "invitation_used"
              ? m.invitationUsedOnSubmit
              : null;
    return text ? (
      <p className="save-status failed" role="alert">
        {text}
      </p>
    ) : null;
  }

  async function save(stepIndex: number, nextStep: number): Promise<boolean> {
    setSaveStatus("saving");
    try {
      const res = await callApi(`/api/survey/${encodeURIComponent(code)}/draft`, "PUT", {
        answers: stepAnswers(stepIndex),
        step: nextStep,
        locale,
      });
      if (!res.ok) {
        const fields = (res.data as ApiError).error?.fields ?? {};
        const mapped = Object.fromEntries(
          Object.entries(fields).map(([k, v]) => {
            const item = k.replace(/^answers\./, "");
            return [item, { summary: `${questionText(item)}: ${v}`, field: v }];
          }),
        );
        if (Object.keys(mapped).length > 0 && res.status === 400) setErrors(mapped);
        fail(res);
        return false;
      }
      setSaveStatus("saved");
      return true;
    } catch {
      setSaveStatus("failed");
      return false;
    }
  }

  async function next() {
    const missing = missingOn(step, answers);
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      setFocusTarget("errors");
      return;
    }
    setBusy(true);
    const ok = await save(step, step + 1);
    setBusy(false);
    if (ok) go(step + 1);
  }

  async function back() {
    setBusy(true);
    await save(step, step - 1);
    setBusy(false);
    go(step - 1);
  }

  async function submit() {
    if (submitted.current) return;
    const missing = missingOn(step, answers);
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      setFocusTarget("errors");
      return;
    }
    submitted.current = true;
    setBusy(true);
    try {
      const res = await callApi(`/api/survey/${encodeURIComponent(code)}/submit`, "POST", { answers: stepAnswers(step), locale });
      if (res.ok) {
        setReportUrl((res.data as { reportUrl: string }).reportUrl);
        setResumeUrl(null);
        setCopied(false);
        setFocusTarget("heading");
        window.scrollTo({ top: 0 });
        return;
      }
      if ((res.data as ApiError).error?.code === "invitation_used") {
        setSaveStatus("invitation_used");
        return; // final: this invitation cannot submit again
      }
      const fields = (res.data as ApiError).error?.fields ?? {};
      const items = Object.keys(fields).map((k) => k.replace(/^answers\./, ""));
      const firstStep = steps.findIndex((s) => s.items.some((i) => items.includes(i))) + 1;
      if (firstStep > 0) {
        setStep(firstStep);
        setErrors(Object.fromEntries(items.map((i) => [i, missingError(i)])));
        setFocusTarget("errors");
      }
      fail(res);
      submitted.current = false;
    } catch {
      setSaveStatus("failed");
      submitted.current = false;
    } finally {
      setBusy(false);
    }
  }

  function setAnswer(item: string, value: string | number) {
    setAnswers((a) => ({ ...a, [item]: value }));
    if (errors[item]) setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== item)));
  }

  if (reportUrl) {
    const href = typeof window === "undefined" ? reportUrl : new URL(reportUrl, window.location.origin).href;
    return (
      <div className="narrow">
        <section className="card" aria-labelledby="done-heading" data-testid="submitted">
          <h1 id="done-heading" ref={headingRef} tabIndex={-1}>
            {m.completed.heading}
          </h1>
          <p className="lead">{m.completed.body}</p>
          <p className="notice" role="status">
            {m.completed.saveLink}
          </p>
          <div className="copy-row">
            <input readOnly aria-label={m.completed.linkLabel} value={href} onFocus={(e) => e.currentTarget.select()} data-testid="report-url" />
            <button
              type="button"
              className="btn btn-secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(href).catch(() => undefined);
                setCopied(true);
              }}
            >
              {copied ? m.copied : m.copy}
            </button>
          </div>
          <div className="btn-row">
            <a className="btn" href={reportUrl}>
              {m.completed.view}
            </a>
          </div>
        </section>
      </div>
    );
  }

  if (step === 0) {
    return (
      <div className="narrow">
        <section className="card" aria-labelledby="welcome-heading">
          <p className="section-kicker">{text.title}</p>
          <h1 id="welcome-heading">{format(m.welcome.heading, { org: props.orgName })}</h1>
          {props.resumeInvalid && <p className="notice">{m.welcome.resumeInvalid}</p>}
          <p className="lead">{m.welcome.what}</p>
          <ul className="facts">
            <li>{format(m.welcome.time, props.estimate)}</li>
            <li>{format(m.welcome.anonymous, { min: props.minGroupSize })}</li>
            <li>{m.welcome.resumeHint}</li>
          </ul>
          <button type="button" className="btn" onClick={start} disabled={busy}>
            {props.initial ? m.welcome.continue : m.welcome.start}
          </button>
          {failureNotice()}
        </section>
      </div>
    );
  }

  const current = steps[step - 1]!;
  const capIndex = current.kind === "capability" ? steps.filter((s) => s.kind === "capability").indexOf(current) + 1 : 0;
  const capCount = steps.filter((s) => s.kind === "capability").length;
  const questions: Question[] = questionsFor(current, text, m, departments);
  const errorItems = current.items.filter((i) => errors[i]);
  const isLast = step === total;

  return (
    <div className="narrow">
      <div className="progress">
        <div className="progress-label">
          <span>{format(m.progress, { n: step, m: total })}</span>
          <span className="save-status" aria-live="polite">
            {saveStatus === "saving" ? m.saving : saveStatus === "saved" ? m.saved : ""}
          </span>
        </div>
        <div
          className="progress-track"
          role="progressbar"
          aria-label={text.title}
          aria-valuemin={1}
          aria-valuemax={total}
          aria-valuenow={step}
          aria-valuetext={format(m.progress, { n: step, m: total })}
        >
          <div className="progress-fill" style={{ width: `${(step / total) * 100}%` }} />
        </div>
      </div>

      <form
        className="card"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (isLast) void submit();
          else void next();
        }}
      >
        {current.kind === "capability" ? (
          <>
            <p className="section-kicker">{format(m.capabilitySection, { n: capIndex, m: capCount })}</p>
            <h2 className="step-heading" ref={headingRef} tabIndex={-1}>
              {text.capabilities[current.capabilityId]?.name}
            </h2>
            <p className="muted" style={{ marginBottom: "0.25rem" }}>
              {text.capabilities[current.capabilityId]?.summary}
            </p>
            <p className="muted small">{text.sections.capability.intro}</p>
          </>
        ) : (
          <>
            <h2 className="step-heading" ref={headingRef} tabIndex={-1}>
              {current.kind === "profile" ? text.sections.profile.title : text.sections.organisation.title}
            </h2>
            <p className="muted">{current.kind === "profile" ? text.sections.profile.intro : text.sections.organisation.intro}</p>
          </>
        )}

        {errorItems.length > 0 && (
          <div className="error-summary" role="alert" ref={summaryRef} tabIndex={-1}>
            <strong>{m.errorSummary}</strong>
            <ul>
              {errorItems.map((i) => (
                <li key={i}>
                  <a href={`#q-${i}`}>{errors[i]?.summary}</a>
                </li>
              ))}
            </ul>
          </div>
        )}

        {questions.map((q) => (
          <QuestionField
            key={q.item}
            question={q}
            value={answers[q.item]}
            error={errors[q.item]?.field}
            requiredLabel={m.required}
            required={isRequired(q.item)}
            onChange={(v) => setAnswer(q.item, v)}
          />
        ))}

        <div className="btn-row">
          <button type="button" className="btn btn-secondary" onClick={back} disabled={busy || step === 1}>
            ← {m.back}
          </button>
          <button type="submit" className="btn" disabled={busy} data-testid={isLast ? "submit" : "next"}>
            {isLast ? (busy ? m.submitting : m.submit) : `${m.next} →`}
          </button>
        </div>
        {failureNotice()}
      </form>

      {resumeUrl && (
        <details className="resume-box">
          <summary>{m.resumeLater}</summary>
          <p>{m.resumeLaterHelp}</p>
          <div className="copy-row">
            <input
              readOnly
              aria-label={m.resumeLater}
              value={typeof window === "undefined" ? resumeUrl : new URL(resumeUrl, window.location.origin).href}
              onFocus={(e) => e.currentTarget.select()}
              data-testid="resume-url"
            />
            <button
              type="button"
              className="btn btn-secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(new URL(resumeUrl, window.location.origin).href).catch(() => undefined);
                setCopied(true);
              }}
            >
              {copied ? m.copied : m.copy}
            </button>
          </div>
        </details>
      )}
    </div>
  );
}

function questionsFor(step: SurveyStep, text: QuestionnaireText, m: Messages, departments: string[]): Question[] {
  if (step.kind === "profile") {
    const qs: Question[] = [];
    if (departments.length > 0) {
      qs.push({
        item: "department",
        label: text.profile.department,
        kind: "select",
        placeholder: m.chooseDepartment,
        options: departments.map((d) => ({ value: d, title: d })),
      });
    }
    qs.push({
      item: "seniority",
      label: text.profile.seniority,
      kind: "radio",
      options: SENIORITY.map((s) => ({ value: s, title: text.profile.seniorityOptions[s] })),
    });
    return qs;
  }
  if (step.kind === "capability") {
    const cap = text.capabilities[step.capabilityId]!;
    return [
      {
        item: `self_${step.capabilityId}`,
        label: cap.selfQuestion,
        kind: "radio",
        numeric: true,
        options: ([1, 2, 3, 4, 5] as const).map((l) => ({ value: l, title: text.selfScale[l], description: cap.levels[l] })),
      },
      {
        item: `org_${step.capabilityId}`,
        label: cap.orgStatement,
        hint: text.orgQuestion,
        kind: "radio",
        inline: true,
        options: ORG.map((o) => ({ value: o, title: text.orgScale[o] })),
      },
    ];
  }
  return step.items.map((item) => ({
    item,
    label: text.orgItems[item as keyof QuestionnaireText["orgItems"]],
    kind: "radio" as const,
    options: AGREE.map((a) => ({ value: a, title: text.agreeScale[a] })),
  }));
}
