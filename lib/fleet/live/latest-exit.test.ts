import { describe, expect, it } from "vitest";
import type { LastExit } from "../types";
import { latestExit } from "./exit-memory";

const exit = (at: string, cause: LastExit["cause"]): LastExit => ({ code: 3, oom: false, cause, at });

describe("the last exit a row shows", () => {
  it("is the one the events told of, for the death the engine reports", () => {
    const told = exit("2024-05-02T09:00:00.050Z", "crash");
    expect(latestExit(told, exit("2024-05-02T09:00:00.010Z", null))).toBe(told);
  });

  it("is the engine's, cause unknown, when the engine reports a later death no event told of", () => {
    const read = exit("2024-05-02T09:05:00.000Z", null);
    expect(latestExit(exit("2024-05-02T09:00:00.000Z", "crash"), read)).toBe(read);
  });

  it("is whichever there is when only one side knows", () => {
    const told = exit("2024-05-02T09:00:00.000Z", "killed");
    expect(latestExit(told, null)).toBe(told);
    expect(latestExit(null, told)).toBe(told);
    expect(latestExit(null, null)).toBeNull();
  });
});
