import { format, type Messages } from "@/lib/i18n/messages";
import type { SaveStatus } from "./use-survey";

/** The alert under the buttons when the last call failed, or nothing. */
export function FailureNotice({ status, retryAfter, m }: { status: SaveStatus; retryAfter: number; m: Messages }) {
  const text =
    status === "failed"
      ? m.saveFailed
      : status === "throttled"
        ? format(m.saveThrottled, { seconds: Math.max(1, retryAfter) })
        : status === "save_limit"
          ? m.saveLimitReached
          : status === "invitation_used"
            ? m.invitationUsedOnSubmit
            : null;
  return text ? (
    <p className="save-status failed" role="alert">
      {text}
    </p>
  ) : null;
}
