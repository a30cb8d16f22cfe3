// One Wharf on DATABASE_URL (PostgreSQL) against the dev fleet: what it observes and does is recorded there as it
// is in the embedded SQLite database, and a restart of Wharf keeps all of it (issue 24: same behaviour on both).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActionResult } from "@/lib/actions/types";
import type { HistoryEntry } from "@/lib/history/types";
import type { ChannelInfo } from "@/lib/alerts/types";
import type { Incident } from "@/lib/fleet/incident-types";
import { freshPostgresUrl, postgresServers } from "../support/dialects";
import {
  docker,
  readFleetFile,
  removeTestContainers,
  runContainer,
  uniqueName,
  waitFor,
} from "../support/fleet";
import { buildAndPush, REGISTRY } from "../support/images";
import { startHttpReceiver, type HttpReceiver } from "../support/receivers";
import { startWharf, type RunningServer } from "../support/wharf-server";
import { passFolder } from "../support/pass";

const PORT = 3240;
const dir = path.join(passFolder, "integration", uniqueName("hb-postgres-mode"));
const fleetFile = path.join(dir, "hosts.json");
const crash = ["sh", "-c", "echo boom >&2; exit 3"];
const SERVICE = ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"];

describe.each(postgresServers)("a Wharf on PostgreSQL (%s)", (server) => {
  let database: { url: string; drop: () => Promise<void> };
  let wharf: RunningServer;
  let hook: HttpReceiver;
  const names = {
    crash: uniqueName("hb-pg-crash"),
    stop: uniqueName("hb-pg-stop"),
    deploy: uniqueName("hb-pg-deploy"),
  };
  const start = () =>
    startWharf({
      port: PORT,
      fleetConfig: fleetFile,
      dataDir: path.join(dir, "data"),
      env: { DATABASE_URL: database.url, WHARF_ALERT_ALLOW_HOSTS: "127.0.0.1" },
    });
  /** A read every test expects to succeed: its status is part of what it checks. */
  const read = async <T>(pathname: string): Promise<T> => {
    const answer = await wharf.fetch(pathname);
    const body = (await answer.json()) as T;
    // A 500 says only "see the server log": the log is what tells why.
    if (answer.status !== 200)
      expect.fail(`GET ${pathname}: ${JSON.stringify(body)}\n${wharf.output().slice(-3000)}`);
    return body;
  };
  const incidents = async () =>
    (await read<{ incidents: Incident[] }>(`/api/incidents?host=alpha&container=${names.crash}`)).incidents;
  const history = async (name: string) =>
    (await read<{ entries: HistoryEntry[] }>(`/api/history?host=alpha&container=${name}`)).entries;

  beforeAll(async () => {
    await removeTestContainers("alpha");
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      fleetFile,
      JSON.stringify({ hosts: readFleetFile().hosts.filter((h) => h.id === "alpha") }),
    );
    database = await freshPostgresUrl(server);
    hook = await startHttpReceiver();
    wharf = await start();
  }, 120_000);
  afterAll(async () => {
    await wharf?.stop();
    await hook?.close();
    await removeTestContainers("alpha");
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a crash opens an incident and sends its alert to a webhook", async () => {
    const created = await wharf.fetch("/api/alerts/channels", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        name: names.crash,
        kind: "webhook",
        rules: { events: ["incident.opened"], containerGlob: names.crash },
        settings: { url: hook.url, secret: "postgres-mode-signing-secret" },
      }),
    });
    expect(created.status).toBe(200);
    expect(((await created.json()) as { channel: ChannelInfo }).channel.kind).toBe("webhook");
    await runContainer("alpha", names.crash, [], crash);
    const [incident] = await waitFor("the incident", async () => {
      const found = await incidents();
      return found.length > 0 ? found : undefined;
    });
    expect(incident).toMatchObject({ kind: "exit", exitCode: 3, containerName: names.crash });
    await waitFor("the webhook", async () => hook.received.length > 0);
    expect(hook.received[0]!.json).toMatchObject({
      event: "incident.opened",
      container: { name: names.crash },
      incident: { id: incident!.id, exitCode: 3, lastStderr: "boom" },
    });
  });

  it("a docker stop made outside Wharf is a history row", async () => {
    await runContainer("alpha", names.stop, [], SERVICE);
    await waitFor("Wharf to see the container", async () => {
      const answer = await wharf.fetch(`/api/containers/alpha/${names.stop}`);
      return answer.ok;
    });
    await docker("alpha", "stop", names.stop);
    const rows = await waitFor("the stop's row", async () => {
      const found = await history(names.stop);
      return found.some((row) => row.action === "stop") ? found : undefined;
    });
    expect(rows.find((row) => row.action === "stop")).toMatchObject({
      source: "external",
      actor: "external",
      outcome: "succeeded",
    });
  });

  it("a redeploy through the API is a history row", async () => {
    const ref = `${REGISTRY}/hb-pg-${Date.now().toString(36)}:latest`;
    await buildAndPush("alpha", ref, { version: "v1" });
    await runContainer("alpha", names.deploy, [], SERVICE, ref);
    const v2 = await buildAndPush("alpha", ref, { version: "v2" });
    const answer = await wharf.fetch(`/api/containers/alpha/${names.deploy}/redeploy`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ graceSeconds: 2 }),
    });
    const result = (await answer.json()) as ActionResult;
    expect(answer.status, JSON.stringify(result)).toBe(200);
    expect(result.outcome).toBe("succeeded");
    const rows = await history(names.deploy);
    expect(rows.find((row) => row.action === "redeploy")).toMatchObject({
      source: "api",
      outcome: "succeeded",
      digestAfter: v2.digest,
    });
  });

  it("a restart of Wharf keeps the incident, the history and the alert's delivery", async () => {
    const before = {
      incidents: await incidents(),
      stop: await history(names.stop),
      deploy: await history(names.deploy),
    };
    await wharf.stop();
    wharf = await start();
    expect(await incidents()).toEqual(before.incidents);
    expect(await history(names.stop)).toEqual(before.stop);
    expect(await history(names.deploy)).toEqual(before.deploy);
    const channels = (await (await wharf.fetch("/api/alerts/channels")).json()) as {
      channels: ChannelInfo[];
    };
    const channel = channels.channels.find((c) => c.name === names.crash)!;
    const log = (await (await wharf.fetch(`/api/alerts/channels/${channel.id}/deliveries`)).json()) as {
      deliveries: { event: string; ok: boolean }[];
    };
    expect(log.deliveries.map((d) => [d.event, d.ok])).toEqual([["incident.opened", true]]);
    // Nothing observed before the restart is recorded, or sent, a second time by the new process.
    expect(hook.received.map((r) => r.json.event)).toEqual(["incident.opened"]);
  });
});
