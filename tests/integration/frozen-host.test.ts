import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { ContainersResponse, HostsResponse } from "@/lib/fleet/types";
import { docker, readFleetFile, uniqueName } from "../support/fleet";
import { startRelay } from "../support/tcp-relay";
import { startWharf, type RunningServer } from "../support/wharf-server";
import { passFolder } from "../support/pass";

let relay: Awaited<ReturnType<typeof startRelay>>;
let wharf: RunningServer;
const idle = uniqueName("it-frozen-alpha");
const behind = uniqueName("it-frozen-bravo");

async function get<T>(pathname: string): Promise<T> {
  const res = await wharf.fetch(pathname);
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

// This suite runs its own Wharf with two hosts: alpha, and bravo behind a relay that is frozen before Wharf
// starts (it accepts connections and answers nothing, like a stopped dockerd or a hung host).
beforeAll(async () => {
  // Created and never started: the row Wharf builds from the engine's list alone.
  await docker(
    "alpha",
    "create",
    "--name",
    idle,
    "--network",
    "none",
    "--label",
    "wharf.test=frozen",
    "localhost/busybox:1",
    "true",
  );
  await docker("bravo", "create", "--name", behind, "--network", "none", "localhost/busybox:1", "true");
  relay = await startRelay({ host: "127.0.0.1", port: 23751 });
  relay.freeze();
  const alpha = readFleetFile().hosts.find((h) => h.id === "alpha")!;
  const dir = path.join(passFolder, "integration");
  const file = path.join(dir, "frozen-hosts.json");
  writeFileSync(
    file,
    JSON.stringify({ hosts: [alpha, { id: "stuck", url: `tcp://127.0.0.1:${relay.port}` }] }),
  );
  const dataDir = path.join(dir, "frozen-data");
  rmSync(dataDir, { recursive: true, force: true });
  wharf = await startWharf({ port: 3125, fleetConfig: file, dataDir });
}, 120_000);

afterAll(async () => {
  relay?.thaw();
  await wharf?.stop();
  await relay?.stop();
  await docker("alpha", "rm", "-f", idle).catch(() => "");
  await docker("bravo", "rm", "-f", behind).catch(() => "");
});

it("an engine that stops answering is shown down while the other hosts list, and comes back with its containers", async () => {
  const first = await get<ContainersResponse>("/api/containers");
  expect(first.hosts.find((h) => h.id === "stuck")).toMatchObject({ status: "down" });
  expect(first.hosts.find((h) => h.id === "alpha")).toMatchObject({ status: "up", error: null });
  expect(first.containers.find((c) => c.name === idle)).toMatchObject({
    hostId: "alpha",
    state: "created",
    image: "localhost/busybox:1",
    labels: { "wharf.test": "frozen" },
    attention: null,
    stale: false,
  });
  const hosts = await get<HostsResponse>("/api/hosts");
  const stuck = hosts.hosts.find((h) => h.id === "stuck");
  expect(stuck).toMatchObject({ status: "down", engineVersion: null });
  expect(stuck?.error).toMatch(/not answering|timed out/);

  relay.thaw();
  await vi.waitFor(
    async () => {
      const back = await get<ContainersResponse>("/api/containers?host=stuck");
      expect(back.hosts[0]).toMatchObject({ status: "up" });
      expect(back.containers.find((c) => c.name === behind)).toMatchObject({
        state: "created",
        stale: false,
      });
    },
    { timeout: 20_000, interval: 200 },
  );
});

// The pings' deadline counts only the time Wharf could hear an answer (lib/fleet/live/attentive-deadline.ts); an
// engine that hangs while connected must still be shown down by them, its event stream being open but silent.
it("an engine that hangs once connected is shown down by its unanswered pings, and alpha stays up", async () => {
  relay.freeze();
  try {
    await vi.waitFor(
      async () => {
        const { hosts } = await get<HostsResponse>("/api/hosts");
        expect(hosts.find((h) => h.id === "stuck")).toMatchObject({
          status: "down",
          error: expect.stringMatching(/timed out after 2000 ms/),
        });
        expect(hosts.find((h) => h.id === "alpha")).toMatchObject({ status: "up" });
      },
      { timeout: 25_000, interval: 250 },
    );
  } finally {
    relay.thaw();
  }
}, 40_000);
