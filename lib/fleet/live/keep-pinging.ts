import "server-only";
import type { Host } from "@/lib/docker/host-config";
import { readEngineInfo } from "@/lib/docker/read-engine-info";
import type { EngineInfo } from "@/lib/docker/types";
import { withAttentiveDeadline } from "./attentive-deadline";

// An engine that goes away closes its event stream, which ends the session at once; pings are for the engine
// that stays connected but never answers (a hung process, a network that drops packets without a reset).
const PING_EVERY_MS = 2_000;
const PING_TIMEOUT_MS = 2_000;
// How long a connected engine may leave pings unanswered, with no event either, before it is shown down. An
// engine reaping a storm of a thousand deaths on two cores answers nothing for seconds while its stream is still
// open: marking it down then would re-read every container on top of the storm (and it did, for 20 s). A hung
// one is shown down after this, the first failed ping after it.
const UNANSWERED_LIMIT_MS = 10_000;
// The engine drops events for a subscriber that falls behind (thousands of containers created at once), so
// every so often the list is compared with what Wharf holds, and whatever differs is inspected again.
const CHECK_LIST_EVERY_PINGS = 5;

/**
 * A connected host's heartbeat: pings until the engine has answered nothing (no ping, no event) for too long
 * (the watcher then marks the host down and reconnects), and checks the container list every few pings.
 */
export async function keepPinging(
  host: Host,
  signal: AbortSignal,
  watcher: { lastEventAt: () => number; onInfo: (info: EngineInfo) => void; checkList: () => Promise<void> },
): Promise<never> {
  let answeredAt = Date.now();
  let checking = false;
  for (let count = 1; ; count++) {
    await new Promise((resolve) => setTimeout(resolve, PING_EVERY_MS));
    if (signal.aborted) throw new Error("stopped");
    // A storm on another host must not show this one down: only time this process could hear the answer counts.
    const info = await withAttentiveDeadline((ping) => readEngineInfo(host, ping), PING_TIMEOUT_MS).catch(
      (error: unknown) => {
        if (Date.now() - Math.max(answeredAt, watcher.lastEventAt()) < UNANSWERED_LIMIT_MS) return null;
        throw error;
      },
    );
    if (info) {
      answeredAt = Date.now();
      watcher.onInfo(info);
    }
    // Beside the pings, not between them: a list of thousands under load can take longer than a ping may, and
    // the pings alone say whether the engine is there (a list that failed is simply tried again later).
    if (count % CHECK_LIST_EVERY_PINGS === 0 && !checking) {
      checking = true;
      void watcher
        .checkList()
        .catch(() => {})
        .finally(() => (checking = false));
    }
  }
}
