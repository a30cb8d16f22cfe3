"use client";
import Link from "next/link";
import { actionLabels } from "@/components/actions/action-labels";
import { RowRestartButton } from "@/components/actions/row-restart-button";
import { swarmTaskRefusal } from "@/lib/fleet/swarm-task";
import { StderrLine } from "@/components/incidents/stderr-line";
import { Badge, badgeTones } from "@/components/ui/badge";
import { isCrashExit } from "@/lib/fleet/is-crash-exit";
import { lastExitCode } from "@/lib/fleet/needs-attention";
import type { ListedContainer } from "@/lib/fleet/types";
import type { ActionName } from "@/lib/history/types";
import { Age } from "./age";
import { containerHref } from "./attention-list";
import { ImageVersion } from "./image-version";
import { StateBadge } from "./state-badge";

// One template for header and rows keeps the columns aligned without a <table> (rows are absolutely placed).
export const rowGrid =
  "grid grid-cols-[1rem_7rem_minmax(10rem,1.4fr)_minmax(8rem,1fr)_minmax(10rem,1.4fr)_9rem_3.5rem_3.5rem_4.5rem_minmax(9rem,1fr)_1.75rem] gap-3 px-3";
export const ROW_HEIGHT = 40;

export type RowProps = {
  row: ListedContainer;
  incidents: { count: number; lastStderr: string | null } | undefined;
  /** The action running on this container, if any. */
  busy: ActionName | undefined;
  /** Whether to offer the checkbox and the restart button at all. */
  canOperate: boolean;
  selected: boolean;
  onSelect: () => void;
  onRestart: () => void;
};

/** The attributes the e2e specs and the bench find a row by, the same on a wide screen and a phone. */
export function rowData(row: ListedContainer, busy: ActionName | undefined) {
  // A row of a host that is down is only the last state known: shown greyed, never flagged as if current.
  const attention = row.stale ? null : row.attention;
  return {
    role: "row",
    "data-testid": "container-row",
    "data-host": row.hostId,
    "data-name": row.name,
    "data-state": row.state,
    "data-attention": attention ?? "",
    "data-stale": row.stale ? "1" : "0",
    "data-busy": busy ? "1" : "0",
  } as const;
}

/** The state cell: what the container is, or what is being done to it ("restarting…") until that is over. */
export function RowState({ row, busy }: { row: ListedContainer; busy: ActionName | undefined }) {
  if (busy)
    return (
      <Badge tone="blue" title={`${actionLabels[busy].running} ${row.name}`}>
        <span aria-hidden className="inline-block animate-spin">
          ↻
        </span>
        <span data-testid="row-busy">{actionLabels[busy].running.toLowerCase()}…</span>
      </Badge>
    );
  if (row.stale)
    return (
      <Badge tone="gray" title={`Last known state: ${row.state}`}>
        <span data-testid="state-label">unknown — host down</span>
      </Badge>
    );
  return <StateBadge row={row} />;
}

export function ContainerRow({ row, incidents, busy, canOperate, selected, onSelect, onRestart }: RowProps) {
  const attention = row.stale ? null : row.attention;
  // A swarm task's container is the swarm's to restart: no checkbox, no restart button, and a title saying why.
  const refusal = swarmTaskRefusal(row);
  // The exit code that made it stop, or (in a restart loop) the one that made Docker restart it.
  const showExit = (row.state !== "running" && row.state !== "paused") || attention === "restart-loop";
  const exitCode = lastExitCode(row);
  const project = row.compose ? `${row.compose.project} / ${row.compose.service}` : "—";
  const service = row.labels["com.docker.swarm.service.name"];
  return (
    <div
      {...rowData(row, busy)}
      className={`${rowGrid} h-10 items-center border-b border-slate-100 text-sm dark:border-slate-800 ${
        attention ? "bg-red-50/70 dark:bg-red-950/30" : ""
      } ${row.stale ? "opacity-50 grayscale" : ""}`}
    >
      <div role="cell" className="flex items-center">
        {canOperate && (
          <input
            type="checkbox"
            aria-label={`Select ${row.name}`}
            checked={selected}
            disabled={row.stale || refusal !== null}
            title={refusal ?? undefined}
            onChange={onSelect}
            className="h-4 w-4 accent-sky-700"
          />
        )}
      </div>
      <div role="cell" className="truncate text-slate-600 dark:text-slate-300" title={row.hostId}>
        {row.hostId}
      </div>
      <div role="cell" className="flex min-w-0 items-center gap-2 font-medium">
        <Link
          href={containerHref(row)}
          // A row link prefetched on sight would ask the server for a page per row scrolled past.
          prefetch={false}
          className="max-w-[70%] flex-none truncate hover:underline"
          title={`${row.name} (${row.id.slice(0, 12)})`}
        >
          {row.name}
        </Link>
        {incidents && <IncidentBadge row={row} count={incidents.count} />}
        {attention && incidents?.lastStderr && <StderrLine text={incidents.lastStderr} compact />}
      </div>
      <div role="cell" className="truncate text-slate-600 dark:text-slate-300" title={service ?? project}>
        {service ? (
          // A swarm task's container: its service is what to look at (and act on).
          <Link
            data-testid="service-link"
            prefetch={false}
            href={`/services?service=${encodeURIComponent(service)}`}
            className="hover:underline"
          >
            service {service}
          </Link>
        ) : (
          project
        )}
      </div>
      <div role="cell" className="truncate font-mono text-xs" title={`${row.image} (${row.imageId})`}>
        {row.image}
        <ImageVersion provenance={row.provenance} />
      </div>
      <div role="cell" className="min-w-0 truncate">
        <RowState row={row} busy={busy} />
      </div>
      <div
        role="cell"
        data-testid="exit-code"
        data-crash={showExit && isCrashExit(row) ? "1" : "0"}
        title={showExit ? exitTitle(row) : undefined}
        className={`text-right tabular-nums ${showExit && isCrashExit(row) ? "font-semibold text-red-700 dark:text-red-400" : "text-slate-500"}`}
      >
        {showExit ? exitCode : "—"}
      </div>
      <div role="cell" data-testid="oom">
        {row.oomKilled ? (
          <span className="font-semibold text-red-700 dark:text-red-400">OOM</span>
        ) : (
          <span className="text-slate-400">—</span>
        )}
      </div>
      <div
        role="cell"
        className={`text-right tabular-nums ${row.restartCount > 0 ? "font-semibold" : "text-slate-500"}`}
      >
        {row.restartCount}
      </div>
      <div role="cell" className="min-w-0">
        <Age row={row} className="block truncate text-slate-600 dark:text-slate-300" />
      </div>
      <div role="cell">
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
    </div>
  );
}

export function IncidentBadge({ row, count }: { row: ListedContainer; count: number }) {
  return (
    <Link
      data-testid="incident-badge"
      prefetch={false}
      href={`/incidents?host=${encodeURIComponent(row.hostId)}&container=${encodeURIComponent(row.name)}`}
      title={`${count} open incident${count > 1 ? "s" : ""}`}
      className={`shrink-0 rounded-md px-1.5 text-xs font-semibold ring-1 ring-inset hover:underline ${badgeTones.red}`}
    >
      ⚠ {count}
    </Link>
  );
}

function exitTitle(row: ListedContainer): string {
  const cause = row.attention === "restart-loop" ? row.lastExit?.cause : row.exitCause;
  const why: Record<string, string> = {
    crash: "a crash",
    oom: "killed: out of memory",
    stopped: "stopped on purpose (docker stop)",
    killed: "killed on purpose (docker kill)",
    clean: "a clean exit",
  };
  return `Exit code ${lastExitCode(row)}${cause ? `: ${why[cause]}` : ""}`;
}
