import { describe, expect, it } from "vitest";
import { LineRing } from "./line-ring";

const line = (i: number) => ({ stream: "stdout" as const, text: `line ${i}`, ts: null });

describe("LineRing", () => {
  it("keeps the last lines pushed, oldest first, and counts all of them", () => {
    const ring = new LineRing(3);
    for (let i = 1; i <= 10; i++) ring.push(line(i));
    expect(ring.lines().map((l) => l.text)).toEqual(["line 8", "line 9", "line 10"]);
    expect(ring.size).toBe(10);
  });

  it("keeps everything below its capacity, and nothing at capacity 0", () => {
    const ring = new LineRing(5);
    for (let i = 1; i <= 2; i++) ring.push(line(i));
    expect(ring.lines().map((l) => l.text)).toEqual(["line 1", "line 2"]);
    const none = new LineRing(0);
    none.push(line(1));
    expect(none.lines()).toEqual([]);
    expect(none.size).toBe(1);
  });
});
