import type { Ref } from "react";
import type { FieldError } from "./question-model";

type Props = { items: string[]; errors: Record<string, FieldError>; heading: string; summaryRef: Ref<HTMLDivElement> };

/** The list of questions in error at the top of a step, each linking to its field. */
export function ErrorSummary({ items, errors, heading, summaryRef }: Props) {
  return (
    <div className="error-summary" role="alert" ref={summaryRef} tabIndex={-1}>
      <strong>{heading}</strong>
      <ul>
        {items.map((i) => (
          <li key={i}>
            <a href={`#q-${i}`}>{errors[i]?.summary}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
