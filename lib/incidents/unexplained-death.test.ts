import { describe, expect, it } from "vitest";
import { testRow } from "@/lib/fleet/test-row";
import type { ContainerRow } from "@/lib/fleet/types";
import { unexplainedDeath } from "./classify";

const FINISHED = "2024-05-02T09:00:00.000Z";
const running = testRow("alpha", "c1", { state: "running", exitCode: 0, finishedAt: null });
const exited = (patch: Partial<ContainerRow> = {}) =>
  testRow("alpha", "c1", { state: "exited", exitCode: 3, finishedAt: FINISHED, exitCause: null, ...patch });

describe("a death found by reading the container again (its die event was dropped)", () => {
  it("is a crash at the engine's finish time when it exited non-zero and no event explained it", () => {
    expect(unexplainedDeath(running, exited())).toBe(Date.parse(FINISHED));
    expect(unexplainedDeath(running, exited({ exitCode: 137, oomKilled: true }))).toBe(Date.parse(FINISHED));
  });

  it("is nothing when an event explained it, or it exited cleanly, or by a stop's or a kill's signal", () => {
    expect(unexplainedDeath(running, exited({ exitCause: "crash" }))).toBeNull();
    expect(unexplainedDeath(running, exited({ exitCause: "stopped" }))).toBeNull();
    expect(unexplainedDeath(running, exited({ exitCode: 0 }))).toBeNull();
    expect(unexplainedDeath(running, exited({ exitCode: 137 }))).toBeNull();
    expect(unexplainedDeath(running, exited({ exitCode: 143 }))).toBeNull();
  });

  it("is nothing unless the container was running before: a first sight or an exited row read again", () => {
    expect(unexplainedDeath(undefined, exited())).toBeNull();
    expect(unexplainedDeath(exited(), exited())).toBeNull();
  });

  it("is a crash when the restart policy brought the container back before it was read again", () => {
    const before = testRow("alpha", "c1", {
      state: "running",
      restartCount: 2,
      exitCode: 3,
      finishedAt: null,
    });
    const back = (patch: Partial<ContainerRow> = {}) =>
      testRow("alpha", "c1", {
        state: "running",
        restartCount: 3,
        exitCode: 3,
        finishedAt: FINISHED,
        exitCause: null,
        ...patch,
      });
    expect(unexplainedDeath(before, back())).toBe(Date.parse(FINISHED));
    expect(unexplainedDeath(before, back({ state: "restarting" }))).toBe(Date.parse(FINISHED));
    // Every death told by its event, a clean exit, a signal, or no restart at all: nothing new.
    expect(unexplainedDeath(before, back({ exitCause: "crash" }))).toBeNull();
    expect(unexplainedDeath(before, back({ exitCode: 0 }))).toBeNull();
    expect(unexplainedDeath(before, back({ exitCode: 137 }))).toBeNull();
    expect(unexplainedDeath(before, back({ restartCount: 2 }))).toBeNull();
    const readDead = { ...before, state: "exited" as const, finishedAt: FINISHED };
    expect(unexplainedDeath(readDead, back())).toBeNull();
    // A row from the engine's list (its inspect went unanswered) knows no restart count: nothing to compare.
    const fromList = { ...before, restartCount: 0, startedAt: null };
    expect(unexplainedDeath(fromList, back())).toBeNull();
  });
});
