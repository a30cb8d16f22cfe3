import "server-only";
import type { Host } from "@/lib/docker/host-config";
import { readEngineInfo } from "@/lib/docker/read-engine-info";
import type { EngineInfo } from "@/lib/docker/types";
import { withDeadline } from "@/lib/docker/with-deadline";

// A lost host must show as down within 5 s: a ping every 2 s that may take 2 s keeps it under that.
const PING_EVERY_MS = 2_000;
const PING_TIMEOUT_MS = 2_000;
// The engine drops events for a subscriber that falls behind (thousands of containers created at once), so
// every so often the list is compared with what Wharf holds, and whatever differs is inspected again.
const CHECK_LIST_EVERY_PINGS = 5;

/**
 * A connected host's heartbeat: pings until one fails (the watcher then marks the host down and reconnects),
 * and checks the container list every few pings.
 */
export async function keepPinging(
  host: Host,
  signal: AbortSignal,
  watcher: { lastEventAt: () => number; onInfo: (info: EngineInfo) => void; checkList: () => Promise<void> },
): Promise<never> {
  for (let count = 1; ; count++) {
    await new Promise((resolve) => setTimeout(resolve, PING_EVERY_MS));
    if (signal.aborted) throw new Error("stopped");
    const asked = Date.now();
    const info = await withDeadline((ping) => readEngineInfo(host, ping), PING_TIMEOUT_MS).catch(
      (error: unknown) => {
        // An engine reaping a storm of deaths answers its API late but still streams its events: it is busy,
        // not lost. Marking it down would re-read every container on top of the storm.
        if (watcher.lastEventAt() >= asked) return null;
        throw error;
      },
    );
    if (info) watcher.onInfo(info);
    if (count % CHECK_LIST_EVERY_PINGS === 0) await watcher.checkList();
  }
}
