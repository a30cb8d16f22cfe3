// P4: a redeploy through Wharf against the same steps done with the docker CLI (pull; stop; rm; run), on the
// same engine, the same kind of container and the same registry, trials interleaved so neither side gets the
// quieter moments. Wharf's redeploy is asked with graceSeconds 0 — the CLI does not wait to see the container
// hold either — and once more with Wharf's default 5 s grace, for information.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { summarize } from "./stats.mjs";

const run = promisify(execFile);
const TRIALS = 8;
const ENGINE = "alpha";
const SOCKET = `unix:///run/wharf-fleet/${ENGINE}.sock`;
const docker = async (...args) =>
  (
    await run("docker", ["-H", SOCKET, ...args], {
      env: { ...process.env, DOCKER_BUILDKIT: "0" },
      maxBuffer: 1 << 24,
    })
  ).stdout.trim();
const LOOP = ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"];

/** Builds two small images (FROM the fleet's busybox, different content) to alternate under one tag. */
async function buildVariants(repo) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "wharf-p4-"));
  try {
    for (const variant of ["a", "b"]) {
      writeFileSync(path.join(dir, "version"), `${variant}\n`);
      writeFileSync(
        path.join(dir, "Dockerfile"),
        `FROM localhost/busybox:1\nCOPY version /version\nCMD ${JSON.stringify(LOOP)}\n`,
      );
      await docker("build", "--network", "none", "-q", "-t", `${repo}:${variant}`, dir);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Points the registry's `live` tag at variant `v`, as a CI push would. */
async function publish(repo, v) {
  await docker("tag", `${repo}:${v}`, `${repo}:live`);
  await docker("push", "-q", `${repo}:live`);
}

export async function runP4Redeploy({ server, headers, log = console.log }) {
  const repo = `127.0.0.1:5000/wharf-bench-p4-${Date.now().toString(36)}`;
  const ref = `${repo}:live`;
  const wharfName = "wharf-bench-p4-wharf";
  const cliName = "wharf-bench-p4-cli";
  const runArgs = (name) => [
    "run",
    "-d",
    "--name",
    name,
    "--network",
    "none",
    "--label",
    "wharf.bench=1",
    "--restart",
    "unless-stopped",
    "--env",
    "MODE=bench",
    ref,
    ...LOOP,
  ];
  await docker("rm", "-f", wharfName, cliName).catch(() => "");
  await buildVariants(repo);
  await publish(repo, "a");
  await docker(...runArgs(wharfName));
  await docker(...runArgs(cliName));
  const wharf = [];
  const wharfGrace = [];
  const cli = [];
  let variant = "a";
  try {
    for (let trial = 0; trial < TRIALS; trial++) {
      for (const side of trial % 2 === 0 ? ["wharf", "cli"] : ["cli", "wharf"]) {
        variant = variant === "a" ? "b" : "a";
        await publish(repo, variant);
        const started = performance.now();
        if (side === "wharf") {
          const response = await fetch(`${server.url}/api/containers/${ENGINE}/${wharfName}/redeploy`, {
            method: "POST",
            headers: { "content-type": "application/json", origin: server.url, ...headers },
            body: JSON.stringify({ graceSeconds: 0 }),
          });
          const body = await response.json();
          if (body.outcome !== "succeeded")
            throw new Error(`P4: Wharf's redeploy answered ${response.status} ${JSON.stringify(body)}`);
          wharf.push(performance.now() - started);
        } else {
          await docker("pull", "-q", ref);
          await docker("stop", cliName);
          await docker("rm", cliName);
          await docker(...runArgs(cliName));
          cli.push(performance.now() - started);
        }
      }
    }
    for (let trial = 0; trial < 3; trial++) {
      variant = variant === "a" ? "b" : "a";
      await publish(repo, variant);
      const started = performance.now();
      const response = await fetch(`${server.url}/api/containers/${ENGINE}/${wharfName}/redeploy`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.url, ...headers },
        body: JSON.stringify({}),
      });
      await response.json();
      wharfGrace.push(performance.now() - started);
    }
    log(`P4: ${TRIALS} redeploys each way done`);
  } finally {
    await docker("rm", "-f", wharfName, cliName).catch(() => "");
  }
  const w = summarize(wharf);
  const c = summarize(cli);
  const ratio = w.median / c.median;
  return [
    {
      id: "P4",
      what: `redeploy (pull a new digest, recreate with the whole configuration, check it runs), grace 0 s — ratio of medians ${ratio.toFixed(2)}×`,
      unit: "ms",
      fig: w,
      baseline: { what: "docker CLI: pull; stop; rm; run (same engine, same registry)", fig: c },
      goal: "≤ 1.1× the docker CLI",
      met: ratio <= 1.1 && w.p95 <= 1.1 * c.p95,
    },
    {
      id: "P4",
      what: "redeploy with Wharf's default 5 s grace check (the new container must hold before the old one goes)",
      unit: "ms",
      fig: summarize(wharfGrace),
      baseline: { what: "as above", fig: c },
      goal: "—",
      met: null,
    },
  ];
}
