import type { PersonalReport } from "@/lib/report/personal-report";
import { format, type Messages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locale";
import type { QuestionnaireText } from "@/questions/schema";
import type { CheckOption } from "@/questions/constants";

type Props = { checks: PersonalReport["checks"]; text: QuestionnaireText; m: Messages; locale: Locale };

/** The respondent's knowledge checks after submission: rating against answers, the right answers and why. */
export function ChecksSection({ checks, text, m, locale }: Props) {
  if (checks.length === 0) return null;
  const name = (id: string) => text.capabilities[id]?.name ?? id;
  const list = (ids: string[]) => new Intl.ListFormat(locale, { type: "conjunction" }).format(ids.map(name));
  const under = checks.filter((c) => c.note === "underrating").map((c) => c.capabilityId);
  const over = checks.filter((c) => c.note === "worth_checking").map((c) => c.capabilityId);
  const optionText = (wording: Record<CheckOption, string>, answer: string | undefined) =>
    answer === undefined ? m.report.noAnswer : answer === "dont_know" ? m.report.dontKnow : `${answer.toUpperCase()}. ${wording[answer as CheckOption]}`;

  return (
    <section className="card" aria-labelledby="checks-title" data-testid="checks-report">
      <h2 id="checks-title">{m.report.checksHeading}</h2>
      <p className="muted">{m.report.checksLead}</p>

      <div className="calibration-summary" data-testid="calibration-summary">
        <h3>{m.report.calibrationHeading}</h3>
        {under.length === 0 && over.length === 0 && <p>{m.report.calibrationFits}</p>}
        {under.length > 0 && <p>{format(m.report.calibrationUnder, { list: list(under) })}</p>}
        {over.length > 0 && <p>{format(m.report.calibrationOver, { list: list(over) })}</p>}
        <p className="muted small">{m.report.calibrationNote}</p>
      </div>

      {checks.map((c) => (
        <div className="check-capability" key={c.capabilityId} data-testid={`checks-${c.capabilityId}`}>
          <h3>{name(c.capabilityId)}</h3>
          <p>{format(m.report.checkSummary, { label: text.selfScale[c.level as 1 | 2 | 3 | 4 | 5], correct: c.correct, asked: c.asked })}</p>
          <ol className="check-list">
            {c.results.map((r) => {
              const wording = r.item.text[locale];
              return (
                <li key={r.slot} className={r.correct ? "check-right" : "check-wrong"}>
                  <p className="check-stem">{wording.stem}</p>
                  <dl className="check-answers">
                    <dt>{m.report.yourAnswer}</dt>
                    <dd>
                      {optionText(wording.options, r.answer)} <strong>{r.correct ? m.report.answeredRight : m.report.answeredWrong}</strong>
                    </dd>
                    <dt>{m.report.rightAnswer}</dt>
                    <dd>{optionText(wording.options, r.item.answer)}</dd>
                  </dl>
                  <p className="check-explanation">{wording.explanation}</p>
                </li>
              );
            })}
          </ol>
        </div>
      ))}
    </section>
  );
}

