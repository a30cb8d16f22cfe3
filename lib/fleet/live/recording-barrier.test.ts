import { describe, expect, it } from "vitest";
import { holdCursor, recordingSettled } from "./recording-barrier";

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((yes, no) => ((resolve = yes), (reject = no)));
  return { promise, resolve, reject };
}

describe("the recording barrier", () => {
  it("answers at once when nothing is being written", async () => {
    expect(await recordingSettled(1_000)).toBe(true);
  });

  it("waits for the work held before it, failed work included, and not for work held after", async () => {
    const first = deferred();
    const second = deferred();
    holdCursor(first.promise);
    holdCursor(second.promise);
    let answered: boolean | undefined;
    const settled = recordingSettled(60_000).then((value) => (answered = value));
    const later = deferred();
    holdCursor(later.promise);
    first.resolve();
    await Promise.resolve();
    expect(answered).toBeUndefined();
    second.reject(new Error("the write failed"));
    await settled;
    expect(answered).toBe(true);
    later.resolve();
  });

  it("gives up after its limit while a write hangs, and settles once it is done", async () => {
    const hanging = deferred();
    holdCursor(hanging.promise);
    expect(await recordingSettled(20)).toBe(false);
    hanging.resolve();
    await hanging.promise;
    expect(await recordingSettled(1_000)).toBe(true);
  });
});
