import { describe, expect, it } from "vitest";
import { mergeByTime, timeKey } from "./merge-by-time";

const line = (ts: string, text: string) => ({ key: timeKey(ts), text });

describe("timeKey", () => {
  it("pads fractions so that strings order as times", () => {
    expect(timeKey("2026-12-01T05:19:03.1Z") < timeKey("2026-12-01T05:19:03.12Z")).toBe(true);
    expect(timeKey("2026-12-01T05:19:03Z")).toBe("2026-12-01T05:19:03.000000000Z");
    expect(timeKey(null)).toBe("");
  });
});

describe("mergeByTime", () => {
  it("interleaves two containers' lines by time", () => {
    const web = [line("2026-12-01T05:00:01Z", "web 1"), line("2026-12-01T05:00:03Z", "web 3")];
    const api = [line("2026-12-01T05:00:04Z", "api 4"), line("2026-12-01T05:00:02Z", "api 2")];
    expect(mergeByTime(web, api).map((l) => l.text)).toEqual(["web 1", "api 2", "web 3", "api 4"]);
  });
  it("appends a batch that is newer than everything, keeping arrival order for equal times", () => {
    const a = [line("2026-12-01T05:00:01Z", "a")];
    const batch = [line("2026-12-01T05:00:02Z", "b"), line("2026-12-01T05:00:02Z", "c")];
    expect(mergeByTime(a, batch).map((l) => l.text)).toEqual(["a", "b", "c"]);
  });
});
