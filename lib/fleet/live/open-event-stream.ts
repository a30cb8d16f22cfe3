import "server-only";
import { sseResponse } from "@/lib/api/sse-response";
import type { StreamCaller } from "@/lib/auth/watch-principal";
import type { Incident } from "@/lib/fleet/incident-types";
import type { FleetStore, Sequenced } from "./fleet-store";
import { getLiveFleet } from "./get-live-fleet";
import type { FleetSnapshot } from "./messages";
import { FULL_VIEW, type Visibility } from "../fleet-targets";
import { ScopedMessages, scopedWire } from "./scoped-messages";

// A client this far behind (a stalled tab, a slow link under heavy churn) is cut off rather than buffered for:
// its EventSource reconnects with Last-Event-ID and resumes, or gets a fresh snapshot.
const MAX_BACKLOG_BYTES = 32 * 1024 * 1024;

/**
 * GET /api/events as a server-sent event stream. A new client gets a `snapshot`; one reconnecting with a
 * Last-Event-ID from this server process gets just what it missed, or a snapshot when that is no longer held.
 * The snapshot's open incidents come from `openIncidents`: incidents stand above the live fleet, so the caller
 * (the route) hands their read in. A scoped caller (`view`) gets only what it may see, every message
 * checked, the snapshot included.
 */
export async function openEventStream(
  request: Request,
  caller: StreamCaller,
  openIncidents: () => Promise<Incident[]>,
  view: Visibility = FULL_VIEW,
): Promise<Response> {
  const { store, bootId } = getLiveFleet();
  await store.ready();
  const resumeFrom = parseEventId(request.headers.get("last-event-id"), bootId);
  const lifetime = new AbortController();
  if (!view.all) return openScopedStream(request, caller, openIncidents, view, lifetime);

  return sseResponse(
    request,
    caller,
    lifetime,
    async (channel) => {
      // Messages published in one turn of the event loop (a storm's thousand deaths come in bursts) go out as
      // one write per client, and every client writes the same bytes.
      let pending: Sequenced[] = [];
      const flush = () => {
        const burst = pending;
        pending = [];
        if (channel.backlogBytes() > MAX_BACKLOG_BYTES) return lifetime.abort();
        channel.write(burstWire(burst, bootId));
      };
      const sendEvent = (event: Sequenced) => {
        if (pending.length === 0) setImmediate(flush);
        pending.push(event);
      };
      let missed = resumeFrom === null ? null : store.since(resumeFrom);
      if (!missed) {
        const snapshot = await snapshotWire(store, bootId, openIncidents);
        channel.write(snapshot.wire);
        // What was published while the incidents were read follows the snapshot; a client that fell that far
        // behind starts again.
        missed = store.since(snapshot.seq);
        if (!missed) return lifetime.abort();
      }
      missed.forEach(sendEvent);
      const unsubscribe = store.subscribe(sendEvent);
      await new Promise((resolve) => lifetime.signal.addEventListener("abort", resolve, { once: true }));
      unsubscribe();
    },
    { kind: "events", retryMs: 1000 },
  );
}

/**
 * The scoped caller's stream: no shared bytes (what each caller sees differs), and always a fresh snapshot, so a
 * resumed stream never relies on what another view was sent.
 */
function openScopedStream(
  request: Request,
  caller: StreamCaller,
  openIncidents: () => Promise<Incident[]>,
  view: Visibility,
  lifetime: AbortController,
): Response {
  const { store, bootId } = getLiveFleet();
  return sseResponse(
    request,
    caller,
    lifetime,
    async (channel) => {
      const scoped = new ScopedMessages(store, view);
      const seq = store.currentSeq();
      const incidents = await openIncidents();
      channel.write(
        `id: ${bootId}:${seq}\nevent: snapshot\ndata: ${JSON.stringify(scoped.snapshot(incidents))}\n\n`,
      );
      const send = (event: Sequenced) => {
        if (channel.backlogBytes() > MAX_BACKLOG_BYTES) return lifetime.abort();
        const message = scoped.filter(event.message);
        if (message) channel.write(scopedWire(event, message, bootId));
      };
      const missed = store.since(seq);
      if (!missed) return lifetime.abort();
      missed.forEach(send);
      const unsubscribe = store.subscribe(send);
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

const encoder = new TextEncoder();
const messageWire = (event: Sequenced, bootId: string) =>
  (event.wire ??= encoder.encode(
    `id: ${bootId}:${event.seq}\nevent: ${event.message.type}\ndata: ${JSON.stringify(event.message)}\n\n`,
  ));

let lastBurst: { first: Sequenced; last: Sequenced; wire: Uint8Array } | null = null;

/**
 * One turn's messages as one chunk. Every client subscribed in that turn flushes the same run of messages, so
 * the joined bytes are made once and shared, like each message's own.
 */
function burstWire(burst: Sequenced[], bootId: string): Uint8Array {
  const [first] = burst;
  const last = burst.at(-1);
  if (!first || !last) return new Uint8Array();
  if (first === last) return messageWire(first, bootId);
  if (lastBurst && lastBurst.first === first && lastBurst.last === last) return lastBurst.wire;
  const parts = burst.map((event) => messageWire(event, bootId));
  const wire = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    wire.set(part, offset);
    offset += part.byteLength;
  }
  lastBurst = { first, last, wire };
  return wire;
}

type SnapshotWire = { seq: number; wire: Uint8Array };
let cachedSnapshot: { store: FleetStore; seq: number; wire: Promise<SnapshotWire> } | null = null;

/**
 * Clients connecting at the same moment (a reload of many tabs, a benchmark) share one serialised snapshot, as
 * bytes: at thousands of containers it is megabytes, and a copy per client would be held until each has read it.
 * `seq` is the store's position when its rows were taken: what follows it is sent after the snapshot.
 */
export function snapshotWire(
  store: FleetStore,
  bootId: string,
  openIncidents: () => Promise<Incident[]>,
): Promise<SnapshotWire> {
  const seq = store.currentSeq();
  if (cachedSnapshot?.store !== store || cachedSnapshot.seq !== seq) {
    const hosts = store.hostIds().map((id) => store.summary(id));
    const containers = store.hostIds().flatMap((id) => store.rows(id));
    // Everything a live client starts from: hosts and containers as of `seq`, and the open incidents.
    const wire = openIncidents().then((incidents) => {
      const snapshot: FleetSnapshot = { hosts, containers, incidents };
      return {
        seq,
        wire: encoder.encode(`id: ${bootId}:${seq}\nevent: snapshot\ndata: ${JSON.stringify(snapshot)}\n\n`),
      };
    });
    // A failed read is not kept: the next client tries again.
    cachedSnapshot = { store, seq, wire };
    wire.catch(() => {
      if (cachedSnapshot?.wire === wire) cachedSnapshot = null;
    });
  }
  return cachedSnapshot.wire;
}
