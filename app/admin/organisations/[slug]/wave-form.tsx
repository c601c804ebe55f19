"use client";

import { useActionState } from "react";
import type { FormState } from "../../actions";

export function WaveForm({ action }: { action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, { fields: {}, values: {} });
  const err = (name: string) =>
    state.fields[name] ? (
      <span className="field-error" id={`err-wave-${name}`}>
        {state.fields[name]}
      </span>
    ) : null;
  return (
    <form action={formAction} className="stack-form admin-form" noValidate key={JSON.stringify(state)}>
      {state.saved && (
        <p className="notice" role="status">
          Wave created and open.
        </p>
      )}
      <div className="field">
        <label htmlFor="wave-label">Wave label</label>
        <input id="wave-label" className="input-text" name="label" placeholder="2027-Q1" defaultValue={state.values.label} aria-invalid={state.fields.label ? true : undefined} aria-describedby={state.fields.label ? "err-wave-label" : undefined} />
        {err("label")}
      </div>
      <div className="field">
        <label htmlFor="wave-opens">Opens (optional)</label>
        <input id="wave-opens" className="input-text" type="datetime-local" name="opensAt" defaultValue={state.values.opensAt} />
        {err("opensAt")}
      </div>
      <div className="field">
        <label htmlFor="wave-closes">Closes (optional)</label>
        <input id="wave-closes" className="input-text" type="datetime-local" name="closesAt" defaultValue={state.values.closesAt} aria-invalid={state.fields.closesAt ? true : undefined} aria-describedby={state.fields.closesAt ? "err-wave-closesAt" : undefined} />
        {err("closesAt")}
      </div>
      <button className="btn" type="submit" disabled={pending}>
        Create wave
      </button>
    </form>
  );
}
