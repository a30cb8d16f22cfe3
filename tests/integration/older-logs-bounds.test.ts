import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OlderLinesResponse } from "@/lib/logs/types";
import { docker, runContainer, runDir, uniqueName, waitFor } from "../support/fleet";
import { startLogProxy } from "../support/log-proxy";
import { startWharf, type RunningServer } from "../support/wharf-server";
import { passFolder } from "../support/pass";

// Scrolling back through a long log costs the server a bounded read, and only a few run at once. The server's
// only host is alpha behind a proxy that counts what the engine sends for log reads and can hold them.
const dir = path.join(passFolder, "integration", `asec-older-${Date.now().toString(36)}`);
let proxy: Awaited<ReturnType<typeof startLogProxy>>;
let wharf: RunningServer;
const containers: string[] = [];

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  proxy = await startLogProxy(`${runDir}/alpha.sock`);
  const fleetFile = path.join(dir, "hosts.json");
  writeFileSync(fleetFile, JSON.stringify({ hosts: [{ id: "asec", url: `tcp://127.0.0.1:${proxy.port}` }] }));
  wharf = await startWharf({ port: 3177, fleetConfig: fleetFile, dataDir: path.join(dir, "data") });
}, 90_000);

afterAll(async () => {
  await wharf?.stop();
  await proxy?.stop();
  if (containers.length > 0) await docker("alpha", "rm", "-f", ...containers).catch(() => "");
});

/** A container whose log is `lines` lines of about `width` bytes, "line 1 xxx…" to "line N xxx…", then "ready". */
async function loggedContainer(lines: number, width: number): Promise<string> {
  const name = uniqueName("asec-it-older");
  const script = `x=$(printf "%0${width}d" 0); seq ${lines} | sed "s/.*/line & $x/"; echo ready; sleep 100000`;
  const id = await runContainer("alpha", name, [], ["sh", "-c", script]);
  containers.push(name);
  proxy.track(id);
  await waitFor(`${name} to print its lines`, async () =>
    (await docker("alpha", "logs", "--tail", "1", name).catch(() => "")).includes("ready"),
  );
  return name;
}

const older = (name: string, query: string, token = wharf.token) =>
  fetch(`${wharf.url}/api/containers/asec/${name}/logs/older?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });

describe("older log lines", () => {
  it("reads a 24 MB log back to its first lines without reading it whole", async () => {
    const LINES = 24_000;
    const name = await loggedContainer(LINES, 1000);
    const stamps = (await docker("alpha", "logs", "-t", "--tail", String(LINES + 1), name))
      .split("\n")
      .map((line) => line.slice(0, line.indexOf(" ")));
    const logBytes = LINES * 1000;

    const response = await older(name, `before=${encodeURIComponent(stamps[99]!)}&limit=10`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as OlderLinesResponse;
    expect(body.lines.map((line) => line.text.split(" ").slice(0, 2).join(" "))).toEqual(
      Array.from({ length: 10 }, (_, i) => `line ${90 + i}`),
    );
    expect(body.more).toBe(true);
    // The engine sent well under the log: not the whole of it, let alone once per longer tail.
    expect(proxy.logBytes()).toBeLessThan(logBytes / 2);

    proxy.resetLogBytes();
    const first = (await (
      await older(name, `before=${encodeURIComponent(stamps[4]!)}&limit=10`)
    ).json()) as OlderLinesResponse;
    expect(first.lines.map((line) => line.text.split(" ").slice(0, 2).join(" "))).toEqual([
      "line 1",
      "line 2",
      "line 3",
      "line 4",
    ]);
    expect(first.more).toBe(false);
    expect(proxy.logBytes()).toBeLessThan(logBytes / 2);
  }, 120_000);

  it("refuses a caller's third read at once with 429 while two run, and lets another caller in", async () => {
    const name = await loggedContainer(10, 10);
    const before = encodeURIComponent(new Date().toISOString());
    const viewer = (await (
      await wharf.fetch("/api/tokens", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: uniqueName("asec-viewer"), role: "viewer" }),
      })
    ).json()) as { token: string };

    proxy.hold();
    const running = [older(name, `before=${before}`), older(name, `before=${before}`)];
    await proxy.held(2);
    const third = await older(name, `before=${before}`);
    expect(third.status).toBe(429);
    expect(((await third.json()) as { error: { message: string } }).error.message).toContain(
      "Reading older log lines: 2 of yours are running already",
    );
    const other = older(name, `before=${before}`, viewer.token);
    await proxy.held(3);
    proxy.release();
    const settled = await Promise.all([...running, other]);
    // The held reads were cut by the "engine": they fail, but they did run.
    expect(settled.map((r) => r.status)).not.toContain(429);
    expect((await older(name, `before=${before}`)).status).toBe(200);
  });
});
