import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { beginEarlyLists, earlyHosts, takeEarlyList } from "./early-lists.mjs";

let dir: string;
let server: http.Server | null = null;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "wharf-early-"));
});
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(null)));
  server = null;
  rmSync(dir, { recursive: true, force: true });
});

function fleetFile(hosts: unknown[], name = "hosts.json"): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify({ hosts }));
  return file;
}

/** An HTTP server on a unix socket standing in for an engine's list: it records what it was asked. */
async function engine(answer: (res: http.ServerResponse) => void): Promise<{ url: string; asked: string[] }> {
  const asked: string[] = [];
  const socket = path.join(dir, "engine.sock");
  server = http.createServer((req, res) => {
    asked.push(`${req.method} ${req.url}`);
    answer(res);
  });
  await new Promise<void>((resolve) => server!.listen(socket, resolve));
  return { url: `unix://${socket}`, asked };
}

describe("the hosts asked early", () => {
  it("are the fleet file's plain-HTTP hosts; TLS, SSH and other schemes wait for the validated fleet", () => {
    const file = fleetFile([
      { id: "a", url: "unix:///run/a.sock" },
      { id: "b", url: "tcp://127.0.0.1:2375" },
      { id: "c", url: "tcp://127.0.0.1:2376", tls: { cert: "c.pem", key: "k.pem" } },
      { id: "d", url: "ssh://root@127.0.0.1" },
      { id: 5, url: "unix:///run/e.sock" },
    ]);
    expect(earlyHosts({ FLEET_CONFIG: file }).map((host) => host.id)).toEqual(["a", "b"]);
  });

  it("are none for a YAML or unreadable fleet file, or with Docker contexts", () => {
    expect(earlyHosts({ FLEET_CONFIG: fleetFile([{ id: "a", url: "unix:///a" }], "hosts.yaml") })).toEqual(
      [],
    );
    expect(earlyHosts({ FLEET_CONFIG: path.join(dir, "missing.json") })).toEqual([]);
    writeFileSync(path.join(dir, "broken.json"), "{");
    expect(earlyHosts({ FLEET_CONFIG: path.join(dir, "broken.json") })).toEqual([]);
    expect(earlyHosts({ WHARF_DOCKER_CONTEXTS: "1" })).toEqual([]);
  });

  it("is the local engine without a fleet file, as the docker CLI finds it, unless it needs TLS", () => {
    expect(earlyHosts({})).toEqual([{ id: "local", url: "unix:///var/run/docker.sock" }]);
    expect(earlyHosts({ DOCKER_HOST: "tcp://127.0.0.1:2375" })).toEqual([
      { id: "local", url: "tcp://127.0.0.1:2375" },
    ]);
    expect(earlyHosts({ DOCKER_TLS_VERIFY: "1" })).toEqual([]);
  });
});

describe("an early list", () => {
  it("asks the engine's list of every container once, and is taken once", async () => {
    const { url, asked } = await engine((res) => res.end(JSON.stringify([{ Id: "c1" }, { Id: "c2" }])));
    beginEarlyLists({ FLEET_CONFIG: fleetFile([{ id: "e1", url }]) });
    const early = takeEarlyList("e1", url);
    expect(await early?.items).toEqual([{ Id: "c1" }, { Id: "c2" }]);
    expect(asked).toEqual(["GET /containers/json?all=1"]);
    expect(takeEarlyList("e1", url)).toBeNull();
  });

  it("is not taken for a host of the same id at another address", async () => {
    const { url } = await engine((res) => res.end("[]"));
    beginEarlyLists({ FLEET_CONFIG: fleetFile([{ id: "e2", url }]) });
    expect(takeEarlyList("e2", "unix:///elsewhere.sock")).toBeNull();
    await takeEarlyList("e2", url)?.items;
  });

  it("fails with the engine's status when the engine refuses", async () => {
    const { url } = await engine((res) => {
      res.statusCode = 500;
      res.end('{"message":"boom"}');
    });
    beginEarlyLists({ FLEET_CONFIG: fleetFile([{ id: "e3", url }]) });
    await expect(takeEarlyList("e3", url)?.items).rejects.toThrow("the engine answered 500");
  });

  it("fails when whoever took it gives up on it", async () => {
    const held: http.ServerResponse[] = [];
    const other = await engine((res) => held.push(res));
    beginEarlyLists({ FLEET_CONFIG: fleetFile([{ id: "e4", url: other.url }]) });
    const early = takeEarlyList("e4", other.url)!;
    await expect.poll(() => other.asked.length).toBe(1);
    early.abort();
    await expect(early.items).rejects.toThrow();
    for (const res of held) res.destroy();
  });
});
