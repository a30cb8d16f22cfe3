import { describe, expect, it } from "vitest";
import { formatUtc, formatUtcClock } from "./format-utc";

describe("formatUtc", () => {
  it("writes an instant in UTC whatever zone it was given in", () => {
    expect(formatUtc("2026-12-01T10:00:03.456Z")).toBe("2026-12-01 10:00:03 UTC");
    expect(formatUtc("2026-12-01T11:00:03+01:00")).toBe("2026-12-01 10:00:03 UTC");
    expect(formatUtc("garbage")).toBe("garbage");
  });

  it("writes a log line's time of day in UTC, with milliseconds when asked", () => {
    expect(formatUtcClock("2026-12-01T23:59:58.123456789Z")).toBe("23:59:58");
    expect(formatUtcClock("2026-12-01T23:59:58.123Z", true)).toBe("23:59:58.123");
    expect(formatUtcClock("garbage")).toBe("");
  });
});
