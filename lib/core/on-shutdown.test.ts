import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The registry listens for SIGTERM, which replaces the signal's default: a process where nothing else listens
// (a script) must still end on it. Run in a child of its own, where the signal can be sent for real.
describe("onShutdown", () => {
  it("calls what was registered and not taken back, then lets a process nobody else listens in end", () => {
    const script = `
      const { onShutdown } = await import(${JSON.stringify(path.join(__dirname, "on-shutdown.ts"))});
      onShutdown(() => console.log("first"));
      const takenBack = onShutdown(() => console.log("taken back"));
      takenBack();
      onShutdown(() => { throw new Error("a failing callback stops no other"); });
      onShutdown(() => console.log("last"));
      process.kill(process.pid, "SIGTERM");
      setTimeout(() => console.log("still running"), 2000);
    `;
    const child = spawnSync(
      process.execPath,
      ["--conditions=react-server", "--experimental-strip-types", "--input-type=module", "-e", script],
      { encoding: "utf8", timeout: 20_000 },
    );
    expect(child.stdout.trim().split("\n")).toEqual(["first", "last"]);
    expect(child.signal).toBe("SIGTERM");
  });
});
