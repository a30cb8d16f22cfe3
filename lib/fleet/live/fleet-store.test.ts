import { afterEach, describe, expect, it, vi } from "vitest";
import type { Host } from "@/lib/docker/host-config";
import { emptyCounts } from "../count-states";
import { testRow } from "@/lib/fleet/test-row";
import type { ContainerRow } from "../types";
import { FleetStore, type Sequenced } from "./fleet-store";

const host = (id: string, timeoutMs = 3000): Host => ({
  id,
  name: id.toUpperCase(),
  url: `tcp://${id}:2376`,
  displayUrl: `tcp://${id}:2376`,
  timeoutMs,
});
const INFO = { engineVersion: "27.3.1", apiVersion: "1.47", latencyMs: 4 };

const row = (id: string, patch: Partial<ContainerRow> = {}) => testRow("alpha", id, patch);

/** A store over host alpha, and every message it publishes. */
function setup(hosts = [host("alpha")]) {
  const store = new FleetStore(hosts);
  const seen: Sequenced[] = [];
  store.subscribe((event) => seen.push(event));
  return { store, seen, messages: () => seen.map((e) => e.message) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("FleetStore host state", () => {
  it("shows a host not read yet as down and connecting", () => {
    const { store } = setup();
    expect(store.summary("alpha")).toMatchObject({
      id: "alpha",
      name: "ALPHA",
      status: "down",
      error: "connecting",
      engineVersion: null,
    });
    expect(store.summary("alpha").counts).toEqual(emptyCounts());
  });

  it("shows an up host with its versions and the counts of its rows", () => {
    const { store, messages } = setup();
    store.replaceRows("alpha", [
      row("a"),
      row("b", { state: "exited", exitCode: 1 }),
      row("c", { health: "unhealthy" }),
    ]);
    store.setUp("alpha", INFO);
    const summary = store.summary("alpha");
    expect(summary).toMatchObject({
      status: "up",
      error: null,
      engineVersion: "27.3.1",
      apiVersion: "1.47",
      latencyMs: 4,
    });
    expect(summary.counts).toMatchObject({ total: 3, running: 2, exited: 1, unhealthy: 1 });
    expect(messages().at(-1)).toEqual({ type: "host", host: summary });
  });

  it("keeps a down host's rows and tells clients once per error", () => {
    const { store, messages } = setup();
    store.setUp("alpha", INFO);
    store.replaceRows("alpha", [row("a")]);
    const before = messages().length;
    store.setDown("alpha", "connect ECONNREFUSED 10.0.0.5:2376");
    store.setDown("alpha", "connect ECONNREFUSED 10.0.0.5:2376");
    expect(messages().slice(before)).toEqual([{ type: "host", host: store.summary("alpha") }]);
    expect(store.summary("alpha")).toMatchObject({
      status: "down",
      error: "connect ECONNREFUSED 10.0.0.5:2376",
    });
    expect(store.rows("alpha")).toEqual([row("a")]);
    store.setDown("alpha", "timeout after 3000 ms");
    expect(messages().slice(before)).toHaveLength(2);
  });
});

describe("FleetStore containers", () => {
  it("publishes a row only when it changed", () => {
    const { store, messages } = setup();
    expect(store.putRow(row("a"))).toBe(true);
    expect(store.putRow(row("a"))).toBe(false);
    store.putRow(row("a", { state: "exited", exitCode: 3 }));
    expect(messages()).toEqual([
      { type: "container", hostId: "alpha", id: "a", row: row("a") },
      { type: "container", hostId: "alpha", id: "a", row: row("a", { state: "exited", exitCode: 3 }) },
    ]);
  });

  it("publishes a removed row as null, and nothing for a row it never had", () => {
    const { store, messages } = setup();
    store.putRow(row("a"));
    store.removeRow("alpha", "a");
    store.removeRow("alpha", "zzz");
    expect(messages().at(-1)).toEqual({ type: "container", hostId: "alpha", id: "a", row: null });
    expect(messages()).toHaveLength(2);
    expect(store.row("alpha", "a")).toBeUndefined();
  });

  it("replaces a host's rows, publishing what disappeared, appeared or changed", () => {
    const { store, messages } = setup();
    store.replaceRows("alpha", [row("a"), row("b")]);
    const before = messages().length;
    store.replaceRows("alpha", [row("b"), row("c")]);
    expect(messages().slice(before)).toEqual([
      { type: "container", hostId: "alpha", id: "a", row: null },
      { type: "container", hostId: "alpha", id: "c", row: row("c") },
    ]);
    expect(
      store
        .rows("alpha")
        .map((r) => r.id)
        .sort(),
    ).toEqual(["b", "c"]);
  });
});

describe("FleetStore replay", () => {
  it("returns exactly the messages a client missed, in order", () => {
    const { store, seen } = setup();
    ["a", "b", "c", "d"].forEach((id) => store.putRow(row(id)));
    expect(store.since(1)).toEqual(seen.slice(1));
    expect(store.since(0)).toEqual(seen);
    expect(store.since(store.currentSeq())).toEqual([]);
    expect(store.since(store.currentSeq() + 1)).toBeNull();
  });

  it("asks for a snapshot once the missed messages are no longer all held", () => {
    const { store } = setup();
    // The history is trimmed to its last 10,000 messages once 1,000 more have piled up.
    for (let i = 0; i < 11_001; i++) store.putRow(row("a", { restartCount: i }));
    expect(store.since(0)).toBeNull();
    expect(store.since(1_000)).toBeNull();
    const resumed = store.since(1_001);
    expect(resumed).toHaveLength(10_000);
    expect(resumed?.[0]?.seq).toBe(1_002);
    expect(resumed?.at(-1)?.seq).toBe(11_001);
  });

  it("stops telling a listener once it unsubscribed", () => {
    const { store } = setup();
    const heard: number[] = [];
    const unsubscribe = store.subscribe((event) => heard.push(event.seq));
    store.putRow(row("a"));
    unsubscribe();
    store.putRow(row("b"));
    expect(heard).toEqual([1]);
    expect(store.listenerCount()).toBe(1);
  });
});

describe("FleetStore.ready", () => {
  async function settled(promise: Promise<void>) {
    let done = false;
    void promise.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    return () => done;
  }

  it("resolves once every host was read, whether it came up or went down", async () => {
    vi.useFakeTimers();
    const { store } = setup([host("alpha"), host("beta")]);
    const done = await settled(store.ready());
    store.markSynced("alpha");
    await vi.advanceTimersByTimeAsync(0);
    expect(done()).toBe(false);
    store.setDown("beta", "connect ECONNREFUSED");
    await vi.advanceTimersByTimeAsync(0);
    expect(done()).toBe(true);
  });

  it("gives up waiting for a host never read after its timeout", async () => {
    vi.useFakeTimers();
    const { store } = setup([host("alpha", 500)]);
    const done = await settled(store.ready());
    await vi.advanceTimersByTimeAsync(499);
    expect(done()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done()).toBe(true);
  });
});

describe("finding a row by name", () => {
  it("follows renames, removals and a new container taking a freed name", () => {
    const { store } = setup();
    store.putRow(row("old", { name: "web" }));
    expect(store.findRowByName("alpha", "web")?.id).toBe("old");
    // A redeploy: the new container takes the name before the old one's rename is read.
    store.putRow(row("new", { name: "web" }));
    store.putRow(row("old", { name: "web-wharf-old-1" }));
    expect(store.findRowByName("alpha", "web")?.id).toBe("new");
    expect(store.findRowByName("alpha", "web-wharf-old-1")?.id).toBe("old");
    store.removeRow("alpha", "old");
    expect(store.findRowByName("alpha", "web-wharf-old-1")).toBeUndefined();
    expect(store.findRowByName("alpha", "web")?.id).toBe("new");
  });

  it("still finds a row when inspects answered out of order around a rename", () => {
    const { store } = setup();
    store.putRow(row("new", { name: "web" }));
    // A stale read of the old container, still under the name, then its rename.
    store.putRow(row("old", { name: "web", restartCount: 1 }));
    store.putRow(row("old", { name: "web-wharf-old-1", restartCount: 1 }));
    expect(store.findRowByName("alpha", "web")?.id).toBe("new");
  });
});
