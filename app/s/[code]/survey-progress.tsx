import { format, type Messages } from "@/lib/i18n/messages";

type Props = { step: number; total: number; label: string; saving: boolean; saved: boolean; m: Messages };

/** "Step n of m", the quiet save status beside it, and the progress bar. */
export function SurveyProgress({ step, total, label, saving, saved, m }: Props) {
  return (
    <div className="progress">
      <div className="progress-label">
        <span>{format(m.progress, { n: step, m: total })}</span>
        <span className="save-status" aria-live="polite">
          {saving ? m.saving : saved ? m.saved : ""}
        </span>
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={1}
        aria-valuemax={total}
        aria-valuenow={step}
        aria-valuetext={format(m.progress, { n: step, m: total })}
      >
        <div className="progress-fill" style={{ width: `${(step / total) * 100}%` }} />
      </div>
    </div>
  );
}
