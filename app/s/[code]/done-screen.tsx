import type { Ref } from "react";
import type { Messages } from "@/lib/i18n/messages";
import { CopyLinkRow } from "./copy-link-row";

type Props = { reportUrl: string; m: Messages; headingRef: Ref<HTMLHeadingElement> };

/** After submission: the personal report link, shown this once. */
export function DoneScreen({ reportUrl, m, headingRef }: Props) {
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
        <CopyLinkRow url={reportUrl} label={m.completed.linkLabel} testId="report-url" m={m} />
        <div className="btn-row">
          <a className="btn" href={reportUrl}>
            {m.completed.view}
          </a>
        </div>
      </section>
    </div>
  );
}
