import { useRef, useState } from "react";
import type { Locale } from "@/lib/i18n/locale";
import { saveDraft, startDraft, submitSurvey, type ApiFailure, type Failure } from "./survey-api";
import type { PublicCheck } from "@/questions/check-bank";
import { firstStepWith, missingError, missingOn, questionText, stepAnswers, type Answers, type FieldError, type SurveyModel } from "./question-model";
import { useFocusRequest } from "./use-focus-request";

export type SaveStatus = "idle" | "saving" | "saved" | Failure | "invitation_used";

/** This browser's draft, when it has one. */
export type InitialDraft = { step: number; answers: Answers; resumeUrl: string; checks: Record<string, PublicCheck> };

/** The survey's model before a draft exists: the checks arrive with the draft. */
type Options = { code: string; locale: Locale; base: Omit<SurveyModel, "checks">; initial: InitialDraft | null };

/** The survey's state machine: step (0 = welcome, 1..n = sections), answers, errors, save status, busy, and the calls that move it. */
export function useSurvey({ code, locale, base, initial }: Options) {
  const [checks, setChecks] = useState<Record<string, PublicCheck>>(initial?.checks ?? {});
  const model: SurveyModel = { ...base, checks };
  const total = model.steps.length;
  const [step, setStep] = useState(0);
  const [answers, setAnswers] = useState<Answers>(initial?.answers ?? {});
  const [resumeUrl, setResumeUrl] = useState(initial?.resumeUrl ?? null);
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [busy, setBusy] = useState(false);
  const [saveStatus, setSaveStatus] = useState<SaveStatus>("idle");
  // Seconds the server asked us to wait (Retry-After of a 429), shown with "throttled".
  const [retryAfter, setRetryAfter] = useState(0);
  // Shown once, right after submission: the server keeps no cookie for it and never shows it again.
  const [reportUrl, setReportUrl] = useState<string | null>(null);
  const submitted = useRef(false);
  const { headingRef, summaryRef, requestFocus } = useFocusRequest();

  function go(to: number) {
    setStep(to);
    setErrors({});
    requestFocus("heading");
    window.scrollTo({ top: 0 });
  }

  function fail(res: ApiFailure) {
    setRetryAfter(res.retryAfter);
    setSaveStatus(res.failure);
  }

  /** Shows what is missing on the current step and moves focus to it; false when nothing is. */
  function showMissing(): boolean {
    const missing = missingOn(model, step, answers);
    if (Object.keys(missing).length === 0) return false;
    setErrors(missing);
    requestFocus("errors");
    return true;
  }

  async function start() {
    setBusy(true);
    try {
      if (initial) {
        go(Math.min(Math.max(initial.step, 1), total));
        return;
      }
      const res = await startDraft(code, locale);
      if (!res.ok) {
        fail(res);
        return;
      }
      setResumeUrl(res.data.resumeUrl);
      setChecks(res.data.checks);
      // A personal invitation may start the draft with the roster's department.
      setAnswers((a) => ({ ...res.data.answers, ...a }));
      go(1);
    } catch {
      setSaveStatus("failed");
    } finally {
      setBusy(false);
    }
  }

  async function save(stepIndex: number, nextStep: number): Promise<boolean> {
    setSaveStatus("saving");
    try {
      const res = await saveDraft(code, { answers: stepAnswers(model.steps, stepIndex, answers), step: nextStep, locale });
      if (!res.ok) {
        const mapped = Object.fromEntries(
          Object.entries(res.fields).map(([item, message]) => [item, { summary: `${questionText(model.text, item, model.checks)}: ${message}`, field: message }]),
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
    if (showMissing()) return;
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
    if (showMissing()) return;
    submitted.current = true;
    setBusy(true);
    try {
      const res = await submitSurvey(code, { answers: stepAnswers(model.steps, step, answers), locale });
      if (res.ok) {
        setReportUrl(res.data.reportUrl);
        setResumeUrl(null);
        requestFocus("heading");
        window.scrollTo({ top: 0 });
        return;
      }
      if (res.code === "invitation_used") {
        setSaveStatus("invitation_used");
        return; // final: this invitation cannot submit again
      }
      const items = Object.keys(res.fields);
      const firstStep = firstStepWith(model.steps, items);
      if (firstStep > 0) {
        setStep(firstStep);
        setErrors(Object.fromEntries(items.map((i) => [i, missingError(model, i)])));
        requestFocus("errors");
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

  return {
    model,
    step,
    total,
    answers,
    resumeUrl,
    errors,
    busy,
    saveStatus,
    retryAfter,
    reportUrl,
    headingRef,
    summaryRef,
    start,
    next,
    back,
    submit,
    setAnswer,
  };
}

export type SurveyState = ReturnType<typeof useSurvey>;
