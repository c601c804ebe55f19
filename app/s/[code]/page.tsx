import { minimumGroupSize } from "@/core/disclosure/threshold";
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { findResponseByToken } from "@/db/queries/survey";
import { format, messages } from "@/lib/i18n/messages";
import { currentLocale } from "@/server/i18n";
import { draftState, lookupWave, resumeCookieName, waveAvailability } from "@/lib/survey/service";
import { estimatedMinutes, getQuestionnaire } from "@/questions";
import { MessagePage } from "../../components/message-page";
import { SurveyApp } from "./survey-app";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Survey", robots: { index: false } };

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ resume?: string }> };

export default async function SurveyPage({ params, searchParams }: Props) {
  const { code } = await params;
  const { resume } = await searchParams;
  const db = getDb();
  const found = await lookupWave(db, code);
  if (!found || found.org.archivedAt) notFound();
  const locale = await currentLocale();
  const m = messages(locale);
  const { org, wave } = found;

  // Only a draft: the cookie is cleared at submission and a submitted response's resume token opens
  // nothing (its report has its own token), so the next person at this browser sees no trace of it.
  const token = (await cookies()).get(resumeCookieName(code))?.value;
  const row = token ? await findResponseByToken(db, token) : undefined;
  const mine = row && row.waveId === wave.id && row.status === "draft" ? row : undefined;

  const availability = waveAvailability(wave);
  if (availability === "closed") {
    return <MessagePage title={m.unavailable.closedTitle} body={format(m.unavailable.closedBody, { org: org.name })} linkText={m.unavailable.home} />;
  }
  if (availability === "not_yet_open") {
    const date = new Intl.DateTimeFormat(locale, { dateStyle: "long" }).format(new Date(wave.opensAt!));
    return <MessagePage title={m.unavailable.notYetTitle} body={format(m.unavailable.notYetBody, { org: org.name, date })} linkText={m.unavailable.home} />;
  }

  const q = getQuestionnaire(wave.questionnaireVersion);
  const state = mine && token ? draftState(mine, code, token, locale) : null;
  const resumeUrl = state?.resumeUrl;
  return (
    <SurveyApp
      code={code}
      orgName={org.name}
      departments={org.departments}
      locale={locale}
      text={q.text[locale]}
      m={m}
      steps={q.steps}
      minGroupSize={minimumGroupSize()}
      estimate={estimatedMinutes(q, org.departments)}
      initial={state && resumeUrl ? { step: state.step, answers: state.answers, resumeUrl, checks: state.checks } : null}
      resumeInvalid={resume === "invalid"}
    />
  );
}
