import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ActionResult } from "@/lib/actions/types";
import type { AuditEntry, GrantInfo } from "@/lib/auth/types";
import { api, authHeaders } from "../support/api";
import { inspect, removeTestContainers, runContainer, uniqueName } from "../support/fleet";
import { buildAndPush, REGISTRY } from "../support/images";
import { post } from "../support/post";
import { openEvents, openSse } from "../support/sse";

/**
 * The README's CI token: operator on compose project shop on one host (and viewer on that host, so the rest of
 * it is visible to the pipeline but not its to change). It redeploys shop-web there from the registry; another
 * project on that host is a 403 naming the grant; a container on another host is a 404, as if it did not exist.
 */
const serve = ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"];
const sfx = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const app = `${REGISTRY}/gr-ci-shop-${sfx}`;
const other = `${REGISTRY}/gr-ci-other-${sfx}`;
const shopProject = `grshop-${sfx}`;
const shopWeb = uniqueName("gr-shop-web");
const blogWeb = uniqueName("gr-blog-web");
const farWeb = uniqueName("gr-shop-web-far");
const compose = (project: string) => [
  "--label",
  `com.docker.compose.project=${project}`,
  "--label",
  "com.docker.compose.service=web",
];

type Answer = ActionResult & { error?: { code: string; message: string } };
let ci = "";

beforeAll(async () => {
  await Promise.all([removeTestContainers("alpha"), removeTestContainers("bravo")]);
  await buildAndPush("alpha", `${app}:v1`, { version: "shop-v1" });
  await buildAndPush("alpha", `${app}:v2`, { version: "shop-v2" });
  await buildAndPush("alpha", `${other}:v1`, { version: "other-v1" });
  await runContainer("alpha", shopWeb, compose(shopProject), serve, `${app}:v1`);
  await runContainer("alpha", blogWeb, compose(`grblog-${sfx}`), serve, `${app}:v1`);
  await runContainer("bravo", farWeb, compose(shopProject), serve);
  const { status, body } = await post<{ token: string; info: { scoped: boolean } }>("/api/tokens", {
    name: `gr ci shop ${sfx}`,
    role: "operator",
    serviceOwner: "shop team's pipeline",
    scoped: true,
    grants: [
      { role: "operator", scope: { hosts: ["alpha"], projects: [shopProject] } },
      { role: "viewer", scope: { hosts: ["alpha"] } },
    ],
  });
  expect(status).toBe(200);
  expect(body.info.scoped).toBe(true);
  ci = body.token;
}, 120_000);

afterAll(() => Promise.all([removeTestContainers("alpha"), removeTestContainers("bravo")]));

describe("a CI token scoped to project shop on alpha", () => {
  it("redeploys shop-web there from the registry", async () => {
    const { status, body } = await post<Answer>(
      "/api/deploy",
      { hostId: "alpha", container: shopWeb, image: `${app}:v2`, graceSeconds: 0 },
      undefined,
      ci,
    );
    expect(status).toBe(200);
    expect(body.outcome).toBe("succeeded");
    expect((await inspect("alpha", shopWeb))[0]!.Config.Image).toBe(`${app}:v2`);
  });

  it("still meets the image rule in its scope: an operator may not bring another repository", async () => {
    const { status, body } = await post<Answer>(
      "/api/deploy",
      { hostId: "alpha", container: shopWeb, image: `${other}:v1`, graceSeconds: 0 },
      undefined,
      ci,
    );
    expect(status).toBe(403);
    expect(body.error!.message).toContain("Image rule: an operator may only move");
  });

  it("gets a 403 naming the grant on another project of the same host, and changes nothing", async () => {
    const [before] = await inspect("alpha", blogWeb);
    const { status, body } = await post<Answer>(
      "/api/deploy",
      { hostId: "alpha", container: blogWeb, image: `${app}:v2`, graceSeconds: 0 },
      undefined,
      ci,
    );
    expect(status).toBe(403);
    expect(body.error).toEqual({
      code: "FORBIDDEN",
      message: `This needs operator on ${blogWeb}@alpha; you have viewer there`,
    });
    expect((await inspect("alpha", blogWeb))[0]!.Id).toBe(before!.Id);
  });

  it("gets a 404 for another host's container, worded as for one that does not exist", async () => {
    const [before] = await inspect("bravo", farWeb);
    const asked = await post<Answer>(
      "/api/deploy",
      { hostId: "bravo", container: farWeb, graceSeconds: 0 },
      undefined,
      ci,
    );
    const missing = await post<Answer>(
      "/api/deploy",
      { hostId: "bravo", container: `${farWeb}-none`, graceSeconds: 0 },
      undefined,
      ci,
    );
    expect(asked.status).toBe(404);
    expect(asked.body.error).toEqual({
      code: "NOT_FOUND",
      message: `Container "${farWeb}" not found on host "bravo"`,
    });
    expect(missing.body.error!.message).toBe(`Container "${farWeb}-none" not found on host "bravo"`);
    expect((await inspect("bravo", farWeb))[0]!.Id).toBe(before!.Id);
  });

  it("left its grants in the audit log, with who made the token", async () => {
    const { body } = await api<{ entries: AuditEntry[] }>("/api/audit?limit=200");
    const made = body.entries.find((e) => e.action === "token-created" && e.target === `gr ci shop ${sfx}`);
    expect(made?.detail).toContain(
      `scoped; operator on project ${shopProject} on alpha; viewer on everything on alpha`,
    );
  });

  it("a grant taken back ends the streams that showed what it gave, saying why", async () => {
    const { body } = await post<{ token: string; info: { id: number } }>("/api/tokens", {
      name: `gr ci watcher ${sfx}`,
      role: "viewer",
      serviceOwner: "shop team's pipeline",
      scoped: true,
      grants: [{ role: "viewer", scope: { hosts: ["alpha"], projects: [shopProject] } }],
    });
    const logs = await openSse(`/api/containers/alpha/${shopWeb}/logs`, { token: body.token });
    const events = await openEvents({ token: body.token });
    try {
      await events.next((m) => m.event === "snapshot", "the snapshot");
      const { body: all } = await api<{ grants: GrantInfo[] }>("/api/grants");
      const grant = all.grants.find((g) => g.holder.kind === "token" && g.holder.id === body.info.id)!;
      const removed = await fetch(`${inject("wharfUrl")}/api/grants/${grant.id}`, {
        method: "DELETE",
        headers: authHeaders(),
      });
      expect(removed.status).toBe(200);
      for (const stream of [logs, events]) {
        const end = await stream.next<{ reason: string }>((m) => m.event === "end", "the end event");
        expect(end.data).toEqual({ reason: "access changed" });
      }
      const after = await fetch(`${inject("wharfUrl")}/api/containers/alpha/${shopWeb}`, {
        headers: authHeaders(body.token),
      });
      // Holding no grant at all, it is refused everything alike: nothing tells it what exists.
      expect(after.status).toBe(403);
      expect(((await after.json()) as { error: { message: string } }).error.message).toBe(
        `This needs the viewer role; gr ci watcher ${sfx} holds no grant`,
      );
    } finally {
      await logs.close();
      await events.close();
    }
  });
});
