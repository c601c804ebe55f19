import { formatPNumber } from "@/lib/benchmark/sentences";
import type { TrendRow } from "@/lib/benchmark/trends";
import type { PrioritiesData } from "@/lib/dashboard/priorities-view";
import { format } from "@/lib/i18n/messages";
import { DataTable, NumCell, RowHeader } from "../../../components/data-table";
import { FigureCell, shownOrNull, SuppressedRowCells } from "../../figure-cell";
import { fmtInterval, fmtNum, fmtSigned } from "../../format";
import type { PageContext } from "../../page-context";

type Changes = NonNullable<NonNullable<PrioritiesData["trends"]>["changes"]>;

/** The selected wave against the previous one that can be shown: each figure's change, its test and verdict. */
export function ChangesFigure({ ctx, changes }: { ctx: PageContext; changes: Changes | null }) {
  const { m } = ctx;
  const t = m.priorities;
  return (
    <section className="card dash-figure" aria-labelledby="changes-title" data-testid="changes">
      <h2 id="changes-title">{t.changesTitle}</h2>
      {changes ? <ChangesBody ctx={ctx} changes={changes} /> : <p className="muted">{t.oneWave}</p>}
    </section>
  );
}

function ChangesBody({ ctx, changes }: { ctx: PageContext; changes: Changes }) {
  const { m, locale, labels } = ctx;
  const t = m.priorities;
  const figureName = (r: TrendRow) => (r.figure === "coverage" ? format(t.figures.coverage, { capability: labels.capability(r.capability!) }) : t.figures[r.figure]);
  const digits = (r: TrendRow) => (r.figure === "responses" ? 0 : 1);
  const unit = (r: TrendRow) => (r.figure === "f1" || r.figure === "coverage" ? "%" : "");
  // Every tested row of the changes table is one family, adjusted together (lib/benchmark/trends.ts).
  const comparisons = changes.rows.find((r) => r.change)?.change!.adjustment.comparisons ?? 0;
  return (
    <>
      <p className="figure-caption">{format(t.trendsLead, { before: changes.before, after: changes.after })}</p>
      {comparisons > 0 && (
        <p className="figure-caption" data-testid="changes-adjustment">
          {format(t.adjustmentNote, { n: fmtNum(comparisons, locale) })}
        </p>
      )}
      <DataTable
        testId="changes-table"
        caption={t.changesTitle}
        captionHidden
        columns={[
          { label: t.figure },
          { label: changes.before, numeric: true, className: "nowrap" },
          { label: changes.after, numeric: true, className: "nowrap" },
          { label: t.change, numeric: true },
          { label: m.common.interval, numeric: true },
          { label: "p", numeric: true },
          { label: t.adjustedP, numeric: true },
          { label: t.verdict },
          { label: t.test },
        ]}
      >
        {changes.rows.map((r) => {
          const row = shownOrNull(r);
          return (
            <tr key={`${r.figure}-${r.capability ?? ""}`}>
              <RowHeader>{figureName(r)}</RowHeader>
              {row ? (
                <>
                  <NumCell>{fmtNum(row.before, locale, digits(row))}{unit(row)}</NumCell>
                  <NumCell>{fmtNum(row.after, locale, digits(row))}{unit(row)}</NumCell>
                  <NumCell>{fmtSigned(row.difference, locale, digits(row))}</NumCell>
                  <FigureCell figure={row.change}>{(c) => fmtInterval(c.ci95, locale, 1, "")}</FigureCell>
                  <FigureCell figure={row.change}>{(c) => formatPNumber(c.pValue)}</FigureCell>
                  <FigureCell figure={row.change}>{(c) => formatPNumber(c.adjustedP)}</FigureCell>
                  <td>
                    {row.change ? (
                      <span className={`verdict verdict-${row.change.verdict}`}>{format(t.verdicts[row.change.verdict], { n: fmtNum(row.change.adjustment.comparisons, locale) })}</span>
                    ) : (
                      "–"
                    )}
                  </td>
                  <td className="muted small">{t.tests[row.change?.test ?? "none"]}</td>
                </>
              ) : (
                <SuppressedRowCells span={8} text={m.common.tooFew} />
              )}
            </tr>
          );
        })}
      </DataTable>
    </>
  );
}
