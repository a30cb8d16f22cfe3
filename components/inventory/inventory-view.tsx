"use client";
import { useMemo, useState } from "react";
import { Notice } from "@/components/ui/notice";
import { Spinner } from "@/components/ui/spinner";
import { pendingOnServer, useHydrated } from "@/components/ui/use-hydrated";
import { buildInventory } from "@/lib/fleet/build-inventory";
import { useContainers } from "@/lib/queries/use-containers";
import { InventoryCell } from "./inventory-cell";

const button =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800";

/**
 * /inventory: what runs where. Built in the browser from the fleet list the event stream keeps current, so
 * it follows every deploy live with no request of its own (GET /api/inventory serves scripts the same rows).
 */
export function InventoryView() {
  const containers = useContainers();
  // Until the page has hydrated, it renders what the server did: the stream may have filled the cache already
  // (components/ui/use-hydrated.ts).
  const { data, error, isPending } = useHydrated() ? containers : pendingOnServer;
  const [driftOnly, setDriftOnly] = useState(false);
  const rows = useMemo(() => buildInventory(data?.containers ?? []), [data]);
  const hosts = data?.hosts ?? [];
  const shown = driftOnly ? rows.filter((row) => row.drift) : rows;
  const drifting = rows.filter((row) => row.drift).length;
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">What runs where</h1>
          <p className="text-sm text-slate-600 dark:text-slate-300">
            One row per compose service or image repository, one column per host: the version (or short
            digest) each host runs, and how many containers run it.
          </p>
        </div>
        <a data-testid="inventory-export" href="/api/inventory.csv" download className={button}>
          Export CSV
        </a>
      </header>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={driftOnly} onChange={(e) => setDriftOnly(e.currentTarget.checked)} />
        Only drift ({drifting} {drifting === 1 ? "row runs" : "rows run"} different images across hosts)
      </label>
      {isPending ? (
        <Spinner label="Reading the fleet…" />
      ) : error ? (
        <Notice tone="error" title="Cannot read the fleet">
          {error.message}
        </Notice>
      ) : shown.length === 0 ? (
        <p className="text-sm text-slate-500">
          {driftOnly ? "No drift: every service runs one image." : "No containers."}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
          <table data-testid="inventory-table" className="cards-on-phone w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase text-slate-500 dark:bg-slate-900">
              <tr>
                <th className="px-3 py-2">Service / image</th>
                {hosts.map((host) => (
                  <th key={host.id} className="px-3 py-2">
                    {host.id}
                    {host.status === "down" && <span className="ml-1 normal-case text-red-600">(down)</span>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr
                  key={row.key}
                  data-testid="inventory-row"
                  data-name={row.name}
                  data-drift={row.drift}
                  className={`border-t border-slate-200 dark:border-slate-800 ${row.drift ? "bg-amber-50 dark:bg-amber-950/40" : ""}`}
                >
                  <th scope="row" className="px-3 py-2 align-top font-medium">
                    <span className="font-mono text-xs">{row.name}</span>
                    {row.drift && (
                      <span className="ml-2 rounded bg-amber-200 px-1 text-xs text-amber-900 dark:bg-amber-800 dark:text-amber-100">
                        drift
                      </span>
                    )}
                    {row.kind === "service" && (
                      <div className="font-mono text-xs text-slate-500">{row.repository}</div>
                    )}
                  </th>
                  {hosts.map((host) => (
                    <td
                      key={host.id}
                      data-host={host.id}
                      data-label={host.id}
                      className="px-3 py-2 align-top"
                    >
                      <InventoryCell versions={row.cells[host.id] ?? []} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
