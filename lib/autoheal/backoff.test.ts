import { describe, expect, it } from "vitest";
import { nextTry, triesInWindow } from "./backoff";

const grace = 10_000;
const minute = 60_000;

describe("nextTry", () => {
  it("tries first after the grace period, then doubles it: 10 s, 20 s, 40 s, 80 s, 160 s", () => {
    const tries: number[] = [];
    const delays: number[] = [];
    let now = 1_000_000;
    for (let i = 0; i < 5; i++) {
      const plan = nextTry(tries, now, grace);
      if (plan.giveUp) throw new Error("gave up too early");
      expect(plan.try).toBe(i + 1);
      delays.push(plan.at - now);
      tries.push(plan.at);
      now = plan.at + 1_000;
    }
    expect(delays).toEqual([10_000, 20_000, 40_000, 80_000, 160_000]);
  });

  it("gives up when five tries were made in the last 30 minutes", () => {
    const now = 100 * minute;
    const tries = [80, 85, 90, 95, 99].map((m) => m * minute);
    expect(nextTry(tries, now, grace)).toEqual({ giveUp: true, tries: 5 });
  });

  it("counts only the tries of the last 30 minutes", () => {
    const now = 100 * minute;
    const tries = [60, 69, 75, 90, 99].map((m) => m * minute);
    // 60 and 69 are older than 30 minutes: three tries count, so the fourth waits 8 grace periods.
    expect(triesInWindow(tries, now)).toEqual([75, 90, 99].map((m) => m * minute));
    expect(nextTry(tries, now, grace)).toEqual({ giveUp: false, at: now + 80_000, try: 4 });
  });

  it("honours a zero grace period (a policy can ask to act at once)", () => {
    expect(nextTry([], 5, 0)).toEqual({ giveUp: false, at: 5, try: 1 });
  });
});
