import "server-only";
import { findHost } from "@/lib/docker/load-fleet";
import { isCrashed } from "@/lib/fleet/is-crashed";
import { getLiveFleet } from "@/lib/fleet/live/get-live-fleet";
import { restartMany } from "./restart-many";
import type { Caller } from "./track-action";

/**
 * "Restart all crashed", for one host or the whole fleet: containers that exited non-zero, were OOM-killed
 * or are dead (lib/fleet/is-crashed.ts). Restart loops are left alone (the engine is already restarting them), and
 * so are unhealthy ones and swarm tasks' containers (the swarm replaces those).
 */
export async function restartCrashed(hostId: string | undefined, caller: Caller) {
  const { store } = getLiveFleet();
  const hostIds = hostId ? [findHost(hostId).id] : store.hostIds();
  await store.ready(hostIds);
  const crashed = hostIds
    .filter((id) => store.status(id) === "up")
    .flatMap((id) => store.rows(id))
    .filter((row) => isCrashed(row));
  return restartMany(
    crashed.map((row) => ({ hostId: row.hostId, name: row.name })),
    caller,
  );
}
