import type { Messages } from "@/lib/i18n/messages";
import { CopyLinkRow } from "./copy-link-row";

/** The folded "resume later" box under a step: the draft's personal link. */
export function ResumeBox({ resumeUrl, m }: { resumeUrl: string; m: Messages }) {
  return (
    <details className="resume-box">
      <summary>{m.resumeLater}</summary>
      <p>{m.resumeLaterHelp}</p>
      <CopyLinkRow url={resumeUrl} label={m.resumeLater} testId="resume-url" m={m} />
    </details>
  );
}
