/*
 * Cells for figures the disclosure plan may hide. A page never decides what is shown: lib/ hands it
 * either the figure or a suppressed marker (or null), and these cells render one or the other.
 */
import type { Suppressed } from "@/core/disclosure/released";

const DASH = "–";

/** What lib/ returns for a figure that may be hidden: the figure, one marked `suppressed: true`, or null. */
export type MaybeShown<T> = T | Suppressed | null | undefined;

/** The figure when it is shown, else null: for values a chart or a sentence needs. */
export function shownOrNull<T>(figure: MaybeShown<T>): Exclude<T, Suppressed> | null {
  if (figure === null || figure === undefined) return null;
  if (typeof figure === "object" && "suppressed" in figure && figure.suppressed === true) return null;
  return figure as Exclude<T, Suppressed>;
}

/**
 * A numeric cell: the value when the figure is shown, otherwise `whenSuppressed` — the "too few
 * responses" wording for a figure's main value, a dash for its secondary columns (interval, n).
 */
export function FigureCell<T>({
  figure,
  children,
  whenSuppressed = DASH,
}: {
  figure: MaybeShown<T>;
  children: (shown: Exclude<T, Suppressed>) => React.ReactNode;
  whenSuppressed?: string;
}) {
  const shown = shownOrNull(figure);
  return <td className="num">{shown === null ? whenSuppressed : children(shown)}</td>;
}

/** The rest of a row whose whole group is hidden, said once across `span` columns. */
export function SuppressedRowCells({ span, text }: { span: number; text: string }) {
  return (
    <td colSpan={span} className="suppressed-cell">
      {text}
    </td>
  );
}

/** One hidden cell inside an otherwise shown row (no number, no numeric alignment). */
export function SuppressedCell() {
  return <td className="suppressed-cell">{DASH}</td>;
}
