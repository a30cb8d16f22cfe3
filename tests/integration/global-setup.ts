import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { readFleetFile } from "../support/fleet";
import { startWharf } from "../support/wharf-server";
import { integrationDialect, passFolder } from "../support/pass";
import { dropPassDatabases } from "../support/pass-database";

declare module "vitest" {
  export interface ProvidedContext {
    wharfUrl: string;
    wharfToken: string;
    testFleetFile: string;
  }
}

/**
 * One Wharf server for the integration suite, on the dev fleet plus two hosts that fail in the two ways real
 * hosts do: "gone" refuses connections, "stuck" accepts them and never answers.
 */
export default async function setup(project: TestProject) {
  const fleet = readFleetFile();
  const stuck = net.createServer((socket) => socket.on("error", () => {}));
  await new Promise<void>((resolve) => stuck.listen(0, "127.0.0.1", resolve));
  const stuckPort = (stuck.address() as net.AddressInfo).port;
  const gonePort = await freePort();

  const dir = path.join(passFolder, "integration");
  mkdirSync(dir, { recursive: true });
  const testFleetFile = path.join(dir, "hosts.json");
  const hosts = [
    ...fleet.hosts,
    { id: "gone", name: "Gone", url: `tcp://127.0.0.1:${gonePort}` },
    { id: "stuck", name: "Stuck", url: `tcp://127.0.0.1:${stuckPort}`, timeoutMs: 1000 },
  ];
  writeFileSync(testFleetFile, JSON.stringify({ hosts }, null, 2));

  // A fresh data dir each run: incidents, history, users and "last event seen" marks of an earlier run must
  // not ride along into this one's assertions.
  const dataDir = path.join(dir, "data");
  rmSync(dataDir, { recursive: true, force: true });
  // On PostgreSQL, the databases a killed run of this pass left go the same way.
  if (integrationDialect === "postgres") await dropPassDatabases();
  // Auto-heal acts on the engines: only the server of tests/integration/autoheal.test.ts may, or two Wharfs
  // would heal the same containers.
  const server = await startWharf({
    port: 3101,
    fleetConfig: testFleetFile,
    dataDir,
    // The alert receivers of the tests (tests/support/receivers.ts) listen on loopback.
    env: { WHARF_AUTOHEAL: "off", WHARF_ALERT_ALLOW_HOSTS: "127.0.0.1" },
  });
  project.provide("wharfUrl", server.url);
  project.provide("wharfToken", server.token);
  project.provide("testFleetFile", testFleetFile);

  return async () => {
    await server.stop();
    stuck.close();
    if (integrationDialect === "postgres") await dropPassDatabases();
  };
}

/** A port nothing listens on: bind it, note it, release it. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
