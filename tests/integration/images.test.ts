import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import type { ActionResult } from "@/lib/actions/types";
import type { HistoryEntry } from "@/lib/history/types";
import type { HostImages, ImageRow, PrunePreview, PruneResult } from "@/lib/images/types";
import { api } from "../support/api";
import { docker, runContainer, runDir, uniqueName, type Engine } from "../support/fleet";
import { buildAndPush, REGISTRY } from "../support/images";
import { post } from "../support/post";

const run = promisify(execFile);
// Every image and container here carries "con", so tests of other checkouts on the same engines never meet them.
const tag = uniqueName("con-img");
const created: [Engine, string][] = [];
const images: [Engine, string][] = [];

afterAll(async () => {
  for (const [engine, name] of created) await docker(engine, "rm", "-f", name).catch(() => "");
  for (const [engine, ref] of images) await docker(engine, "rmi", "-f", ref).catch(() => "");
});

/** Builds a small image on one engine (no push), labelled with its OCI version; answers its id. */
async function build(engine: Engine, ref: string, version: string): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "con-image-"));
  try {
    writeFileSync(path.join(dir, "version"), `${version}\n`);
    const dockerfile = [
      "FROM localhost/busybox:1",
      "COPY version /version",
      `LABEL org.opencontainers.image.version=${version}`,
    ];
    writeFileSync(path.join(dir, "Dockerfile"), `${dockerfile.join("\n")}\n`);
    const { stdout } = await run(
      "docker",
      ["-H", `unix://${runDir}/${engine}.sock`, "build", "--network", "none", "-q", "-t", ref, dir],
      { env: { ...process.env, DOCKER_BUILDKIT: "0" } },
    );
    images.push([engine, stdout.trim()]);
    return stdout.trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function start(engine: Engine, prefix: string, image: string, running = true): Promise<string> {
  const name = uniqueName(prefix);
  created.push([engine, name]);
  const command = running ? ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"] : ["true"];
  await runContainer(engine, name, [], command, image);
  return name;
}

type CliImage = { ID: string; Repository: string; Tag: string; Size: string; CreatedAt: string };

/** `docker image ls` and `docker ps -a` of one engine, as the rows Wharf should show for `ids`. */
async function fromCli(engine: Engine, ids: string[]) {
  const listed = (await docker(engine, "image", "ls", "--no-trunc", "--format", "{{json .}}"))
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as CliImage);
  const users = (await docker(engine, "ps", "-a", "--no-trunc", "--format", "{{.Names}}\t{{.State}}"))
    .split("\n")
    .filter(Boolean)
    .map((line) => line.split("\t") as [string, string]);
  const imageOf = new Map<string, string>();
  if (users.length > 0) {
    const inspected = JSON.parse(
      await docker(engine, "inspect", "--format", "{{json .}}", ...users.map(([name]) => name)).then(
        (out) => `[${out.split("\n").join(",")}]`,
      ),
    ) as { Name: string; Image: string }[];
    for (const item of inspected) imageOf.set(item.Name.replace(/^\//, ""), item.Image);
  }
  return ids.map((id) => {
    const rows = listed.filter((row) => row.ID === id);
    const tags = rows
      .filter((row) => row.Repository !== "<none>")
      .map((row) => `${row.Repository}:${row.Tag}`)
      .sort();
    return {
      id,
      repoTags: tags,
      containers: users
        .filter(([name]) => imageOf.get(name) === id)
        .map(([name, state]) => ({ name, state }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      dangling: tags.length === 0,
      unused: !users.some(([name]) => imageOf.get(name) === id),
    };
  });
}

const pick = (row: ImageRow | undefined) =>
  row && {
    id: row.id,
    repoTags: row.repoTags,
    containers: row.containers,
    dangling: row.dangling,
    unused: row.unused,
  };

describe("a host's images", () => {
  it("lists what docker image ls and docker ps -a say, on two hosts: tags, use, dangling, unused, OCI version", async () => {
    for (const engine of ["alpha", "bravo"] as const) {
      const ref = `localhost/${tag}-${engine}:1`;
      const old = await build(engine, ref, "1.0.0");
      const current = await build(engine, ref, "2.0.0"); // the first build loses its tag: dangling
      const spare = await build(engine, `localhost/${tag}-${engine}-spare:1`, "3.0.0");
      const stopped = await build(engine, `localhost/${tag}-${engine}-stopped:1`, "4.0.0");
      const runner = await start(engine, "con-img-run", ref);
      const exited = await start(engine, "con-img-stopped", `localhost/${tag}-${engine}-stopped:1`, false);
      await docker(engine, "wait", exited);
      const base = (
        await docker(engine, "image", "inspect", "--format", "{{.Id}}", "localhost/busybox:1")
      ).trim();

      const { status, body } = await api<HostImages>(`/api/hosts/${engine}/images`);
      expect(status).toBe(200);
      expect(body.hostId).toBe(engine);
      const ids = [old, current, spare, stopped];
      const expected = await fromCli(engine, ids);
      expect(ids.map((id) => pick(body.images.find((row) => row.id === id)))).toEqual(expected);
      const row = (id: string) => body.images.find((image) => image.id === id)!;
      expect(row(old)).toMatchObject({ dangling: true, unused: true, version: "1.0.0" });
      expect(row(current)).toMatchObject({ unused: false, version: "2.0.0" });
      expect(row(current).containers).toEqual([{ name: runner, state: "running" }]);
      expect(row(spare)).toMatchObject({ dangling: false, unused: true, version: "3.0.0" });
      expect(row(stopped).containers[0]?.state).toBe("exited");
      expect(row(base).repoTags).toContain("localhost/busybox:1");
      // Every image the engine lists is there, sizes and times as the engine has them.
      const engineIds = (await docker(engine, "image", "ls", "-q", "--no-trunc")).split("\n");
      for (const id of ids) expect(engineIds).toContain(id);
      const inspected = JSON.parse(await docker(engine, "image", "inspect", current)) as {
        Size: number;
        Created: string;
      }[];
      expect(row(current).size).toBe(inspected[0]!.Size);
      expect(Date.parse(row(current).created)).toBe(
        Math.floor(Date.parse(inspected[0]!.Created) / 1000) * 1000,
      );
    }
  });

  it("an unknown host is a 404 that names it", async () => {
    const { status, body } = await api<{ error: { code: string; message: string } }>(
      "/api/hosts/no-such-host/images",
    );
    expect(status).toBe(404);
    expect(body.error.message).toContain("no-such-host");
  });
});

describe("pruning a host's images", () => {
  it("removes exactly the previewed images, keeps the image a rollback needs, and is a history row", async () => {
    // A container redeployed from v1 to v2: v1 is what its rollback returns to, and no container uses it.
    const repo = `${REGISTRY}/${uniqueName("con-prune")}`;
    const v1 = await buildAndPush("alpha", `${repo}:latest`, { version: "1" });
    images.push(["alpha", v1.id]);
    const name = await start("alpha", "con-prune-app", `${repo}:latest`);
    const v2 = await buildAndPush("alpha", `${repo}:latest`, { version: "2" });
    images.push(["alpha", v2.id]);
    const redeploy = await post<ActionResult>(`/api/containers/alpha/${name}/redeploy`, { graceSeconds: 1 });
    expect(redeploy.status, JSON.stringify(redeploy.body)).toBe(200);

    const unusedTagged = await build("alpha", `localhost/${tag}-prune-a:1`, "5.0.0");
    await build("alpha", `localhost/${tag}-prune-b:1`, "6.0.0");
    const dangling = await build("alpha", `localhost/${tag}-prune-b:1`, "7.0.0").then(async (b2) => {
      images.push(["alpha", b2]);
      // The first build of prune-b lost its tag to the second: find it by its version label.
      const listed = await api<HostImages>("/api/hosts/alpha/images");
      return listed.body.images.find((row) => row.version === "6.0.0" && row.dangling)!.id;
    });

    const listed = await api<HostImages>("/api/hosts/alpha/images");
    expect(listed.body.images.find((row) => row.id === v1.id)?.rollbackFor).toEqual([name]);

    const preview = await post<PrunePreview>("/api/hosts/alpha/images/prune", { dryRun: true });
    expect(preview.status).toBe(200);
    const previewed = preview.body.images.map((row) => row.id);
    expect(previewed).toEqual(expect.arrayContaining([unusedTagged, dangling]));
    expect(previewed).not.toContain(v1.id);
    expect(previewed).not.toContain(v2.id);
    expect(preview.body.bytes).toBe(preview.body.images.reduce((sum, row) => sum + row.size, 0));
    // Nothing went in a dry run.
    expect(await docker("alpha", "image", "inspect", "--format", "{{.Id}}", unusedTagged)).toBe(unusedTagged);

    // An image made after the preview is unused too, but was not shown: it stays. So does the rollback image,
    // even when named.
    const later = await build("alpha", `localhost/${tag}-prune-later:1`, "8.0.0");
    const mine = preview.body.images.filter(
      (row) => row.repoTags.some((t) => t.includes(tag)) || row.id === dangling,
    );
    const pruned = await post<PruneResult>("/api/hosts/alpha/images/prune", {
      dryRun: false,
      ids: [...mine.map((row) => row.id), v1.id],
    });
    expect(pruned.status, JSON.stringify(pruned.body)).toBe(200);
    expect(pruned.body.images.map((row) => row.id).sort()).toEqual(mine.map((row) => row.id).sort());
    expect(pruned.body.skipped).toEqual([
      { id: v1.id, repoTags: expect.any(Array), reason: `kept for the rollback of ${name}` },
    ]);

    const left = (await docker("alpha", "image", "ls", "-q", "--no-trunc")).split("\n");
    for (const row of mine) expect(left).not.toContain(row.id);
    expect(left).toContain(v1.id);
    expect(left).toContain(v2.id);
    expect(left).toContain(later);

    const history = await api<{ entries: HistoryEntry[] }>("/api/history?host=alpha&action=prune&limit=5");
    const row = history.body.entries.find((entry) => entry.id === pruned.body.historyId);
    expect(row).toMatchObject({ action: "prune", hostId: "alpha", containerName: "", outcome: "succeeded" });
    expect(row?.detail).toContain(`removed ${mine.length} image`);
    expect(row?.detail).toContain(`kept for the rollback of ${name}`);
  });

  it("a dry run is not a prune, and a prune names what to remove", async () => {
    const missing = await post<{ error: { message: string } }>("/api/hosts/alpha/images/prune", {
      dryRun: false,
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain("ids");
  });
});
