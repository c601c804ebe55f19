/*
 * The data table of the dashboards (the accessible twin of every chart) and the admin console.
 * Markup is fixed here (the wrapping div, "data" class, column headers, right-aligned numeric
 * columns) so the CSS and tests match it.
 */

/** A column header; `className` adds classes after "num" (e.g. "nowrap"). */
export type Column = { label: React.ReactNode; numeric?: boolean; className?: string };

export function DataTable({
  testId,
  caption,
  captionHidden = false,
  columns,
  children,
  footer,
  variant,
  scroll = false,
}: {
  testId: string;
  /** Omitted where the section heading right above names the table. */
  caption?: string;
  /** The figure's heading already names the table for sighted readers. */
  captionHidden?: boolean;
  /** `false` entries are columns this view leaves out. */
  columns: (Column | false)[];
  /** The body rows. */
  children: React.ReactNode;
  /** A note spanning the whole width under the rows (sample sizes). */
  footer?: React.ReactNode;
  variant?: "heatmap";
  /** A long table scrolls inside its own box. */
  scroll?: boolean;
}) {
  const shown = columns.filter((c): c is Column => c !== false);
  return (
    <div className={`data-table-wrap${scroll ? " scroll-y" : ""}`}>
      <table className={`data${variant ? ` ${variant}` : ""}`} data-testid={testId}>
        {caption !== undefined && <caption className={captionHidden ? "visually-hidden" : undefined}>{caption}</caption>}
        <thead>
          <tr>
            {shown.map((c, i) => (
              <th key={i} scope="col" className={headerClass(c)}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
        {footer !== undefined && (
          <tfoot>
            <tr>
              <td colSpan={shown.length} className="muted small">
                {footer}
              </td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

function headerClass(c: Column): string | undefined {
  const names = [c.numeric && "num", c.className].filter(Boolean);
  return names.length ? names.join(" ") : undefined;
}

/** A row's label cell. */
export function RowHeader({ children }: { children: React.ReactNode }) {
  return <th scope="row">{children}</th>;
}

/** A right-aligned numeric cell. */
export function NumCell({ children }: { children: React.ReactNode }) {
  return <td className="num">{children}</td>;
}
