import "server-only";
import { authenticateRequest } from "@/lib/auth/authenticate-request";
import { hasRole } from "@/lib/auth/types";
import { getDb } from "@/lib/db/db";
import { listIncidents } from "@/lib/db/list-incidents";
import type { Incident } from "@/lib/incidents/types";
import { filterContainers } from "./filter-containers";
import type { FleetView } from "./fleet-search-params";
import { isCrashed } from "./is-crashed";
import { getLiveFleet } from "./live/get-live-fleet";
import { sortContainers } from "./sort-containers";
import type { FirstScreen, HostSummary, ListedContainer } from "./types";

/** As many rows as the tallest screen shows before any scrolling (components/fleet/first-rows.tsx). */
const ROWS = 30;

type Sorted = { seq: number; view: string; rows: ListedContainer[]; shown: ListedContainer[] };
// Page loads come in bursts of the same view (a reload, many tabs, a wall screen): the sort of every row is
// done once per change of the fleet and view.
let sorted: Sorted | null = null;

/**
 * The first screen of the fleet page for a signed-in viewer, from the live state; null for anyone else, for a
 * view that does not list rows flat, and while the hosts are still being read for the first time (the page
 * then waits for the stream as before).
 */
export async function readFirstScreen(
  request: Request,
  view: FleetView,
): Promise<{ screen: FirstScreen; hosts: HostSummary[]; incidents: Incident[] } | null> {
  if (view.wall || view.group) return null;
  if (!hasRole(await authenticateRequest(request), "viewer")) return null;
  const { store } = getLiveFleet();
  if (!store.isSynced()) return null;
  const hostIds = store.hostIds();
  const seq = store.currentSeq();
  const key = JSON.stringify([view.host, view.state, view.q, view.attention, view.sort, view.dir]);
  if (sorted?.seq !== seq || sorted.view !== key) {
    const rows: ListedContainer[] = [];
    for (const hostId of hostIds) {
      const stale = store.status(hostId) === "down";
      for (const row of store.rows(hostId)) rows.push({ ...row, stale });
    }
    const filter = {
      hosts: view.host ? [view.host] : undefined,
      states: view.state ? [view.state] : undefined,
      q: view.q,
      attention: view.attention,
    };
    sorted = {
      seq,
      view: key,
      rows,
      shown: sortContainers(filterContainers(rows, filter), view.sort, view.dir),
    };
  }
  const { rows, shown } = sorted;
  // The attention list follows the host and search filters, not the state filter (as on the page).
  const watched =
    view.host || view.q
      ? filterContainers(rows, { hosts: view.host ? [view.host] : undefined, q: view.q })
      : rows;
  const flagged = watched.filter((row) => !row.stale && row.attention !== null);
  const crashedByHost: Record<string, number> = {};
  for (const row of rows)
    if (isCrashed(row)) crashedByHost[row.hostId] = (crashedByHost[row.hostId] ?? 0) + 1;
  return {
    screen: {
      rows: shown.slice(0, ROWS),
      shown: shown.length,
      total: rows.length,
      flagged: flagged.slice(0, ROWS),
      flaggedCount: flagged.length,
      crashedByHost,
    },
    // The host cards and the rows' incident badges read these from the query cache, as the stream's snapshot
    // fills it (lib/fleet/live/build-snapshot.ts).
    hosts: hostIds.map((id) => store.summary(id)),
    incidents: listIncidents(getDb(), { open: true, limit: 1000 }),
  };
}
