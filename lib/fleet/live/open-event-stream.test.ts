import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { StreamCaller } from "@/lib/auth/watch-principal";
import type { Incident } from "@/lib/fleet/incident-types";
import { ChangeFeed } from "./change-feed";
import { FleetStore } from "./fleet-store";
import { openEventStream } from "./open-event-stream";

// The process's live fleet, as getLiveFleet() finds it: a store with no host (so no watcher talks to an engine).
const LIVE = Symbol.for("wharf.live-fleet");
const holder = globalThis as { [LIVE]?: unknown };

const caller: StreamCaller = {
  principal: { kind: "user", name: "ann", role: "viewer", userId: 1, sessionId: "1" },
  needs: "viewer",
};

let store: FleetStore;
let open: { abort: AbortController; reader: ReadableStreamDefaultReader<Uint8Array> }[];

beforeEach(() => {
  store = new FleetStore([]);
  holder[LIVE] = { store, feed: new ChangeFeed(), watchers: [], bootId: "test" };
  open = [];
});
afterEach(() => {
  open.forEach((stream) => stream.abort.abort());
  delete holder[LIVE];
});

async function connect(openIncidents: () => Promise<Incident[]> = async () => []) {
  const abort = new AbortController();
  const response = await openEventStream(
    new Request("http://wharf.test/api/events", { signal: abort.signal }),
    caller,
    openIncidents,
  );
  const stream = { abort, reader: response.body!.getReader() };
  open.push(stream);
  return stream;
}

const text = (chunk: Uint8Array | undefined) => new TextDecoder().decode(chunk);

/** The next chunk that carries an event (the `retry:` line comes first). */
async function nextEvent(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<Uint8Array> {
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error("the stream ended");
    if (text(value).includes("event: ")) return value;
  }
}

describe("GET /api/events", () => {
  it("sends every client the one encoded snapshot and message, not a copy each", async () => {
    const [a, b] = [await connect(), await connect()];
    const snapshotA = await nextEvent(a.reader);
    const snapshotB = await nextEvent(b.reader);
    expect(text(snapshotA)).toContain("event: snapshot");
    expect(snapshotB).toBe(snapshotA);

    store.publish({ type: "service", hostId: "alpha", name: "web" });
    const messageA = await nextEvent(a.reader);
    const messageB = await nextEvent(b.reader);
    expect(text(messageA)).toContain('"name":"web"');
    expect(messageB).toBe(messageA);
  });

  it("lets go of a client's subscription once it goes away", async () => {
    const [a, b] = [await connect(), await connect()];
    await nextEvent(a.reader);
    await nextEvent(b.reader);
    expect(store.listenerCount()).toBe(2);

    a.abort.abort();
    expect(await a.reader.read()).toEqual({ done: true, value: undefined });
    await vi.waitFor(() => expect(store.listenerCount()).toBe(1));

    store.publish({ type: "service", hostId: "alpha", name: "web" });
    expect(text(await nextEvent(b.reader))).toContain('"name":"web"');
  });

  it("sends what was published while the open incidents were read right after the snapshot, in order", async () => {
    let answer!: (incidents: Incident[]) => void;
    const reading = new Promise<Incident[]>((resolve) => (answer = resolve));
    const client = await connect(() => reading);
    store.publish({ type: "service", hostId: "alpha", name: "during" });
    answer([]);
    const snapshot = text(await nextEvent(client.reader));
    expect(snapshot).toContain("event: snapshot");
    expect(snapshot).toContain('"incidents":[]');
    const next = snapshot.includes('"name":"during"') ? snapshot : text(await nextEvent(client.reader));
    expect(next).toContain('"name":"during"');
  });
});
