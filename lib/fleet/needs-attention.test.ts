import { describe, expect, it } from "vitest";
import { attentionReason, describeAttention, loopHoldsAt } from "./needs-attention";
import type { ContainerRow, LastExit } from "./types";

const NOW = Date.parse("2024-05-02T10:00:00Z");
const ago = (ms: number) => new Date(NOW - ms).toISOString();

type Row = Pick<
  ContainerRow,
  "state" | "exitCode" | "oomKilled" | "health" | "restartCount" | "startedAt" | "exitCause" | "lastExit"
>;
const row = (over: Partial<Row>): Row => ({
  state: "running",
  exitCode: 0,
  oomKilled: false,
  health: null,
  restartCount: 0,
  startedAt: ago(3_600_000),
  exitCause: null,
  lastExit: null,
  ...over,
});
const crash = (code: number, oom = false): LastExit => ({
  code,
  oom,
  cause: oom ? "oom" : "crash",
  at: ago(2_000),
});

describe("attentionReason", () => {
  it.each<[string, Partial<Row>]>([
    ["a running container without a check", {}],
    ["a running healthy container", { health: "healthy" }],
    ["a container still starting its check", { health: "starting" }],
    ["a clean stop (exit 0)", { state: "exited", exitCode: 0 }],
    ["a never-started container", { state: "created" }],
    ["a paused container", { state: "paused" }],
    ["a `docker stop` (143)", { state: "exited", exitCode: 143, exitCause: "stopped" }],
    ["a `docker kill` (137)", { state: "exited", exitCode: 137, exitCause: "killed" }],
    [
      "a container Docker restarted once, long ago, that has held since",
      { restartCount: 1, lastExit: crash(1) },
    ],
    [
      "a container restarted by hand a second ago",
      { restartCount: 4, startedAt: ago(1_000), lastExit: { ...crash(143), cause: "stopped" } },
    ],
  ])("leaves %s alone", (_, over) => {
    expect(attentionReason(row(over), NOW)).toBeNull();
  });

  it.each<[string, Partial<Row>, string]>([
    ["a non-zero exit", { state: "exited", exitCode: 3 }, "exit"],
    [
      "an OOM kill, though the engine says exit 137",
      { state: "exited", exitCode: 137, oomKilled: true },
      "oom",
    ],
    [
      "a container Docker is restarting",
      { state: "restarting", exitCode: 1, restartCount: 9 },
      "restart-loop",
    ],
    ["a running container failing its check", { health: "unhealthy" }, "unhealthy"],
    ["a paused container that was failing its check", { state: "paused", health: "unhealthy" }, "unhealthy"],
    ["a dead container", { state: "dead", exitCode: 0 }, "dead"],
  ])("flags %s", (_, over, reason) => {
    expect(attentionReason(row(over), NOW)).toBe(reason);
  });

  it("keeps flagging a restart loop in the seconds the container runs between deaths", () => {
    const between = row({ restartCount: 3, startedAt: ago(900), lastExit: crash(1) });
    expect(attentionReason(between, NOW)).toBe("restart-loop");
    // Even when Wharf did not see the deaths (it started meanwhile), Docker's own restart count tells.
    expect(attentionReason({ ...between, lastExit: null }, NOW)).toBe("restart-loop");
  });

  it("lets the loop verdict lapse once the container has held for 10 s, when Docker resets its backoff", () => {
    const startedAt = ago(4_000);
    const looping = row({ restartCount: 3, startedAt, lastExit: crash(1) });
    expect(attentionReason(looping, loopHoldsAt(startedAt) - 1)).toBe("restart-loop");
    expect(attentionReason(looping, loopHoldsAt(startedAt))).toBeNull();
  });

  it("does not blame a stopped container for its last health status", () => {
    expect(attentionReason(row({ state: "exited", exitCode: 0, health: "unhealthy" }), NOW)).toBeNull();
  });
});

describe("describeAttention", () => {
  it("says what happened in words, with the code that caused it", () => {
    expect(describeAttention("exit", row({ state: "exited", exitCode: 3 }))).toBe("exited with code 3");
    expect(describeAttention("oom", row({ exitCode: 137 }))).toBe("killed: out of memory");
    expect(describeAttention("restart-loop", row({ state: "restarting", exitCode: 2 }))).toBe(
      "restart loop, last exit code 2",
    );
    // Running between deaths, Docker's exit code reads 0: the one that caused the restart is Wharf's memory.
    expect(describeAttention("restart-loop", row({ exitCode: 0, lastExit: crash(5) }))).toBe(
      "restart loop, last exit code 5",
    );
    expect(describeAttention("restart-loop", row({ lastExit: crash(137, true) }))).toBe(
      "restart loop, last run killed: out of memory",
    );
    expect(describeAttention("unhealthy", row({}))).toBe("failing health check");
    expect(describeAttention("dead", row({}))).toBe("dead");
  });
});
