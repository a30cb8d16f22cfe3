import { describe, expect, it } from "vitest";
import { ConcurrencyLimit } from "./concurrency-limit";

const held = () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { gate, release };
};

describe("ConcurrencyLimit", () => {
  it("refuses a caller's run past its share with a 429 naming the bound, and lets other callers run", async () => {
    const limit = new ConcurrencyLimit("test-per-key", { perKey: 2, total: 10, what: "Reads" });
    const a = held();
    const runs = [limit.run("alice", () => a.gate), limit.run("alice", () => a.gate)];
    await expect(limit.run("alice", async () => 1)).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: "Reads: 2 of yours are running already; ask again when one ends",
    });
    await expect(limit.run("bob", async () => 2)).resolves.toBe(2);
    expect(limit.running("alice")).toBe(2);
    a.release();
    await Promise.all(runs);
    expect(limit.running()).toBe(0);
    await expect(limit.run("alice", async () => 3)).resolves.toBe(3);
  });

  it("refuses anyone past the total, and frees a slot when a run fails", async () => {
    const limit = new ConcurrencyLimit("test-total", { perKey: 5, total: 2, what: "Reads" });
    const a = held();
    const runs = [limit.run("alice", () => a.gate), limit.run("bob", () => a.gate)];
    await expect(limit.run("carol", async () => 1)).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: "Reads: 2 are running already; ask again in a moment",
    });
    a.release();
    await Promise.all(runs);
    await expect(limit.run("carol", () => Promise.reject(new Error("engine gone")))).rejects.toThrow(
      "engine gone",
    );
    expect(limit.running()).toBe(0);
    expect(limit.running("carol")).toBe(0);
  });

  it("is one table per name in the process, however many times the module is loaded", async () => {
    const first = new ConcurrencyLimit("test-shared", { perKey: 1, total: 1, what: "Reads" });
    const second = new ConcurrencyLimit("test-shared", { perKey: 1, total: 1, what: "Reads" });
    const a = held();
    const run = first.run("alice", () => a.gate);
    await expect(second.run("bob", async () => 1)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    a.release();
    await run;
  });
});
