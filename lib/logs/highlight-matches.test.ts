import { describe, expect, it } from "vitest";
import { filterPattern, highlightMatches, matchesFilter } from "./highlight-matches";
import { parseAnsi } from "./parse-ansi";

describe("filterPattern and matchesFilter", () => {
  it("matches case-insensitively and literally", () => {
    const pattern = filterPattern("req.ID (");
    expect(matchesFilter("got REQ.id (42)", pattern)).toBe(true);
    expect(matchesFilter("reqXid (42)", pattern)).toBe(false);
  });

  it("matches everything when the filter is blank", () => {
    expect(filterPattern("  ")).toBeNull();
    expect(matchesFilter("anything", null)).toBe(true);
  });

  it("gives the same answer when reused (a global pattern keeps state between calls)", () => {
    const pattern = filterPattern("tick");
    expect([1, 2, 3].map(() => matchesFilter("tick 1", pattern))).toEqual([true, true, true]);
  });
});

describe("highlightMatches", () => {
  it("marks every match", () => {
    expect(highlightMatches(parseAnsi("tick 1 TICK"), filterPattern("tick"))).toEqual([
      { text: "tick", style: {}, match: true },
      { text: " 1 ", style: {}, match: false },
      { text: "TICK", style: {}, match: true },
    ]);
  });

  it("keeps colours when a match spans two coloured segments", () => {
    const red = { fg: "#f87171" };
    expect(highlightMatches(parseAnsi("ab\x1b[31mcd\x1b[0mef"), filterPattern("bcd"))).toEqual([
      { text: "a", style: {}, match: false },
      { text: "b", style: {}, match: true },
      { text: "cd", style: red, match: true },
      { text: "ef", style: {}, match: false },
    ]);
  });

  it("leaves a line without matches as it was", () => {
    expect(highlightMatches(parseAnsi("abc"), filterPattern("zzz"))).toEqual([
      { text: "abc", style: {}, match: false },
    ]);
    expect(highlightMatches(parseAnsi("abc"), null)).toEqual([{ text: "abc", style: {}, match: false }]);
  });
});
