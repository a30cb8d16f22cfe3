// The console end to end without a browser: a Wharf of its own whose fleet reaches alpha through an sshd on
// loopback (tests/support/sshd.ts) and directly, once more with the console turned off. Every container here is
// named con-…, so tests of other checkouts on the same engines never meet them.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { ConsoleEnd, ConsoleTicket } from "@/lib/console/types";
import { docker, runContainer, runDir, uniqueName } from "../support/fleet";
import { openEvents, openSse } from "../support/sse";
import { startSshd, type TestSshd } from "../support/sshd";
import { startWharf, type RunningServer } from "../support/wharf-server";
import { passFolder } from "../support/pass";

const dir = path.join(passFolder, "integration-console");
const name = uniqueName("con-console");
let sshd: TestSshd;
let server: RunningServer;

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  sshd = await startSshd(await freePort());
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const hosts = [
    {
      id: "ssh-con",
      url: `ssh://root@127.0.0.1:${sshd.port}`,
      knownHosts: sshd.knownHosts,
      identityFile: sshd.goodKey,
    },
    { id: "alpha", url: `unix://${runDir}/alpha.sock` },
    { id: "alpha-off", url: `unix://${runDir}/alpha.sock`, console: false },
  ];
  writeFileSync(path.join(dir, "hosts.json"), JSON.stringify({ hosts }, null, 2));
  await runContainer("alpha", name, [], ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"]);
  server = await startWharf({
    port: 3171,
    fleetConfig: path.join(dir, "hosts.json"),
    dataDir: path.join(dir, "data"),
    // 12 s without a keystroke ends a console here; the tests that type do so well within it.
    env: { WHARF_AUTOHEAL: "off", WHARF_CONSOLE_IDLE_MINUTES: "0.2" },
  });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await sshd?.stop();
  await docker("alpha", "rm", "-f", name).catch(() => "");
  rmSync(dir, { recursive: true, force: true });
});

async function ticket(hostId: string, token = server.token, body: object = {}) {
  const response = await fetch(`${server.url}/api/containers/${hostId}/${name}/console`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as ConsoleTicket & { error?: { message: string } },
  };
}

/** A console as a script drives it: output gathered, the end frame and the close code kept. */
function connect(url: string, token = server.token) {
  const ws = new WebSocket(`${server.url.replace("http", "ws")}${url}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  let output = "";
  const waiters: (() => void)[] = [];
  let end: ConsoleEnd | null = null;
  ws.on("message", (data, binary) => {
    if (binary) output += data.toString();
    else end = JSON.parse(data.toString()) as ConsoleEnd;
    for (const wake of waiters.splice(0)) wake();
  });
  const closed = new Promise<{ code: number; end: ConsoleEnd | null }>((resolve) =>
    ws.on("close", (code) => resolve({ code, end })),
  );
  const opened = new Promise<void>((resolve, reject) => {
    ws.on("open", () => resolve());
    ws.on("unexpected-response", (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    ws.on("error", reject);
  });
  return {
    opened,
    closed,
    type: (text: string) => ws.send(Buffer.from(text)),
    resize: (cols: number, rows: number) => ws.send(JSON.stringify({ type: "resize", cols, rows })),
    /** Resolves once the terminal has printed something matching `pattern`. */
    until: (pattern: RegExp) =>
      new Promise<string>((resolve) => {
        const check = () => (pattern.test(output) ? resolve(output) : waiters.push(check));
        check();
      }),
  };
}

describe("the console", () => {
  it("runs a shell over an ssh:// host: typed input, resize, and a clean end when the shell exits", async () => {
    const minted = await ticket("ssh-con", server.token, { cols: 90, rows: 20 });
    expect(minted.status, JSON.stringify(minted.body)).toBe(200);
    const console = connect(minted.body.url);
    await console.opened;
    console.type("echo con-$((40+2))\n");
    await console.until(/con-42/);
    console.resize(101, 33);
    console.type("busybox stty size\n");
    await console.until(/33 101/);
    console.type("exit 3\n");
    expect(await console.closed).toEqual({
      code: 1000,
      end: { type: "end", reason: "exited", message: "/bin/sh exited with code 3" },
    });
  });

  it("is refused on a host whose fleet entry says console: false", async () => {
    const refused = await ticket("alpha-off");
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toContain('The console is turned off for host "alpha-off"');
  });

  it("opens once per ticket", async () => {
    const minted = await ticket("alpha");
    const first = connect(minted.body.url);
    await first.opened;
    await expect(connect(minted.body.url).opened).rejects.toThrow("upgrade refused: 401");
    first.type("exit\n");
    expect((await first.closed).code).toBe(1000);
  });

  it("ends when its token is revoked", async () => {
    const created = await server.fetch("/api/tokens", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: uniqueName("con-operator"), role: "operator" }),
    });
    const { token, info } = (await created.json()) as { token: string; info: { id: number } };
    const minted = await ticket("alpha", token);
    expect(minted.status).toBe(200);
    const console = connect(minted.body.url, token);
    await console.opened;
    const revoked = await server.fetch(`/api/tokens/${info.id}`, { method: "DELETE" });
    expect(revoked.status).toBe(200);
    expect(await console.closed).toEqual({
      code: 4001,
      end: {
        type: "end",
        reason: "access ended",
        message: "The console closed: access ended (token revoked)",
      },
    });
  });

  it("ends after WHARF_CONSOLE_IDLE_MINUTES without input, and the audit log says for how long", async () => {
    const minted = await ticket("alpha");
    const console = connect(minted.body.url);
    await console.opened;
    const { code, end } = await console.closed;
    expect(code).toBe(4002);
    expect(end).toEqual({
      type: "end",
      reason: "idle",
      message: "The console closed after 12 s without input",
    });
    const audit = await server.fetch("/api/audit?limit=50");
    const entries = (
      (await audit.json()) as { entries: { action: string; target: string; detail: string }[] }
    ).entries;
    const closed = entries.find(
      (entry) => entry.action === "console-closed" && entry.detail.endsWith("; idle"),
    );
    expect(closed).toMatchObject({ target: `alpha/${name}` });
    expect(closed?.detail).toMatch(/^lasted \d+ s; idle$/);
    expect(
      entries.some((entry) => entry.action === "console-opened" && entry.target === `ssh-con/${name}`),
    ).toBe(true);
  }, 60_000);
});

// Last in this file: it stops the file's server.
describe("a Wharf told to stop", () => {
  it("closes its consoles and streams at once, with no end event, and exits", async () => {
    const minted = await ticket("alpha");
    const console = connect(minted.body.url);
    await console.opened;
    const credentials = { url: server.url, token: server.token };
    const events = await openEvents(credentials);
    await events.next((message) => message.event === "snapshot", "the fleet's snapshot");
    const logs = await openSse(`/api/containers/alpha/${name}/logs?tail=1`, credentials);

    // Before, one open stream kept the server from ever exiting: Next waits for every connection on SIGTERM.
    await server.stop();
    // Next's own exit code for a SIGTERM it handled: the server shut down, nothing killed it.
    expect(server.process.exitCode).toBe(143);
    expect(await console.closed).toEqual({
      code: 1001,
      end: {
        type: "end",
        reason: "server stopping",
        message: "The console closed: Wharf is stopping; open it again in a moment",
      },
    });
    for (const stream of [events, logs]) {
      await stream.until(() => stream.ended, "the stream to end");
      // No `end` event: that one says the caller lost access, and a client must not reconnect after it.
      expect(stream.received.map((message) => message.event)).not.toContain("end");
    }
  });
});
