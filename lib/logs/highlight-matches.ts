import type { AnsiSegment } from "./parse-ansi";

export type HighlightedSegment = AnsiSegment & { match: boolean };

/** A case-insensitive matcher for the filter box; the text is searched literally, never as a pattern. */
export function filterPattern(query: string): RegExp | null {
  const trimmed = query.trim();
  if (!trimmed) return null;
  return new RegExp(trimmed.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "giu");
}

export function matchesFilter(plain: string, pattern: RegExp | null): boolean {
  if (!pattern) return true;
  pattern.lastIndex = 0;
  return pattern.test(plain);
}

/**
 * Cuts a line's coloured segments where the filter matches, so a match can be highlighted without losing the
 * colours around it. Offsets are in the plain text, which is the segments' texts joined.
 */
export function highlightMatches(segments: AnsiSegment[], pattern: RegExp | null): HighlightedSegment[] {
  const plain = segments.map((segment) => segment.text).join("");
  const ranges: [number, number][] = [];
  if (pattern) {
    pattern.lastIndex = 0;
    for (const match of plain.matchAll(pattern)) {
      if (match[0].length > 0) ranges.push([match.index, match.index + match[0].length]);
    }
  }
  if (ranges.length === 0) return segments.map((segment) => ({ ...segment, match: false }));

  const out: HighlightedSegment[] = [];
  let start = 0;
  let range = 0;
  for (const segment of segments) {
    const end = start + segment.text.length;
    let cursor = start;
    while (cursor < end) {
      while (range < ranges.length && ranges[range]![1] <= cursor) range++;
      const current = ranges[range];
      if (!current || current[0] >= end) {
        out.push({ text: segment.text.slice(cursor - start), style: segment.style, match: false });
        cursor = end;
      } else if (current[0] > cursor) {
        out.push({
          text: segment.text.slice(cursor - start, current[0] - start),
          style: segment.style,
          match: false,
        });
        cursor = current[0];
      } else {
        const stop = Math.min(current[1], end);
        out.push({
          text: segment.text.slice(cursor - start, stop - start),
          style: segment.style,
          match: true,
        });
        cursor = stop;
      }
    }
    start = end;
  }
  return out;
}
