import { describe, expect, it } from "vitest";
import { nextTryDelay, RETRY_DELAYS_MS } from "./backoff";
import { trimLogTail } from "./trim-log-tail";

describe("nextTryDelay", () => {
  it("gives at least 5 retries spread over about 10 minutes, then gives up", () => {
    const delays = [1, 2, 3, 4, 5].map((tries) => nextTryDelay(tries));
    expect(delays).toEqual([10_000, 30_000, 60_000, 180_000, 360_000]);
    expect(nextTryDelay(6)).toBeNull();
    const total = RETRY_DELAYS_MS.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(10 * 60_000);
  });

  it("follows configured delays", () => {
    expect(nextTryDelay(1, [500, 1000])).toBe(500);
    expect(nextTryDelay(3, [500, 1000])).toBeNull();
  });
});

describe("trimLogTail", () => {
  it("keeps the newest 20 lines", () => {
    const log = Array.from({ length: 50 }, (_, i) => `line ${i + 1}`);
    const kept = trimLogTail(log);
    expect(kept).toHaveLength(20);
    expect(kept.at(-1)).toBe("line 50");
    expect(kept[0]).toBe("line 31");
  });

  it("stays within 2 KB, newest first, and cuts an overlong line", () => {
    const log = Array.from({ length: 20 }, (_, i) => `${i}`.padEnd(250, "x"));
    const kept = trimLogTail(log);
    expect(Buffer.byteLength(kept.join("\n"))).toBeLessThanOrEqual(2048);
    expect(kept.at(-1)).toBe(log.at(-1));
    expect(trimLogTail(["y".repeat(5000)])[0]).toMatch(/^y{300}…$/);
  });
});
