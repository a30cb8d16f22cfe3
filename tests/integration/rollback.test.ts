import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActionResult } from "@/lib/actions/types";
import type { HistoryEntry } from "@/lib/history/types";
import type { ContainerResponse } from "@/lib/fleet/types";
import { api } from "../support/api";
import {
  docker,
  inspect,
  readFleetFile,
  removeTestContainers,
  runContainer,
  uniqueName,
  waitFor,
} from "../support/fleet";
import { buildAndPush, REGISTRY } from "../support/images";
import { post } from "../support/post";
import { startWharf } from "../support/wharf-server";
import { passFolder } from "../support/pass";

const serve = ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"];
const suffix = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const app = `${REGISTRY}/it-rbk-app-${suffix}`;
const other = `${REGISTRY}/it-rbk-other-${suffix}`;
let v1: { id: string; digest: string };
let v2: { id: string; digest: string };
let otherV1: { id: string; digest: string };
let operator = "";

type Answer = ActionResult & { error?: { code: string; message: string } };

beforeAll(async () => {
  await removeTestContainers("alpha");
  v1 = await buildAndPush("alpha", `${app}:1`, { version: "app-1" });
  v2 = await buildAndPush("alpha", `${app}:2`, { version: "app-2" });
  otherV1 = await buildAndPush("alpha", `${other}:v1`, { version: "other-1" });
  const { body } = await post<{ token: string }>("/api/tokens", {
    name: `it-rbk-operator-${suffix}`,
    role: "operator",
  });
  operator = body.token;
}, 120_000);

afterAll(() => removeTestContainers("alpha"));

const history = async (name: string) =>
  (await api<{ entries: HistoryEntry[] }>(`/api/history?host=alpha&container=${name}`)).body.entries;
/** Every tag on alpha, each with the image it names: what `docker images` shows. */
const tags = async () =>
  (await docker("alpha", "images", "--no-trunc", "--format", "{{.Repository}}:{{.Tag}} {{.ID}}"))
    .split("\n")
    .filter((line) => line.includes("it-rbk-"))
    .sort();
const idOf = async (ref: string) => (await docker("alpha", "image", "inspect", "-f", "{{.Id}}", ref)).trim();

describe("a rollback restores the previous reference and moves no tag", () => {
  it("returns app:2 to app:1 by its own reference; app:2 still names :2's image", async () => {
    const name = uniqueName("it-rbk-ref");
    await runContainer("alpha", name, [], serve, `${app}:1`);
    const fresh = await api<ContainerResponse>(`/api/containers/alpha/${name}`);
    expect(fresh.body.rollback).toEqual({
      available: false,
      reason: "Nothing to roll back to: no redeploy of this container through Wharf is recorded",
      target: null,
    });

    const deployed = await post<Answer>(`/api/containers/alpha/${name}/redeploy`, {
      image: `${app}:2`,
      graceSeconds: 0,
    });
    expect(deployed.status).toBe(200);
    const detail = await api<ContainerResponse>(`/api/containers/alpha/${name}`);
    expect(detail.body.rollback).toMatchObject({
      available: true,
      reason: null,
      target: {
        reference: `${app}:1`,
        kind: "reference",
        imageId: v1.id,
        historyId: deployed.body.historyId,
      },
    });

    const before = await tags();
    const { status, body } = await post<Answer>(`/api/containers/alpha/${name}/rollback`, {
      graceSeconds: 0,
    });
    expect(status, JSON.stringify(body)).toBe(200);
    const [after] = await inspect("alpha", name);
    expect(after!.Image).toBe(v1.id);
    expect(after!.Config.Image).toBe(`${app}:1`);
    expect(await docker("alpha", "exec", name, "cat", "/version")).toBe("app-1");
    // `docker ps` tells the truth, and the next container on app:2 gets app:2's image.
    expect(await docker("alpha", "ps", "--filter", `name=^/${name}$`, "--format", "{{.Image}}")).toBe(
      `${app}:1`,
    );
    expect(await idOf(`${app}:2`)).toBe(v2.id);
    expect(await tags()).toEqual(before);
    expect(body.entry).toMatchObject({
      action: "rollback",
      // From the reference it left to the one it went back to: the manager's "from → to".
      imageRefBefore: `${app}:2`,
      imageRef: `${app}:1`,
      imageIdBefore: v2.id,
      imageIdAfter: v1.id,
      digestAfter: v1.digest,
      detail: null,
      steps: expect.not.arrayContaining([
        expect.objectContaining({ phase: "pointing the tag at the previous image" }),
      ]),
    });
  });

  it("names the image by digest when its tag has moved on, and says so on the row", async () => {
    const ref = `${REGISTRY}/it-rbk-same-${suffix}:latest`;
    const one = await buildAndPush("alpha", ref, { version: "one" });
    const name = uniqueName("it-rbk-digest");
    await runContainer("alpha", name, [], serve, ref);
    const two = await buildAndPush("alpha", ref, { version: "two" });
    expect((await post<Answer>(`/api/containers/alpha/${name}/redeploy`, { graceSeconds: 0 })).status).toBe(
      200,
    );

    const { status, body } = await post<Answer>(`/api/containers/alpha/${name}/rollback`, {
      graceSeconds: 0,
    });
    expect(status, JSON.stringify(body)).toBe(200);
    const byDigest = `${ref.replace(/:latest$/, "")}@${one.digest}`;
    const [after] = await inspect("alpha", name);
    expect(after!.Image).toBe(one.id);
    expect(after!.Config.Image).toBe(byDigest);
    expect(await idOf(ref)).toBe(two.id);
    expect(body.message).toContain(`is back on ${byDigest}`);
    expect(body.entry.detail).toBe(
      `${ref} now names another image on this host, so it runs by digest ${byDigest}`,
    );
  });

  it("names the image by id as a last resort, and says so on the row", async () => {
    // Tagged on alpha from its busybox, never pushed: the image has no digest of this repository.
    const ref = `${REGISTRY}/it-rbk-local-${suffix}:1`;
    const local = await idOf("localhost/busybox:1");
    await docker("alpha", "tag", "localhost/busybox:1", ref);
    try {
      const name = uniqueName("it-rbk-id");
      // Not the pushed image's own CMD (which `serve` is): a command equal to an image's default gives way to
      // the next image's, and busybox's default is a shell that ends at once.
      await runContainer(
        "alpha",
        name,
        [],
        ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 2; done"],
        ref,
      );
      await buildAndPush("bravo", ref, { version: "pushed" });
      expect((await post<Answer>(`/api/containers/alpha/${name}/redeploy`, { graceSeconds: 0 })).status).toBe(
        200,
      );
      const { status, body } = await post<Answer>(`/api/containers/alpha/${name}/rollback`, {
        graceSeconds: 0,
      });
      expect(status, JSON.stringify(body)).toBe(200);
      const [after] = await inspect("alpha", name);
      expect(after!.Image).toBe(local);
      expect(after!.Config.Image).toBe(local);
      expect(body.entry.detail).toContain("no digest of it is known here, so it runs by image id");
    } finally {
      await docker("alpha", "rmi", ref).catch(() => "");
      // The redeploy kept busybox's image for a rollback under a tag of this repository.
      const kept = (await docker("alpha", "images", "--format", "{{.Repository}}:{{.Tag}}")).split("\n");
      for (const tag of kept.filter((line) => line.startsWith(`${ref.replace(/:1$/, "")}:`)))
        await docker("alpha", "rmi", tag).catch(() => "");
    }
  });
});

describe("a rollback is a redeploy onto the previous image, of this container's own lineage", () => {
  it("a container run outside Wharf under the name of a removed one does not roll back to that one's image", async () => {
    const name = uniqueName("it-rbk-squat");
    await runContainer("alpha", name, [], serve, `${other}:v1`);
    await waitFor(`${name} in the fleet`, async () => {
      const { body } = await api<{ containers: { name: string }[] }>(`/api/containers?host=alpha&q=${name}`);
      return body.containers.some((row) => row.name === name);
    });
    await docker("alpha", "rm", "-f", name);
    const mount = path.join(passFolder, "integration", `rbk-mount-${suffix}`);
    mkdirSync(mount, { recursive: true });
    await runContainer("alpha", name, ["-v", `${mount}:/mnt/host`], serve, `${app}:1`);
    const [before] = await inspect("alpha", name);
    // Wharf records the outside re-creation as a redeploy from the other repository's image.
    await waitFor("the outside redeploy in the history", async () =>
      (await history(name)).some((e) => e.source === "external" && e.imageIdBefore === otherV1.id),
    );

    for (const token of [operator, undefined]) {
      const { status, body } = await post<Answer>(
        `/api/containers/alpha/${name}/rollback`,
        { graceSeconds: 0 },
        undefined,
        token,
      );
      expect(status, JSON.stringify(body)).toBe(409);
      expect(body.error!.code).toBe("CONFLICT");
      expect(body.error!.message).toContain("Nothing to roll back to: it was re-created outside Wharf");
    }
    const [after] = await inspect("alpha", name);
    expect(after!.Id).toBe(before!.Id);
    expect(after!.Image).toBe(v1.id);
    expect(await idOf(`${app}:1`)).toBe(v1.id);
    const detail = await api<ContainerResponse>(`/api/containers/alpha/${name}`);
    expect(detail.body.rollback.available).toBe(false);
  });

  it("a deploy of an earlier container of the same name is not this one's", async () => {
    const name = uniqueName("it-rbk-name");
    await runContainer("alpha", name, [], serve, `${app}:1`);
    expect(
      (await post<Answer>(`/api/containers/alpha/${name}/redeploy`, { image: `${app}:2`, graceSeconds: 0 }))
        .status,
    ).toBe(200);
    // Replaced outside Wharf on the same image: no outside redeploy is recorded, only the name is the same.
    await docker("alpha", "rm", "-f", name);
    await runContainer("alpha", name, [], serve, `${app}:2`);
    const [before] = await inspect("alpha", name);
    await waitFor(`${before!.Id} in the fleet`, async () => {
      const { body } = await api<ContainerResponse>(`/api/containers/alpha/${name}`);
      return body.container.id === before!.Id;
    });

    const { status, body } = await post<Answer>(`/api/containers/alpha/${name}/rollback`, {
      graceSeconds: 0,
    });
    expect(status, JSON.stringify(body)).toBe(409);
    expect(body.error!.message).toContain("no redeploy of this container through Wharf is recorded");
    expect((await inspect("alpha", name))[0]!.Id).toBe(before!.Id);
  });

  it("an operator cannot roll back onto another repository's image (403, before anything is recorded)", async () => {
    const name = uniqueName("it-rbk-rule");
    await runContainer("alpha", name, [], serve, `${other}:v1`);
    // The admin moved it to another repository: going back is choosing that repository again.
    expect(
      (await post<Answer>(`/api/containers/alpha/${name}/redeploy`, { image: `${app}:1`, graceSeconds: 0 }))
        .status,
    ).toBe(200);
    const [before] = await inspect("alpha", name);
    const rows = (await history(name)).length;

    const { status, body } = await post<Answer>(
      `/api/containers/alpha/${name}/rollback`,
      { graceSeconds: 0 },
      undefined,
      operator,
    );
    expect(status, JSON.stringify(body)).toBe(403);
    expect(body.error!.code).toBe("FORBIDDEN");
    expect(body.error!.message).toContain(`Rollback of "${name}" on host "alpha" refused: Image rule`);
    expect(body.error!.message).toContain(`${other}:v1 is another repository`);
    expect((await inspect("alpha", name))[0]!.Id).toBe(before!.Id);
    expect(await history(name)).toHaveLength(rows);
    expect(await idOf(`${app}:1`)).toBe(v1.id);
  });

  it("a host's allowedImages refuses an admin's rollback as it refuses the deploy", async () => {
    const dir = path.join(passFolder, "integration/rbk-allowed-images");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "hosts.json");
    const alpha = readFleetFile().hosts.find((host) => host.id === "alpha")!;
    writeFileSync(file, JSON.stringify({ hosts: [{ ...alpha, allowedImages: [`${app}:*`] }] }));
    const server = await startWharf({
      port: 3171,
      fleetConfig: file,
      dataDir: path.join(dir, `data-${suffix}`),
    });
    try {
      const name = uniqueName("it-rbk-allowed");
      await runContainer("alpha", name, [], serve, `${other}:v1`);
      // Redeploying onto an allowed image is fine; returning to the refused one is not.
      const moved = await post<Answer>(
        `/api/containers/alpha/${name}/redeploy`,
        { image: `${app}:1`, graceSeconds: 0 },
        server.url,
        server.token,
      );
      expect(moved.status).toBe(200);
      const [before] = await inspect("alpha", name);
      const deploy = await post<Answer>(
        `/api/containers/alpha/${name}/redeploy`,
        { image: `${other}:v1`, graceSeconds: 0 },
        server.url,
        server.token,
      );
      expect(deploy.status).toBe(403);
      const { status, body } = await post<Answer>(
        `/api/containers/alpha/${name}/rollback`,
        { graceSeconds: 0 },
        server.url,
        server.token,
      );
      expect(status, JSON.stringify(body)).toBe(403);
      expect(body.error!.message).toContain(
        `Host "alpha" allows only images matching its allowedImages (${app}:*); ${other}:v1 matches none of them`,
      );
      expect((await inspect("alpha", name))[0]!.Id).toBe(before!.Id);
    } finally {
      await server.stop();
    }
  });
});

describe("an image that exists only on the host", () => {
  it("is refused before the redeploy starts, saying so, rather than failing on the pull", async () => {
    const name = uniqueName("it-rbk-local");
    await runContainer("alpha", name, [], serve);
    const [before] = await inspect("alpha", name);
    const { status, body } = await post<Answer>(`/api/containers/alpha/${name}/redeploy`, {
      graceSeconds: 0,
    });
    expect(status, JSON.stringify(body)).toBe(400);
    expect(body.error).toEqual({
      code: "VALIDATION",
      message: `Cannot redeploy "${name}" on host "alpha": localhost/busybox:1 exists only on this host: no registry serves it, so a redeploy cannot pull it. Push it to a registry and redeploy onto that reference`,
    });
    expect(body.entry).toBeUndefined();
    expect(await history(name)).toEqual([]);
    expect((await inspect("alpha", name))[0]!.Id).toBe(before!.Id);
  });
});
