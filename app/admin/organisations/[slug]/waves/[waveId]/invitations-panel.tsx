"use client";

import { DataTable, RowHeader } from "@/app/components/data-table";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { AdminMessages } from "@/lib/i18n/admin-messages";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locale";
import { format } from "@/lib/i18n/messages";
import { formatNumber } from "@/lib/format/numbers";
import { joinSentences, plural, sentenceGap } from "@/lib/i18n/text";
import { errorProps, FieldError } from "../../../../../components/field-error";
import { formatNodes } from "../../../../../components/format-nodes";

type Outcome = {
  count: number;
  skipped: string[];
  emailed: number;
  failed: { email: string; reason: string }[];
  links: { email: string; department: string | null; locale: string; link: string }[];
  linksCsv: string | null;
};

type Props = {
  locale: Locale;
  t: AdminMessages["invitations"];
  listSeparator: string;
  inviteUrl: string;
  remindUrl: string;
  smtp: boolean;
  departments: string[];
  pending: number;
  closed: boolean;
  fileName: string;
};

type ApiError = { error?: { message?: string; fields?: Record<string, string> } };

/** A failed request, worded when shown so that it follows a change of language. */
type Problem = { kind: "api"; message: string } | { kind: "status"; status: number } | { kind: "unreachable" };

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
export function InvitationsPanel({ locale, t, listSeparator, inviteUrl, remindUrl, smtp, departments, pending, closed, fileName }: Props) {
  const router = useRouter();
  const [roster, setRoster] = useState("");
  const [defaultLocale, setDefaultLocale] = useState<string>("en");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
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
        setProblem(data.error?.message ? { kind: "api", message: data.error.message } : { kind: "status", status: res.status });
        return;
      }
      setResult({ kind, outcome: data });
      if (kind === "invite") setRoster("");
      router.refresh();
    } catch {
      setProblem({ kind: "unreachable" });
    } finally {
      setBusy(null);
    }
  }

  async function readFile(file: File | undefined) {
    if (!file) return;
    setRoster(await file.text());
  }

  const o = result?.outcome;
  const more = o ? joinSentences(locale, [o.skipped.length > 0 ? plural(locale, t.skipped, o.skipped.length) : "", smtp ? plural(locale, t.emailed, o.emailed) : ""]) : "";
  const num = (n: number) => formatNumber(locale, n);
  const code = (text: string) => <code>{text}</code>;
  const help = formatNodes(departments.length > 0 ? t.helpDepartments : t.helpNoDepartments, {
    email: code("email"),
    department: code("department"),
    locale: code("locale"),
    locales: LOCALES.join(", "),
    departments: departments.join(listSeparator),
  });
  return (
    <>
      {closed && <p className="notice">{t.closed}</p>}
      <form
        className="stack-form admin-form roster-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void post("invite");
        }}
      >
        <div className="field">
          <label htmlFor="roster-file">{t.file}</label>
          <input id="roster-file" type="file" accept=".csv,text/csv" onChange={(e) => void readFile(e.target.files?.[0])} />
          <span className="muted small">{help}</span>
        </div>
        <div className="field">
          <label htmlFor="roster-text">{t.roster}</label>
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
              {t.rosterRefused}
              <ul lang="en">
                {fields.roster.split("\n").map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
        <div className="field">
          <label htmlFor="roster-locale">{t.defaultLocale}</label>
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
          {busy === "invite" ? t.creating : smtp ? t.createAndEmail : t.create}
        </button>
      </form>

      <div className="reminder-row">
        <button className="btn btn-secondary" type="button" disabled={busy !== null || closed || pending === 0} onClick={() => void post("remind")} data-testid="remind">
          {busy === "remind" ? t.working : format(smtp ? t.remindEmail : t.remindLinks, { n: num(pending) })}
        </button>
        <span className="muted small">{t.remindHelp}</span>
      </div>

      {problem && !fields.roster && (
        <p className="field-error" role="alert">
          {problem.kind === "api" ? (
            // The API words its errors in English (a contract for scripts); the panel says what they are about.
            formatNodes(t.apiProblem, { message: <span lang="en">{problem.message}</span> })
          ) : problem.kind === "status" ? (
            format(t.requestFailed, { status: problem.status })
          ) : (
            t.unreachable
          )}
        </p>
      )}

      {o && (
        <div className="result-panel" role="status" data-testid="invite-result">
          <p>
            <strong>{plural(locale, result.kind === "invite" ? t.created : t.reminded, o.count)}</strong>
            {more && sentenceGap(locale) + more}
          </p>
          {o.failed.length > 0 && (
            <div className="field-error">
              {format(t.failed, {
                n: num(o.failed.length),
                list: o.failed.map((f) => format(t.failedEntry, { email: f.email, reason: f.reason })).join(t.failedSeparator),
              })}
            </div>
          )}
          {o.linksCsv && (
            <>
              <p className="muted small">{t.saveNow}</p>
              <button className="btn" type="button" onClick={() => download(o.linksCsv!, `${fileName}.csv`)} data-testid="download-links">
                {t.download}
              </button>
              <DataTable
                testId="link-table"
                caption=
                    {o.links.length > SHOWN_LINKS ? format(t.firstOf, { shown: num(SHOWN_LINKS), total: num(o.links.length) }) : plural(locale, t.linkCount, o.links.length)}
                  
                columns={[{ label: t.email }, { label: t.personalLink }]}
              >
                {o.links.slice(0, SHOWN_LINKS).map((l) => (
                  <tr key={l.link}>
                    <RowHeader>{l.email}</RowHeader>
                    <td>
                      <input className="copy-link" readOnly value={l.link} aria-label={format(t.personalLinkFor, { email: l.email })} />
                    </td>
                  </tr>
                ))}
              </DataTable>
            </>
          )}
        </div>
      )}
    </>
  );
}
