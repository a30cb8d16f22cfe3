"use client";
import { containerStates } from "@/lib/fleet/types";
import type { FleetView } from "@/lib/fleet/fleet-search-params";

const field =
  "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900";
const toggle = "flex items-center gap-1.5 text-sm text-slate-700 dark:text-slate-200";

export function FleetFilters({
  view,
  hostIds,
  onChange,
}: {
  view: FleetView;
  hostIds: string[];
  onChange: (change: Partial<FleetView>) => void;
}) {
  return (
    <div role="search" className="flex min-w-0 flex-wrap items-center gap-2">
      <input
        type="search"
        aria-label="Filter containers"
        placeholder="Filter by name, image, project…"
        className={`${field} w-full sm:w-72`}
        defaultValue={view.q}
        onChange={(event) => onChange({ q: event.target.value })}
      />
      <select
        aria-label="Host"
        className={field}
        value={view.host ?? ""}
        onChange={(event) => onChange({ host: event.target.value || null })}
      >
        <option value="">All hosts</option>
        {hostIds.map((id) => (
          <option key={id} value={id}>
            {id}
          </option>
        ))}
      </select>
      <select
        aria-label="State"
        className={field}
        value={view.state ?? ""}
        onChange={(event) => onChange({ state: (event.target.value || null) as FleetView["state"] })}
      >
        <option value="">All states</option>
        {containerStates.map((state) => (
          <option key={state} value={state}>
            {state}
          </option>
        ))}
      </select>
      <label className={toggle}>
        <input
          type="checkbox"
          data-testid="filter-attention"
          checked={view.attention}
          onChange={(event) => onChange({ attention: event.target.checked })}
          className="h-4 w-4 accent-red-700"
        />
        Needs attention
      </label>
      <label className={toggle}>
        <input
          type="checkbox"
          data-testid="group-project"
          checked={view.group === "project"}
          onChange={(event) => onChange({ group: event.target.checked ? "project" : null })}
          className="h-4 w-4 accent-sky-700"
        />
        Group by project
      </label>
    </div>
  );
}
