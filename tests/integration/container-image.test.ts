// The container image, built and run the way the README says: a Debian base made here with debootstrap (no
// registry can be pulled from; scripts/node-base-image.sh, cached by its inputs), the Dockerfile built by
// `npm run image` on the alpha engine with the legacy builder and no network, and the README's own `docker run`
// line run there with alpha's socket in place of /var/run/docker.sock. The container has no network (the rule on
// these machines), so the test talks to Wharf from inside it, through `docker exec`.
import { execFile } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ContainerRow, HostSummary } from "@/lib/fleet/types";
import { needsBuild } from "../../scripts/needs-build.mjs";
import {
  removeTestContainers,
  repoRoot,
  runContainer,
  runDir,
  uniqueName,
  waitFor,
  TEST_LABEL,
  TEST_RUN,
} from "../support/fleet";
import { provisionedNode } from "../support/node-version";

const run = promisify(execFile);
const alphaHost = `unix://${runDir}/alpha.sock`;
const image = `localhost/wharf-test:${TEST_RUN}`;
const appStage = `localhost/wharf-test-app:${TEST_RUN}`;
const container = uniqueName("it-image");
const volume = uniqueName("it-image-data");
const neighbour = uniqueName("it-image-neighbour");
const password = "image-test-admin-password";

/** The README's `docker run` line, with what this machine needs in its place; each piece must be there. */
function readmeRunCommand(readme: string, socketGid: string): string[] {
  const lines = readme.split("\n").filter((candidate) => candidate.startsWith("docker run "));
  const line = lines[0];
  if (!line) throw new Error("README.md has no line starting with `docker run `");
  // The README gives the line twice (at the top and in "The container image"): one command, tested here.
  if (lines.some((other) => other !== line)) throw new Error("README.md's docker run lines differ");
  const command = line.replace(/\s+#.*$/, "");
  const swaps: [RegExp, string][] = [
    // No bridge on these engines, and nothing may leave loopback: no network at all, Wharf reached via exec.
    [/ -p 127\.0\.0\.1:3000:3000 /, ` --network none --label ${TEST_LABEL}=${TEST_RUN} `],
    [/ --name wharf /, ` --name ${container} `],
    [
      /-v \/var\/run\/docker\.sock:\/var\/run\/docker\.sock /,
      `-v ${runDir}/alpha.sock:/var/run/docker.sock `,
    ],
    [/-v wharf-data:\/data /, `-v ${volume}:/data `],
    [/"\$\(stat -c %g \/var\/run\/docker\.sock\)"/, socketGid],
    [/ wharf$/, ` ${image}`],
  ];
  let result = command;
  for (const [pattern, replacement] of swaps) {
    if (!pattern.test(result))
      throw new Error(`README's docker run line no longer has ${pattern}: update this test with it`);
    result = result.replace(pattern, replacement);
  }
  return [...result.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!).slice(2);
}

async function dockerAlpha(args: string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run("docker", ["-H", alphaHost, ...args], {
    env: { ...process.env, DOCKER_BUILDKIT: "0", ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout.trim();
}

/** The container's log, stderr included (where a crash at start says why). */
async function containerLog(): Promise<string> {
  const { stdout, stderr } = await run("docker", ["-H", alphaHost, "logs", container], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return `${stdout}${stderr}`.trim();
}

/** Runs a script with the container's own node, against Wharf on the container's loopback. */
async function inContainer<T>(script: string): Promise<T> {
  const output = await dockerAlpha(["exec", container, "node", "-e", script]);
  return JSON.parse(output.split("\n").pop()!) as T;
}

let buildSeconds = 0;

beforeAll(async () => {
  await removeTestContainers("alpha");
  if (needsBuild(repoRoot) || !existsSync(path.join(repoRoot, ".next/standalone/server.js")))
    throw new Error('The build is missing or older than the sources: run "npm run build" first');
  const base = (
    await run("bash", [path.join(repoRoot, "scripts/node-base-image.sh"), alphaHost], {
      maxBuffer: 16 * 1024 * 1024,
    })
  ).stdout
    .trim()
    .split("\n")
    .pop()!;
  const started = Date.now();
  const buildArgs = ["--network", "none", "--build-arg", `BASE_IMAGE=${base}`];
  // The first stage under a tag of its own, so that removing the test's images leaves no untagged layer behind.
  await dockerAlpha(["build", "-q", "--target", "app", "-t", appStage, ...buildArgs, repoRoot]);
  await run("bash", [path.join(repoRoot, "scripts/build-image.sh"), "-q", ...buildArgs], {
    cwd: repoRoot,
    env: { ...process.env, DOCKER_BUILDKIT: "0", DOCKER_HOST: alphaHost, WHARF_IMAGE: image },
    maxBuffer: 16 * 1024 * 1024,
  });
  buildSeconds = (Date.now() - started) / 1000;

  const gid = String(statSync(`${runDir}/alpha.sock`).gid);
  const command = readmeRunCommand(readFileSync(path.join(repoRoot, "README.md"), "utf8"), gid);
  await dockerAlpha(["run", ...command], { WHARF_ADMIN_PASSWORD: password });
  await runContainer("alpha", neighbour, [], ["sleep", "3600"]);
}, 600_000);

afterAll(async () => {
  await removeTestContainers("alpha");
  await dockerAlpha(["volume", "rm", "-f", volume]).catch(() => "");
  await dockerAlpha(["image", "rm", image, appStage]).catch(() => "");
});

describe("the container image", () => {
  it("reports healthy through its HEALTHCHECK on /api/health", async () => {
    await waitFor(
      "the container's health check to pass",
      async () => {
        const status = await dockerAlpha(["inspect", "-f", "{{.State.Health.Status}}", container]);
        if (status === "unhealthy") throw new Error(`unhealthy; its log:\n${await containerLog()}`);
        return status === "healthy";
      },
      180_000,
    );
    const size = Number(await dockerAlpha(["image", "inspect", "-f", "{{.Size}}", image]));
    console.log(`[image] ${image}: ${(size / 1e6).toFixed(0)} MB, built in ${buildSeconds.toFixed(1)} s`);
  }, 200_000);

  it("runs on the Node npm ci provides (24), and says so in its start-up line", async () => {
    expect(await dockerAlpha(["exec", container, "node", "--version"])).toBe(`v${provisionedNode}`);
    expect(Number(provisionedNode.split(".")[0])).toBeGreaterThanOrEqual(24);
    expect(await containerLog()).toContain(
      `[wharf] listening on http://0.0.0.0:3000 on Node ${provisionedNode} (data in /data)`,
    );
  });

  it("runs as a non-root user in the socket's group, listening on all addresses, with its data in /data", async () => {
    expect(await dockerAlpha(["exec", container, "id", "-u"])).not.toBe("0");
    const groups = (await dockerAlpha(["exec", container, "id", "-G"])).split(" ");
    expect(groups).toContain(String(statSync(`${runDir}/alpha.sock`).gid));
    expect(await dockerAlpha(["exec", container, "stat", "-c", "%U %a", "/data", "/data/wharf.db"])).toBe(
      "wharf 700\nwharf 600",
    );
    const [inspected] = JSON.parse(await dockerAlpha(["inspect", container])) as {
      Config: { Env: string[] };
      Mounts: { Type: string; Name?: string; Destination: string }[];
    }[];
    expect(inspected!.Config.Env).toContain("WHARF_HOSTNAME=0.0.0.0");
    expect(inspected!.Mounts).toContainEqual(
      expect.objectContaining({ Type: "volume", Name: volume, Destination: "/data" }),
    );
    // Everything Wharf runs is root's and read-only to it.
    expect(await dockerAlpha(["exec", container, "stat", "-c", "%U", "/app/server.js"])).toBe("root");
  });

  it("signs in and shows the engine's containers, its own among them", async () => {
    const result = await inContainer<{ login: number; hosts: HostSummary[]; containers: ContainerRow[] }>(
      `
      (async () => {
        const base = "http://127.0.0.1:3000";
        const login = await fetch(base + "/api/auth/login", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ username: "admin", password: process.env.WHARF_TEST_PASSWORD }),
        });
        const cookie = (login.headers.get("set-cookie") || "").split(";")[0];
        const get = (p) => fetch(base + p, { headers: { cookie } }).then((r) => r.json());
        const { hosts } = await get("/api/hosts");
        const { containers } = await get("/api/containers?q=it-image");
        console.log(JSON.stringify({ login: login.status, hosts, containers }));
      })();
    `.replace("process.env.WHARF_TEST_PASSWORD", JSON.stringify(password)),
    );
    expect(result.login).toBe(200);
    expect(result.hosts).toEqual([
      expect.objectContaining({ id: "local", url: "unix:///var/run/docker.sock", status: "up" }),
    ]);
    const names = result.containers.map((row) => row.name);
    expect(names).toEqual(expect.arrayContaining([container, neighbour]));
    expect(result.containers.find((row) => row.name === neighbour)).toMatchObject({
      hostId: "local",
      state: "running",
      image: "localhost/busybox:1",
    });
  });

  it("adds a user from the shell with the README's docker exec line", async () => {
    await dockerAlpha([
      "exec",
      container,
      "sh",
      "-c",
      "printf '%s\\n' 'viewer-from-the-shell' | node scripts/user-add.mjs --username shell-viewer --role viewer",
    ]);
    const status = await inContainer<number>(`
      fetch("http://127.0.0.1:3000/api/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "shell-viewer", password: "viewer-from-the-shell" }),
      }).then((r) => console.log(r.status));
    `);
    expect(status).toBe(200);
  });
});
