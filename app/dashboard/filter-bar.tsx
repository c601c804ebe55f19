"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";

type Option = { value: string; label: string; disabled?: boolean };

type Props = {
  /** Offer the department and seniority filters (not while the wave has too few responses). */
  breakdowns: boolean;
  waves: Option[];
  departments: Option[];
  seniorities: Option[];
  current: { wave: string; department: string; seniority: string };
  labels: { legend: string; wave: string; department: string; seniority: string; allDepartments: string; allLevels: string; hint: string; apply: string };
};

/**
 * Wave, department and seniority filters as a plain GET form (works without JavaScript); with
 * JavaScript a change applies at once, and choosing a department clears the level and back.
 */
export function FilterBar({ breakdowns, waves, departments, seniorities, current, labels }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();

  function apply(form: HTMLFormElement, changed: string) {
    const data = new FormData(form);
    if (changed === "department" && data.get("department")) data.set("seniority", "");
    if (changed === "seniority" && data.get("seniority")) data.set("department", "");
    const params = new URLSearchParams();
    for (const key of ["wave", "department", "seniority"]) {
      const v = String(data.get(key) ?? "");
      if (v) params.set(key, v);
    }
    const search = params.toString();
    startTransition(() => router.push(`${pathname}${search ? `?${search}` : ""}`));
  }

  return (
    <form
      className="dash-filters no-print"
      method="get"
      aria-label={labels.legend}
      aria-busy={pending}
      onChange={(e) => apply(e.currentTarget, (e.target as unknown as HTMLSelectElement).name)}
      onSubmit={(e) => {
        e.preventDefault();
        apply(e.currentTarget, "");
      }}
    >
      <FilterSelect name="wave" label={labels.wave} value={current.wave} options={waves} />
      {breakdowns && (
        <>
          {/* Keyed on both values: choosing one clears the other, and the other select must show it. */}
          <FilterSelect name="department" label={labels.department} value={current.department} options={departments} all={labels.allDepartments} resetKey={current.seniority} />
          <FilterSelect name="seniority" label={labels.seniority} value={current.seniority} options={seniorities} all={labels.allLevels} resetKey={current.department} />
        </>
      )}
      <noscript>
        <button className="btn btn-small" type="submit">
          {labels.apply}
        </button>
      </noscript>
      {breakdowns && <p className="dash-filters-hint">{labels.hint}</p>}
    </form>
  );
}

/** One labelled filter; `all` adds the "no filter" choice. Uncontrolled, re-created when the address changes. */
function FilterSelect({ name, label, value, options, all, resetKey = "" }: { name: string; label: string; value: string; options: Option[]; all?: string; resetKey?: string }) {
  return (
    <label>
      <span>{label}</span>
      <select name={name} defaultValue={value} key={`${name}-${value}-${resetKey}`}>
        {all !== undefined && <option value="">{all}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
