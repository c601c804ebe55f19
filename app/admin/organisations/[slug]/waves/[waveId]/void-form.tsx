"use client";

import { useActionState } from "react";
import type { AdminMessages } from "@/lib/i18n/admin-messages";
import type { Locale } from "@/lib/i18n/locale";
import { format } from "@/lib/i18n/messages";
import { formatNumber } from "@/lib/format/numbers";
import { plural } from "@/lib/i18n/text";
import { errorProps, FieldError } from "../../../../../components/field-error";
import type { VoidState } from "../../../../actions";

type Props = {
  action: (prev: VoidState, form: FormData) => Promise<VoidState>;
  t: AdminMessages["submissions"];
  locale: Locale;
  fastSeconds: number;
  /** A window picked from the bursts table ("YYYY-MM-DDTHH:MM", UTC). */
  initial: { from: string; to: string; fast: boolean };
};

/** Pick a window of submissions, preview how many it holds, then void exactly those (audited). */
export function VoidForm({ action, t, locale, fastSeconds, initial }: Props) {
  const [state, formAction, pending] = useActionState(action, { fields: {}, values: {} });
  const values = state.notice ? { from: "", to: "", fast: "", reason: "" } : { from: initial.from, to: initial.to, fast: initial.fast ? "on" : "", reason: "", ...state.values };
  const err = (name: string) => <FieldError id={`err-void-${name}`} message={state.fields[name]} />;
  const n = (x: number) => formatNumber(locale, x);
  return (
    <form action={formAction} className="stack-form admin-form" noValidate key={JSON.stringify(state)} data-testid="void-form">
      {state.notice && (
        <p className="notice" role="status" data-testid="void-notice">
          {plural(locale, t.voided, state.notice.voided)} {state.notice.released ? t.released : t.releaseWaits}
        </p>
      )}
      {state.fields.form && (
        <p className="field-error" role="alert" data-testid="void-error">
          {state.fields.form}
        </p>
      )}
      <div className="field-pair">
        <div className="field">
          <label htmlFor="void-from">{t.from}</label>
          <input id="void-from" className="input-text" type="datetime-local" name="from" defaultValue={values.from.slice(0, 16)} {...errorProps("err-void-from", state.fields.from)} />
          {err("from")}
        </div>
        <div className="field">
          <label htmlFor="void-to">{t.to}</label>
          <input id="void-to" className="input-text" type="datetime-local" name="to" defaultValue={values.to.slice(0, 16)} {...errorProps("err-void-to", state.fields.to)} />
          {err("to")}
        </div>
      </div>
      <div className="field">
        <label className="check">
          <input type="checkbox" name="fast" value="on" defaultChecked={values.fast === "on"} /> {format(t.onlyFast, { seconds: n(fastSeconds) })}
        </label>
        {err("fast")}
      </div>
      <div className="field">
        <label htmlFor="void-reason">{t.reason}</label>
        <textarea id="void-reason" className="input-text" name="reason" rows={2} maxLength={500} defaultValue={values.reason} {...errorProps("err-void-reason", state.fields.reason)} />
        {err("reason")}
      </div>
      {state.preview && (
        <p className="notice" role="status" data-testid="void-preview">
          {plural(locale, t.matching, state.preview.matching)}
        </p>
      )}
      <div className="button-row">
        <button className="btn btn-secondary" type="submit" name="intent" value="preview" disabled={pending}>
          {t.preview}
        </button>
        {state.preview && state.preview.matching > 0 && (
          <>
            <input type="hidden" name="expected" value={state.preview.matching} />
            <button className="btn btn-danger" type="submit" name="intent" value="void" disabled={pending} data-testid="void-confirm">
              {plural(locale, t.confirm, state.preview.matching)}
            </button>
          </>
        )}
      </div>
    </form>
  );
}
