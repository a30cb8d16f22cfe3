import { gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ChangeFeed } from "./live/change-feed";
import { FleetStore } from "./live/fleet-store";
import { containersResponse } from "./list-containers";

// The process's live fleet as getLiveFleet() finds it: a store with no host, so no watcher talks to an engine.
const LIVE = Symbol.for("wharf.live-fleet");
const holder = globalThis as { [LIVE]?: unknown };

let store: FleetStore;
beforeEach(() => {
  store = new FleetStore([]);
  holder[LIVE] = { store, feed: new ChangeFeed(), watchers: [], bootId: "test" };
});
afterEach(() => delete holder[LIVE]);

/** The answer's body as the server hands it over: the one chunk it was given. */
async function bodyOf(response: Response): Promise<Uint8Array> {
  const reader = response.body!.getReader();
  const { value } = await reader.read();
  expect(await reader.read()).toEqual({ done: true, value: undefined });
  return value!;
}

describe("GET /api/containers, unfiltered", () => {
  it("answers every request with the one body serialised for the fleet as it is, until it changes", async () => {
    const first = await bodyOf(await containersResponse({}));
    const second = await bodyOf(await containersResponse({}));
    expect(second).toBe(first);
    expect(JSON.parse(new TextDecoder().decode(first))).toEqual({ containers: [], hosts: [] });

    store.publish({ type: "service", hostId: "alpha", name: "web" });
    const afterChange = await bodyOf(await containersResponse({}));
    expect(afterChange).not.toBe(first);
    expect(await bodyOf(await containersResponse({}))).toBe(afterChange);
  });

  it("compresses once per change for clients that take gzip, and says how long the body is", async () => {
    const response = await containersResponse({}, true);
    const gzip = await bodyOf(response);
    expect(response.headers.get("content-length")).toBe(String(gzip.byteLength));
    expect(JSON.parse(gunzipSync(gzip).toString("utf8"))).toEqual({ containers: [], hosts: [] });
    expect(await bodyOf(await containersResponse({}, true))).toBe(gzip);
  });
});
