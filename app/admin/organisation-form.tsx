"use client";

import { useActionState } from "react";
import { errorProps, FieldError } from "../components/field-error";
import type { FormState } from "./actions";

type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  initial: Record<string, string>;
  submitLabel: string;
};

const TEXT_FIELDS = [
  ["name", "Name"],
  ["slug", "Identifier (used in CSV files)"],
  ["sector", "Sector"],
] as const;

const SIZE_BANDS = [
  ["small", "Small (1–49 staff)"],
  ["medium", "Medium (50–249)"],
  ["large", "Large (250–999)"],
  ["enterprise", "Enterprise (1,000+)"],
] as const;

/** Create or edit an organisation; errors appear next to their field and typed values are kept. */
export function OrganisationForm({ action, initial, submitLabel }: Props) {
  const [state, formAction, pending] = useActionState(action, { fields: {}, values: initial });
  const v = state.values;
  const err = (name: string) => <FieldError id={`err-${name}`} message={state.fields[name]} />;
  const a11y = (name: string) => errorProps(`err-${name}`, state.fields[name]);
  return (
    <form action={formAction} className="stack-form admin-form" noValidate key={JSON.stringify(v)}>
      {state.saved && (
        <p className="notice" role="status">
          Saved.
        </p>
      )}
      {TEXT_FIELDS.map(([name, label]) => (
        <div className="field" key={name}>
          <label htmlFor={`org-${name}`}>{label}</label>
          <input id={`org-${name}`} className="input-text" name={name} defaultValue={v[name]} {...a11y(name)} />
          {err(name)}
        </div>
      ))}
      <div className="field">
        <label htmlFor="org-size">Size band</label>
        <select id="org-size" className="input" name="sizeBand" defaultValue={v.sizeBand ?? ""} {...a11y("sizeBand")}>
          <option value="" disabled>
            Choose…
          </option>
          {SIZE_BANDS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        {err("sizeBand")}
      </div>
      <div className="field">
        <label htmlFor="org-departments">Departments (one per line)</label>
        <textarea id="org-departments" className="input-text" name="departments" rows={6} defaultValue={v.departments} {...a11y("departments")} />
        {err("departments")}
      </div>
      <button className="btn" type="submit" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
