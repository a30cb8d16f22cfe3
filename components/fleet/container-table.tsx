"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useRef, useState } from "react";
import { BulkRestartBar } from "@/components/actions/bulk-restart-bar";
import { isUp } from "@/components/actions/describe-action";
import { RowRestartButton } from "@/components/actions/row-restart-button";
import { useToastingContainerAction } from "@/components/actions/use-toasting-actions";
import { Badge, badgeTones } from "@/components/ui/badge";
import { ConfirmDialog } from "@/components/ui/dialog";
import { describeAge } from "@/lib/fleet/format-age";
import { lastExitCode } from "@/lib/fleet/needs-attention";
import type { OpenIncidents } from "@/lib/incidents/group-open-incidents";
import { StderrLine } from "@/components/incidents/stderr-line";
import type { SortDirection, SortKey } from "@/lib/fleet/sort-containers";
import type { ListedContainer } from "@/lib/fleet/types";
import { useCan } from "@/lib/queries/use-can";
import { useRunningActions } from "@/lib/queries/use-running-actions";
import { containerHref } from "./attention-list";
import { StateBadge } from "./state-badge";
import { rowKey, useRowSelection } from "./use-row-selection";
import { ImageVersion } from "./image-version";

const ROW_HEIGHT = 40;
const columns: { key: SortKey; label: string; className?: string }[] = [
  { key: "host", label: "Host" },
  { key: "name", label: "Name" },
  { key: "project", label: "Project / service" },
  { key: "image", label: "Image" },
  { key: "state", label: "State" },
  { key: "exitCode", label: "Exit", className: "text-right" },
  { key: "oom", label: "OOM" },
  { key: "restartCount", label: "Restarts", className: "text-right" },
  { key: "age", label: "Age" },
];
// One template for header and rows keeps the columns aligned without a <table> (rows are absolutely placed).
const grid =
  "grid grid-cols-[1rem_7rem_minmax(10rem,1.4fr)_minmax(8rem,1fr)_minmax(10rem,1.4fr)_9rem_3.5rem_3.5rem_4.5rem_minmax(9rem,1fr)_1.75rem] gap-3 px-3";

/**
 * Virtualised: only the rows in view are in the DOM, so ten thousand containers render as fast as ten.
 */
export function ContainerTable({
  rows,
  sort,
  dir,
  now,
  onSort,
  openIncidents = new Map(),
}: {
  rows: ListedContainer[];
  sort: SortKey;
  dir: SortDirection;
  now: number;
  onSort: (key: SortKey) => void;
  /** Open incidents per "hostId/name". */
  openIncidents?: OpenIncidents;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // Read once here and handed down as booleans: rows never subscribe to a cache themselves.
  const running = useRunningActions();
  // Viewers get the table without checkboxes and restart buttons: the server would refuse them anyway.
  const canOperate = useCan("operator");
  const restart = useToastingContainerAction();
  const [confirming, setConfirming] = useState<ListedContainer | null>(null);
  const selection = useRowSelection(rows);
  const send = (row: ListedContainer) =>
    restart.mutate({ hostId: row.hostId, name: row.name, action: "restart" });
  // Restarting a container that is down anyway cannot hurt; one that serves is confirmed first.
  const onRestart = (row: ListedContainer) => (isUp(row) ? setConfirming(row) : send(row));
  // The virtualizer re-renders on scroll by itself; skipping the compiler's memoization here is what it needs.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Render the first screen before the scroll container is measured (also what SSR and tests see).
    initialRect: { width: 1200, height: 800 },
  });
  return (
    <>
      {canOperate && selection.selected.length > 0 && (
        <BulkRestartBar
          selected={selection.selected.map(({ hostId, name }) => ({ hostId, name }))}
          onClear={selection.clear}
        />
      )}
      {/* Before the table: the parent spaces its children with margins, and the last one gets none. */}
      <ConfirmDialog
        open={confirming !== null}
        title={`Restart ${confirming?.name ?? ""}?`}
        confirmLabel="Restart"
        onConfirm={() => {
          if (confirming) send(confirming);
          setConfirming(null);
        }}
        onCancel={() => setConfirming(null)}
      >
        <p>
          {confirming?.name} on {confirming?.hostId} is stopped and started again; it does not answer in
          between.
        </p>
      </ConfirmDialog>
      <div
        role="table"
        aria-label="Containers"
        aria-rowcount={rows.length}
        className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
      >
        <div className="min-w-[68rem]">
          <div
            role="row"
            className={`${grid} items-center border-b border-slate-200 py-2 text-xs font-medium uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400`}
          >
            <div role="columnheader" className="flex items-center">
              {canOperate && (
                <input
                  type="checkbox"
                  aria-label="Select all shown containers"
                  checked={selection.all}
                  // "Some selected" is a third state browsers only take as a property.
                  ref={(box) => {
                    if (box) box.indeterminate = selection.some;
                  }}
                  onChange={selection.toggleAll}
                  className="h-4 w-4 accent-sky-700"
                />
              )}
            </div>
            {columns.map((column) => (
              <div
                role="columnheader"
                key={column.key}
                className={column.className}
                aria-sort={sort === column.key ? (dir === "asc" ? "ascending" : "descending") : "none"}
              >
                <button
                  type="button"
                  className="uppercase hover:text-slate-900 dark:hover:text-white"
                  onClick={() => onSort(column.key)}
                >
                  {column.label}
                  {sort === column.key ? (dir === "asc" ? " ▲" : " ▼") : ""}
                </button>
              </div>
            ))}
            <div role="columnheader">
              <span className="sr-only">Actions</span>
            </div>
          </div>
          <div ref={scroller} className="max-h-[70vh] overflow-y-auto" data-testid="container-scroller">
            <div className="relative" style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((item) => {
                const row = rows[item.index]!;
                const incidents = openIncidents.get(`${row.hostId}/${row.name}`);
                const key = rowKey(row);
                return (
                  <Row
                    key={`${row.hostId}/${row.id}`}
                    row={row}
                    now={now}
                    top={item.start}
                    incidents={incidents}
                    busy={running.has(key)}
                    canOperate={canOperate}
                    selected={selection.checked.has(key)}
                    onSelect={() => selection.toggle(key)}
                    onRestart={() => onRestart(row)}
                  />
                );
              })}
            </div>
          </div>
        </div>
      </div>
    </>
  );
}

type RowProps = {
  row: ListedContainer;
  now: number;
  top: number;
  incidents: { count: number; lastStderr: string | null } | undefined;
  /** An action runs on this container. */
  busy: boolean;
  /** Whether to offer the checkbox and the restart button at all. */
  canOperate: boolean;
  selected: boolean;
  onSelect: () => void;
  onRestart: () => void;
};

function Row({ row, now, top, incidents, busy, canOperate, selected, onSelect, onRestart }: RowProps) {
  // A row of a host that is down is only the last state known: shown greyed, never flagged as if current.
  const attention = row.stale ? null : row.attention;
  // The exit code that made it stop, or (in a restart loop) the one that made Docker restart it.
  const showExit = (row.state !== "running" && row.state !== "paused") || attention === "restart-loop";
  const exitCode = lastExitCode(row);
  return (
    <div
      role="row"
      data-testid="container-row"
      data-host={row.hostId}
      data-name={row.name}
      data-state={row.state}
      data-attention={attention ?? ""}
      data-stale={row.stale ? "1" : "0"}
      data-busy={busy ? "1" : "0"}
      className={`${grid} absolute inset-x-0 items-center border-b border-slate-100 text-sm dark:border-slate-800 ${
        attention ? "bg-red-50/70 dark:bg-red-950/30" : ""
      } ${row.stale ? "opacity-50 grayscale" : ""}`}
      style={{ height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
    >
      <div role="cell" className="flex items-center">
        {canOperate && (
          <input
            type="checkbox"
            aria-label={`Select ${row.name}`}
            checked={selected}
            disabled={row.stale}
            onChange={onSelect}
            className="h-4 w-4 accent-sky-700"
          />
        )}
      </div>
      <div role="cell" className="truncate text-slate-600 dark:text-slate-300">
        {row.hostId}
      </div>
      <div role="cell" className="flex min-w-0 items-center gap-2 font-medium">
        <Link href={containerHref(row)} className="truncate hover:underline" title={row.id.slice(0, 12)}>
          {row.name}
        </Link>
        {incidents && (
          <Link
            data-testid="incident-badge"
            href={`/incidents?host=${encodeURIComponent(row.hostId)}&container=${encodeURIComponent(row.name)}`}
            title={`${incidents.count} open incident${incidents.count > 1 ? "s" : ""}`}
            className={`shrink-0 rounded-md px-1.5 text-xs font-semibold ring-1 ring-inset hover:underline ${badgeTones.red}`}
          >
            ⚠ {incidents.count}
          </Link>
        )}
        {attention && incidents?.lastStderr && <StderrLine text={incidents.lastStderr} compact />}
      </div>
      <div role="cell" className="truncate text-slate-600 dark:text-slate-300">
        {row.labels["com.docker.swarm.service.name"] ? (
          // A swarm task's container: its service is what to look at (and act on).
          <Link
            data-testid="service-link"
            href={`/services?service=${encodeURIComponent(row.labels["com.docker.swarm.service.name"])}`}
            className="hover:underline"
          >
            service {row.labels["com.docker.swarm.service.name"]}
          </Link>
        ) : row.compose ? (
          `${row.compose.project} / ${row.compose.service}`
        ) : (
          "—"
        )}
      </div>
      <div role="cell" className="truncate font-mono text-xs" title={row.imageId}>
        {row.image}
        <ImageVersion provenance={row.provenance} />
      </div>
      <div role="cell">
        {row.stale ? (
          <Badge tone="gray" title={`Last known state: ${row.state}`}>
            <span data-testid="state-label">unknown — host down</span>
          </Badge>
        ) : (
          <StateBadge row={row} />
        )}
      </div>
      <div
        role="cell"
        data-testid="exit-code"
        className={`text-right tabular-nums ${attention && exitCode !== 0 ? "font-semibold text-red-700 dark:text-red-400" : "text-slate-500"}`}
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
      <div role="cell" className="truncate text-slate-600 dark:text-slate-300">
        {describeAge(row, now)}
      </div>
      <div role="cell">
        {canOperate && (
          <RowRestartButton name={row.name} busy={busy} disabled={row.stale} onRestart={onRestart} />
        )}
      </div>
    </div>
  );
}
