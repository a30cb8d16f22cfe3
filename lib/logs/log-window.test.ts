import { describe, expect, it } from "vitest";
import { appendCapped, takeTail, toText, toViewLines, type ViewLine } from "./log-window";

const lines = (from: number, count: number): ViewLine[] =>
  toViewLines(
    Array.from({ length: count }, (_, i) => ({
      stream: "stdout" as const,
      text: `line ${from + i}`,
      ts: null,
    })),
    from,
  );

describe("appendCapped", () => {
  it("appends while under capacity", () => {
    const { lines: result, dropped } = appendCapped(lines(0, 3), lines(3, 2), 10);
    expect(result.map((l) => l.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(dropped).toBe(0);
  });

  it("drops the oldest lines past capacity", () => {
    const { lines: result, dropped } = appendCapped(lines(0, 8), lines(8, 4), 10);
    expect(result.map((l) => l.seq)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(dropped).toBe(2);
  });

  it("keeps only the newest of a batch bigger than the buffer", () => {
    const { lines: result, dropped } = appendCapped(lines(0, 5), lines(5, 15), 10);
    expect(result.map((l) => l.seq)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(dropped).toBe(10);
  });

  it("returns the same array for an empty batch, so React skips the render", () => {
    const before = lines(0, 3);
    expect(appendCapped(before, []).lines).toBe(before);
  });
});

describe("takeTail", () => {
  it("keeps everything the buffer can hold", () => {
    expect(takeTail(lines(0, 10), 10)).toMatchObject({ skipped: 0 });
  });

  it("skips to the newest lines when more are waiting than the buffer holds", () => {
    const { kept, skipped } = takeTail(lines(0, 25), 10);
    expect(skipped).toBe(15);
    expect(kept.map((l) => l.seq)).toEqual([15, 16, 17, 18, 19, 20, 21, 22, 23, 24]);
  });
});

describe("toViewLines and toText", () => {
  it("keeps the text without colour codes for filters and downloads", () => {
    const [line] = toViewLines(
      [{ stream: "stderr", text: "\x1b[31mboom\x1b[0m", ts: "2026-01-01T00:00:00.000000000Z" }],
      7,
    );
    expect(line).toMatchObject({ seq: 7, plain: "boom", stream: "stderr" });
    expect(toText([line!], true)).toBe("2026-01-01T00:00:00.000000000Z boom\n");
    expect(toText([line!], false)).toBe("boom\n");
  });
});
