"use client";

import { useActionState } from "react";
import type { Messages } from "@/lib/i18n/messages";
import { changePassword, type PasswordState } from "./actions";

const FIELDS = [
  ["current", "currentPassword", "current-password"],
  ["next", "newPassword", "new-password"],
  ["confirm", "confirmPassword", "new-password"],
] as const;

export function PasswordForm({ m }: { m: Messages["auth"] }) {
  const [state, action, pending] = useActionState<PasswordState, FormData>(changePassword, { ok: false, fields: {} });
  return (
    <form action={action} className="stack-form" noValidate>
      {state.ok && (
        <p className="notice" role="status" data-testid="password-changed">
          {m.passwordChanged}
        </p>
      )}
      {FIELDS.map(([name, label, autoComplete]) => (
        <label key={name}>
          {m[label]}
          {name === "next" && <span className="muted small">{m.passwordRule}</span>}
          <input
            className="input-text"
            type="password"
            name={name}
            autoComplete={autoComplete}
            aria-invalid={state.fields[name] ? true : undefined}
            aria-describedby={state.fields[name] ? `err-${name}` : undefined}
          />
          {state.fields[name] && (
            <span className="field-error" id={`err-${name}`}>
              {state.fields[name]}
            </span>
          )}
        </label>
      ))}
      <button className="btn" type="submit" disabled={pending}>
        {m.save}
      </button>
    </form>
  );
}
