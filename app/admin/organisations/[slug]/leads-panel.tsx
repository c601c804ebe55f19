"use client";

import { DataTable, RowHeader } from "@/app/components/data-table";
import { useActionState } from "react";
import type { AdminMessages } from "@/lib/i18n/admin-messages";
import { format } from "@/lib/i18n/messages";
import { errorProps, FieldError } from "../../../components/field-error";
import type { LeadNotice, LeadState } from "../../actions";

type Lead = { id: number; name: string; email: string };
type Texts = AdminMessages["leads"];

type Props = {
  leads: Lead[];
  t: Texts;
  addAction: (prev: LeadState, form: FormData) => Promise<LeadState>;
  resetActions: Record<number, (prev: LeadState) => Promise<LeadState>>;
  removeActions: Record<number, () => Promise<void>>;
};

function noticeText(t: Texts, notice: LeadNotice): string {
  switch (notice.kind) {
    case "created":
      return format(t.created, { email: notice.email, password: notice.password });
    case "added":
      return format(t.added, { email: notice.email, organisation: notice.organisation });
    case "reset":
      return format(t.reset, { password: notice.password });
  }
}

function ResetButton({ action, t }: { action: (prev: LeadState) => Promise<LeadState>; t: Texts }) {
  const [state, formAction, pending] = useActionState(action, { fields: {}, values: {} });
  return (
    <form action={formAction}>
      <button className="btn btn-secondary btn-small" type="submit" disabled={pending}>
        {t.resetPassword}
      </button>
      {state.notice && (
        <p className="notice" role="status" data-testid="reset-message">
          {noticeText(t, state.notice)}
        </p>
      )}
    </form>
  );
}

export function LeadsPanel({ leads, t, addAction, resetActions, removeActions }: Props) {
  const [state, formAction, pending] = useActionState(addAction, { fields: {}, values: {} });
  const err = (name: string) => <FieldError id={`err-lead-${name}`} message={state.fields[name]} />;
  return (
    <>
      <DataTable
        testId="lead-table"
        columns={[{ label: t.name }, { label: t.email }, { label: t.actions }]}
      >
        {leads.length === 0 && (
          <tr>
            <td colSpan={3} className="muted">
              {t.none}
            </td>
          </tr>
        )}
        {leads.map((l) => (
          <tr key={l.id}>
            <RowHeader>{l.name}</RowHeader>
            <td>{l.email}</td>
            <td className="row-actions">
              <ResetButton action={resetActions[l.id]!} t={t} />
              <form action={removeActions[l.id]!}>
                <button className="btn btn-secondary btn-small" type="submit">
                  {t.remove}
                </button>
              </form>
            </td>
          </tr>
        ))}
      </DataTable>
      <h3 style={{ marginTop: "1.5rem" }}>{t.addTitle}</h3>
      <form action={formAction} className="stack-form admin-form" noValidate key={JSON.stringify(state.values)}>
        {state.notice && (
          <p className="notice" role="status" data-testid="lead-message">
            {noticeText(t, state.notice)}
          </p>
        )}
        <div className="field">
          <label htmlFor="lead-email">{t.email}</label>
          <input id="lead-email" className="input-text" type="email" name="email" defaultValue={state.values.email} {...errorProps("err-lead-email", state.fields.email)} />
          {err("email")}
        </div>
        <div className="field">
          <label htmlFor="lead-name">{t.name}</label>
          <input id="lead-name" className="input-text" name="name" defaultValue={state.values.name} {...errorProps("err-lead-name", state.fields.name)} />
          {err("name")}
        </div>
        <button className="btn" type="submit" disabled={pending}>
          {t.add}
        </button>
      </form>
    </>
  );
}
