import type { ListedContainer } from "./types";

/** A compose project's state at a glance: the worst of its containers, as Portainer and Komodo show stacks. */
export type ProjectState = "attention" | "running" | "partial" | "stopped";

export type ProjectSummary = {
  /** The compose project, or null for the containers of no project. */
  project: string | null;
  total: number;
  running: number;
  attention: number;
  state: ProjectState;
  hosts: string[];
};

export type FleetItem =
  | { kind: "group"; key: string; summary: ProjectSummary; collapsed: boolean }
  | { kind: "row"; key: string; row: ListedContainer };

export const NO_PROJECT = "(no project)";

/**
 * The table's rows under one header per compose project (in the order the rows come, so the table's sort also
 * orders the projects by their first row), containers of no project last. A collapsed project keeps its header.
 */
export function groupByProject(rows: ListedContainer[], collapsed: ReadonlySet<string>): FleetItem[] {
  const groups = new Map<string | null, ListedContainer[]>();
  for (const row of rows) {
    const project = row.compose?.project ?? null;
    const list = groups.get(project);
    if (list) list.push(row);
    else groups.set(project, [row]);
  }
  const ordered = [...groups.entries()].sort(([a], [b]) => (a === null ? 1 : 0) - (b === null ? 1 : 0));
  const items: FleetItem[] = [];
  for (const [project, members] of ordered) {
    const name = project ?? NO_PROJECT;
    const folded = collapsed.has(name);
    items.push({
      kind: "group",
      key: `group:${name}`,
      summary: summarize(project, members),
      collapsed: folded,
    });
    if (!folded) for (const row of members) items.push({ kind: "row", key: `${row.hostId}/${row.id}`, row });
  }
  return items;
}

export function summarize(project: string | null, rows: ListedContainer[]): ProjectSummary {
  let running = 0;
  let attention = 0;
  const hosts = new Set<string>();
  for (const row of rows) {
    hosts.add(row.hostId);
    if (row.state === "running" && !row.stale) running++;
    if (row.attention && !row.stale) attention++;
  }
  const state: ProjectState =
    attention > 0 ? "attention" : running === rows.length ? "running" : running === 0 ? "stopped" : "partial";
  return { project, total: rows.length, running, attention, state, hosts: [...hosts].sort() };
}
