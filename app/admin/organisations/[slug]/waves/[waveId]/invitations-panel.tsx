"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorProps, FieldError } from "../../../../../components/field-error";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locale";

type Outcome = {
  count: number;
  skipped: string[];
  emailed: number;
  failed: { email: string; reason: string }[];
  links: { email: string; department: string | null; locale: string; link: string }[];
  linksCsv: string | null;
};

type Props = {
  inviteUrl: string;
  remindUrl: string;
  smtp: boolean;
  departments: string[];
  pending: number;
  closed: boolean;
  fileName: string;
};

type ApiError = { error?: { message?: string; fields?: Record<string, string> } };

const SHOWN_LINKS = 10;

function download(csv: string, name: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Roster upload and reminders; the links come back once and can be saved as CSV. */
export function InvitationsPanel({ inviteUrl, remindUrl, smtp, departments, pending, closed, fileName }: Props) {
  const router = useRouter();
  const [roster, setRoster] = useState("");
  const [defaultLocale, setDefaultLocale] = useState<string>("en");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<"invite" | "remind" | null>(null);
  const [result, setResult] = useState<{ kind: "invite" | "remind"; outcome: Outcome } | null>(null);

  async function post(kind: "invite" | "remind") {
    setBusy(kind);
    setFields({});
    setProblem(null);
    try {
      const res = await fetch(kind === "invite" ? inviteUrl : remindUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(kind === "invite" ? { roster, defaultLocale } : {}),
      });
      const data = (await res.json().catch(() => ({}))) as Outcome & ApiError;
      if (!res.ok) {
        setFields(data.error?.fields ?? {});
        setProblem(data.error?.message ?? `The request failed (${res.status}).`);
        return;
      }
      setResult({ kind, outcome: data });
      if (kind === "invite") setRoster("");
      router.refresh();
    } catch {
      setProblem("Could not reach the server. Nothing was changed; check your connection and try again.");
    } finally {
      setBusy(null);
    }
  }

  async function readFile(file: File | undefined) {
    if (!file) return;
    setRoster(await file.text());
  }

  const o = result?.outcome;
  return (
    <>
      {closed && <p className="notice">This wave is closed (or the organisation archived): reopen it to invite people or send reminders.</p>}
      <form
        className="stack-form admin-form roster-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void post("invite");
        }}
      >
        <div className="field">
          <label htmlFor="roster-file">Roster CSV file</label>
          <input id="roster-file" type="file" accept=".csv,text/csv" onChange={(e) => void readFile(e.target.files?.[0])} />
          <span className="muted small">
            Header row <code>email</code>, optionally <code>department</code> and <code>locale</code> ({LOCALES.join(", ")}).
            {departments.length > 0 ? ` Departments: ${departments.join(", ")}.` : " This organisation lists no departments, so leave department empty."}
          </span>
        </div>
        <div className="field">
          <label htmlFor="roster-text">Roster (the file&apos;s contents, or paste it here)</label>
          <textarea
            id="roster-text"
            className="input-text mono"
            rows={8}
            value={roster}
            onChange={(e) => setRoster(e.target.value)}
            placeholder={"email,department\nana@example.com,Sales"}
            spellCheck={false}
            {...errorProps("err-roster", fields.roster)}
          />
          {fields.roster && (
            <div className="field-error" id="err-roster" role="alert" data-testid="roster-errors">
              <ul>
                {fields.roster.split("\n").map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
        <div className="field">
          <label htmlFor="roster-locale">Language for people without a locale</label>
          <select id="roster-locale" className="input" value={defaultLocale} onChange={(e) => setDefaultLocale(e.target.value)} {...errorProps("err-defaultLocale", fields.defaultLocale)}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
          <FieldError id="err-defaultLocale" message={fields.defaultLocale} />
        </div>
        <button className="btn" type="submit" disabled={busy !== null || closed}>
          {busy === "invite" ? "Creating links…" : smtp ? "Create and email personal links" : "Create personal links"}
        </button>
      </form>

      <div className="reminder-row">
        <button className="btn btn-secondary" type="button" disabled={busy !== null || closed || pending === 0} onClick={() => void post("remind")} data-testid="remind">
          {busy === "remind" ? "Working…" : smtp ? `Email reminders to ${pending} not yet completed` : `New links for the ${pending} not yet completed`}
        </button>
        <span className="muted small">Earlier links keep working until the person responds.</span>
      </div>

      {problem && !fields.roster && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}

      {o && (
        <div className="result-panel" role="status" data-testid="invite-result">
          <p>
            <strong>
              {result.kind === "invite" ? `${o.count} personal link${o.count === 1 ? "" : "s"} created.` : `${o.count} new link${o.count === 1 ? "" : "s"} for people who have not completed.`}
            </strong>
            {o.skipped.length > 0 && ` ${o.skipped.length} already invited to this wave were left as they were.`}
            {smtp && ` ${o.emailed} email${o.emailed === 1 ? "" : "s"} sent.`}
          </p>
          {o.failed.length > 0 && (
            <div className="field-error">
              Sending failed for {o.failed.length}: {o.failed.map((f) => `${f.email} (${f.reason})`).join("; ")}. Their links are below; send them another way.
            </div>
          )}
          {o.linksCsv && (
            <>
              <p className="muted small">Save the links now: they cannot be shown again (new links can be issued as reminders).</p>
              <button className="btn" type="button" onClick={() => download(o.linksCsv!, `${fileName}.csv`)} data-testid="download-links">
                Download links (CSV)
              </button>
              <div className="data-table-wrap">
                <table className="data" data-testid="link-table">
                  <caption>{o.links.length > SHOWN_LINKS ? `First ${SHOWN_LINKS} of ${o.links.length}; all are in the CSV.` : `${o.links.length} links.`}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Email</th>
                      <th scope="col">Personal link</th>
                    </tr>
                  </thead>
                  <tbody>
                    {o.links.slice(0, SHOWN_LINKS).map((l) => (
                      <tr key={l.link}>
                        <th scope="row">{l.email}</th>
                        <td>
                          <input className="copy-link" readOnly value={l.link} aria-label={`Personal link for ${l.email}`} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </div>
      )}
    </>
  );
}
