import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { ContainersResponse, HostsResponse } from "@/lib/fleet/types";
import type { IncidentsResponse } from "@/lib/incidents/types";
import { docker, readFleetFile, runContainer, uniqueName } from "../support/fleet";
import { startRelay } from "../support/tcp-relay";
import { startWharf, type RunningServer } from "../support/wharf-server";
import { passFolder } from "../support/pass";

let relay: Awaited<ReturnType<typeof startRelay>>;
let wharf: RunningServer;
const name = uniqueName("it-away");

async function get<T>(pathname: string): Promise<T> {
  return (await (await wharf.fetch(pathname)).json()) as T;
}

const hostStatus = async (id: string) =>
  (await get<HostsResponse>("/api/hosts")).hosts.find((h) => h.id === id)?.status;

// This suite runs its own Wharf, watching bravo through a relay it can cut like a failing network.
beforeAll(async () => {
  relay = await startRelay({ host: "127.0.0.1", port: 23751 });
  const alpha = readFleetFile().hosts.find((h) => h.id === "alpha")!;
  const dir = path.join(passFolder, "integration");
  const file = path.join(dir, "relay-hosts.json");
  writeFileSync(
    file,
    JSON.stringify({ hosts: [alpha, { id: "relay", url: `tcp://127.0.0.1:${relay.port}` }] }),
  );
  // Fresh each run, like every test server's: nothing an earlier run recorded may count here.
  const dataDir = path.join(dir, "relay-data");
  rmSync(dataDir, { recursive: true, force: true });
  wharf = await startWharf({ port: 3121, fleetConfig: file, dataDir });
}, 120_000);

afterAll(async () => {
  await wharf?.stop();
  await relay?.stop();
  await docker("bravo", "rm", "-f", name).catch(() => "");
});

it("a host cut off while a container crashes turns down, keeps its rows, and records the crash once it is back", async () => {
  await runContainer(
    "bravo",
    name,
    [],
    ["sh", "-c", "while [ ! -f /tmp/go ]; do sleep 0.1; done; echo 'lost while away' >&2; exit 4"],
  );
  await vi.waitFor(async () => {
    const { containers } = await get<ContainersResponse>(`/api/containers?host=relay&q=${name}`);
    expect(containers[0]?.state).toBe("running");
  });

  await relay.cut();
  await vi.waitFor(async () => expect(await hostStatus("relay")).toBe("down"), {
    timeout: 15_000,
    interval: 100,
  });
  expect(await hostStatus("alpha")).toBe("up");

  await docker("bravo", "exec", name, "touch", "/tmp/go");
  await vi.waitFor(async () =>
    expect(await docker("bravo", "inspect", "--format", "{{.State.Status}}", name)).toBe("exited"),
  );

  // While away: the last state known, marked stale, and no incident yet (Wharf could not see the crash).
  const away = await get<ContainersResponse>(`/api/containers?host=relay&q=${name}`);
  expect(away.containers[0]).toMatchObject({ name, state: "running", stale: true });
  expect(away.hosts).toEqual([expect.objectContaining({ id: "relay", status: "down" })]);

  await relay.restore();
  await vi.waitFor(async () => expect(await hostStatus("relay")).toBe("up"), {
    timeout: 15_000,
    interval: 100,
  });
  await vi.waitFor(
    async () => {
      const { incidents } = await get<IncidentsResponse>(`/api/incidents?host=relay&container=${name}`);
      expect(incidents).toHaveLength(1);
      expect(incidents[0]).toMatchObject({ kind: "exit", exitCode: 4 });
      expect(incidents[0]!.logTail).toContain("lost while away");
    },
    { timeout: 15_000, interval: 200 },
  );
  // The row read on reconnect says exited (4); the replayed `die` then tells why, and the row follows the
  // incident within a moment (its re-inspect waits in the host's pool while the incident needs none).
  await vi.waitFor(
    async () => {
      const back = await get<ContainersResponse>(`/api/containers?host=relay&q=${name}`);
      expect(back.containers[0]).toMatchObject({
        state: "exited",
        exitCode: 4,
        stale: false,
        exitCause: "crash",
      });
    },
    { timeout: 15_000, interval: 200 },
  );
});
