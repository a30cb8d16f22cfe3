import { describe, expect, it } from "vitest";
import { formatBytes, formatPercent, formatRate, niceBytesCeiling, niceCeiling } from "./format-usage";

describe("formatBytes and formatRate", () => {
  it("uses binary units with a few significant digits", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(1_000)).toBe("1000 B");
    expect(formatBytes(1_536)).toBe("1.50 KiB");
    expect(formatBytes(64 * 1024 * 1024)).toBe("64.0 MiB");
    expect(formatBytes(25_276_510_208)).toBe("23.5 GiB");
    expect(formatRate(2_048)).toBe("2.00 KiB/s");
    expect(formatRate(null)).toBe("—");
  });
});

describe("formatPercent", () => {
  it("keeps two decimals for small values", () => {
    expect(formatPercent(0.2355)).toBe("0.24 %");
    expect(formatPercent(123.45)).toBe("123.5 %");
    expect(formatPercent(null)).toBe("—");
  });
});

describe("niceCeiling", () => {
  it("rounds up to 1, 2 or 5 times a power of ten", () => {
    expect(niceCeiling(0.3, 1)).toBe(1);
    expect(niceCeiling(3, 1)).toBe(5);
    expect(niceCeiling(120, 1)).toBe(200);
    expect(niceCeiling(1_000_001, 1)).toBe(2_000_000);
    expect(niceCeiling(0, 1024)).toBe(2000);
  });
});

describe("niceBytesCeiling", () => {
  it("rounds up to 1, 2 or 5 times a binary unit", () => {
    expect(formatBytes(niceBytesCeiling(917_504 * 1.2, 1024 * 1024))).toBe("2.00 MiB");
    expect(formatBytes(niceBytesCeiling(0, 1024))).toBe("1.00 KiB");
    expect(formatBytes(niceBytesCeiling(3 * 1024 ** 3, 1024))).toBe("5.00 GiB");
    expect(formatBytes(niceBytesCeiling(600, 1))).toBe("1000 B");
  });
});
