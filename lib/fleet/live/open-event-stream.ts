import "server-only";
import { buildSnapshot } from "./build-snapshot";
import { getLiveFleet } from "./get-live-fleet";
import type { Sequenced } from "./fleet-store";

// Proxies and browsers drop connections that stay silent; a comment line every 15 s keeps it open.
const HEARTBEAT_MS = 15_000;

/**
 * GET /api/events as a server-sent event stream. A new client gets a `snapshot`; one reconnecting with a
 * Last-Event-ID from this server process gets just what it missed, or a snapshot when that is no longer held.
 */
export async function openEventStream(request: Request): Promise<Response> {
  const { store, bootId } = getLiveFleet();
  await store.ready();
  const resumeFrom = parseEventId(request.headers.get("last-event-id"), bootId);
  const encoder = new TextEncoder();
  let cleanup = () => {};

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const sendEvent = (event: Sequenced) =>
        send((event.wire ??= `id: ${bootId}:${event.seq}\nevent: ${event.message.type}\ndata: ${JSON.stringify(event.message)}\n\n`));

      send("retry: 1000\n\n");
      const missed = resumeFrom === null ? null : store.since(resumeFrom);
      if (missed) {
        missed.forEach(sendEvent);
      } else {
        send(snapshotWire(store, bootId));
      }
      const unsubscribe = store.subscribe(sendEvent);
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      cleanup = () => {
        unsubscribe();
        clearInterval(heartbeat);
      };
      request.signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {}
      });
    },
    cancel() {
      cleanup();
    },
  });

  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}

function parseEventId(header: string | null, bootId: string): number | null {
  if (!header) return null;
  const [boot, seq] = header.split(":");
  if (boot !== bootId || seq === undefined || !/^\d+$/.test(seq)) return null;
  return Number(seq);
}

let cachedSnapshot: { seq: number; wire: string } | null = null;

/** Clients connecting at the same moment (a reload of many tabs, a benchmark) share one serialised snapshot. */
function snapshotWire(store: Parameters<typeof buildSnapshot>[0], bootId: string): string {
  const seq = store.currentSeq();
  if (cachedSnapshot?.seq !== seq) {
    cachedSnapshot = { seq, wire: `id: ${bootId}:${seq}\nevent: snapshot\ndata: ${JSON.stringify(buildSnapshot(store))}\n\n` };
  }
  return cachedSnapshot.wire;
}
