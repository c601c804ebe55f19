"use client";

import { useState } from "react";

/** A read-only link with a copy button (the survey link a lead shares). */
export function CopyLink({ url, label, copyLabel, copiedLabel }: { url: string; label: string; copyLabel: string; copiedLabel: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-row">
      <input readOnly value={url} aria-label={label} onFocus={(e) => e.currentTarget.select()} data-testid="survey-link" />
      <button
        type="button"
        className="btn btn-secondary"
        onClick={async () => {
          await navigator.clipboard?.writeText(url).catch(() => undefined);
          setCopied(true);
          window.setTimeout(() => setCopied(false), 2000);
        }}
      >
        {copied ? copiedLabel : copyLabel}
      </button>
    </div>
  );
}
