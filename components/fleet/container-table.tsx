"use client";
import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";
import { BulkRestartBar } from "@/components/actions/bulk-restart-bar";
import { isUp } from "@/components/actions/describe-action";
import { useToastingContainerAction } from "@/components/actions/use-toasting-actions";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useMediaQuery } from "@/components/ui/use-media-query";
import { groupByProject, type FleetItem } from "@/lib/fleet/group-by-project";
import type { ActionName } from "@/lib/history/types";
import type { OpenIncidents } from "@/lib/incidents/group-open-incidents";
import type { SortDirection, SortKey } from "@/lib/fleet/sort-containers";
import type { ListedContainer } from "@/lib/fleet/types";
import { useCan } from "@/lib/queries/use-can";
import { useRunningActions } from "@/lib/queries/use-running-actions";
import { ContainerCard } from "./container-card";
import { ContainerRow, ROW_HEIGHT } from "./container-row";
import { ProjectHeader } from "./project-header";
import { TableHead } from "./table-head";
import { useRecycledKeys } from "./use-recycled-keys";
import { rowKey, useRowSelection } from "./use-row-selection";

const CARD_HEIGHT = 104;

/**
 * Virtualised against the window: only the rows in view are in the DOM, so ten thousand containers render as
 * fast as ten, and the page scrolls as a page (no box within it). On a phone each row is a card.
 */
export function ContainerTable({
  rows,
  sort,
  dir,
  onSort,
  openIncidents = new Map(),
  grouped = false,
}: {
  rows: ListedContainer[];
  sort: SortKey;
  dir: SortDirection;
  onSort: (key: SortKey) => void;
  /** Open incidents per "hostId/name". */
  openIncidents?: OpenIncidents;
  /** Under one collapsible header per compose project. */
  grouped?: boolean;
}) {
  const list = useRef<HTMLDivElement>(null);
  const phone = useMediaQuery("(max-width: 767px)");
  // Read once here and handed down: rows never subscribe to a cache themselves.
  const running = useRunningActions();
  // Viewers get the table without checkboxes and restart buttons: the server would refuse them anyway.
  const canOperate = useCan("operator");
  const restart = useToastingContainerAction();
  const [confirming, setConfirming] = useState<ListedContainer | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const selection = useRowSelection(rows);
  const recycle = useRecycledKeys();
  const items: FleetItem[] = useMemo(
    () =>
      grouped
        ? groupByProject(rows, collapsed)
        : rows.map((row) => ({ kind: "row", key: `${row.hostId}/${row.id}`, row })),
    [rows, grouped, collapsed],
  );
  const toggle = (project: string) =>
    setCollapsed((old) => {
      const next = new Set(old);
      if (!next.delete(project)) next.add(project);
      return next;
    });
  // `mutate` keeps its identity between renders, so these do too, and memoised rows do not re-render for them.
  const { mutate } = restart;
  const send = useCallback(
    (row: ListedContainer) => mutate({ hostId: row.hostId, name: row.name, action: "restart" }),
    [mutate],
  );
  // Restarting a container that is down anyway cannot hurt; one that serves is confirmed first.
  const onRestart = useCallback(
    (row: ListedContainer) => (isUp(row) ? setConfirming(row) : send(row)),
    [send],
  );

  // Where the list starts on the page: what is above it (cards, the attention list) changes height live.
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    const measure = () => setMargin(element.getBoundingClientRect().top + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  // Stable between renders: the virtualizer recomputes every item's position (all ten thousand) when these change.
  const estimateSize = useCallback(
    (index: number) => (items[index]?.kind === "row" && phone ? CARD_HEIGHT : ROW_HEIGHT),
    [items, phone],
  );
  const getItemKey = useCallback((index: number) => items[index]?.key ?? index, [items]);
  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize,
    getItemKey,
    // Rows render in the scroll's own frame (flushSync), but on a busy machine a render can land a frame late:
    // the rows around the screen are there already (fewer left blank frames in a whole-screen scroll).
    overscan: 12,
    scrollMargin: margin,
    // Render the first screen before the window is measured (also what SSR and tests see).
    initialRect: { width: 1200, height: 800 },
  });

  const virtual = virtualizer.getVirtualItems();
  const keys = recycle(virtual.map((entry) => entry.index));

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
        <div className={phone ? "" : "min-w-[68rem]"}>
          {!phone && (
            <TableHead
              sort={sort}
              dir={dir}
              onSort={onSort}
              selectAll={
                canOperate ? { all: selection.all, some: selection.some, toggle: selection.toggleAll } : null
              }
            />
          )}
          <div
            ref={list}
            data-testid="container-scroller"
            className="relative"
            style={{ height: virtualizer.getTotalSize() }}
          >
            {virtual.map((entry, at) => {
              const item = items[entry.index];
              if (!item) return null;
              // Desktop rows have one fixed height and are recycled (keys[at]); project headers and phone cards
              // can wrap, so they keep their own key and are measured.
              const fixed = item.kind === "row" && !phone;
              return (
                <div
                  key={fixed ? keys[at] : `m${entry.key}`}
                  data-index={entry.index}
                  ref={fixed ? undefined : virtualizer.measureElement}
                  className="absolute inset-x-0 top-0"
                  style={{
                    transform: `translateY(${entry.start - margin}px)`,
                    // What happens inside a row never moves anything outside it.
                    ...(fixed ? { height: ROW_HEIGHT, contain: "size layout style" } : {}),
                  }}
                >
                  {item.kind === "group" ? (
                    <ProjectHeader
                      summary={item.summary}
                      collapsed={item.collapsed}
                      onToggle={() => toggle(item.summary.project ?? "(no project)")}
                    />
                  ) : (
                    <Item
                      row={item.row}
                      phone={phone}
                      incidents={openIncidents.get(`${item.row.hostId}/${item.row.name}`)}
                      busy={running.get(rowKey(item.row))}
                      canOperate={canOperate}
                      selected={selection.checked.has(rowKey(item.row))}
                      onSelect={selection.toggle}
                      onRestart={onRestart}
                    />
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </>
  );
}

/** Memoised: a live event or a tick re-renders the rows that changed, not every row in view. */
const Item = memo(function Item({
  row,
  phone,
  incidents,
  busy,
  canOperate,
  selected,
  onSelect,
  onRestart,
}: {
  row: ListedContainer;
  phone: boolean;
  incidents: { count: number; lastStderr: string | null } | undefined;
  busy: ActionName | undefined;
  canOperate: boolean;
  selected: boolean;
  onSelect: (key: string) => void;
  onRestart: (row: ListedContainer) => void;
}) {
  const props = {
    row,
    incidents,
    busy,
    canOperate,
    selected,
    onSelect: () => onSelect(rowKey(row)),
    onRestart: () => onRestart(row),
  };
  return phone ? <ContainerCard {...props} /> : <ContainerRow {...props} />;
});
