import type { ReactNode, Ref } from "react";
import type { Messages } from "@/lib/i18n/messages";
import { QuestionField } from "./question-field";
import { capabilityPosition, isRequired, questionsFor, type Answers, type FieldError, type SurveyModel } from "./question-model";
import { ErrorSummary } from "./error-summary";
import { ResumeBox } from "./resume-box";
import { StepHeading } from "./step-heading";
import { SurveyProgress } from "./survey-progress";

type Props = {
  model: SurveyModel;
  /** 1..steps.length; the last step submits instead of going on. */
  step: number;
  answers: Answers;
  errors: Record<string, FieldError>;
  busy: boolean;
  saving: boolean;
  saved: boolean;
  resumeUrl: string | null;
  failure: ReactNode;
  headingRef: Ref<HTMLHeadingElement>;
  summaryRef: Ref<HTMLDivElement>;
  onAnswer: (item: string, value: string | number) => void;
  onNext: () => void;
  onBack: () => void;
  onSubmit: () => void;
};

/** One section of questions with its progress, errors, Back and Next (Submit on the last), and the resume link. */
export function StepScreen(props: Props) {
  const { model, step, answers, errors, busy, headingRef } = props;
  const { text, m, steps, departments, checks } = model;
  const total = steps.length;
  const current = steps[step - 1]!;
  const errorItems = current.items.filter((i) => errors[i]);
  const isLast = step === total;

  return (
    <div className="narrow">
      <SurveyProgress step={step} total={total} label={text.title} saving={props.saving} saved={props.saved} m={m} />

      <form
        className="card"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (isLast) props.onSubmit();
          else props.onNext();
        }}
      >
        <StepHeading current={current} position={capabilityPosition(steps, current)} text={text} m={m} headingRef={headingRef} />

        {errorItems.length > 0 && <ErrorSummary items={errorItems} errors={errors} heading={m.errorSummary} summaryRef={props.summaryRef} />}

        {questionsFor(current, text, m, departments, checks).map((q) => (
          <QuestionField
            key={q.item}
            question={q}
            value={answers[q.item]}
            error={errors[q.item]?.field}
            requiredLabel={m.required}
            required={isRequired(q.item, departments)}
            onChange={(v) => props.onAnswer(q.item, v)}
          />
        ))}

        <StepButtons isLast={isLast} busy={busy} isFirst={step === 1} onBack={props.onBack} m={m} />
        {props.failure}
      </form>

      {props.resumeUrl && <ResumeBox resumeUrl={props.resumeUrl} m={m} />}
    </div>
  );
}

type ButtonsProps = { isLast: boolean; busy: boolean; isFirst: boolean; onBack: () => void; m: Messages };

function StepButtons({ isLast, busy, isFirst, onBack, m }: ButtonsProps) {
  return (
    <div className="btn-row">
      <button type="button" className="btn btn-secondary" onClick={onBack} disabled={busy || isFirst}>
        ← {m.back}
      </button>
      <button type="submit" className="btn" disabled={busy} data-testid={isLast ? "submit" : "next"}>
        {isLast ? (busy ? m.submitting : m.submit) : `${m.next} →`}
      </button>
    </div>
  );
}
