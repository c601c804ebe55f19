import { format, type Messages } from "@/lib/i18n/messages";
import type { ReactNode } from "react";

type Props = {
  title: string;
  orgName: string;
  m: Messages;
  estimate: { items: number; minutes: number };
  minGroupSize: number;
  resumeInvalid: boolean;
  /** This browser has a draft: the button continues it. */
  hasDraft: boolean;
  busy: boolean;
  onStart: () => void;
  failure: ReactNode;
};

/** Step 0: what the survey is, how long it takes, who sees the answers, and the start button. */
export function WelcomeScreen({ title, orgName, m, estimate, minGroupSize, resumeInvalid, hasDraft, busy, onStart, failure }: Props) {
  return (
    <div className="narrow">
      <section className="card" aria-labelledby="welcome-heading">
        <p className="section-kicker">{title}</p>
        <h1 id="welcome-heading">{format(m.welcome.heading, { org: orgName })}</h1>
        {resumeInvalid && <p className="notice">{m.welcome.resumeInvalid}</p>}
        <p className="lead">{m.welcome.what}</p>
        <ul className="facts">
          <li>{format(m.welcome.time, estimate)}</li>
          <li>{format(m.welcome.anonymous, { min: minGroupSize })}</li>
          <li>{m.welcome.resumeHint}</li>
        </ul>
        <button type="button" className="btn" onClick={onStart} disabled={busy}>
          {hasDraft ? m.welcome.continue : m.welcome.start}
        </button>
        {failure}
      </section>
    </div>
  );
}
