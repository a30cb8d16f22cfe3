import "server-only";
import { getDatabase } from "@/lib/db/database";
import type { Host } from "@/lib/docker/host-config";
import { readNewsSince } from "@/lib/fleet/live/catch-up";
import type { LiveFleetTables } from "@/lib/fleet/live/db/host-cursor-table";
import { readHostCursor } from "@/lib/fleet/live/db/read-host-cursor";
import type { FleetChange } from "@/lib/fleet/live/change-feed";

// A big host's events take a while to read; a replica that just took the lease can wait that long.
const READ_TIMEOUT_MS = 60_000;

/**
 * For a replica that has just become the recorder: what each engine did since the cursor the last recorder
 * saved, read from the engines as a start-up's catch-up reads it. A host with no cursor was never recorded:
 * its first read is its baseline, as on a first start. A host that cannot be read now is caught up by its
 * watcher's reconnect, which replays from its own cursor.
 */
export async function catchUpRecorded(hosts: Host[]): Promise<FleetChange[]> {
  const db = await getDatabase<LiveFleetTables>();
  const read = await Promise.all(
    hosts.map(async (host) => {
      const stored = await readHostCursor(db, host.id);
      if (stored === null) return [];
      try {
        return await readNewsSince(host, stored, READ_TIMEOUT_MS);
      } catch (error) {
        console.error(`[wharf] catching up on host ${host.id} as the new recorder failed`, error);
        return [];
      }
    }),
  );
  return read.flat();
}
