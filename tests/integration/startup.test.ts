import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import type { HostsResponse } from "@/lib/fleet/types";
import { fleetFile, readFleetFile, repoRoot, waitFor } from "../support/fleet";
import { provisionedNode } from "../support/node-version";
import { startWharf } from "../support/wharf-server";
import { portOffset } from "../support/pass";

const dir = mkdtempSync(path.join(os.tmpdir(), "wharf-startup-"));

it("refuses to start on an invalid fleet file, naming the file, the host and the field", async () => {
  const file = path.join(dir, "broken.json");
  writeFileSync(
    file,
    JSON.stringify({
      hosts: [
        { id: "alpha", url: "unix:///run/a.sock" },
        { id: "bravo", url: "http://10.0.0.1" },
      ],
    }),
  );
  const started = startWharf({ port: 3111, fleetConfig: file, dataDir: path.join(dir, "data") });
  await expect(started).rejects.toThrow(/Wharf exited at start-up/);
  const message = await started.catch((error: Error) => error.message);
  expect(message).toContain(`Invalid fleet config ${file}`);
  expect(message).toContain('host "bravo" (hosts[1]) field "url"');
});

it("starts on a YAML fleet file and serves its hosts", async () => {
  const alpha = readFleetFile().hosts.find((host) => host.id === "alpha")!;
  const file = path.join(dir, "fleet.yaml");
  writeFileSync(file, `hosts:\n  - id: alpha\n    name: Alpha from YAML\n    url: ${alpha.url}\n`);
  const server = await startWharf({ port: 3112, fleetConfig: file, dataDir: path.join(dir, "data") });
  try {
    const body = (await (await server.fetch("/api/hosts")).json()) as HostsResponse;
    expect(body.hosts.map((h) => [h.id, h.name, h.status])).toEqual([["alpha", "Alpha from YAML", "up"]]);
  } finally {
    await server.stop();
  }
});

it("with no engine to reach, says once at start-up what to do", async () => {
  const server = await startWharf({
    port: 3114,
    fleetConfig: "",
    dataDir: path.join(dir, "sui-no-engine"),
    env: { FLEET_CONFIG: undefined, DOCKER_HOST: "unix:///run/sui-no-engine.sock" },
  });
  try {
    const line =
      /\[wharf\] no Docker engine answers: local \(unix:\/\/\/run\/sui-no-engine\.sock\): .*socket not found/;
    await waitFor("the start-up line on the missing engine", async () => line.test(server.output()));
    expect(server.output()).toContain(
      "Start Docker, set DOCKER_HOST (one engine) or FLEET_CONFIG (a fleet file), or try `npm run demo`",
    );
    // Reading the fleet, as every page does, does not say it again.
    const hosts = (await (await server.fetch("/api/hosts")).json()) as HostsResponse;
    expect(hosts.hosts.map((h) => [h.id, h.status])).toEqual([["local", "down"]]);
    await server.fetch("/api/containers");
    expect(server.output().match(new RegExp(line, "g"))).toHaveLength(1);
  } finally {
    await server.stop();
  }
});

it("refuses a second Wharf on the same SQLite data folder with one line, and starts again after a kill -9", async () => {
  const dataDir = path.join(dir, "sqh-single");
  const first = await startWharf({ port: 3115, fleetConfig: fleetFile, dataDir });
  let third: Awaited<ReturnType<typeof startWharf>> | undefined;
  try {
    const second = await runToExit(3116, dataDir);
    expect(second.code).toBe(1);
    expect(second.stdout).toBe("");
    // One line, naming the running server and PostgreSQL, and no stack trace.
    expect(second.stderr.trimEnd().split("\n")).toEqual([
      `[wharf] another Wharf (pid ${first.process.pid}) already runs on ${dataDir}: its SQLite database serves ` +
        "one server only (two would both record and act). Stop that one first, or set DATABASE_URL to a " +
        "PostgreSQL database to run several servers (README: Several replicas).",
    ]);
    // The first one is untouched.
    expect((await first.fetch("/api/hosts")).status).toBe(200);

    // kill -9 leaves the socket file behind; the kernel has let go of it, so the next server starts.
    const exited = new Promise((resolve) => first.process.once("exit", resolve));
    first.process.kill("SIGKILL");
    await exited;
    third = await startWharf({ port: 3116, fleetConfig: fleetFile, dataDir });
    expect((await third.fetch("/api/hosts")).status).toBe(200);
  } finally {
    await first.stop();
    await third?.stop();
  }
});

it("runs on the Node npm ci provides, and names it in its start-up line", async () => {
  // node_modules/.bin/node: npm test runs every suite, and so every Wharf it starts, on that Node.
  expect(process.versions.node).toBe(provisionedNode);
  expect(Number(provisionedNode.split(".")[0])).toBeGreaterThanOrEqual(24);
  const dataDir = path.join(dir, "n4-node-line");
  const server = await startWharf({ port: 3117, fleetConfig: fleetFile, dataDir });
  try {
    const port = 3117 + Number(process.env.WHARF_PORT_OFFSET ?? 0);
    expect(server.output()).toContain(
      `[wharf] listening on http://127.0.0.1:${port} on Node ${provisionedNode} (data in ${dataDir})`,
    );
  } finally {
    await server.stop();
  }
});

it("stops with one line on a Node too old for its embedded database", async () => {
  // As Node 20.20 (the machine's own Node here) reports itself; this Node runs the script, claiming that version.
  const asNode20 = `data:text/javascript,Object.defineProperty(process.versions, "node", { value: "20.20.2" })`;
  const dataDir = path.join(dir, "n4-old-node");
  const old = await runToExit(3118, dataDir, ["--import", asNode20]);
  expect(old).toEqual({
    code: 1,
    stdout: "",
    stderr: "[wharf] Wharf needs Node 22.16 or later; this is 20.20\n",
  });
  // Refused before anything: no data folder claimed or made.
  expect(existsSync(dataDir)).toBe(false);
});

/** Runs `npm start`'s script as startWharf would, and waits for it to exit. */
function runToExit(port: number, dataDir: string, nodeOptions: string[] = []) {
  const child = spawn(process.execPath, [...nodeOptions, path.join(repoRoot, "scripts/start.mjs")], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port + portOffset),
      WHARF_HOSTNAME: "127.0.0.1",
      FLEET_CONFIG: fleetFile,
      DATA_DIR: dataDir,
      DATABASE_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once("exit", (code) => resolve({ code, stdout, stderr })),
  );
}
