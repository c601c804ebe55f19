import type { Ref } from "react";
import type { QuestionnaireText } from "@/questions/schema";
import type { SurveyStep } from "@/questions";
import { format, type Messages } from "@/lib/i18n/messages";

type Props = {
  current: SurveyStep;
  /** "Capability n of m" for a capability step. */
  position: { n: number; m: number };
  text: QuestionnaireText;
  m: Messages;
  headingRef: Ref<HTMLHeadingElement>;
};

/** A step's title and introduction: the capability's name and summary, or the profile or organisation section's. */
export function StepHeading({ current, position, text, m, headingRef }: Props) {
  if (current.kind === "capability") {
    return (
      <>
        <p className="section-kicker">{format(m.capabilitySection, position)}</p>
        <h2 className="step-heading" ref={headingRef} tabIndex={-1}>
          {text.capabilities[current.capabilityId]?.name}
        </h2>
        <p className="muted" style={{ marginBottom: "0.25rem" }}>
          {text.capabilities[current.capabilityId]?.summary}
        </p>
        <p className="muted small">{text.sections.capability.intro}</p>
      </>
    );
  }
  if (current.kind === "checks" && text.checks) {
    return (
      <>
        <p className="section-kicker">{format(m.checksSection, position)}</p>
        <h2 className="step-heading" ref={headingRef} tabIndex={-1}>
          {format(text.checks.title, { capability: text.capabilities[current.capabilityId]?.name ?? current.capabilityId })}
        </h2>
        <p className="muted small">{text.checks.intro}</p>
      </>
    );
  }
  return (
    <>
      <h2 className="step-heading" ref={headingRef} tabIndex={-1}>
        {current.kind === "profile" ? text.sections.profile.title : text.sections.organisation.title}
      </h2>
      <p className="muted">{current.kind === "profile" ? text.sections.profile.intro : text.sections.organisation.intro}</p>
    </>
  );
}
