import type { HistoryFilter } from "@/lib/history/types";
import type { ContainerFilter } from "@/lib/fleet/filter-containers";
import type { IncidentFilter } from "@/lib/incidents/types";
import type { InsightsQuery } from "@/lib/insights/types";

/** Every query key Wharf uses; invalidations and live updates target these exact tuples. */
export const fleetKeys = {
  all: ["fleet"] as const,
  hosts: () => [...fleetKeys.all, "hosts"] as const,
  containers: (filter: ContainerFilter = {}) => [...fleetKeys.all, "containers", filter] as const,
  container: (hostId: string, name: string) => [...fleetKeys.all, "container", hostId, name] as const,
};

export const incidentKeys = {
  all: ["incidents"] as const,
  list: (filter: IncidentFilter = {}) => [...incidentKeys.all, "list", filter] as const,
};

/** Invalidate `historyKeys.all` after an action: every list and chart of the deploy history re-reads. */
export const historyKeys = {
  all: ["history"] as const,
  list: (filter: HistoryFilter & { limit?: number } = {}) => [...historyKeys.all, "list", filter] as const,
  timeline: (filter: HistoryFilter = {}, days?: number) =>
    [...historyKeys.all, "timeline", filter, days ?? null] as const,
  /** Delivery insights are read from the history: an action that invalidates it refreshes them too. */
  insights: (query: InsightsQuery) => [...historyKeys.all, "insights", query] as const,
};

export const actionKeys = {
  all: ["actions"] as const,
  /** Record<"hostId/name", ActionProgress> of actions running (or just ended), fed by the event stream. */
  progress: () => [...actionKeys.all, "progress"] as const,
  /** Mutation key of the actions the UI sends: views read the pending ones to disable their buttons at once. */
  run: () => [...actionKeys.all, "run"] as const,
  /** Mutation key of a "restart crashed" on one host (or the fleet, null): its button reads whether it runs. */
  restartCrashed: (hostId: string | null) => [...actionKeys.all, "restart-crashed", hostId] as const,
};

export const authKeys = {
  all: ["auth"] as const,
  /** Who this browser is signed in as (GET /api/auth/me). */
  me: () => [...authKeys.all, "me"] as const,
  /** Whether any user exists yet, for the sign-in page's hint (GET /api/auth/setup). */
  setup: () => [...authKeys.all, "setup"] as const,
};

/** The settings page's lists. Every user or token change is audited, so mutations invalidate `adminKeys.all`. */
export const adminKeys = {
  all: ["admin"] as const,
  users: () => [...adminKeys.all, "users"] as const,
  tokens: () => [...adminKeys.all, "tokens"] as const,
  audit: (limit: number) => [...adminKeys.all, "audit", limit] as const,
  teams: () => [...adminKeys.all, "teams"] as const,
  grants: () => [...adminKeys.all, "grants"] as const,
};

/** Auto-heal: a container's status follows its row (invalidated with it); policies change only through mutations. */
export const autohealKeys = {
  all: ["autoheal"] as const,
  status: (hostId: string, name: string) => [...autohealKeys.all, "status", hostId, name] as const,
  policies: () => [...autohealKeys.all, "policies"] as const,
};

/** Alert channels and their delivery logs (settings page). A channel change invalidates `alertKeys.all`. */
export const alertKeys = {
  all: ["alerts"] as const,
  channels: () => [...alertKeys.all, "channels"] as const,
  deliveries: (channelId: number) => [...alertKeys.all, "deliveries", channelId] as const,
};

/** Swarm services and nodes; a `service` message on the event stream invalidates `swarmKeys.all`. */
export const swarmKeys = {
  all: ["swarm"] as const,
  services: () => [...swarmKeys.all, "services"] as const,
  service: (hostId: string, name: string) => [...swarmKeys.all, "service", hostId, name] as const,
  nodes: () => [...swarmKeys.all, "nodes"] as const,
};

/** A host's images (the images page); a prune invalidates `imageKeys.all` and the history. */
export const imageKeys = {
  all: ["images"] as const,
  host: (hostId: string) => [...imageKeys.all, "host", hostId] as const,
};
