import { describe, expect, it } from "vitest";
import { CoalescedRuns } from "./coalesced-runs";

/** A task whose runs the test finishes one by one. */
function gatedTask() {
  const gates: (() => void)[] = [];
  let runs = 0;
  const task = () => {
    runs++;
    return new Promise<void>((resolve) => gates.push(resolve));
  };
  const finishNext = async () => {
    gates.shift()?.();
    // Let the runner see the end of that run and start the next one, if any.
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { task, finishNext, runs: () => runs, waiting: () => gates.length };
}

describe("runs per key, coalesced", () => {
  it("runs once more after the current run however often it was asked meanwhile, then stops", async () => {
    const runs = new CoalescedRuns();
    const gated = gatedTask();
    runs.request("a", gated.task);
    for (let i = 0; i < 5; i++) runs.request("a", gated.task);
    expect(gated.runs()).toBe(1);
    await gated.finishNext();
    expect(gated.runs()).toBe(2);
    await gated.finishNext();
    expect(gated.runs()).toBe(2);
    expect(gated.waiting()).toBe(0);
    // Idle again: the next request runs at once.
    runs.request("a", gated.task);
    expect(gated.runs()).toBe(3);
  });

  it("keeps keys apart, and drops the run asked for meanwhile when it is no longer wanted", async () => {
    const runs = new CoalescedRuns();
    const gated = gatedTask();
    runs.request("a", gated.task, () => false);
    runs.request("b", gated.task);
    expect(gated.runs()).toBe(2);
    runs.request("a", gated.task, () => false);
    await gated.finishNext();
    await gated.finishNext();
    expect(gated.runs()).toBe(2);
  });
});
