import type { CSSProperties } from "react";
import type { HighlightedSegment } from "@/lib/logs/highlight-matches";
import type { AnsiStyle } from "@/lib/logs/parse-ansi";

/**
 * A log line's coloured segments as React text: whatever a container prints is rendered as text, never parsed
 * as HTML, and styles come only from the parser's own colour values.
 */
export function AnsiText({ segments }: { segments: HighlightedSegment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.match ? (
          <mark
            key={index}
            data-testid="log-match"
            className="rounded-sm bg-amber-300 text-slate-950"
            style={cssOf(segment.style, true)}
          >
            {segment.text}
          </mark>
        ) : (
          <span key={index} style={cssOf(segment.style, false)}>
            {segment.text}
          </span>
        ),
      )}
    </>
  );
}

function cssOf(style: AnsiStyle, highlighted: boolean): CSSProperties | undefined {
  if (Object.keys(style).length === 0) return undefined;
  // Inverse video swaps the colours; unset ones are the viewer's own text and background.
  const fg = style.inverse ? (style.bg ?? "#020617") : style.fg;
  const bg = style.inverse ? (style.fg ?? "#e2e8f0") : style.bg;
  const decoration = [style.underline && "underline", style.strike && "line-through"]
    .filter(Boolean)
    .join(" ");
  return {
    // A highlighted match keeps its readable highlight colours; emphasis still shows.
    color: highlighted ? undefined : fg,
    backgroundColor: highlighted ? undefined : bg,
    fontWeight: style.bold ? 700 : undefined,
    opacity: style.dim ? 0.65 : undefined,
    fontStyle: style.italic ? "italic" : undefined,
    textDecoration: decoration || undefined,
  };
}
