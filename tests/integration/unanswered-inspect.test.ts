import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { ContainersResponse } from "@/lib/fleet/types";
import { docker, runDir, runContainer, uniqueName } from "../support/fleet";
import { startStallingProxy } from "../support/stalling-proxy";
import { startWharf, type RunningServer } from "../support/wharf-server";
import { passFolder } from "../support/pass";

let proxy: Awaited<ReturnType<typeof startStallingProxy>>;
let wharf: RunningServer;
const stuck = uniqueName("it-unanswered-stuck");
const fine = uniqueName("it-unanswered-fine");

async function containers(): Promise<ContainersResponse> {
  const res = await wharf.fetch("/api/containers?host=stalling");
  expect(res.status).toBe(200);
  return (await res.json()) as ContainersResponse;
}

// This suite runs its own Wharf, reading alpha through a proxy that never answers the inspect of one container:
// what dockerd does for a container whose reaping got stuck inside it, while it answers everything else.
beforeAll(async () => {
  const stuckId = await runContainer("alpha", stuck, [], ["sh", "-c", "exit 3"]);
  await runContainer("alpha", fine, [], ["true"]);
  await docker("alpha", "wait", stuck, fine);
  proxy = await startStallingProxy(path.join(runDir, "alpha.sock"), new Set([stuckId]));
  const dir = path.join(passFolder, "integration");
  const file = path.join(dir, "stalling-hosts.json");
  writeFileSync(file, JSON.stringify({ hosts: [{ id: "stalling", url: `tcp://127.0.0.1:${proxy.port}` }] }));
  const dataDir = path.join(dir, "stalling-data");
  rmSync(dataDir, { recursive: true, force: true });
  wharf = await startWharf({ port: 3126, fleetConfig: file, dataDir });
}, 120_000);

afterAll(async () => {
  await wharf?.stop();
  await proxy?.stop();
  await docker("alpha", "rm", "-f", stuck, fine).catch(() => "");
});

it("a container whose inspect never answers is shown as the engine lists it, and the host stays up", async () => {
  // Its inspect is asked twice, each given the host's timeout, before the host's first read is shown.
  const first = await vi.waitFor(
    async () => {
      const read = await containers();
      expect(read.hosts[0]).toMatchObject({ id: "stalling", status: "up", error: null });
      return read;
    },
    { timeout: 20_000, interval: 250 },
  );
  // From the list entry: its state and exit code, and nothing only an inspect tells.
  expect(first.containers.find((c) => c.name === stuck)).toMatchObject({
    state: "exited",
    exitCode: 3,
    finishedAt: null,
    stale: false,
  });
  // Every other container is read as always.
  expect(first.containers.find((c) => c.name === fine)).toMatchObject({
    state: "exited",
    exitCode: 0,
    finishedAt: expect.any(String),
  });

  // Once the engine answers again, a later list check reads it whole.
  proxy.release();
  await vi.waitFor(
    async () => {
      const row = (await containers()).containers.find((c) => c.name === stuck);
      expect(row).toMatchObject({ state: "exited", exitCode: 3, finishedAt: expect.any(String) });
    },
    { timeout: 30_000, interval: 250 },
  );
});
