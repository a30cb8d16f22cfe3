import { describe, expect, it } from "vitest";
import type { Host } from "@/lib/docker/host-config";
import { FleetStore } from "@/lib/fleet/live/fleet-store";
import { sayWhenNoEngine } from "./say-when-no-engine";

const host = (id: string, url: string): Host => ({ id, name: id, url, displayUrl: url, timeoutMs: 3000 });
const INFO = { engineVersion: "27.3.1", apiVersion: "1.47", latencyMs: 4 };

describe("sayWhenNoEngine", () => {
  it("names every host it tried, with why, and says what to do", async () => {
    const store = new FleetStore([
      host("local", "unix:///var/run/docker.sock"),
      host("b", "tcp://127.0.0.1:9"),
    ]);
    store.setDown("local", "ENOENT (socket not found)");
    store.setDown("b", "ECONNREFUSED (connection refused)");
    const lines: string[] = [];
    await sayWhenNoEngine(store, (line) => lines.push(line));
    expect(lines).toEqual([
      "[wharf] no Docker engine answers: local (unix:///var/run/docker.sock): ENOENT (socket not found); " +
        "b (tcp://127.0.0.1:9): ECONNREFUSED (connection refused). Start Docker, set DOCKER_HOST (one engine) " +
        "or FLEET_CONFIG (a fleet file), or try `npm run demo`.",
    ]);
  });

  it("says nothing when one engine answers", async () => {
    const store = new FleetStore([host("a", "tcp://127.0.0.1:23750"), host("b", "tcp://127.0.0.1:9")]);
    store.setUp("a", INFO);
    store.markSynced("a");
    store.setDown("b", "ECONNREFUSED (connection refused)");
    const lines: string[] = [];
    await sayWhenNoEngine(store, (line) => lines.push(line));
    expect(lines).toEqual([]);
  });
});
