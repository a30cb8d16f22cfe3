import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ActionResult } from "@/lib/actions/types";
import type { HistoryEntry } from "@/lib/history/types";
import { api } from "../support/api";
import { inspect, readFleetFile, removeTestContainers, runContainer, uniqueName } from "../support/fleet";
import { buildAndPush, REGISTRY } from "../support/images";
import { post } from "../support/post";
import { startWharf } from "../support/wharf-server";
import { passFolder } from "../support/pass";

const run = promisify(execFile);
const serve = ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"];
const suffix = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const app = `${REGISTRY}/it-sec-app-${suffix}`;
const other = `${REGISTRY}/it-sec-other-${suffix}`;

type Answer = ActionResult & { error?: { code: string; message: string } };

let operator = "";

beforeAll(async () => {
  await removeTestContainers("alpha");
  await buildAndPush("alpha", `${app}:v1`, { version: "app-v1" });
  await buildAndPush("alpha", `${app}:v2`, { version: "app-v2" });
  await buildAndPush("alpha", `${other}:v1`, { version: "other-v1" });
  const { body } = await post<{ token: string }>("/api/tokens", {
    name: `it-sec-operator-${suffix}`,
    role: "operator",
  });
  operator = body.token;
}, 120_000);

afterAll(() => removeTestContainers("alpha"));

const history = async (name: string) =>
  (await api<{ entries: HistoryEntry[] }>(`/api/history?host=alpha&container=${name}`)).body.entries;

describe("the image rule", () => {
  it("refuses an operator another repository (403, naming the rule), before anything is pulled or recorded", async () => {
    const name = uniqueName("it-sec-op");
    await runContainer("alpha", name, [], serve, `${app}:v1`);
    const [before] = await inspect("alpha", name);

    for (const [url, body] of [
      ["/api/deploy", { hostId: "alpha", container: name, image: `${other}:v1`, graceSeconds: 0 }],
      ["/api/deploy", { hostId: "alpha", container: name, image: "localhost/busybox:1", graceSeconds: 0 }],
      [`/api/containers/alpha/${name}/redeploy`, { image: `${other}:v1`, graceSeconds: 0 }],
    ] as const) {
      const { status, body: answer } = await post<Answer>(url, body, undefined, operator);
      expect(status, url).toBe(403);
      expect(answer.error).toMatchObject({ code: "FORBIDDEN" });
      expect(answer.error!.message).toContain("Image rule: an operator may only move");
      expect(answer.error!.message).toContain(`its own repository (${app})`);
    }
    const [after] = await inspect("alpha", name);
    expect(after!.Id).toBe(before!.Id);
    expect(after!.Config.Image).toBe(`${app}:v1`);
    expect(await history(name)).toEqual([]);
  });

  it("lets an operator move its container to another tag of its own repository", async () => {
    const name = uniqueName("it-sec-tag");
    await runContainer("alpha", name, [], serve, `${app}:v1`);
    const { status, body } = await post<Answer>(
      "/api/deploy",
      { hostId: "alpha", container: name, image: `${app}:v2`, graceSeconds: 0 },
      undefined,
      operator,
    );
    expect(status).toBe(200);
    expect(body.outcome).toBe("succeeded");
    expect((await inspect("alpha", name))[0]!.Config.Image).toBe(`${app}:v2`);
  });

  it("lets an admin run another repository", async () => {
    const name = uniqueName("it-sec-admin");
    await runContainer("alpha", name, [], serve, `${app}:v1`);
    const { status, body } = await post<Answer>(`/api/containers/alpha/${name}/redeploy`, {
      image: `${other}:v1`,
      graceSeconds: 0,
    });
    expect(status).toBe(200);
    expect(body.outcome).toBe("succeeded");
    expect((await inspect("alpha", name))[0]!.Config.Image).toBe(`${other}:v1`);
  });

  it("a host's allowedImages refuses even an admin", async () => {
    const dir = path.join(passFolder, "integration/allowed-images");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "hosts.json");
    const alpha = readFleetFile().hosts.find((host) => host.id === "alpha")!;
    writeFileSync(file, JSON.stringify({ hosts: [{ ...alpha, allowedImages: [`${app}:*`] }] }));
    const server = await startWharf({
      port: 3161,
      fleetConfig: file,
      dataDir: path.join(dir, `data-${suffix}`),
    });
    try {
      const name = uniqueName("it-sec-allowed");
      await runContainer("alpha", name, [], serve, `${app}:v1`);
      const [before] = await inspect("alpha", name);
      const { status, body } = await post<Answer>(
        `/api/containers/alpha/${name}/redeploy`,
        { image: `${other}:v1`, graceSeconds: 0 },
        server.url,
        server.token,
      );
      expect(status).toBe(403);
      expect(body.error).toEqual({
        code: "FORBIDDEN",
        message: `Host "alpha" allows only images matching its allowedImages (${app}:*); ${other}:v1 matches none of them`,
      });
      expect((await inspect("alpha", name))[0]!.Id).toBe(before!.Id);

      const allowed = await post<Answer>(
        `/api/containers/alpha/${name}/redeploy`,
        { image: `${app}:v2`, graceSeconds: 0 },
        server.url,
        server.token,
      );
      expect(allowed.status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});

describe("an action that did not do what was asked is not 2xx", () => {
  it("the README's curl deploy hook fails when the deploy rolls back, and the answer still carries the entry", async () => {
    const ref = `${REGISTRY}/it-sec-bad-${suffix}:latest`;
    await buildAndPush("alpha", ref, { version: "good" });
    const name = uniqueName("it-sec-rollback");
    await runContainer("alpha", name, [], [], ref);
    const [before] = await inspect("alpha", name);
    await buildAndPush("alpha", ref, { version: "bad", cmd: ["sh", "-c", "exit 1"] });

    // The line from README.md, pointed at the test server.
    const curl = run(
      "sh",
      [
        "-c",
        `curl -fsS -X POST ${inject("wharfUrl")}/api/deploy -H "Authorization: Bearer $WHARF_TOKEN" \\
  -H 'content-type: application/json' -d '{"hostId":"alpha","container":"${name}"}'`,
      ],
      { env: { ...process.env, WHARF_TOKEN: operator } },
    );
    const failure = await curl.then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure, "curl -f must fail").not.toBeNull();
    expect(failure!.code).toBe(22);
    expect(failure!.stderr).toContain("422");
    expect((await inspect("alpha", name))[0]!.Id).toBe(before!.Id);

    const { status, body } = await post<Answer>(
      "/api/deploy",
      { hostId: "alpha", container: name, graceSeconds: 1 },
      undefined,
      operator,
    );
    expect(status).toBe(422);
    expect(body.error).toMatchObject({ code: "ROLLED_BACK", message: body.message });
    expect(body.outcome).toBe("rolled-back");
    expect(body.entry).toMatchObject({
      id: body.historyId,
      outcome: "rolled-back",
      containerIdAfter: before!.Id,
    });
    expect((await history(name)).map((e) => e.outcome)).toEqual(["rolled-back", "rolled-back"]);
  });

  it("a failed action answers its cause's status with the settled entry", async () => {
    const name = uniqueName("it-sec-norollback");
    await runContainer("alpha", name, [], serve);
    const { status, body } = await post<Answer>(
      `/api/containers/alpha/${name}/rollback`,
      {},
      undefined,
      operator,
    );
    expect(status).toBe(409);
    expect(body.error!.code).toBe("CONFLICT");
    expect(body.error!.message).toContain("Nothing to roll back to");
    expect(body.entry).toMatchObject({ action: "rollback", outcome: "failed" });
  });

  it("a bulk restart with any container not restarted is not 2xx, and lists every result", async () => {
    const name = uniqueName("it-sec-bulk");
    await runContainer("alpha", name, [], serve);
    const { status, body } = await post<{
      error: { code: string; message: string };
      results: { name: string; outcome: string | null }[];
    }>(
      "/api/actions/restart",
      {
        containers: [
          { hostId: "alpha", name },
          { hostId: "alpha", name: "it-sec-no-such-container" },
        ],
      },
      undefined,
      operator,
    );
    expect(status).toBe(422);
    expect(body.error).toEqual({
      code: "INCOMPLETE",
      message: "1 of 2 containers could not be restarted: it-sec-no-such-container on alpha",
    });
    expect(body.results.map((r) => [r.name, r.outcome])).toEqual([
      [name, "succeeded"],
      ["it-sec-no-such-container", null],
    ]);
  });
});
