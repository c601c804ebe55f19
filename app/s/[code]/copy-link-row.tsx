"use client";

import { useState } from "react";
import type { Messages } from "@/lib/i18n/messages";

type Props = { url: string; label: string; testId: string; m: Messages };

/** A read-only link (made absolute in the browser) with a Copy button that says when it copied. */
export function CopyLinkRow({ url, label, testId, m }: Props) {
  const [copied, setCopied] = useState(false);
  const href = typeof window === "undefined" ? url : new URL(url, window.location.origin).href;
  return (
    <div className="copy-row">
      <input readOnly aria-label={label} value={href} onFocus={(e) => e.currentTarget.select()} data-testid={testId} />
      <button
        type="button"
        className="btn btn-secondary"
        onClick={async () => {
          await navigator.clipboard?.writeText(href).catch(() => undefined);
          setCopied(true);
        }}
      >
        {copied ? m.copied : m.copy}
      </button>
    </div>
  );
}
