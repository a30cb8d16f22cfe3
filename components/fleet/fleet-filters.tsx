"use client";
import { containerStates } from "@/lib/fleet/types";
import type { FleetView } from "@/lib/fleet/fleet-search-params";

const field =
  "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900";

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
    <div role="search" className="flex flex-wrap items-center gap-2">
      <input
        type="search"
        aria-label="Filter containers"
        placeholder="Filter by name, image, project…"
        className={`${field} w-72`}
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
    </div>
  );
}
