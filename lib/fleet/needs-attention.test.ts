import { describe, expect, it } from "vitest";
import { attentionReason, describeAttention } from "./needs-attention";
import type { ContainerRow } from "./types";

type Row = Pick<ContainerRow, "state" | "exitCode" | "oomKilled" | "health" | "restartCount">;
const row = (over: Partial<Row>): Row => ({
  state: "running",
  exitCode: 0,
  oomKilled: false,
  health: null,
  restartCount: 0,
  ...over,
});

describe("attentionReason", () => {
  it.each<[string, Partial<Row>]>([
    ["a running container without a check", {}],
    ["a running healthy container", { health: "healthy" }],
    ["a container still starting its check", { health: "starting" }],
    ["a clean stop (exit 0)", { state: "exited", exitCode: 0 }],
    ["a never-started container", { state: "created" }],
    ["a paused container", { state: "paused" }],
  ])("leaves %s alone", (_, over) => {
    expect(attentionReason(row(over))).toBeNull();
  });

  it.each<[string, Partial<Row>, string]>([
    ["a non-zero exit", { state: "exited", exitCode: 3 }, "exit"],
    [
      "an OOM kill, though the engine says exit 137",
      { state: "exited", exitCode: 137, oomKilled: true },
      "oom",
    ],
    ["a restart loop", { state: "restarting", exitCode: 1, restartCount: 9 }, "restarting"],
    ["a running container failing its check", { health: "unhealthy" }, "unhealthy"],
    ["a paused container that was failing its check", { state: "paused", health: "unhealthy" }, "unhealthy"],
    ["a dead container", { state: "dead", exitCode: 0 }, "dead"],
  ])("flags %s", (_, over, reason) => {
    expect(attentionReason(row(over))).toBe(reason);
  });

  it("does not blame a stopped container for its last health status", () => {
    expect(attentionReason(row({ state: "exited", exitCode: 0, health: "unhealthy" }))).toBeNull();
  });
});

describe("describeAttention", () => {
  it("says what happened in words, with the code or restart count", () => {
    expect(describeAttention("exit", row({ exitCode: 3 }))).toBe("exited with code 3");
    expect(describeAttention("oom", row({ exitCode: 137 }))).toBe("killed: out of memory");
    expect(describeAttention("restarting", row({ restartCount: 9 }))).toBe("restart loop (9 restarts)");
    expect(describeAttention("unhealthy", row({}))).toBe("failing health check");
    expect(describeAttention("dead", row({}))).toBe("dead");
  });
});
