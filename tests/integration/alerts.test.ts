import { createHmac } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChannelInfo, DeliveryInfo } from "@/lib/alerts/types";
import {
  docker,
  inspect,
  readFleetFile,
  removeTestContainers,
  runContainer,
  uniqueName,
  waitFor,
} from "../support/fleet";
import { startHttpReceiver, startSmtpServer, type HttpReceiver, type Received } from "../support/receivers";
import { startWharf, type RunningServer } from "../support/wharf-server";
import { passFolder } from "../support/pass";

const dir = path.join(passFolder, "integration");
const fleetFile = path.join(dir, "alerts-hosts.json");
const dataDir = path.join(dir, `alerts-data-${Date.now().toString(36)}`);
const PORT = 3170;
const SECRET = "integration-signing-secret";
const crash = ["sh", "-c", "echo boom >&2; exit 3"];
// The receivers and the SMTP server listen on loopback, which alerts reach only when the configuration allows it.
// A failed try is tried again after 1 s, not 10 s: the test of a receiver that comes back waits for that try.
const ALLOW_RECEIVERS = { WHARF_ALERT_ALLOW_HOSTS: "127.0.0.1", WHARF_ALERT_RETRY_SECONDS: "1,2,4,8,16" };
let wharf: RunningServer;
const receivers: HttpReceiver[] = [];

beforeAll(async () => {
  await removeTestContainers("alpha");
  mkdirSync(dir, { recursive: true });
  writeFileSync(fleetFile, JSON.stringify({ hosts: readFleetFile().hosts.filter((h) => h.id === "alpha") }));
  wharf = await startWharf({ port: PORT, fleetConfig: fleetFile, dataDir, env: ALLOW_RECEIVERS });
}, 90_000);

afterAll(async () => {
  await wharf?.stop();
  await Promise.all(receivers.map((r) => r.close()));
  await removeTestContainers("alpha");
});

async function receiver(): Promise<HttpReceiver> {
  const started = await startHttpReceiver();
  receivers.push(started);
  return started;
}

/** A channel that hears only about one container, so others' containers on the shared engine stay out of it. */
async function channel(
  kind: string,
  container: string,
  settings: Record<string, unknown>,
): Promise<ChannelInfo> {
  const response = await wharf.fetch("/api/alerts/channels", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      name: container,
      kind,
      rules: { events: ["incident.opened", "incident.ended"], containerGlob: container },
      settings,
    }),
  });
  const body = (await response.json()) as { channel: ChannelInfo };
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body.channel;
}

async function deliveries(id: number): Promise<DeliveryInfo[]> {
  const response = await wharf.fetch(`/api/alerts/channels/${id}/deliveries`);
  return ((await response.json()) as { deliveries: DeliveryInfo[] }).deliveries;
}

const events = (received: Received[]) => received.map((r) => r.json.event);
const signed = (r: Received) =>
  r.headers["x-wharf-signature"] === `sha256=${createHmac("sha256", SECRET).update(r.body).digest("hex")}`;

describe("alerts", () => {
  it("a crash sends exactly one signed webhook with the exit code and the log tail, and one when it ends", async () => {
    const hook = await receiver();
    const name = uniqueName("it-alert-crash");
    const created = await channel("webhook", name, { url: hook.url, secret: SECRET });
    expect(created.settings).toEqual({ url: `http://127.0.0.1:${hook.port}/…`, hasSecret: true });

    await runContainer("alpha", name, [], crash);
    await waitFor("the crash's webhook", async () => hook.received.length > 0);
    const [first] = hook.received;
    expect(signed(first!)).toBe(true);
    expect(first!.json).toMatchObject({
      event: "incident.opened",
      host: { id: "alpha" },
      container: { name, image: "localhost/busybox:1", digest: expect.stringMatching(/^sha256:/) },
      incident: { kind: "exit", exitCode: 3, lastStderr: "boom" },
      logTail: ["boom"],
      url: expect.stringContaining(`/containers/alpha/${name}`),
    });
    expect(first!.headers["x-wharf-delivery"]).toBe(String(first!.json.id));

    await docker("alpha", "rm", "-f", name);
    await waitFor("the end's webhook", async () => events(hook.received).includes("incident.ended"));
    expect(events(hook.received)).toEqual(["incident.opened", "incident.ended"]);
    expect(hook.received.every(signed)).toBe(true);
    const log = await deliveries(created.id);
    expect(log.map((d) => [d.event, d.ok, d.status])).toEqual([
      ["incident.ended", true, 200],
      ["incident.opened", true, 200],
    ]);
  });

  it("a restart loop of 10 restarts sends one message, at most one update, and one when it ends", async () => {
    const hook = await receiver();
    const name = uniqueName("it-alert-loop");
    await channel("webhook", name, { url: hook.url, secret: SECRET });
    await runContainer("alpha", name, ["--restart", "always"], ["sh", "-c", "echo 'queue down' >&2; exit 1"]);
    // Docker doubles its wait between restarts (0.1 s, 0.2 s, …): ten take about 100 s.
    await waitFor(
      "10 restarts",
      async () => ((await inspect("alpha", name))[0]?.RestartCount ?? 0) >= 10,
      150_000,
    );
    await docker("alpha", "rm", "-f", name);
    await waitFor("the end's webhook", async () => events(hook.received).includes("incident.ended"));
    const sent = events(hook.received);
    expect(sent[0]).toBe("incident.opened");
    expect(sent.at(-1)).toBe("incident.ended");
    expect(sent.length).toBeLessThanOrEqual(3);
    expect(sent.filter((e) => e === "incident.updated").length).toBeLessThanOrEqual(1);
    expect(hook.received.at(-1)!.json.incident).toMatchObject({ kind: "restart-loop" });
  }, 200_000);

  it("an email arrives at the SMTP server", async () => {
    const smtp = await startSmtpServer("wharf", "smtp-password-123");
    try {
      const name = uniqueName("it-alert-mail");
      const created = await channel("email", name, {
        host: "127.0.0.1",
        port: smtp.port,
        user: "wharf",
        password: "smtp-password-123",
        from: "wharf@example.test",
        to: ["oncall@example.test"],
      });
      expect(JSON.stringify(created)).not.toContain("smtp-password-123");
      await runContainer("alpha", name, [], crash);
      await waitFor("the email", async () => smtp.mails.length > 0);
      const [mail] = smtp.mails;
      expect(mail!.to).toEqual(["oncall@example.test"]);
      // Long headers are folded over lines: unfold before reading.
      const raw = mail!.raw.replace(/\r?\n[ \t]+/g, " ");
      expect(raw).toContain(`Subject: [Wharf] ${name} on Alpha crashed (exit 3)`);
      expect(mail!.raw).toContain("Last stderr line: boom");
    } finally {
      await smtp.close();
    }
  });

  it("a Slack-format body reaches its receiver, for the test button and for a crash", async () => {
    const hook = await receiver();
    const name = uniqueName("it-alert-slack");
    const created = await channel("slack", name, { url: hook.url });
    const test = await wharf.fetch(`/api/alerts/channels/${created.id}/test`, { method: "POST" });
    expect(test.status).toBe(200);
    expect(hook.received[0]!.json).toMatchObject({ text: expect.stringContaining("Test message") });

    await runContainer("alpha", name, [], crash);
    await waitFor("the crash's Slack message", async () => hook.received.length > 1);
    const body = hook.received[1]!.json as { text: string; blocks: { type: string }[] };
    expect(body.text).toContain(`${name} on Alpha crashed (exit 3)`);
    expect(body.text).toContain("boom");
    expect(body.blocks[0]).toMatchObject({ type: "section" });
  });

  it("a receiver that is down gets the message once it is back", async () => {
    const hook = await receiver();
    await hook.close();
    const name = uniqueName("it-alert-down");
    const created = await channel("webhook", name, { url: hook.url, secret: SECRET });
    const test = await wharf.fetch(`/api/alerts/channels/${created.id}/test`, { method: "POST" });
    expect(test.status).toBe(502);
    expect(((await test.json()) as { error: { message: string } }).error.message).toMatch(/ECONNREFUSED/);
    await runContainer("alpha", name, [], crash);
    const [failed] = await waitFor("a failed try", async () => {
      const log = (await deliveries(created.id)).filter((d) => d.event !== "test");
      return log.length > 0 && log;
    });
    expect(failed).toMatchObject({ event: "incident.opened", ok: false, status: null });
    expect(failed!.error).toMatch(/ECONNREFUSED/);

    await hook.open();
    await waitFor("the retried webhook", async () => hook.received.length > 0, 60_000);
    expect(events(hook.received)).toEqual(["incident.opened"]);
    expect(hook.received[0]!.json.id).toBe(failed!.messageId);
    expect(signed(hook.received[0]!)).toBe(true);
  }, 90_000);

  it("a Wharf killed with undelivered messages delivers each exactly once after it restarts", async () => {
    const hook = await receiver();
    await hook.close();
    const names = [uniqueName("it-alert-kill"), uniqueName("it-alert-kill")];
    const created = await Promise.all(
      names.map((name) => channel("webhook", name, { url: hook.url, secret: SECRET })),
    );
    await Promise.all(names.map((name) => runContainer("alpha", name, [], crash)));
    const pending = await waitFor("a failed try for each", async () => {
      const logs = await Promise.all(created.map((c) => deliveries(c.id)));
      return logs.every((log) => log.some((d) => !d.ok)) && logs.map((log) => log[0]!.messageId);
    });

    wharf.process.kill("SIGKILL");
    await wharf.stop();
    await hook.open();
    wharf = await startWharf({ port: PORT, fleetConfig: fleetFile, dataDir, env: ALLOW_RECEIVERS });

    await waitFor("every message delivered", async () => {
      const logs = await Promise.all(created.map((c) => deliveries(c.id)));
      return logs.every((log) => log[0]?.ok === true);
    });
    const ids = hook.received.map((r) => r.json.id).sort();
    expect(ids).toEqual([...pending].sort());
    expect(hook.received.every(signed)).toBe(true);
  }, 120_000);
});
