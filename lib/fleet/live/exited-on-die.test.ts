import { describe, expect, it } from "vitest";
import { testRow } from "@/lib/fleet/test-row";
import { exitedOnDie } from "./exited-on-die";

const AT = Date.parse("2024-05-02T09:00:00.000Z");
const crash = { code: 3, oom: false, cause: "crash" as const, at: new Date(AT).toISOString() };

describe("a row as its die event tells it", () => {
  it("is exited with the event's code and cause, flagged, before the engine is asked again", () => {
    const row = testRow("alpha", "c1", { state: "running", exitCode: 0 });
    expect(exitedOnDie(row, 3, AT, crash, AT + 5)).toMatchObject({
      state: "exited",
      exitCode: 3,
      finishedAt: "2024-05-02T09:00:00.000Z",
      exitCause: "crash",
      lastExit: crash,
      attention: "exit",
    });
  });

  it("is a stop, not flagged, when the events said so", () => {
    const row = testRow("alpha", "c1", { state: "running" });
    const stopped = { ...crash, code: 143, cause: "stopped" as const };
    expect(exitedOnDie(row, 143, AT, stopped, AT)).toMatchObject({ state: "exited", attention: null });
  });

  it("changes nothing for a container already down or not yet seen", () => {
    expect(exitedOnDie(testRow("alpha", "c1", { state: "exited" }), 3, AT, crash, AT)).toBeNull();
    expect(exitedOnDie(undefined, 3, AT, crash, AT)).toBeNull();
  });

  it("leaves a container its restart policy has brought back to the engine's word: a loop is not an exit", () => {
    const looping = testRow("alpha", "c1", { state: "running", restartCount: 2, attention: "restart-loop" });
    expect(exitedOnDie(looping, 4, AT, crash, AT)).toBeNull();
  });
});
