"use client";
import { useId, type ReactNode } from "react";
import type { InsightsQuery } from "@/lib/insights/types";

const field =
  "h-9 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-900";
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Applies at once: a host or project as chosen, a date as soon as it is a whole ISO date (YYYY-MM-DD, UTC),
 * so typing never asks for the year 0002 on the way to 2026.
 */
export function InsightsFilters({
  query,
  hostIds,
  onChange,
}: {
  query: InsightsQuery;
  hostIds: string[];
  onChange: (next: InsightsQuery) => void;
}) {
  const id = useId();
  const date = (key: "from" | "to") => (event: { currentTarget: HTMLInputElement }) => {
    const value = event.currentTarget.value.trim();
    if (value === "") onChange({ ...query, [key]: undefined });
    else if (DAY.test(value) && !Number.isNaN(Date.parse(value))) onChange({ ...query, [key]: value });
  };
  return (
    <form
      role="search"
      aria-label="Choose the period"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => e.preventDefault()}
    >
      <Field label="From (UTC)" htmlFor={`${id}-from`}>
        <input
          id={`${id}-from`}
          name="from"
          defaultValue={query.from?.slice(0, 10) ?? ""}
          placeholder="YYYY-MM-DD"
          onChange={date("from")}
          className={`${field} w-32 font-mono`}
        />
      </Field>
      <Field label="Before (UTC)" htmlFor={`${id}-to`}>
        <input
          id={`${id}-to`}
          name="to"
          defaultValue={query.to?.slice(0, 10) ?? ""}
          placeholder="YYYY-MM-DD"
          onChange={date("to")}
          className={`${field} w-32 font-mono`}
        />
      </Field>
      <Field label="Host" htmlFor={`${id}-host`}>
        <select
          id={`${id}-host`}
          name="host"
          value={query.host ?? ""}
          onChange={(e) => onChange({ ...query, host: e.currentTarget.value || undefined })}
          className={field}
        >
          <option value="">All hosts</option>
          {hostIds.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Compose project" htmlFor={`${id}-project`}>
        <input
          id={`${id}-project`}
          name="project"
          defaultValue={query.project ?? ""}
          placeholder="all"
          onBlur={(e) => onChange({ ...query, project: e.currentTarget.value.trim() || undefined })}
          onKeyDown={(e) =>
            e.key === "Enter" && onChange({ ...query, project: e.currentTarget.value.trim() || undefined })
          }
          className={`${field} w-36`}
        />
      </Field>
    </form>
  );
}

function Field({ label, htmlFor, children }: { label: string; htmlFor: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={htmlFor} className="text-xs font-medium text-slate-600 dark:text-slate-300">
        {label}
      </label>
      {children}
    </div>
  );
}
