/**
 * Colours and emphasis from SGR escape codes (ESC [ … m). A colour is always built here from numbers, never
 * copied from the log, so nothing a container prints can reach the page as markup or as CSS.
 */
export type AnsiStyle = {
  fg?: string;
  bg?: string;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  inverse?: boolean;
};
export type AnsiSegment = { text: string; style: AnsiStyle };

// CSI sequences (colours, cursor moves, erases), OSC sequences (titles, hyperlinks), other two-byte escapes,
// then control characters that have no business in a line of text (tab is kept).
const ESCAPES =
  /\x1b\[([0-?]*)[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[ -/]*[0-~]?|[\x00-\x08\x0b-\x1f\x7f\x9b]/g;

/** Readable on the viewer's dark background; the usual xterm order: black red green yellow blue magenta cyan white. */
const PALETTE = [
  "#64748b",
  "#f87171",
  "#4ade80",
  "#facc15",
  "#60a5fa",
  "#e879f9",
  "#22d3ee",
  "#e2e8f0",
  "#94a3b8",
  "#fca5a5",
  "#86efac",
  "#fde047",
  "#93c5fd",
  "#f0abfc",
  "#67e8f9",
  "#ffffff",
];

export function parseAnsi(input: string): AnsiSegment[] {
  const segments: AnsiSegment[] = [];
  let style: AnsiStyle = {};
  let last = 0;
  const emit = (text: string) => {
    if (!text) return;
    const previous = segments.at(-1);
    if (previous && previous.style === style) previous.text += text;
    else segments.push({ text, style });
  };
  for (const match of input.matchAll(ESCAPES)) {
    emit(input.slice(last, match.index));
    last = match.index + match[0].length;
    if (match[0].startsWith("\x1b[") && match[0].endsWith("m") && match[1] !== undefined)
      style = applySgr(style, match[1]);
  }
  emit(input.slice(last));
  return segments;
}

/** The text a reader sees: what filters match and what a download holds. */
export function stripAnsi(input: string): string {
  return input.includes("\x1b") || /[\x00-\x08\x0b-\x1f\x7f\x9b]/.test(input)
    ? input.replace(ESCAPES, "")
    : input;
}

function applySgr(current: AnsiStyle, params: string): AnsiStyle {
  // Private-mode and malformed sequences (ESC[?25m, ESC[<…m) are not SGR: ignore them.
  if (!/^[\d;:]*$/.test(params)) return current;
  const codes = params === "" ? [0] : params.split(/[;:]/).map((part) => (part === "" ? 0 : Number(part)));
  const next: AnsiStyle = { ...current };
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    if (code === 0) for (const key of Object.keys(next)) delete next[key as keyof AnsiStyle];
    else if (code === 1) next.bold = true;
    else if (code === 2) next.dim = true;
    else if (code === 3) next.italic = true;
    else if (code === 4) next.underline = true;
    else if (code === 7) next.inverse = true;
    else if (code === 9) next.strike = true;
    else if (code === 22) {
      delete next.bold;
      delete next.dim;
    } else if (code === 23) delete next.italic;
    else if (code === 24) delete next.underline;
    else if (code === 27) delete next.inverse;
    else if (code === 29) delete next.strike;
    else if (code >= 30 && code <= 37) next.fg = PALETTE[code - 30];
    else if (code >= 90 && code <= 97) next.fg = PALETTE[code - 90 + 8];
    else if (code >= 40 && code <= 47) next.bg = PALETTE[code - 40];
    else if (code >= 100 && code <= 107) next.bg = PALETTE[code - 100 + 8];
    else if (code === 39) delete next.fg;
    else if (code === 49) delete next.bg;
    else if (code === 38 || code === 48) {
      const [color, used] = extendedColor(codes, i + 1);
      i += used;
      if (color) next[code === 38 ? "fg" : "bg"] = color;
    }
  }
  return sameStyle(current, next) ? current : next;
}

/** 38;5;n (256 colours) or 38;2;r;g;b (true colour): returns the colour and how many codes it used. */
function extendedColor(codes: number[], at: number): [string | undefined, number] {
  const mode = codes[at];
  if (mode === 5) {
    const n = codes[at + 1];
    return [n === undefined ? undefined : color256(n), 2];
  }
  if (mode === 2) {
    const [r, g, b] = [codes[at + 1], codes[at + 2], codes[at + 3]];
    if (r === undefined || g === undefined || b === undefined) return [undefined, 4];
    return [hex(r, g, b), 4];
  }
  return [undefined, 0];
}

function color256(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 0 || n > 255) return undefined;
  if (n < 16) return PALETTE[n];
  if (n >= 232) {
    const level = 8 + (n - 232) * 10;
    return hex(level, level, level);
  }
  const cube = n - 16;
  const step = (value: number) => (value === 0 ? 0 : 55 + value * 40);
  return hex(step(Math.floor(cube / 36)), step(Math.floor(cube / 6) % 6), step(cube % 6));
}

function hex(r: number, g: number, b: number): string {
  const channel = (value: number) =>
    Math.max(0, Math.min(255, Math.round(value) || 0))
      .toString(16)
      .padStart(2, "0");
  return `#${channel(r)}${channel(g)}${channel(b)}`;
}

function sameStyle(a: AnsiStyle, b: AnsiStyle): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof AnsiStyle>;
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}
