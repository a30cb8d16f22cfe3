// The Docker CLI's contexts as fleet hosts: contexts made with `docker context create` (in a Docker config folder
// of the test's own, DOCKER_CONFIG) are written into a fleet file by `npm run fleet:import-contexts`, and served
// with no fleet file at all by a Wharf started with WHARF_DOCKER_CONTEXTS=1.
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFleetConfig } from "@/lib/docker/parse-fleet-config";
import type { ContainerRow, HostSummary } from "@/lib/fleet/types";
import {
  fleetFile,
  readFleetFile,
  removeTestContainers,
  repoRoot,
  runContainer,
  runDir,
  uniqueName,
  waitFor,
} from "../support/fleet";
import { startWharf } from "../support/wharf-server";
import { passFolder } from "../support/pass";

const run = promisify(execFile);
const dir = path.join(passFolder, "integration-contexts");
const dockerConfig = path.join(dir, "docker");
const env = { ...process.env, DOCKER_CONFIG: dockerConfig };
const alphaUrl = `unix://${runDir}/alpha.sock`;

async function contextCreate(name: string, docker: string): Promise<void> {
  await run("docker", ["context", "create", name, "--docker", docker], { env });
}

beforeAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dockerConfig, { recursive: true });
  const fleet = readFleetFile() as { hosts: { id: string; url: string; tls?: Record<string, string> }[] };
  const charlie = fleet.hosts.find((host) => host.id === "charlie")!;
  const pem = (file: string) => path.resolve(path.dirname(fleetFile), file);
  await contextCreate("it-alpha", `host=${alphaUrl}`);
  await contextCreate("it-bravo", `host=${fleet.hosts.find((host) => host.id === "bravo")!.url}`);
  await contextCreate(
    "It_Charlie.TLS",
    `host=${charlie.url},ca=${pem(charlie.tls!.ca!)},cert=${pem(charlie.tls!.cert!)},key=${pem(charlie.tls!.key!)}`,
  );
  await Promise.all([removeTestContainers("bravo"), removeTestContainers("charlie")]);
});

afterAll(async () => {
  await Promise.all([removeTestContainers("bravo"), removeTestContainers("charlie")]);
  rmSync(dir, { recursive: true, force: true });
});

describe("npm run fleet:import-contexts", () => {
  it("merges the contexts into a fleet file: new ones added, same ids updated, known endpoints left out", async () => {
    const file = path.join(dir, "fleet.json");
    const bravoUrl = readFleetFile().hosts.find((host) => host.id === "bravo")!.url;
    writeFileSync(
      file,
      JSON.stringify({
        hosts: [
          { id: "it-alpha", url: "unix:///nowhere.sock", timeoutMs: 1500 },
          { id: "mine", url: bravoUrl },
        ],
      }),
    );
    const importContexts = () =>
      run(process.execPath, [path.join(repoRoot, "scripts/import-contexts.mjs"), "--file", file], { env });
    const { stdout } = await importContexts();
    expect(stdout).toContain("updated it-alpha");
    expect(stdout).toContain('left out context "it-bravo"');
    expect(stdout).toContain("added it-charlie-tls");
    const written = JSON.parse(readFileSync(file, "utf8"));
    const tlsDir = expect.stringContaining(path.join(dockerConfig, "contexts/tls/"));
    expect(written.hosts).toEqual([
      { id: "it-alpha", name: "it-alpha", url: alphaUrl, timeoutMs: 1500 },
      { id: "mine", url: bravoUrl },
      {
        id: "it-charlie-tls",
        name: "It_Charlie.TLS",
        url: readFleetFile().hosts.find((host) => host.id === "charlie")!.url,
        tls: { ca: tlsDir, cert: tlsDir, key: tlsDir },
      },
    ]);
    // Wharf reads what was written (the TLS material included), and a second import changes nothing.
    const hosts = parseFleetConfig(file, readFileSync(file, "utf8"));
    expect(hosts.find((host) => host.id === "it-charlie-tls")!.tls!.cert).toContain("BEGIN CERTIFICATE");
    await importContexts();
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(written);
  });
});

describe("WHARF_DOCKER_CONTEXTS=1", () => {
  it("serves the contexts as hosts with no fleet file, beside DOCKER_HOST's engine", async () => {
    const server = await startWharf({
      port: 3141,
      fleetConfig: "",
      dataDir: path.join(dir, "data"),
      env: {
        FLEET_CONFIG: undefined,
        WHARF_DOCKER_CONTEXTS: "1",
        DOCKER_CONFIG: dockerConfig,
        DOCKER_HOST: alphaUrl,
        WHARF_AUTOHEAL: "off",
      },
    });
    try {
      const charlieName = uniqueName("it-ctx-charlie");
      const bravoName = uniqueName("it-ctx-bravo");
      await runContainer("charlie", charlieName, [], ["sleep", "3600"]);
      await runContainer("bravo", bravoName, [], ["sleep", "3600"]);

      const hosts = await waitFor("every context host up", async () => {
        const response = await server.fetch("/api/hosts");
        const list = ((await response.json()) as { hosts: HostSummary[] }).hosts;
        return list.every((host) => host.status === "up") && list;
      });
      // it-alpha is DOCKER_HOST's engine under another name: shown once, as "local".
      expect(hosts.map((host) => [host.id, host.name])).toEqual([
        ["local", "Local"],
        ["it-charlie-tls", "It_Charlie.TLS"],
        ["it-bravo", "it-bravo"],
      ]);
      const rows = await waitFor("the test's containers on the context hosts", async () => {
        const response = await server.fetch("/api/containers?q=it-ctx-");
        const list = ((await response.json()) as { containers: ContainerRow[] }).containers;
        return list.length >= 2 && list;
      });
      expect(rows.map((row) => [row.hostId, row.name]).sort()).toEqual(
        [
          ["it-bravo", bravoName],
          ["it-charlie-tls", charlieName],
        ].sort(),
      );
    } finally {
      await server.stop();
    }
  });
});
