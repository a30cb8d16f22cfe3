import { describe, expect, it } from "vitest";
import { formatCount, formatDuration, formatRate } from "./format-figures";

describe("format figures", () => {
  it("reads durations in the largest fitting unit", () => {
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(44_600)).toBe("45 s");
    expect(formatDuration(12 * 60_000)).toBe("12 min");
    expect(formatDuration(3.5 * 3_600_000)).toBe("3.5 h");
    expect(formatDuration(50 * 3_600_000)).toBe("2.1 d");
  });

  it("reads rates as percentages and counts with one decimal", () => {
    expect(formatRate(1 / 3)).toBe("33 %");
    expect(formatRate(0.05)).toBe("5 %");
    expect(formatRate(null)).toBe("—");
    expect(formatCount(3 / 7)).toBe("0.4");
  });
});
