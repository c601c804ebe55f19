/** A dashboard figure: heading, caption, the chart, its data table (a DataTable, which brings its own wrapper) and any sentences. */
export function Figure({
  id,
  title,
  caption,
  chart,
  table,
  children,
  layout = "stacked",
  testId,
}: {
  id: string;
  title: string;
  caption: string;
  chart?: React.ReactNode;
  table?: React.ReactNode;
  children?: React.ReactNode;
  layout?: "stacked" | "side" | "half";
  testId?: string;
}) {
  return (
    <section className="card dash-figure" aria-labelledby={`${id}-title`} data-testid={testId ?? id}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="figure-caption">{caption}</p>
      <div className={`figure-body${layout === "stacked" ? "" : ` figure-${layout}`}`}>
        {chart}
        {table}
      </div>
      {children}
    </section>
  );
}
