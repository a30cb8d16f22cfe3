import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeliveryInfo } from "@/lib/alerts/types";
import { docker, inspect, readFleetFile, runContainer, uniqueName } from "../support/fleet";
import { startHttpReceiver, type HttpReceiver } from "../support/receivers";
import { queryServerDatabase } from "../support/server-database";
import { startWharf, type RunningServer } from "../support/wharf-server";
import { passFolder } from "../support/pass";

// Where an alert may go: the fleet's own engines are never a destination, loopback only when the configuration
// allows it, and a URL's credentials are never taken nor repeated. The server allows 127.0.0.1 for the receiver,
// as an admin with an on-host receiver would; bravo's engine listens on 127.0.0.1 too.
const dir = path.join(passFolder, "integration", `asec-destinations-${Date.now().toString(36)}`);
const dataDir = path.join(dir, "data");
const fleet = readFleetFile().hosts.filter((h) => h.id === "alpha" || h.id === "bravo");
const bravoAddress = new URL(fleet.find((h) => h.id === "bravo")!.url).host;
const SECRET = "asec-destination-signing-secret";
let wharf: RunningServer;
let hook: HttpReceiver;
const containers: string[] = [];

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  const fleetFile = path.join(dir, "hosts.json");
  writeFileSync(fleetFile, JSON.stringify({ hosts: fleet }));
  hook = await startHttpReceiver();
  wharf = await startWharf({
    port: 3176,
    fleetConfig: fleetFile,
    dataDir,
    env: { WHARF_ALERT_ALLOW_HOSTS: "127.0.0.1" },
  });
}, 90_000);

afterAll(async () => {
  await wharf?.stop();
  await hook?.close();
  if (containers.length > 0) await docker("bravo", "rm", "-f", ...containers).catch(() => "");
});

type ErrorJson = { error: { code: string; message: string } };
const webhook = (name: string, url: string) =>
  wharf.fetch("/api/alerts/channels", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      name,
      kind: "webhook",
      rules: { events: ["incident.opened"], containerGlob: `${name}-none` },
      settings: { url, secret: SECRET },
    }),
  });
const test = (id: number) => wharf.fetch(`/api/alerts/channels/${id}/test`, { method: "POST" });
const deliveries = async (id: number) =>
  (
    (await (await wharf.fetch(`/api/alerts/channels/${id}/deliveries`)).json()) as {
      deliveries: DeliveryInfo[];
    }
  ).deliveries;
const audit = async () =>
  (
    (await (await wharf.fetch("/api/audit?limit=200")).json()) as {
      entries: { action: string; target: string | null; detail: string | null }[];
    }
  ).entries;

/** A channel as an earlier Wharf stored it, before its URL was checked: written to the database directly. */
async function storeChannelAsBefore(name: string, url: string): Promise<number> {
  const at = new Date().toISOString();
  const [row] = await queryServerDatabase<{ id: number }>(
    wharf,
    dataDir,
    `INSERT INTO alert_channels (name, kind, enabled, settings, secrets, rules, created_at, updated_at)
     VALUES ($1, 'webhook', 1, '{}', $2, $3, $4, $5) RETURNING id`,
    [
      name,
      JSON.stringify({ url, secret: SECRET }),
      JSON.stringify({
        events: ["incident.opened"],
        hostIds: [],
        composeProject: null,
        containerGlob: `${name}-none`,
        label: null,
      }),
      at,
      at,
    ],
  );
  return Number(row!.id);
}

async function victim(): Promise<string> {
  const name = uniqueName("asec-it-victim");
  await runContainer("bravo", name, [], ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"]);
  containers.push(name);
  return name;
}
const running = async (name: string) => (await inspect("bravo", name))[0]!.State.Running;

describe("alert destinations", () => {
  it("refuses a channel to a fleet engine's address, even with loopback allowed, and the container lives", async () => {
    const name = await victim();
    for (const host of [bravoAddress, bravoAddress.replace("127.0.0.1", "localhost")]) {
      const refused = await webhook(
        uniqueName("asec-engine"),
        `http://${host}/containers/${name}/kill?signal=KILL`,
      );
      expect(refused.status, host).toBe(400);
      const body = (await refused.json()) as ErrorJson;
      expect(body.error.message).toContain("settings.url: refused:");
      expect(body.error.message).toContain("the Docker engine of bravo");
    }
    // The receiver on 127.0.0.1 (allowed) still takes a test message.
    const allowed = await webhook(uniqueName("asec-receiver"), hook.url);
    expect(allowed.status).toBe(200);
    const { channel } = (await allowed.json()) as { channel: { id: number } };
    expect((await test(channel.id)).status).toBe(200);
    expect(hook.received).toHaveLength(1);
    expect(await running(name)).toBe(true);
  });

  it("refuses at send time a channel stored before the check, audits the test with its destination, and the container lives", async () => {
    const name = await victim();
    const channelName = uniqueName("asec-stored");
    const id = await storeChannelAsBefore(
      channelName,
      `http://${bravoAddress}/containers/${name}/kill?signal=KILL`,
    );

    const answer = await test(id);
    expect(answer.status).toBe(403);
    const body = (await answer.json()) as ErrorJson;
    expect(body.error.code).toBe("FORBIDDEN");
    expect(body.error.message).toContain("the Docker engine of bravo");
    expect(body.error.message).not.toContain("/containers/");
    expect(await running(name)).toBe(true);
    expect((await deliveries(id))[0]).toMatchObject({ event: "test", ok: false, status: null });

    const tested = (await audit()).find((e) => e.action === "channel-tested" && e.target === channelName);
    expect(tested?.detail).toBe(`kind: webhook; destination: ${bravoAddress}; refused`);
    const ok = (await audit()).find((e) => e.action === "channel-tested" && e.target !== channelName);
    expect(ok?.detail).toBe(`kind: webhook; destination: 127.0.0.1:${hook.port}; answered 200`);
  });

  it("refuses private and link-local addresses the allow list does not name", async () => {
    for (const url of ["http://10.0.0.1/hook", "http://169.254.169.254/latest", "http://127.0.0.2:9/x"]) {
      const refused = await webhook(uniqueName("asec-private"), url);
      expect(refused.status, url).toBe(400);
      expect(((await refused.json()) as ErrorJson).error.message).toMatch(/loopback, private or link-local/);
    }
  });

  it("refuses a URL with user:pass@ and never repeats a URL's credentials, in the answer or the delivery log", async () => {
    const refused = await webhook(
      uniqueName("asec-userinfo"),
      `http://wharf:asec-pw-1@127.0.0.1:${hook.port}/h`,
    );
    expect(refused.status).toBe(400);
    expect(await refused.text()).not.toContain("asec-pw-1");

    const id = await storeChannelAsBefore(
      uniqueName("asec-userinfo"),
      `http://wharf:asec-pw-2@127.0.0.1:${hook.port}/h`,
    );
    const answer = await test(id);
    expect(answer.status).toBe(403);
    const text = await answer.text();
    expect(text).toContain("user name or password");
    expect(text).not.toContain("asec-pw-2");
    expect(JSON.stringify(await deliveries(id))).not.toContain("asec-pw-2");
  });
});
