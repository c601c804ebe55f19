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
      {FIELDS.map(([name, label, autoComplete]) => {
        const described = [name === "next" ? "hint-next" : null, state.fields[name] ? `err-${name}` : null].filter(Boolean).join(" ");
        return (
          <div key={name} className="field">
            <label htmlFor={`pw-${name}`}>{m[label]}</label>
            {name === "next" && (
              <span className="muted small" id="hint-next">
                {m.passwordRule}
              </span>
            )}
            <input
              id={`pw-${name}`}
              className="input-text"
              type="password"
              name={name}
              autoComplete={autoComplete}
              aria-invalid={state.fields[name] ? true : undefined}
              aria-describedby={described || undefined}
            />
            {state.fields[name] && (
              <span className="field-error" id={`err-${name}`}>
                {state.fields[name]}
              </span>
            )}
          </div>
        );
      })}
      <button className="btn" type="submit" disabled={pending}>
        {m.save}
      </button>
    </form>
  );
}
