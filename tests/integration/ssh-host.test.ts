// ssh:// hosts for real: an sshd on loopback whose sessions reach the alpha engine (tests/support/sshd.ts), and a
// Wharf of its own whose fleet reaches alpha only through it, once with the key in an ssh-agent and once with a
// key file, plus three hosts that must fail on their cards with the reason: a key the server refuses, a host key
// that changed, and a host known_hosts does not list.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActionResult } from "@/lib/actions/types";
import type { ContainerRow, HostSummary } from "@/lib/fleet/types";
import type { LinesEvent } from "@/lib/logs/types";
import { inspect, removeTestContainers, runContainer, uniqueName, waitFor } from "../support/fleet";
import { buildAndPush, REGISTRY } from "../support/images";
import { openSse } from "../support/sse";
import { startSshd, type TestSshd } from "../support/sshd";
import { startWharf, type RunningServer } from "../support/wharf-server";
import { passFolder, portOffset } from "../support/pass";

const offset = portOffset;
const dir = path.join(passFolder, "integration-ssh");
const name = uniqueName("it-ssh");
const repo = `${REGISTRY}/it-ssh-${Date.now().toString(36)}`;
let sshd: TestSshd;
let server: RunningServer;
let v2: { id: string };

beforeAll(async () => {
  await removeTestContainers("alpha");
  sshd = await startSshd(2222 + offset);
  const url = `ssh://root@127.0.0.1:${sshd.port}`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const hosts = [
    { id: "ssh-agent", url, knownHosts: sshd.knownHosts },
    { id: "ssh-keyfile", url, knownHosts: sshd.knownHosts, identityFile: sshd.goodKey },
    { id: "ssh-wrong-key", url, knownHosts: sshd.knownHosts, identityFile: sshd.wrongKey },
    { id: "ssh-changed", url, knownHosts: sshd.changedKnownHosts },
    { id: "ssh-unknown", url, knownHosts: sshd.otherKnownHosts },
  ];
  writeFileSync(path.join(dir, "hosts.json"), JSON.stringify({ hosts }, null, 2));

  await buildAndPush("alpha", `${repo}:v1`, { version: "v1" });
  await runContainer(
    "alpha",
    name,
    [],
    ["sh", "-c", "echo 'hello through ssh'; trap 'exit 0' TERM; while :; do sleep 1; done"],
    `${repo}:v1`,
  );
  v2 = await buildAndPush("alpha", `${repo}:v1`, { version: "v2" });

  server = await startWharf({
    port: 3140,
    fleetConfig: path.join(dir, "hosts.json"),
    dataDir: path.join(dir, "data"),
    env: { WHARF_AUTOHEAL: "off", SSH_AUTH_SOCK: sshd.agentSocket },
  });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await sshd?.stop();
  await removeTestContainers("alpha");
  rmSync(dir, { recursive: true, force: true });
});

async function hosts(): Promise<HostSummary[]> {
  const response = await server.fetch("/api/hosts");
  expect(response.status).toBe(200);
  return ((await response.json()) as { hosts: HostSummary[] }).hosts;
}

describe("ssh:// hosts", () => {
  it("are up through the agent's key and through a key file, with the engine's version", async () => {
    const up = await waitFor("both SSH hosts up", async () => {
      const all = await hosts();
      const wanted = all.filter((host) => ["ssh-agent", "ssh-keyfile"].includes(host.id));
      return wanted.every((host) => host.status === "up") && wanted;
    });
    for (const host of up) {
      expect(host.url).toBe(`ssh://127.0.0.1:${sshd.port}`);
      expect(host.apiVersion).toMatch(/^1\.\d+$/);
      expect(host.error).toBeNull();
    }
  });

  it("shows each failure on its own host's card, with the reason, and keeps serving the others", async () => {
    const all = await waitFor("the three failing SSH hosts down", async () => {
      const list = await hosts();
      const failing = list.filter((host) => host.id !== "ssh-agent" && host.id !== "ssh-keyfile");
      return failing.every((host) => host.status === "down" && host.error) && list;
    });
    const error = (id: string) => all.find((host) => host.id === id)!.error;
    expect(error("ssh-wrong-key")).toMatch(/authentication failed/);
    expect(error("ssh-changed")).toMatch(
      new RegExp(`host key of \\[127\\.0\\.0\\.1\\]:${sshd.port} does not match .*known_hosts_changed`),
    );
    expect(error("ssh-changed")).toMatch(/ssh-ed25519 SHA256:/);
    expect(error("ssh-unknown")).toMatch(
      new RegExp(`unknown host key for \\[127\\.0\\.0\\.1\\]:${sshd.port} \\(ssh-ed25519 SHA256:`),
    );
    // Never a crash: the server still answers, and the good hosts stay up.
    expect(server.process.exitCode).toBeNull();
    expect(all.find((host) => host.id === "ssh-agent")!.status).toBe("up");
  });

  it("lists the host's containers, follows its log and redeploys it, all through SSH", async () => {
    const row = await waitFor(`${name} in the fleet through ssh-agent`, async () => {
      const response = await server.fetch(`/api/containers?host=ssh-agent&q=${name}`);
      const body = (await response.json()) as { containers: ContainerRow[] };
      return body.containers.find((candidate) => candidate.name === name && candidate.state === "running");
    });
    expect(row.hostId).toBe("ssh-agent");
    expect(row.image).toBe(`${repo}:v1`);

    const logs = await openSse(`/api/containers/ssh-agent/${name}/logs`, {
      url: server.url,
      token: server.token,
    });
    try {
      await logs.until(
        (received) =>
          received.some(
            (message) =>
              message.event === "lines" &&
              (message.data as LinesEvent).lines.some((line) => line.text === "hello through ssh"),
          ),
        "the container's log line through SSH",
      );
    } finally {
      await logs.close();
    }

    const response = await server.fetch(`/api/containers/ssh-agent/${name}/redeploy`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ graceSeconds: 1 }),
    });
    const result = (await response.json()) as ActionResult;
    expect(response.status, JSON.stringify(result)).toBe(200);
    expect(result.outcome).toBe("succeeded");
    expect(result.entry).toMatchObject({ hostId: "ssh-agent", containerName: name, action: "redeploy" });
    const [after] = await inspect("alpha", name);
    expect(after!.Image).toBe(v2.id);
    expect(after!.State.Running).toBe(true);

    // The live view follows the recreated container through the SSH host's event stream.
    await waitFor("the redeployed container in the fleet view", async () => {
      const listed = await server.fetch(`/api/containers?host=ssh-agent&q=${name}`);
      const body = (await listed.json()) as { containers: ContainerRow[] };
      return body.containers.some((candidate) => candidate.id === after!.Id && candidate.state === "running");
    });
  });
});
