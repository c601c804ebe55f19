"use client";

import { useActionState } from "react";
import type { AdminMessages } from "@/lib/i18n/admin-messages";
import { errorProps, FieldError } from "../components/field-error";
import type { FormState } from "./actions";

type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  initial: Record<string, string>;
  t: AdminMessages["organisationForm"];
  submitLabel: string;
};

const TEXT_FIELDS = ["name", "slug", "sector"] as const;

/** Create or edit an organisation; errors appear next to their field and typed values are kept. */
export function OrganisationForm({ action, initial, t, submitLabel }: Props) {
  const [state, formAction, pending] = useActionState(action, { fields: {}, values: initial });
  const v = state.values;
  const err = (name: string) => <FieldError id={`err-${name}`} message={state.fields[name]} />;
  const a11y = (name: string) => errorProps(`err-${name}`, state.fields[name]);
  return (
    <form action={formAction} className="stack-form admin-form" noValidate key={JSON.stringify(v)}>
      {state.saved && (
        <p className="notice" role="status">
          {t.saved}
        </p>
      )}
      {TEXT_FIELDS.map((name) => (
        <div className="field" key={name}>
          <label htmlFor={`org-${name}`}>{t[name]}</label>
          <input id={`org-${name}`} className="input-text" name={name} defaultValue={v[name]} {...a11y(name)} />
          {err(name)}
        </div>
      ))}
      <div className="field">
        <label htmlFor="org-size">{t.sizeBand}</label>
        <select id="org-size" className="input" name="sizeBand" defaultValue={v.sizeBand ?? ""} {...a11y("sizeBand")}>
          <option value="" disabled>
            {t.choose}
          </option>
          {Object.entries(t.sizeBandOptions).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        {err("sizeBand")}
      </div>
      <div className="field">
        <label htmlFor="org-departments">{t.departments}</label>
        <textarea id="org-departments" className="input-text" name="departments" rows={6} defaultValue={v.departments} {...a11y("departments")} />
        {err("departments")}
      </div>
      <button className="btn" type="submit" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
