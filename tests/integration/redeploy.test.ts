import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/types";
import type { HistoryEntry } from "@/lib/history/types";
import { api } from "../support/api";
import { acquire } from "../support/engine-locks";
import {
  docker,
  inspect,
  removeTestContainers,
  runContainer,
  uniqueName,
  TEST_LABEL,
  TEST_RUN,
} from "../support/fleet";
import { buildAndPush, REGISTRY } from "../support/images";
import { post } from "../support/post";

/** Inspect output read field by field, whatever the field. */
type Loose = {
  Id: string;
  Image: string;
  State: { Running: boolean };
  HostConfig: unknown;
  Config: Record<string, unknown> & { Env: string[]; Labels: Record<string, string> };
  Mounts: unknown;
};

const repo = `${REGISTRY}/it-rich-${Date.now().toString(36)}`;
const ref = `${repo}:latest`;
const name = uniqueName("it-rich");
const volume = uniqueName("it-rich-data");
let v1: { id: string; digest: string };
let v2: { id: string; digest: string };

// A container with a bit of every kind of configuration a redeploy must carry over.
const richOptions = [
  "--env",
  "FOO=bar",
  "--env",
  "EMPTY=",
  "--label",
  "team=core",
  "--user",
  "0:0",
  "--workdir",
  "/data",
  "--hostname",
  "rich-host",
  "--add-host",
  "db.internal:127.0.0.2",
  "--dns",
  "127.0.0.53",
  "--dns-search",
  "example.internal",
  "--tmpfs",
  "/scratch:size=1m",
  "--ulimit",
  "nofile=1024:2048",
  "--stop-signal",
  "SIGINT",
  "--stop-timeout",
  "3",
  "--init",
  "--read-only",
  "--cap-add",
  "NET_ADMIN",
  "--cap-drop",
  "MKNOD",
  "--security-opt",
  "no-new-privileges",
  "--log-opt",
  "max-size=1m",
  "--memory",
  "64m",
  "--cpu-shares",
  "512",
  "--pids-limit",
  "100",
  "--restart",
  "unless-stopped",
  "--health-cmd",
  "test -f /version",
  "--health-interval",
  "1s",
  "--volume",
  `${volume}:/data`,
];

beforeAll(async () => {
  await removeTestContainers("alpha");
  v1 = await buildAndPush("alpha", ref, {
    version: "v1",
    env: { APP_MODE: "one" },
    labels: { "from.image": "v1" },
  });
  await runContainer(
    "alpha",
    name,
    richOptions,
    ["sh", "-c", "trap 'exit 0' INT TERM; while :; do sleep 1; done"],
    ref,
  );
  await docker("alpha", "exec", name, "sh", "-c", "echo precious > /data/file");
  v2 = await buildAndPush("alpha", ref, {
    version: "v2",
    env: { APP_MODE: "two" },
    labels: { "from.image": "v2" },
  });
}, 120_000);

afterAll(async () => {
  await removeTestContainers("alpha");
  await docker("alpha", "volume", "rm", "-f", volume).catch(() => "");
});

describe("redeploy", () => {
  it("recreates the container on the new digest with its whole configuration, name and volume data", async () => {
    const [before] = await inspect("alpha", name);
    expect(before!.Image).toBe(v1.id);
    const { status, body } = await post<ActionResult>(`/api/containers/alpha/${name}/redeploy`, {
      graceSeconds: 2,
    });
    expect(status).toBe(200);
    expect(body.outcome).toBe("succeeded");

    const [after] = (await inspect("alpha", name)) as unknown as [Loose];
    expect(after.Id).not.toBe(before!.Id);
    expect(after.Image).toBe(v2.id);
    expect(after.State.Running).toBe(true);
    // Everything in HostConfig carries over as it was.
    expect(after.HostConfig).toEqual((before as unknown as Loose).HostConfig);
    const b = (before as unknown as Loose).Config;
    const c = after.Config;
    for (const field of [
      "User",
      "WorkingDir",
      "Hostname",
      "StopSignal",
      "StopTimeout",
      "Healthcheck",
      "Cmd",
      "Entrypoint",
      "Tty",
      "OpenStdin",
    ]) {
      expect(c[field], field).toEqual(b[field]);
    }
    expect(c.Image).toBe(ref);
    // Values the container set stay; values it only inherited from the old image give way to the new image's.
    expect(c.Env).toEqual(expect.arrayContaining(["FOO=bar", "EMPTY=", "APP_MODE=two"]));
    expect(c.Env).not.toContain("APP_MODE=one");
    expect(c.Labels).toMatchObject({ team: "core", "from.image": "v2" });
    expect(after.Mounts).toEqual([
      expect.objectContaining({ Type: "volume", Name: volume, Destination: "/data" }),
    ]);
    expect(await docker("alpha", "exec", name, "cat", "/data/file")).toBe("precious");
    expect(await docker("alpha", "exec", name, "cat", "/version")).toBe("v2");
    expect(
      (await docker("alpha", "ps", "-a", "--filter", `name=^/${name}`, "--format", "{{.Names}}")).split("\n"),
    ).toEqual([name]);

    expect(body.entry).toMatchObject({
      action: "redeploy",
      outcome: "succeeded",
      actor: expect.stringMatching(/^tests-/),
      source: "api",
      hostId: "alpha",
      containerName: name,
      containerIdBefore: before!.Id,
      containerIdAfter: after.Id,
      imageRef: ref,
      imageIdBefore: v1.id,
      imageIdAfter: v2.id,
      digestBefore: v1.digest,
      digestAfter: v2.digest,
    });
    expect(body.entry.configDiff.map((change) => change.field)).toEqual(
      expect.arrayContaining(["Image (id)", "Config.Env", "Config.Labels"]),
    );
    const history = await api<{ entries: HistoryEntry[] }>(`/api/history?host=alpha&container=${name}`);
    expect(history.body.entries[0]).toMatchObject({
      id: body.historyId,
      digestBefore: v1.digest,
      digestAfter: v2.digest,
    });
  });

  it("says so and changes nothing when the digest did not change, unless forced", async () => {
    const [before] = await inspect("alpha", name);
    const same = await post<ActionResult>(`/api/containers/alpha/${name}/redeploy`, {});
    expect(same.body.outcome).toBe("no-change");
    expect(same.body.message).toContain("has not changed");
    expect((await inspect("alpha", name))[0]!.Id).toBe(before!.Id);

    const forced = await post<ActionResult>(`/api/containers/alpha/${name}/redeploy`, {
      force: true,
      graceSeconds: 0,
    });
    expect(forced.body.outcome).toBe("succeeded");
    expect((await inspect("alpha", name))[0]!.Id).not.toBe(before!.Id);
  });

  it("rollback returns the container to its previous digest, named by digest: the tag still names v2", async () => {
    const { body } = await post<ActionResult>(`/api/containers/alpha/${name}/rollback`, { graceSeconds: 1 });
    expect(body.outcome).toBe("succeeded");
    const [after] = await inspect("alpha", name);
    expect(after!.Image).toBe(v1.id);
    expect(after!.Config.Image).toBe(`${repo}@${v1.digest}`);
    expect(await docker("alpha", "image", "inspect", "-f", "{{.Id}}", ref)).toBe(v2.id);
    expect(await docker("alpha", "exec", name, "cat", "/version")).toBe("v1");
    expect(await docker("alpha", "exec", name, "cat", "/data/file")).toBe("precious");
    expect(body.entry).toMatchObject({
      action: "rollback",
      imageIdBefore: v2.id,
      imageIdAfter: v1.id,
      digestAfter: v1.digest,
    });
  });

  it("rolls back by itself when the new image's command exits at once", async () => {
    const badRef = `${REGISTRY}/it-bad-${Date.now().toString(36)}:latest`;
    await buildAndPush("alpha", badRef, { version: "good" });
    const victim = uniqueName("it-victim");
    await runContainer("alpha", victim, [], [], badRef);
    const [before] = await inspect("alpha", victim);
    await buildAndPush("alpha", badRef, {
      version: "bad",
      cmd: ["sh", "-c", "echo broken config >&2; exit 1"],
    });

    const { status, body } = await post<ActionResult>(`/api/containers/alpha/${victim}/redeploy`, {
      graceSeconds: 2,
    });
    expect(status).toBe(422);
    expect(body.outcome).toBe("rolled-back");
    expect(body.message).toMatch(/stopped \(exit code 1\)|restarting/);
    const [after] = await inspect("alpha", victim);
    expect(after!.Id).toBe(before!.Id);
    expect(after!.State.Running).toBe(true);
    expect(after!.Name).toBe(`/${victim}`);
    expect(await docker("alpha", "ps", "-a", "--filter", `name=${victim}`, "--format", "{{.Names}}")).toBe(
      victim,
    );
    expect(body.entry).toMatchObject({ outcome: "rolled-back", containerIdAfter: before!.Id });
    expect(body.entry.error).toContain("exit code 1");
  });

  it("refuses what it cannot recreate faithfully, with a history row saying why", async () => {
    const byId = uniqueName("it-byid");
    const [image] = await inspect("alpha", name);
    await docker(
      "alpha",
      "run",
      "-d",
      "--name",
      byId,
      "--network",
      "none",
      "--label",
      `${TEST_LABEL}=${TEST_RUN}`,
      image!.Image,
      "sh",
      "-c",
      "trap 'exit 0' TERM; while :; do sleep 1; done",
    );
    const { status, body } = await post<ActionResult & { error: { code: string } }>(
      `/api/containers/alpha/${byId}/redeploy`,
      {},
    );
    expect(status).toBe(400);
    expect(body.error.code).toBe("VALIDATION");
    expect(body.outcome).toBe("failed");
    expect(body.message).toContain("created from an image id");
    expect(body.entry.error).toBe(body.message);
  });
});

describe("one action at a time", () => {
  it("20 concurrent restarts of one container: exactly one runs, the rest get 409, and no duplicate appears", async () => {
    const target = uniqueName("it-busy");
    await runContainer("bravo", target, [], ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"]);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        post<{ error?: { message: string } }>(`/api/containers/bravo/${target}/restart`),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(answers.find((a) => a.status === 409)!.body.error!.message).toBe(
      `A restart is already running on container "${target}" on host "bravo"; try again when it ends`,
    );
    expect(await docker("bravo", "ps", "-a", "--filter", `name=${target}`, "--format", "{{.Names}}")).toBe(
      target,
    );
  });

  it("restart-all-crashed restarts the crashed containers of a host and leaves the others", async () => {
    await removeTestContainers("charlie");
    const crashed = uniqueName("it-crashed");
    const fine = uniqueName("it-fine");
    await runContainer(
      "charlie",
      crashed,
      [],
      [
        "sh",
        "-c",
        "[ -f /ok ] && exec sh -c 'trap \"exit 0\" TERM; while :; do sleep 1; done'; touch /ok; exit 3",
      ],
    );
    await runContainer("charlie", fine, [], ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"]);
    await expectEventually(async () => (await inspect("charlie", crashed))[0]!.State.Status === "exited");
    await expectEventually(async () => {
      const { body } = await api<{ containers: { name: string; exitCause: string | null }[] }>(
        `/api/containers?host=charlie&q=${crashed}`,
      );
      return body.containers[0]?.exitCause === "crash";
    });
    // It restarts every crashed container of the host, the other pass's too: that pass must be between files.
    const fleet = await acquire("fleet", "exclusive");
    const { body } = await post<{ results: { name: string; outcome: string }[] }>(
      "/api/actions/restart-crashed",
      { hostId: "charlie" },
    ).finally(() => fleet.release());
    expect(body.results.map((r) => [r.name, r.outcome])).toContainEqual([crashed, "succeeded"]);
    expect(body.results.map((r) => r.name)).not.toContain(fine);
    expect((await inspect("charlie", crashed))[0]!.State.Running).toBe(true);
  }, 600_000);
});

async function expectEventually(check: () => Promise<boolean>): Promise<void> {
  await vi.waitFor(async () => expect(await check()).toBe(true), { timeout: 15_000, interval: 200 });
}
