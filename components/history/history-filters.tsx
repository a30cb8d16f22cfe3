"use client";
import Link from "next/link";
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { historyQueryString, pageQueryString, withoutEmpty } from "@/lib/history/history-search-params";
import { historyActions, historyOutcomes, type HistoryFilter } from "@/lib/history/types";
import { outcomeLooks } from "./outcome-look";
import { useHydrated } from "@/components/ui/use-hydrated";
import { HistoryPresets } from "./history-presets";

const field =
  "h-9 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-900";

// Typing a name applies once the keys pause this long, not at every key.
const TYPING_MS = 400;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Every filter applies at once, as on the fleet page: selects when chosen, names when typing pauses, dates
 * (ISO, YYYY-MM-DD, UTC) as soon as they are whole — never for the year 0002 on the way to typing 2026.
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
  // The form is remounted when the filter changes from elsewhere (back button, Clear) so its fields show it,
  // but not when the change is its own: that would take the focus from the field being typed in.
  const current = historyQueryString(filter);
  const [own, setOwn] = useState<string | null>(null);
  const [view, setView] = useState({ query: current, key: 0 });
  if (view.query !== current) setView({ query: current, key: current === own ? view.key : view.key + 1 });
  const typing = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(typing.current), []);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    clearTimeout(typing.current);
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim() || undefined;
    // A date-time from a shared link shows as its date; it is kept unless the date itself was changed.
    const date = (name: "from" | "to") => (text(name) === dayOf(filter[name]) ? filter[name] : text(name));
    const next: HistoryFilter = {
      hostId: text("host"),
      containerName: text("container"),
      actor: text("actor"),
      action: text("action") as HistoryFilter["action"],
      outcome: text("outcome") as HistoryFilter["outcome"],
      from: date("from"),
      to: date("to"),
      deploys: form.get("deploys") === "only" ? "only" : undefined,
      externalRemoves: form.get("externalRemoves") === "show" ? "show" : "hide",
    };
    setOwn(historyQueryString(withoutEmpty(next)));
    onChange(next);
  };
  const apply = (event: { currentTarget: HTMLInputElement | HTMLSelectElement }) =>
    event.currentTarget.form?.requestSubmit();
  const typed = (event: { currentTarget: HTMLInputElement }) => {
    const input = event.currentTarget;
    clearTimeout(typing.current);
    typing.current = setTimeout(() => input.form?.requestSubmit(), TYPING_MS);
  };
  const dated = (event: { currentTarget: HTMLInputElement }) => {
    const value = event.currentTarget.value.trim();
    if (value === "" || (ISO_DAY.test(value) && !Number.isNaN(Date.parse(value)))) apply(event);
  };
  const active = pageQueryString(filter) !== "";
  const id = useId();

  return (
    <form
      key={view.key}
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
          onChange={typed}
          placeholder="exact name"
          className={`${field} w-40`}
        />
      </Field>
      <Field label="Actor" htmlFor={`${id}-actor`}>
        <input
          id={`${id}-actor`}
          name="actor"
          defaultValue={filter.actor ?? ""}
          onChange={typed}
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
      <Field label="From (UTC)" htmlFor={`${id}-from`}>
        <input
          id={`${id}-from`}
          name="from"
          inputMode="numeric"
          placeholder="YYYY-MM-DD"
          pattern="\d{4}-\d{2}-\d{2}"
          defaultValue={dayOf(filter.from) ?? ""}
          onChange={dated}
          className={`${field} w-32 font-mono`}
        />
      </Field>
      <Field
        label="Before (UTC)"
        htmlFor={`${id}-to`}
        title="Up to the start of this day (UTC), not including it"
      >
        <input
          id={`${id}-to`}
          name="to"
          inputMode="numeric"
          placeholder="YYYY-MM-DD"
          pattern="\d{4}-\d{2}-\d{2}"
          defaultValue={dayOf(filter.to) ?? ""}
          onChange={dated}
          className={`${field} w-32 font-mono`}
        />
      </Field>
      <HistoryPresets filter={filter} onChange={onChange} />
      <Toggle
        name="deploys"
        value="only"
        checked={filter.deploys === "only"}
        onChange={apply}
        label="Deploys only"
        title="Redeploys and rollbacks alone"
      />
      <Toggle
        name="externalRemoves"
        value="show"
        checked={filter.externalRemoves !== "hide"}
        onChange={apply}
        label="Removes outside Wharf"
        title="Containers removed with the docker CLI or API (hidden by default: on a CI host they bury the deploys)"
      />
      {/* Enter still applies at once; nothing waits for a button. */}
      <button type="submit" hidden />
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

function Toggle({
  name,
  value,
  checked,
  onChange,
  label,
  title,
}: {
  name: string;
  value: string;
  checked: boolean;
  onChange: (event: { currentTarget: HTMLInputElement }) => void;
  label: string;
  title: string;
}) {
  return (
    <label title={title} className="flex h-9 items-center gap-1.5 text-sm text-slate-700 dark:text-slate-200">
      <input
        type="checkbox"
        name={name}
        value={value}
        defaultChecked={checked}
        onChange={onChange}
        className="size-4"
      />
      {label}
    </label>
  );
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
