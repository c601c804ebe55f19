"use client";

import { useActionState } from "react";
import { errorProps, FieldError } from "../../../components/field-error";
import type { FormState } from "../../actions";

export function WaveForm({ action }: { action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, { fields: {}, values: {} });
  const err = (name: string) => <FieldError id={`err-wave-${name}`} message={state.fields[name]} />;
  return (
    <form action={formAction} className="stack-form admin-form" noValidate key={JSON.stringify(state)}>
      {state.saved && (
        <p className="notice" role="status">
          Wave created and open.
        </p>
      )}
      <div className="field">
        <label htmlFor="wave-label">Wave label</label>
        <input id="wave-label" className="input-text" name="label" placeholder="2027-Q1" defaultValue={state.values.label} {...errorProps("err-wave-label", state.fields.label)} />
        {err("label")}
      </div>
      <div className="field">
        <label htmlFor="wave-opens">Opens (optional)</label>
        <input id="wave-opens" className="input-text" type="datetime-local" name="opensAt" defaultValue={state.values.opensAt} />
        {err("opensAt")}
      </div>
      <div className="field">
        <label htmlFor="wave-closes">Closes (optional)</label>
        <input id="wave-closes" className="input-text" type="datetime-local" name="closesAt" defaultValue={state.values.closesAt} {...errorProps("err-wave-closesAt", state.fields.closesAt)} />
        {err("closesAt")}
      </div>
      <button className="btn" type="submit" disabled={pending}>
        Create wave
      </button>
    </form>
  );
}
