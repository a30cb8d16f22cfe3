import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { needsBuild } from "../../scripts/needs-build.mjs";
import { repoRoot } from "../support/fleet";
import { portOffset } from "../support/pass";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "wharf-dbf-url-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Starts Wharf as `npm start` does and waits for it to exit; what it wrote, by stream. */
function startWith(databaseUrl: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  if (needsBuild(repoRoot))
    throw new Error('Wharf\'s build is missing or older than its sources: run "npm run build"');
  const port = 3195 + portOffset;
  const child = spawn(process.execPath, [path.join(repoRoot, "scripts/start.mjs")], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stdout, stderr })));
}

describe("a DATABASE_URL Wharf cannot use", () => {
  it("stops start-up with one line naming the host and the reason, and no stack trace", async () => {
    const { code, stderr } = await startWith("postgres://wharf:secret@127.0.0.1:1/wharf");
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toEqual([
      "[wharf] Cannot use the database at 127.0.0.1:1: connection refused (is PostgreSQL running and listening there?)",
    ]);
    expect(stderr).not.toContain("secret");
  });

  it("refuses a URL that is not PostgreSQL's by name, in one line", async () => {
    const { code, stderr } = await startWith("mysql://wharf@127.0.0.1:3306/wharf");
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toEqual([
      "[wharf] DATABASE_URL must start with postgres:// (got mysql://): leave it unset for the embedded SQLite database",
    ]);
  });
});
