import { describe, expect, it } from "vitest";
import { isCrashExit } from "./is-crash-exit";
import { testRow } from "./test-row";

const exited = (patch: Parameters<typeof testRow>[2]) =>
  testRow("alpha", "1", { state: "exited", finishedAt: "2024-05-02T10:00:00Z", ...patch });

describe("isCrashExit", () => {
  it("is red for a crash Wharf saw", () => {
    expect(isCrashExit(exited({ exitCode: 1, exitCause: "crash", attention: "exit" }))).toBe(true);
  });
  it("is not red for a docker stop ending in 137 or 143", () => {
    expect(isCrashExit(exited({ exitCode: 137, exitCause: "stopped" }))).toBe(false);
    expect(isCrashExit(exited({ exitCode: 143, exitCause: "killed" }))).toBe(false);
  });
  it("is not red for a clean exit", () => {
    expect(isCrashExit(exited({ exitCode: 0, exitCause: "clean" }))).toBe(false);
  });
  it("follows the server's verdict when Wharf did not see the death", () => {
    expect(isCrashExit(exited({ exitCode: 3, attention: "exit" }))).toBe(true);
    expect(isCrashExit(exited({ exitCode: 3, attention: null }))).toBe(false);
  });
  it("reads the death that caused a restart loop, which Docker reset to 0", () => {
    const row = testRow("alpha", "1", {
      restartCount: 4,
      attention: "restart-loop",
      lastExit: { code: 2, oom: false, cause: "crash", at: "2024-05-02T10:00:00Z" },
    });
    expect(isCrashExit(row)).toBe(true);
  });
});
