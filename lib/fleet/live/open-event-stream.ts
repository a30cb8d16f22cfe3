import "server-only";
import { sseResponse } from "@/lib/api/sse-response";
import type { StreamCaller } from "@/lib/auth/watch-principal";
import { buildSnapshot } from "./build-snapshot";
import type { FleetStore, Sequenced } from "./fleet-store";
import { getLiveFleet } from "./get-live-fleet";

// A client this far behind (a stalled tab, a slow link under heavy churn) is cut off rather than buffered for:
// its EventSource reconnects with Last-Event-ID and resumes, or gets a fresh snapshot.
const MAX_BACKLOG_BYTES = 32 * 1024 * 1024;

/**
 * GET /api/events as a server-sent event stream. A new client gets a `snapshot`; one reconnecting with a
 * Last-Event-ID from this server process gets just what it missed, or a snapshot when that is no longer held.
 */
export async function openEventStream(request: Request, caller: StreamCaller): Promise<Response> {
  const { store, bootId } = getLiveFleet();
  await store.ready();
  const resumeFrom = parseEventId(request.headers.get("last-event-id"), bootId);
  const lifetime = new AbortController();

  return sseResponse(
    request,
    caller,
    lifetime,
    async (channel) => {
      // Messages published in one turn of the event loop (a storm's thousand deaths come in bursts) go out as
      // one write: one encode and one chunk per client, not one per message.
      let pending: string[] = [];
      const flush = () => {
        const text = pending.join("");
        pending = [];
        if (channel.backlogBytes() > MAX_BACKLOG_BYTES) return lifetime.abort();
        channel.write(text);
      };
      const sendEvent = (event: Sequenced) => {
        if (pending.length === 0) setImmediate(flush);
        pending.push(
          (event.wire ??= `id: ${bootId}:${event.seq}\nevent: ${event.message.type}\ndata: ${JSON.stringify(event.message)}\n\n`),
        );
      };
      const missed = resumeFrom === null ? null : store.since(resumeFrom);
      if (missed) missed.forEach(sendEvent);
      else channel.write(snapshotWire(store, bootId));
      const unsubscribe = store.subscribe(sendEvent);
      await new Promise((resolve) => lifetime.signal.addEventListener("abort", resolve, { once: true }));
      unsubscribe();
    },
    { kind: "events", retryMs: 1000 },
  );
}

function parseEventId(header: string | null, bootId: string): number | null {
  if (!header) return null;
  const [boot, seq] = header.split(":");
  if (boot !== bootId || seq === undefined || !/^\d+$/.test(seq)) return null;
  return Number(seq);
}

let cachedSnapshot: { seq: number; wire: string } | null = null;

/** Clients connecting at the same moment (a reload of many tabs, a benchmark) share one serialised snapshot. */
function snapshotWire(store: FleetStore, bootId: string): string {
  const seq = store.currentSeq();
  if (cachedSnapshot?.seq !== seq) {
    cachedSnapshot = {
      seq,
      wire: `id: ${bootId}:${seq}\nevent: snapshot\ndata: ${JSON.stringify(buildSnapshot(store))}\n\n`,
    };
  }
  return cachedSnapshot.wire;
}
