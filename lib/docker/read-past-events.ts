import "server-only";
import type { Host } from "./host-config";
import { streamEvents, type EngineEvent } from "./stream-events";

/**
 * The container events an engine still holds from `sinceSeconds` up to `untilSeconds` (it keeps the last few
 * hundred in memory, and none from before its own restart). This is how Wharf learns what happened while it
 * was not running.
 */
export async function readPastEvents(
  host: Host,
  sinceSeconds: number,
  untilSeconds: number,
  signal: AbortSignal,
  actions?: string[],
): Promise<EngineEvent[]> {
  const events: EngineEvent[] = [];
  await streamEvents(host, {
    sinceSeconds,
    untilSeconds,
    signal,
    actions,
    onOpen: () => {},
    onEvent: (event) => events.push(event),
  });
  return events;
}
