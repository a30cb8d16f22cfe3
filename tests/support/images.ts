import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { docker, runDir, type Engine } from "./fleet";

const run = promisify(execFile);
export const REGISTRY = "127.0.0.1:5000";

export type ImageVariant = {
  version: string;
  cmd?: string[];
  env?: Record<string, string>;
  labels?: Record<string, string>;
};

/**
 * Builds an image on an engine from the fleet's busybox (legacy builder, no RUN: nothing needs a network)
 * and pushes it to the loopback registry under `ref`. Pushing another variant under the same tag is what a
 * CI does between two deploys: same reference, new digest.
 */
export async function buildAndPush(
  engine: Engine,
  ref: string,
  variant: ImageVariant,
): Promise<{ id: string; digest: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "wharf-image-"));
  try {
    writeFileSync(path.join(dir, "version"), `${variant.version}\n`);
    const lines = ["FROM localhost/busybox:1", "COPY version /version", "WORKDIR /srv"];
    for (const [key, value] of Object.entries(variant.env ?? {})) lines.push(`ENV ${key}=${value}`);
    for (const [key, value] of Object.entries(variant.labels ?? {})) lines.push(`LABEL ${key}=${value}`);
    lines.push(
      `CMD ${JSON.stringify(variant.cmd ?? ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"])}`,
    );
    writeFileSync(path.join(dir, "Dockerfile"), `${lines.join("\n")}\n`);
    await run(
      "docker",
      ["-H", `unix://${runDir}/${engine}.sock`, "build", "--network", "none", "-q", "-t", ref, dir],
      {
        env: { ...process.env, DOCKER_BUILDKIT: "0" },
      },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await docker(engine, "push", "-q", ref);
  const [image] = JSON.parse(await docker(engine, "image", "inspect", ref)) as {
    Id: string;
    RepoDigests: string[];
  }[];
  const repo = ref.replace(/:[^/:]+$/, "");
  const digest = image!.RepoDigests.find((d) => d.startsWith(`${repo}@`))!.split("@")[1]!;
  return { id: image!.Id, digest };
}
