import { useEffect, useRef } from "react";

export type FocusTarget = "heading" | "errors";

/**
 * Keyboard focus after the next render: the new screen's heading, or the first field in error (the
 * error summary when no field takes focus). Requested before the state change that re-renders.
 */
export function useFocusRequest() {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const request = useRef<FocusTarget | null>(null);

  useEffect(() => {
    const target = request.current;
    request.current = null;
    if (target === "heading") headingRef.current?.focus();
    if (target === "errors") {
      const first = document.querySelector<HTMLElement>(".question.has-error input, .question.has-error select");
      (first ?? summaryRef.current)?.focus();
    }
  });

  const requestFocus = (target: FocusTarget) => {
    request.current = target;
  };
  return { headingRef, summaryRef, requestFocus };
}
