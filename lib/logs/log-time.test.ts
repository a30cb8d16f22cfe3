import { describe, expect, it } from "vitest";
import { logTimeNanos } from "./log-time";

describe("logTimeNanos", () => {
  it("orders timestamps whose fractions the engine trimmed", () => {
    const a = logTimeNanos("2026-12-01T05:19:03.1Z")!;
    const b = logTimeNanos("2026-12-01T05:19:03.12Z")!;
    expect(a < b).toBe(true);
    expect(b - a).toBe(20_000_000n);
  });
  it("reads whole seconds and offsets", () => {
    expect(logTimeNanos("2026-12-01T05:19:03Z")).toBe(logTimeNanos("2026-12-01T06:19:03.000000000+01:00"));
  });
  it("refuses what is no timestamp", () => {
    expect(logTimeNanos("yesterday")).toBeNull();
  });
});
