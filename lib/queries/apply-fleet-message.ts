import type { QueryClient } from "@tanstack/react-query";
import type { Incident } from "@/lib/fleet/incident-types";
import type { ActionProgress, FleetMessage, FleetSnapshot } from "@/lib/fleet/live/messages";
import type { ContainersResponse, HostSummary, HostsResponse, ListedContainer } from "@/lib/fleet/types";
import type { IncidentsResponse } from "@/lib/incidents/types";
import { countStates } from "@/lib/fleet/count-states";
import { actionKeys, autohealKeys, fleetKeys, historyKeys, incidentKeys, swarmKeys } from "./keys";

/** Replaces the cached fleet with a server snapshot (first connection, or a resume the server could not serve). */
export function applySnapshot(client: QueryClient, snapshot: FleetSnapshot): void {
  const down = new Set(snapshot.hosts.filter((h) => h.status === "down").map((h) => h.id));
  client.setQueryData<HostsResponse>(fleetKeys.hosts(), { hosts: snapshot.hosts });
  client.setQueryData<ContainersResponse>(fleetKeys.containers(), {
    containers: snapshot.containers.map((row) => ({ ...row, stale: down.has(row.hostId) })),
    hosts: snapshot.hosts.map(availability),
  });
  client.setQueryData<IncidentsResponse>(incidentKeys.list({ open: true }), {
    incidents: snapshot.incidents,
  });
  void client.invalidateQueries({ queryKey: incidentKeys.all, predicate: (q) => !isOpenList(q.queryKey) });
  // Service messages may have been missed too.
  void client.invalidateQueries({ queryKey: swarmKeys.all });
  // So may the changes of a container whose page is open: its detail and auto-heal plan, which a message would
  // have refreshed. The page's own first read can be older than the snapshot (the stream opens before
  // hydration, but the server may answer the page's later request first).
  void client.invalidateQueries({
    predicate: (q) => q.queryKey[0] === fleetKeys.all[0] && q.queryKey[1] === "container",
  });
  void client.invalidateQueries({ queryKey: autohealKeys.all });
  // A snapshot means events were missed, maybe the "done" of a running action (or the server restarted in the
  // middle of one): forget them rather than keep buttons disabled for ever. A click on a still-busy one gets a 409.
  client.setQueryData<Record<string, ActionProgress>>(actionKeys.progress(), {});
}

/** Applies a batch of live messages to the cache in one pass, so a burst of events costs one render. */
export function applyMessages(client: QueryClient, messages: FleetMessage[]): void {
  const hostMessages = messages.filter((m) => m.type === "host").map((m) => m.host);
  const containerMessages = messages.filter((m) => m.type === "container");
  const incidents = messages.filter((m) => m.type === "incident").map((m) => m.incident);

  if (hostMessages.length > 0) {
    client.setQueryData<HostsResponse>(fleetKeys.hosts(), (old) =>
      old ? { hosts: old.hosts.map((h) => hostMessages.findLast((n) => n.id === h.id) ?? h) } : old,
    );
  }
  if (hostMessages.length > 0 || containerMessages.length > 0) {
    const updated = client.setQueryData<ContainersResponse>(fleetKeys.containers(), (old) => {
      if (!old) return old;
      const hosts = old.hosts.map((h) => {
        const update = hostMessages.findLast((n) => n.id === h.id);
        return update ? availability(update) : h;
      });
      const down = new Set(hosts.filter((h) => h.status === "down").map((h) => h.id));
      const byKey = new Map(old.containers.map((row) => [`${row.hostId}/${row.id}`, row]));
      for (const message of containerMessages) {
        const key = `${message.hostId}/${message.id}`;
        if (message.row) byKey.set(key, { ...message.row, stale: false });
        else byKey.delete(key);
      }
      const containers: ListedContainer[] = [];
      for (const row of byKey.values()) {
        const stale = down.has(row.hostId);
        containers.push(row.stale === stale ? row : { ...row, stale });
      }
      return { containers, hosts };
    });
    if (updated && containerMessages.length > 0)
      recountHosts(client, updated, new Set(containerMessages.map((m) => m.hostId)));
    // Only the containers someone has open: each invalidation walks the whole query cache, and a storm brings
    // a thousand rows in a frame while a page holds the detail of one or two.
    const watched = watchedContainers(client);
    for (const message of containerMessages) {
      if (!message.row || !watched.has(`${message.hostId}/${message.row.name}`)) continue;
      readAgain(client, fleetKeys.container(message.hostId, message.row.name));
      // Auto-heal plans (or cancels) its next try on the same change.
      readAgain(client, autohealKeys.status(message.hostId, message.row.name));
    }
  }
  if (incidents.length > 0) applyIncidents(client, incidents);
  // Services are read from the managers, not kept here: a change means "read again" (one read per batch).
  if (messages.some((m) => m.type === "service")) void client.invalidateQueries({ queryKey: swarmKeys.all });
  const progress = messages.filter((m) => m.type === "action").map((m) => m.progress);
  if (progress.length > 0) {
    client.setQueryData<Record<string, ActionProgress>>(actionKeys.progress(), (old) => {
      const next = { ...old };
      for (const item of progress) next[`${item.hostId}/${item.containerName}`] = item;
      return next;
    });
    // A started or finished action is a new or settled history row: lists and charts re-read.
    if (progress.some((item) => item.done || item.phase === "started"))
      void client.invalidateQueries({ queryKey: historyKeys.all });
  }
}

/**
 * The host cards' counts follow the rows: the server sends a host message only when a host comes or goes, so
 * the counts of the hosts whose containers changed are taken again from the cached rows, by the server's rule.
 */
function recountHosts(client: QueryClient, fleet: ContainersResponse, hostIds: Set<string>): void {
  client.setQueryData<HostsResponse>(fleetKeys.hosts(), (old) => {
    if (!old) return old;
    const rows = new Map<string, ListedContainer[]>();
    // One pass, appending in place: a burst on a host of thousands of containers must stay linear.
    for (const row of fleet.containers) {
      if (!hostIds.has(row.hostId)) continue;
      const list = rows.get(row.hostId);
      if (list) list.push(row);
      else rows.set(row.hostId, [row]);
    }
    return {
      hosts: old.hosts.map((host) =>
        hostIds.has(host.id) && host.status === "up"
          ? { ...host, counts: countStates(rows.get(host.id) ?? []) }
          : host,
      ),
    };
  });
}

function applyIncidents(client: QueryClient, incidents: Incident[]): void {
  client.setQueryData<IncidentsResponse>(incidentKeys.list({ open: true }), (old) => {
    if (!old) return old;
    const byId = new Map(old.incidents.map((i) => [i.id, i]));
    for (const incident of incidents) {
      if (incident.endedAt) byId.delete(incident.id);
      else byId.set(incident.id, incident);
    }
    return {
      incidents: [...byId.values()].sort((a, b) => b.openedAt.localeCompare(a.openedAt) || b.id - a.id),
    };
  });
  // Other lists (filtered, ended) are cheap to re-read and their membership rules live on the server.
  void client.invalidateQueries({ queryKey: incidentKeys.all, predicate: (q) => !isOpenList(q.queryKey) });
}

function isOpenList(key: readonly unknown[]): boolean {
  const filter = key[2] as { open?: boolean; hostId?: string; containerName?: string } | undefined;
  return (
    key[1] === "list" &&
    filter?.open === true &&
    !filter.hostId &&
    !filter.containerName &&
    Object.keys(filter).length === 1
  );
}

function availability(host: HostSummary) {
  return { id: host.id, status: host.status, error: host.error };
}

/**
 * Reads a query again with what the server knows after this change. An invalidation alone would reuse a first
 * read still in flight (a query with no data yet is never cancelled for a refetch), and that read may have been
 * answered before the change: a page opened just then kept auto-heal's "watching" while a try was planned.
 */
function readAgain(client: QueryClient, queryKey: readonly unknown[]): void {
  void client
    .cancelQueries({ queryKey, exact: true })
    .then(() => client.invalidateQueries({ queryKey, exact: true }));
}

/** "hostId/name" of every container whose detail or auto-heal status is in the cache. */
function watchedContainers(client: QueryClient): Set<string> {
  const watched = new Set<string>();
  for (const query of client.getQueryCache().getAll()) {
    const key = query.queryKey;
    if (key[0] === fleetKeys.all[0] && key[1] === "container")
      watched.add(`${String(key[2])}/${String(key[3])}`);
    if (key[0] === autohealKeys.all[0] && key[1] === "status")
      watched.add(`${String(key[2])}/${String(key[3])}`);
  }
  return watched;
}
