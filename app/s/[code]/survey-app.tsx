"use client";

import type { QuestionnaireText } from "@/questions/schema";
import type { SurveyStep } from "@/questions";
import type { Messages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locale";
import { DoneScreen } from "./done-screen";
import { FailureNotice } from "./failure-notice";
import { StepScreen } from "./step-screen";
import { useSurvey, type InitialDraft } from "./use-survey";
import { WelcomeScreen } from "./welcome-screen";

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
  initial: InitialDraft | null;
  resumeInvalid: boolean;
};

/** The respondent's survey: welcome, one screen per step, then the report link. */
export function SurveyApp(props: SurveyAppProps) {
  const { code, text, m, steps, departments, locale } = props;
  const survey = useSurvey({ code, locale, base: { text, m, steps, departments }, initial: props.initial });
  const failure = <FailureNotice status={survey.saveStatus} retryAfter={survey.retryAfter} m={m} />;

  if (survey.reportUrl) return <DoneScreen reportUrl={survey.reportUrl} m={m} headingRef={survey.headingRef} />;

  if (survey.step === 0) {
    return (
      <WelcomeScreen
        title={text.title}
        orgName={props.orgName}
        m={m}
        estimate={props.estimate}
        minGroupSize={props.minGroupSize}
        resumeInvalid={props.resumeInvalid}
        hasDraft={props.initial !== null}
        busy={survey.busy}
        onStart={survey.start}
        failure={failure}
      />
    );
  }

  return (
    <StepScreen
      model={survey.model}
      step={survey.step}
      answers={survey.answers}
      errors={survey.errors}
      busy={survey.busy}
      saving={survey.saveStatus === "saving"}
      saved={survey.saveStatus === "saved"}
      resumeUrl={survey.resumeUrl}
      failure={failure}
      headingRef={survey.headingRef}
      summaryRef={survey.summaryRef}
      onAnswer={survey.setAnswer}
      onNext={() => void survey.next()}
      onBack={() => void survey.back()}
      onSubmit={() => void survey.submit()}
    />
  );
}
