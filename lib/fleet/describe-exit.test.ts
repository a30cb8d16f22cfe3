import { describe, expect, it } from "vitest";
import { describeExit } from "./describe-exit";
import { testRow } from "./test-row";

const exited = (patch: Parameters<typeof testRow>[2]) => testRow("alpha", "1", { state: "exited", ...patch });

describe("describeExit", () => {
  it("says nothing of a running container", () => {
    expect(describeExit(testRow("alpha", "1"))).toBeNull();
  });
  it("names a crash with its exit code and the signal behind it", () => {
    expect(describeExit(exited({ exitCode: 3, exitCause: "crash" }))).toBe("Crashed with exit code 3");
    expect(describeExit(exited({ exitCode: 139, exitCause: "crash" }))).toBe(
      "Crashed with exit code 139 (signal SIGSEGV)",
    );
  });
  it("tells an OOM kill and a docker stop from a crash", () => {
    expect(describeExit(exited({ exitCode: 137, oomKilled: true }))).toMatch(/out of memory/);
    expect(describeExit(exited({ exitCode: 137, exitCause: "stopped" }))).toBe(
      "Stopped on purpose (docker stop), exit code 137",
    );
  });
  it("reads the death behind a restart loop", () => {
    const row = testRow("alpha", "1", {
      attention: "restart-loop",
      restartCount: 3,
      lastExit: { code: 127, oom: false, cause: "crash", at: "2024-05-02T10:00:00Z" },
    });
    expect(describeExit(row)).toBe("Crashed with exit code 127 (command not found)");
  });
});
