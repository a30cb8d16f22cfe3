import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";
import { claimDataDir, SOCKET_NAME } from "./single-server.mjs";

const root = mkdtempSync(path.join(os.tmpdir(), "sqh-single-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A process that claims `dir`, says so, and stays until killed. */
async function holder(dir: string) {
  const claimer = fileURLToPath(new URL("./single-server.mjs", import.meta.url));
  const child = spawn(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `const { claimDataDir } = await import(${JSON.stringify(claimer)});
       const claim = await claimDataDir(${JSON.stringify(dir)});
       console.log(JSON.stringify(claim));
       setInterval(() => {}, 1000);`,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const said = await new Promise<string>((resolve) =>
    child.stdout.once("data", (chunk) => resolve(`${chunk}`)),
  );
  expect(JSON.parse(said)).toEqual({ claimed: true });
  return child;
}

it("refuses a folder a live process holds, naming its pid, even where the path is longer than a socket allows", async () => {
  // Node cuts a socket path past 108 bytes without a word: two servers would then claim a cut name.
  const dir = path.join(root, "a".repeat(60), "b".repeat(60));
  mkdirSync(dir, { recursive: true });
  const child = await holder(dir);
  try {
    expect(existsSync(path.join(dir, SOCKET_NAME))).toBe(true);
    expect(await claimDataDir(dir)).toEqual({ claimed: false, owner: String(child.pid) });
  } finally {
    child.kill("SIGKILL");
  }
});

it("takes over the socket file a process killed with -9 left behind", async () => {
  const dir = path.join(root, "stale");
  mkdirSync(dir);
  const child = await holder(dir);
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
  expect(existsSync(path.join(dir, SOCKET_NAME))).toBe(true);
  expect(await claimDataDir(dir)).toEqual({ claimed: true });
  // This process holds it now: another claim is refused with this pid.
  expect(await claimDataDir(dir)).toEqual({ claimed: false, owner: String(process.pid) });
});

/** Claimers that each load the module, then claim `dir` together when told, and say what they got. */
async function claimTogether(dir: string, count: number): Promise<boolean[]> {
  const claimer = fileURLToPath(new URL("./single-server.mjs", import.meta.url));
  const children = Array.from({ length: count }, () =>
    spawn(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `const { claimDataDir } = await import(${JSON.stringify(claimer)});
         console.log("ready");
         process.stdin.once("data", async () => {
           const claim = await claimDataDir(${JSON.stringify(dir)});
           console.log(JSON.stringify(claim));
           setInterval(() => {}, 1000);
         });`,
      ],
      { stdio: ["pipe", "pipe", "inherit"] },
    ),
  );
  const lines = children.map((child) => {
    let said = "";
    const next = (match: RegExp) =>
      new Promise<string>((resolve) => {
        const look = () => {
          const found = said.match(match)?.[0];
          if (found) return resolve(found);
          child.stdout.once("data", (chunk) => ((said += `${chunk}`), look()));
        };
        look();
      });
    return next;
  });
  try {
    await Promise.all(lines.map((next) => next(/ready/)));
    // One write each, back to back: the claims start within a millisecond of each other.
    for (const child of children) child.stdin.write("go\n");
    const claims = await Promise.all(lines.map((next) => next(/\{.*\}/)));
    return claims.map((claim) => (JSON.parse(claim) as { claimed: boolean }).claimed);
  } finally {
    await Promise.all(
      children.map((child) => {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGKILL");
        return exited;
      }),
    );
  }
}

it("of servers started at the same instant on a folder a killed server left, exactly one claims it", async () => {
  const dir = path.join(root, "together");
  mkdirSync(dir);
  const first = await holder(dir);
  const exited = new Promise((resolve) => first.once("exit", resolve));
  first.kill("SIGKILL");
  await exited;
  // Each round starts where a kill -9 leaves the folder (the killed claimers' files stay behind).
  for (let round = 0; round < 10; round++) {
    const claims = await claimTogether(dir, 4);
    expect(claims.filter(Boolean), `round ${round}: ${JSON.stringify(claims)}`).toHaveLength(1);
  }
});
