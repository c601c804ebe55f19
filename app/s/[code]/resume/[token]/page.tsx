import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { findResponseByToken } from "@/db/queries/survey";
import { format, messages } from "@/lib/i18n/messages";
import { currentLocale } from "@/server/i18n";
import { lookupWave, resumeCookieName } from "@/lib/survey/service";
import { getQuestionnaire } from "@/questions";

export const dynamic = "force-dynamic";
// The token is in this page's address: it must not leave as a referrer to another site. Not
// "no-referrer": under it browsers send `Origin: null` with the form's POST, which the origin check
// (rightly) refuses.
export const metadata: Metadata = { title: "Continue the survey", robots: { index: false }, referrer: "same-origin" };

type Props = { params: Promise<{ code: string; token: string }> };

/**
 * A "resume later" link. Opening it changes nothing: it asks, and only the POST of its form
 * (./adopt) moves the draft into this browser, with a new token. So a link someone sends can never
 * silently replace this browser's own draft, nor keep reading what is answered after adoption.
 */
export default async function ResumePage({ params }: Props) {
  const { code, token } = await params;
  const survey = `/s/${encodeURIComponent(code)}`;
  const db = getDb();
  const found = await lookupWave(db, code);
  if (!found) redirect(survey);
  const row = await findResponseByToken(db, token);
  // A resume token stops working at submission and at adoption; only a report token finds a submitted response.
  if (!row || row.waveId !== found.wave.id) redirect(`${survey}?resume=invalid`);
  if (row.status === "submitted") redirect(`/report/${encodeURIComponent(token)}`);

  const own = (await cookies()).get(resumeCookieName(code))?.value;
  const ownRow = own ? await findResponseByToken(db, own) : undefined;
  if (ownRow?.id === row.id) redirect(survey); // already this browser's draft: nothing to adopt
  const current = ownRow && ownRow.waveId === found.wave.id && ownRow.status === "draft" ? ownRow : undefined;

  const locale = await currentLocale();
  const m = messages(locale);
  const total = getQuestionnaire(found.wave.questionnaireVersion).steps.length;
  const org = found.org.name;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long" }).format(new Date(row.updatedAt));
  const stepOf = (step: number) => Math.min(Math.max(step, 1), total);

  return (
    <div className="narrow">
      <section className="card" aria-labelledby="resume-title">
        <h1 id="resume-title">{m.resume.title}</h1>
        <p className="lead">{format(m.resume.saved, { org, n: stepOf(row.step), m: total, date })}</p>
        {current && (
          <p className="notice" data-testid="resume-current">
            {format(m.resume.current, { org, n: stepOf(current.step), m: total })}
          </p>
        )}
        <p>{m.resume.onlyYours}</p>
        <p className="muted">{m.resume.rotate}</p>
        <form method="post" action={`${survey}/resume/${encodeURIComponent(token)}/adopt`} className="btn-row">
          <button type="submit" className="btn">
            {m.resume.confirm}
          </button>
          <Link className="btn btn-secondary" href={survey}>
            {current ? m.resume.keep : m.resume.cancel}
          </Link>
        </form>
      </section>
    </div>
  );
}
