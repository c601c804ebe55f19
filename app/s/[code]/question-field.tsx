"use client";

export type Question = {
  item: string;
  label: string;
  hint?: string;
  kind: "radio" | "select";
  inline?: boolean;
  numeric?: boolean;
  placeholder?: string;
  options: { value: string | number; title: string; description?: string }[];
};

type Props = {
  question: Question;
  value: string | number | undefined;
  error: string | undefined;
  required: boolean;
  requiredLabel: string;
  onChange: (value: string | number) => void;
};

/** One question as a fieldset (radios) or a labelled select, with its error tied in for screen readers. */
export function QuestionField({ question: q, value, error, required, requiredLabel, onChange }: Props) {
  const errorId = `err-${q.item}`;
  const hintId = `hint-${q.item}`;
  const describedBy = [q.hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  const requiredTag = required ? <span className="required-tag">{requiredLabel}</span> : null;

  if (q.kind === "select") {
    return (
      <div className={`question${error ? " has-error" : ""}`} id={`q-${q.item}`}>
        <label htmlFor={`in-${q.item}`} style={{ display: "block", fontWeight: 650, marginBottom: "0.6rem" }}>
          {q.label}
          {requiredTag}
        </label>
        {error && (
          <p className="field-error" id={errorId}>
            {error}
          </p>
        )}
        <select
          id={`in-${q.item}`}
          name={q.item}
          className="input"
          value={value === undefined ? "" : String(value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          aria-required={required}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="" disabled>
            {q.placeholder}
          </option>
          {q.options.map((o) => (
            <option key={String(o.value)} value={String(o.value)}>
              {o.title}
            </option>
          ))}
        </select>
      </div>
    );
  }

  return (
    <fieldset
      className={`question${error ? " has-error" : ""}`}
      id={`q-${q.item}`}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
      aria-required={required}
    >
      <legend>
        {q.label}
        {requiredTag}
        {q.hint && (
          <span className="hint" id={hintId}>
            {q.hint}
          </span>
        )}
      </legend>
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
      <div className={`options${q.inline ? " inline" : ""}`}>
        {q.options.map((o) => {
          const id = `in-${q.item}-${o.value}`;
          return (
            <label key={String(o.value)} className="option" htmlFor={id}>
              <input
                type="radio"
                id={id}
                name={q.item}
                value={String(o.value)}
                checked={value === o.value}
                onChange={() => onChange(o.value)}
              />
              <span>
                <span className="option-title">{q.numeric ? `${o.value} · ${o.title}` : o.title}</span>
                {o.description && <span className="option-desc">{o.description}</span>}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
