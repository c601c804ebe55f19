"use client";

import { useActionState } from "react";
import type { AdminMessages } from "@/lib/i18n/admin-messages";
import { format } from "@/lib/i18n/messages";
import { errorProps, FieldError } from "../../../components/field-error";
import type { FormState } from "../../actions";

type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  t: AdminMessages["waveForm"];
  /** The questionnaire versions an admin can choose, with the minutes each takes this organisation's respondents. */
  versions: { version: number; minutes: number }[];
};

export function WaveForm({ action, t, versions }: Props) {
  const [state, formAction, pending] = useActionState(action, { fields: {}, values: {} });
  const err = (name: string) => <FieldError id={`err-wave-${name}`} message={state.fields[name]} />;
  return (
    <form action={formAction} className="stack-form admin-form" noValidate key={JSON.stringify(state)}>
      {state.saved && (
        <p className="notice" role="status">
          {t.created}
        </p>
      )}
      <div className="field">
        <label htmlFor="wave-label">{t.label}</label>
        <input id="wave-label" className="input-text" name="label" placeholder={t.labelExample} defaultValue={state.values.label} {...errorProps("err-wave-label", state.fields.label)} />
        {err("label")}
      </div>
      <fieldset className="field">
        <legend>{t.questionnaire}</legend>
        {versions.map(({ version, minutes }) => (
          <label key={version} className="choice">
            <input
              type="radio"
              name="questionnaireVersion"
              value={version}
              defaultChecked={String(version) === (state.values.questionnaireVersion ?? "1")}
              aria-describedby={version === 2 ? "wave-checks-hint" : undefined}
            />{" "}
            {format(version === 2 ? t.version2 : t.version1, { minutes })}
          </label>
        ))}
        <p id="wave-checks-hint" className="muted small">
          {t.checksHint}
        </p>
        {err("questionnaireVersion")}
      </fieldset>
      <div className="field">
        <label htmlFor="wave-opens">{t.opens}</label>
        <input id="wave-opens" className="input-text" type="datetime-local" name="opensAt" defaultValue={state.values.opensAt} {...errorProps("err-wave-opensAt", state.fields.opensAt)} />
        {err("opensAt")}
      </div>
      <div className="field">
        <label htmlFor="wave-closes">{t.closes}</label>
        <input id="wave-closes" className="input-text" type="datetime-local" name="closesAt" defaultValue={state.values.closesAt} {...errorProps("err-wave-closesAt", state.fields.closesAt)} />
        {err("closesAt")}
      </div>
      <button className="btn" type="submit" disabled={pending}>
        {t.create}
      </button>
    </form>
  );
}
