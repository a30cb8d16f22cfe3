"use client";
import Link from "next/link";
import { useId, type FormEvent, type ReactNode } from "react";
import { historyActions } from "@/lib/actions/types";
import { historyOutcomes, type HistoryFilter } from "@/lib/history/types";
import { outcomeLooks } from "./outcome-look";
import { useHydrated } from "./use-hydrated";

const field =
  "h-9 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-900";

/**
 * Selects apply at once; typed fields (names, dates) on Enter, on leaving them, or with Apply, so that typing
 * does not query the server at every key — nor for year 0002 on the way to typing 2025.
 */
export function HistoryFilters({
  filter,
  hostIds,
  onChange,
}: {
  filter: HistoryFilter;
  hostIds: string[];
  onChange: (next: HistoryFilter) => void;
}) {
  const known = useHydrated() ? hostIds : [];
  const hosts = filter.hostId && !known.includes(filter.hostId) ? [...known, filter.hostId] : known;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim() || undefined;
    // A date-time from a shared link shows as its date; it is kept unless the date itself was changed.
    const date = (name: "from" | "to") => (text(name) === dayOf(filter[name]) ? filter[name] : text(name));
    onChange({
      hostId: text("host"),
      containerName: text("container"),
      actor: text("actor"),
      action: text("action") as HistoryFilter["action"],
      outcome: text("outcome") as HistoryFilter["outcome"],
      from: date("from"),
      to: date("to"),
    });
  };
  const apply = (event: { currentTarget: HTMLInputElement | HTMLSelectElement }) =>
    event.currentTarget.form?.requestSubmit();
  const changed = (event: { currentTarget: HTMLInputElement }) => {
    if (event.currentTarget.value !== event.currentTarget.defaultValue) apply(event);
  };
  const active = Object.keys(filter).length > 0;
  const id = useId();

  return (
    // Remounted when the URL changes, so every field shows the filter in force (back button, Clear).
    <form
      key={JSON.stringify(filter)}
      role="search"
      aria-label="Filter the history"
      onSubmit={submit}
      className="flex flex-wrap items-end gap-3"
    >
      <Field label="Host" htmlFor={`${id}-host`}>
        <select
          id={`${id}-host`}
          name="host"
          defaultValue={filter.hostId ?? ""}
          onChange={apply}
          className={field}
        >
          <option value="">All hosts</option>
          {hosts.map((hostId) => (
            <option key={hostId} value={hostId}>
              {hostId}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Container" htmlFor={`${id}-container`}>
        <input
          id={`${id}-container`}
          name="container"
          defaultValue={filter.containerName ?? ""}
          onBlur={changed}
          placeholder="exact name"
          className={`${field} w-40`}
        />
      </Field>
      <Field label="Actor" htmlFor={`${id}-actor`}>
        <input
          id={`${id}-actor`}
          name="actor"
          defaultValue={filter.actor ?? ""}
          onBlur={changed}
          placeholder="who"
          className={`${field} w-32`}
        />
      </Field>
      <Field label="Action" htmlFor={`${id}-action`}>
        <select
          id={`${id}-action`}
          name="action"
          defaultValue={filter.action ?? ""}
          onChange={apply}
          className={field}
        >
          <option value="">All actions</option>
          {historyActions.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Outcome" htmlFor={`${id}-outcome`}>
        <select
          id={`${id}-outcome`}
          name="outcome"
          defaultValue={filter.outcome ?? ""}
          onChange={apply}
          className={field}
        >
          <option value="">All outcomes</option>
          {historyOutcomes.map((outcome) => (
            <option key={outcome} value={outcome}>
              {outcomeLooks[outcome].label}
            </option>
          ))}
        </select>
      </Field>
      <Field label="From" htmlFor={`${id}-from`}>
        <input
          type="date"
          id={`${id}-from`}
          name="from"
          defaultValue={dayOf(filter.from) ?? ""}
          onBlur={changed}
          className={field}
        />
      </Field>
      <Field label="Before" htmlFor={`${id}-to`} title="Up to the start of this day (UTC), not including it">
        <input
          type="date"
          id={`${id}-to`}
          name="to"
          defaultValue={dayOf(filter.to) ?? ""}
          onBlur={changed}
          className={field}
        />
      </Field>
      <button type="submit" className={`${field} font-medium hover:bg-slate-100 dark:hover:bg-slate-800`}>
        Apply
      </button>
      {active && (
        <Link href="/history" className="pb-2 text-sm text-slate-600 underline dark:text-slate-300">
          Clear
        </Link>
      )}
    </form>
  );
}

/** What a date field can show of a `from` or `to`: its day, or nothing for a value that is not a date. */
function dayOf(value: string | undefined): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;
}

function Field({
  label,
  htmlFor,
  title,
  children,
}: {
  label: string;
  htmlFor: string;
  title?: string;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1" title={title}>
      <label htmlFor={htmlFor} className="text-xs font-medium text-slate-600 dark:text-slate-300">
        {label}
      </label>
      {children}
    </div>
  );
}
