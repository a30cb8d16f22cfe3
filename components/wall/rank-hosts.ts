import type { HostSummary, ListedContainer } from "@/lib/fleet/types";

export type WallTile = { host: HostSummary; flagged: ListedContainer[] };

/**
 * The wall's order: hosts that are down, then the most containers needing attention, then by name. A tile
 * lists its flagged containers, which is what someone across the room has to walk over for.
 */
export function rankHosts(hosts: HostSummary[], rows: ListedContainer[]): WallTile[] {
  const flagged = new Map<string, ListedContainer[]>();
  for (const row of rows) {
    if (!row.attention || row.stale) continue;
    const list = flagged.get(row.hostId);
    if (list) list.push(row);
    else flagged.set(row.hostId, [row]);
  }
  const tiles = hosts.map((host) => ({ host, flagged: flagged.get(host.id) ?? [] }));
  return tiles.sort(
    (a, b) =>
      Number(b.host.status === "down") - Number(a.host.status === "down") ||
      b.flagged.length - a.flagged.length ||
      a.host.name.localeCompare(b.host.name),
  );
}
