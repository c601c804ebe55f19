"use client";

import { useActionState } from "react";
import { errorProps, FieldError } from "../../../components/field-error";
import type { LeadState } from "../../actions";

type Lead = { id: number; name: string; email: string };

type Props = {
  leads: Lead[];
  addAction: (prev: LeadState, form: FormData) => Promise<LeadState>;
  resetActions: Record<number, (prev: LeadState) => Promise<LeadState>>;
  removeActions: Record<number, () => Promise<void>>;
};

function ResetButton({ action }: { action: (prev: LeadState) => Promise<LeadState> }) {
  const [state, formAction, pending] = useActionState(action, { fields: {}, values: {} });
  return (
    <form action={formAction}>
      <button className="btn btn-secondary btn-small" type="submit" disabled={pending}>
        Reset password
      </button>
      {state.message && (
        <p className="notice" role="status" data-testid="reset-message">
          {state.message}
        </p>
      )}
    </form>
  );
}

export function LeadsPanel({ leads, addAction, resetActions, removeActions }: Props) {
  const [state, formAction, pending] = useActionState(addAction, { fields: {}, values: {} });
  const err = (name: string) => <FieldError id={`err-lead-${name}`} message={state.fields[name]} />;
  return (
    <>
      <div className="data-table-wrap">
        <table className="data" data-testid="lead-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {leads.length === 0 && (
              <tr>
                <td colSpan={3} className="muted">
                  No L&amp;D lead yet.
                </td>
              </tr>
            )}
            {leads.map((l) => (
              <tr key={l.id}>
                <th scope="row">{l.name}</th>
                <td>{l.email}</td>
                <td className="row-actions">
                  <ResetButton action={resetActions[l.id]!} />
                  <form action={removeActions[l.id]!}>
                    <button className="btn btn-secondary btn-small" type="submit">
                      Remove
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 style={{ marginTop: "1.5rem" }}>Add an L&amp;D lead</h3>
      <form action={formAction} className="stack-form admin-form" noValidate key={JSON.stringify(state.values)}>
        {state.message && (
          <p className="notice" role="status" data-testid="lead-message">
            {state.message}
          </p>
        )}
        <div className="field">
          <label htmlFor="lead-email">Email</label>
          <input id="lead-email" className="input-text" type="email" name="email" defaultValue={state.values.email} {...errorProps("err-lead-email", state.fields.email)} />
          {err("email")}
        </div>
        <div className="field">
          <label htmlFor="lead-name">Name</label>
          <input id="lead-name" className="input-text" name="name" defaultValue={state.values.name} {...errorProps("err-lead-name", state.fields.name)} />
          {err("name")}
        </div>
        <button className="btn" type="submit" disabled={pending}>
          Add lead
        </button>
      </form>
    </>
  );
}
