"use client";
import { lazy, Suspense, useMemo } from "react";
import { RestartCrashedButton } from "@/components/actions/restart-crashed-button";
import { Can } from "@/components/auth/can";
import { Notice } from "@/components/ui/notice";
import { Spinner } from "@/components/ui/spinner";
import { pendingOnServer, useHydrated } from "@/components/ui/use-hydrated";
import { filterContainers } from "@/lib/fleet/filter-containers";
import { isCrashed } from "@/lib/fleet/is-crashed";
import type { ListedContainer } from "@/lib/fleet/types";
import { sortContainers, type SortKey } from "@/lib/fleet/sort-containers";
import { useContainers } from "@/lib/queries/use-containers";
import { groupOpenIncidents } from "@/lib/incidents/group-open-incidents";
import { useIncidents } from "@/lib/queries/use-incidents";
import { AttentionList } from "./attention-list";
import { FirstRows } from "./first-rows";
import { FleetFilters } from "./fleet-filters";
import { HostCards } from "./host-cards";
import { useFleetView } from "./use-fleet-view";

// The wall screen is its own page in all but URL: its code loads only when asked for. React.lazy rather than
// next/dynamic, whose loader would be some 2 kB of the page's first-load JS.
const WallView = lazy(() => import("@/components/wall/wall-view").then((m) => ({ default: m.WallView })));

// Only a fleet with a host down shows these: their code loads when one is.
const DownHosts = lazy(() => import("./down-hosts").then((m) => ({ default: m.DownHosts })));
const NoEngine = lazy(() => import("./down-hosts").then((m) => ({ default: m.NoEngine })));

// The table (with its virtualizer, row actions and dialogs) is the page's heaviest code: it loads beside the
// stream rather than ahead of the page, and until it is there the first rows show as they are (FirstRows).
const loadTable = () => import("./container-table").then((m) => ({ default: m.ContainerTable }));
const ContainerTable = lazy(loadTable);
// Asked for as soon as this module runs in the browser, not when the rows arrive.
if (typeof window !== "undefined") void loadTable();

export function FleetOverview() {
  const [view, setView] = useFleetView();
  if (view.wall)
    return (
      <Suspense fallback={<Spinner label="Loading the wall view…" />}>
        <WallView />
      </Suspense>
    );
  return <Overview view={view} setView={setView} />;
}

function Overview({
  view,
  setView,
}: {
  view: ReturnType<typeof useFleetView>[0];
  setView: ReturnType<typeof useFleetView>[1];
}) {
  const containers = useContainers();
  // Until this part of the page has hydrated, it renders what the server did: the stream may have filled the
  // cache already (components/ui/use-hydrated.ts).
  const { data, error, isPending, isFetching } = useHydrated() ? containers : pendingOnServer;
  // The unfiltered open list is the one the event stream keeps current, so the badges stay live for free.
  const incidents = useIncidents({ open: true });

  const onSort = (key: SortKey) =>
    setView({ sort: key, dir: view.sort === key && view.dir === "asc" ? "desc" : "asc" });

  // Each of these walks every row (ten thousand and more): worked out once per change of the rows or the view,
  // not on every render of the page.
  const all = useMemo(() => data?.containers ?? [], [data]);
  const shown = useMemo(
    () =>
      sortContainers(
        filterContainers(all, {
          hosts: view.host ? [view.host] : undefined,
          states: view.state ? [view.state] : undefined,
          q: view.q,
          attention: view.attention,
        }),
        view.sort,
        view.dir,
      ),
    [all, view.host, view.state, view.q, view.attention, view.sort, view.dir],
  );
  const crashedByHost = useMemo(() => countCrashed(all), [all]);
  const crashed = [...crashedByHost.values()].reduce((sum, n) => sum + n, 0);
  const openIncidents = useMemo(() => groupOpenIncidents(incidents.data?.incidents ?? []), [incidents.data]);
  // It follows the host and search filters (not the state filter): narrowing the table to one host or project
  // narrows its problems too.
  const attentionRows = useMemo(
    () =>
      view.host || view.q
        ? filterContainers(all, { hosts: view.host ? [view.host] : undefined, q: view.q })
        : all,
    [all, view.host, view.q],
  );
  const downHosts = data?.hosts.filter((host) => host.status === "down") ?? [];
  // Nothing reached and nothing ever seen (a first start with no Docker): what to do, not an empty fleet.
  const noEngine = !!data && downHosts.length === data.hosts.length && all.length === 0;

  return (
    <div className="space-y-6">
      <HostCards crashedByHost={crashedByHost} />
      <Suspense fallback={null}>
        {noEngine ? (
          <NoEngine hosts={downHosts} />
        ) : (
          downHosts.length > 0 && <DownHosts hosts={downHosts} rows={all} />
        )}
      </Suspense>
      {data && !view.attention && (
        <AttentionList
          rows={attentionRows}
          action={
            crashed > 0 && (
              <Can role="operator">
                <RestartCrashedButton count={crashed} />
              </Can>
            )
          }
        />
      )}
      <section aria-label="All containers" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <FleetFilters view={view} hostIds={data?.hosts.map((host) => host.id) ?? []} onChange={setView} />
          <div className="flex items-center gap-3 text-sm text-slate-500 dark:text-slate-400">
            {data && (
              <span data-testid="shown-count">
                {shown.length} of {all.length} containers
              </span>
            )}
            <button
              type="button"
              onClick={() => containers.refetch()}
              disabled={isFetching}
              className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800"
            >
              {isFetching ? "Refreshing…" : "Refresh"}
            </button>
          </div>
        </div>
        {isPending ? (
          <Spinner label="Reading containers from every host…" />
        ) : error ? (
          <Notice tone="error" title="Cannot load containers">
            {error.message}
          </Notice>
        ) : noEngine ? null : all.length === 0 ? (
          <Notice title="No containers yet">None of the reachable hosts has a container.</Notice>
        ) : shown.length === 0 ? (
          <Notice title={view.attention ? "Nothing needs attention" : "No container matches these filters"}>
            <button
              className="underline"
              onClick={() => setView({ host: null, state: null, q: "", attention: false })}
            >
              Clear filters
            </button>
          </Notice>
        ) : (
          <Suspense fallback={<FirstRows rows={shown} openIncidents={openIncidents} />}>
            <ContainerTable
              rows={shown}
              sort={view.sort}
              dir={view.dir}
              onSort={onSort}
              openIncidents={openIncidents}
              grouped={view.group === "project"}
            />
          </Suspense>
        )}
      </section>
    </div>
  );
}

function countCrashed(rows: ListedContainer[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) if (isCrashed(row)) counts.set(row.hostId, (counts.get(row.hostId) ?? 0) + 1);
  return counts;
}
