import { describe, expect, it } from "vitest";
import { parseAnsi, stripAnsi } from "./parse-ansi";

describe("parseAnsi", () => {
  it("returns plain text as one unstyled segment", () => {
    expect(parseAnsi("GET / 200")).toEqual([{ text: "GET / 200", style: {} }]);
  });

  it("colours text between an SGR code and its reset", () => {
    expect(parseAnsi("\x1b[31merror\x1b[0m: disk full")).toEqual([
      { text: "error", style: { fg: "#f87171" } },
      { text: ": disk full", style: {} },
    ]);
  });

  it("combines codes in one sequence and keeps them until reset", () => {
    const [first, second, third] = parseAnsi("\x1b[1;4;93;44mWARN\x1b[24m still\x1b[m done");
    expect(first).toEqual({
      text: "WARN",
      style: { bold: true, underline: true, fg: "#fde047", bg: "#60a5fa" },
    });
    expect(second).toEqual({ text: " still", style: { bold: true, fg: "#fde047", bg: "#60a5fa" } });
    expect(third).toEqual({ text: " done", style: {} });
  });

  it("reads 256-colour and true-colour codes", () => {
    expect(parseAnsi("\x1b[38;5;196mA\x1b[48;5;244mB\x1b[38;2;10;20;300mC")).toEqual([
      { text: "A", style: { fg: "#ff0000" } },
      { text: "B", style: { fg: "#ff0000", bg: "#808080" } },
      { text: "C", style: { fg: "#0a14ff", bg: "#808080" } },
    ]);
  });

  it("resets only what 22, 39 and 49 reset", () => {
    expect(parseAnsi("\x1b[1;2;32;41ma\x1b[22;39mb\x1b[49mc")).toEqual([
      { text: "a", style: { bold: true, dim: true, fg: "#4ade80", bg: "#f87171" } },
      { text: "b", style: { bg: "#f87171" } },
      { text: "c", style: {} },
    ]);
  });

  it("drops cursor moves, erases, titles and stray control characters without showing them", () => {
    expect(parseAnsi("\x1b[2K\x1b[1Gprogress\x1b]0;title\x07 50%\x1b(B\x07\x00!")).toEqual([
      { text: "progress 50%!", style: {} },
    ]);
  });

  it("ignores private-mode sequences instead of treating them as colours", () => {
    expect(parseAnsi("\x1b[?25mx")).toEqual([{ text: "x", style: {} }]);
  });

  it("keeps markup in a log as text: it never becomes a tag or a style", () => {
    const hostile = '<img src=x onerror="alert(1)"> \x1b[38;2;0;0;0;url(javascript:alert(1))m';
    const segments = parseAnsi(hostile);
    expect(segments.map((s) => s.text).join("")).toContain('<img src=x onerror="alert(1)">');
    for (const segment of segments) {
      for (const value of [segment.style.fg, segment.style.bg])
        if (value) expect(value).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  it("keeps tabs", () => {
    expect(parseAnsi("a\tb")).toEqual([{ text: "a\tb", style: {} }]);
  });
});

describe("stripAnsi", () => {
  it("returns the text a reader sees", () => {
    expect(stripAnsi("\x1b[32mok\x1b[0m \x1b[2Kdone")).toBe("ok done");
    expect(stripAnsi("plain")).toBe("plain");
  });
});
