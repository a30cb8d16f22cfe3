"use client";
import Link from "next/link";
import { RowRestartButton } from "@/components/actions/row-restart-button";
import { swarmTaskRefusal } from "@/lib/fleet/swarm-task";
import { StderrLine } from "@/components/incidents/stderr-line";
import { describeAttention } from "@/lib/fleet/needs-attention";
import { Age } from "./age";
import { containerHref } from "./attention-list";
import { IncidentBadge, rowData, RowState, type RowProps } from "./container-row";

/** A row on a phone: name and restart on top, then the state and why, then where it runs and since when. */
export function ContainerCard({ row, incidents, busy, canOperate, selected, onSelect, onRestart }: RowProps) {
  const attention = row.stale ? null : row.attention;
  // A swarm task's container is the swarm's to restart: no checkbox, no restart button, and a title saying why.
  const refusal = swarmTaskRefusal(row);
  return (
    <div
      {...rowData(row, busy)}
      className={`space-y-1.5 border-b border-slate-200 px-3 py-2.5 text-sm dark:border-slate-800 ${
        attention ? "bg-red-50/70 dark:bg-red-950/30" : ""
      } ${row.stale ? "opacity-50 grayscale" : ""}`}
    >
      <div className="flex min-w-0 items-center gap-2">
        {canOperate && (
          <input
            type="checkbox"
            aria-label={`Select ${row.name}`}
            checked={selected}
            disabled={row.stale || refusal !== null}
            title={refusal ?? undefined}
            onChange={onSelect}
            className="h-4 w-4 shrink-0 accent-sky-700"
          />
        )}
        <Link
          href={containerHref(row)}
          className="min-w-0 flex-1 truncate font-medium hover:underline"
          title={row.name}
        >
          {row.name}
        </Link>
        {incidents && <IncidentBadge row={row} count={incidents.count} />}
        {canOperate && (
          <RowRestartButton
            name={row.name}
            busy={!!busy}
            disabled={row.stale}
            refusal={refusal}
            onRestart={onRestart}
          />
        )}
      </div>
      <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
        <RowState row={row} busy={busy} />
        {attention && (
          <span data-testid="card-cause" className="min-w-0 text-red-800 dark:text-red-300">
            {describeAttention(attention, row)}
          </span>
        )}
      </div>
      {attention && incidents?.lastStderr && <StderrLine text={incidents.lastStderr} compact />}
      <p className="truncate text-xs text-slate-500 dark:text-slate-400">
        {row.hostId}
        {row.compose && ` · ${row.compose.project} / ${row.compose.service}`} · <Age row={row} />
      </p>
    </div>
  );
}
