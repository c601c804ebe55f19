import { DataTable, NumCell, RowHeader } from "@/app/components/data-table";
import type { Metadata } from "next";
import { minimumGroupSize } from "@/core/disclosure/threshold";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/server/auth/page-guards";
import { itemAnalysis } from "@/lib/admin/item-analysis";
import { adminMessages } from "@/lib/i18n/admin-messages";
import { format } from "@/lib/i18n/messages";
import { plural } from "@/lib/i18n/text";
import { fmtNum, fmtPct } from "@/lib/format/numbers";
import { currentLocale } from "@/server/i18n";
import { getQuestionnaire } from "@/questions";
import { CHECK_OPTIONS } from "@/questions/constants";
import { setCheckRetiredAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminMessages(await currentLocale()).meta.checks };
}

/** The knowledge-check item analysis: reliability, each check's figures and flags, and retiring checks. */
export default async function ChecksPage() {
  await requireAdminPage("/admin/checks");
  const locale = await currentLocale();
  const t = adminMessages(locale).checks;
  const min = minimumGroupSize();
  const analysis = await itemAnalysis(getDb(), min);
  const text = getQuestionnaire(2).text[locale];
  const capabilityName = (id: string) => (id === "overall" ? t.overall : (text.capabilities[id]?.name ?? id));
  const pct = (x: number) => fmtPct(x * 100, locale);

  return (
    <>
      <section className="card" aria-labelledby="checks-title">
        <h1 id="checks-title">{t.title}</h1>
        <p className="muted">{format(t.intro, { min })}</p>
        <p data-testid="checks-respondents">{plural(locale, t.respondents, analysis.respondents)}</p>
        <form method="get" action="/api/admin/exports/item-analysis">
          <button className="btn btn-secondary" type="submit" data-testid="export-item-analysis">
            {t.download}
          </button>
        </form>
      </section>

      <section className="card" aria-labelledby="reliability-title">
        <h2 id="reliability-title">{t.reliabilityTitle}</h2>
        <p className="muted small">{t.reliabilityHelp}</p>
        <DataTable testId="reliability-table" columns={[{ label: t.scope }, { label: t.answered, numeric: true }, { label: "KR-20", numeric: true }]}>
          {analysis.reliability.map(({ key, figure }) => (
            <tr key={key}>
              <RowHeader>{capabilityName(key)}</RowHeader>
              <NumCell>{figure.suppressed ? "" : fmtNum(figure.n, locale)}</NumCell>
              <NumCell>{figure.suppressed ? t.tooFew : fmtNum(figure.kr20, locale, 2)}</NumCell>
            </tr>
          ))}
        </DataTable>
      </section>

      <section className="card" aria-labelledby="items-title">
        <h2 id="items-title">{t.itemsTitle}</h2>
        <DataTable
          testId="item-table"
          caption={t.itemsCaption}
          columns={[
            { label: t.check },
            { label: t.level },
            { label: t.answered, numeric: true },
            { label: t.right, numeric: true },
            { label: t.discrimination, numeric: true },
            { label: t.dontKnow, numeric: true },
            { label: t.flags },
          ]}
        >
          {analysis.rows.map(({ item, retired, n, figures }) => (
            <tr key={item.id} data-testid={`item-${item.id}`} className={retired ? "muted" : undefined}>
              <RowHeader>
                <span className="item-id">{item.id}</span>
                <span className="item-stem">{item.text[locale].stem}</span>
                <span className="muted small">
                  {capabilityName(item.capabilityId)} · {format(t.rightAnswer, { answer: item.answer })}
                </span>
                {!figures.suppressed && (
                  <span className="small item-choices">
                    {t.choices}: {CHECK_OPTIONS.map((o) => `${o} ${pct(figures.options[o])}`).join(" · ")}
                  </span>
                )}
                <form className="item-state" action={setCheckRetiredAction.bind(null, item.id, !retired)}>
                  <span className="small">
                    {t.state}: {retired ? t.retired : t.active}
                  </span>{" "}
                  <button className="btn btn-secondary btn-small" type="submit" aria-label={format(retired ? t.restoreLabel : t.retireLabel, { id: item.id })}>
                    {retired ? t.restore : t.retire}
                  </button>
                </form>
              </RowHeader>
              <td>{t.levels[item.level]}</td>
              <NumCell>{fmtNum(n, locale)}</NumCell>
              {figures.suppressed ? (
                <td colSpan={4} className="muted">
                  {t.tooFew}
                </td>
              ) : (
                <>
                  <NumCell>{pct(figures.proportionRight)}</NumCell>
                  <NumCell>{fmtNum(figures.discrimination, locale, 2)}</NumCell>
                  <NumCell>{pct(figures.dontKnowRate)}</NumCell>
                  <td>{figures.flags.map((f) => t.flagNames[f]).join(", ")}</td>
                </>
              )}
            </tr>
          ))}
        </DataTable>
      </section>
    </>
  );
}
