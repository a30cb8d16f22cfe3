export type LogLine = { stream: "stdout" | "stderr"; text: string };

/**
 * Splits the engine's multiplexed log stream (non-TTY containers): frames of an 8-byte header — stream type
 * in byte 0, payload length big-endian in bytes 4..7 — then the payload. Returns whole lines in order.
 * A TTY container's logs have no frames; they are recognised and read as stdout.
 */
export function demuxLog(buffer: Buffer, tty = !looksMultiplexed(buffer)): LogLine[] {
  if (tty) return splitLines(buffer.toString("utf8"), "stdout");
  const lines: LogLine[] = [];
  // The engine splits lines over 16 KB across frames, the first without a newline: join them back.
  const pending = { stdout: "", stderr: "" };
  let offset = 0;
  while (offset + 8 <= buffer.length) {
    const stream = buffer[offset] === 2 ? "stderr" : "stdout";
    const size = buffer.readUInt32BE(offset + 4);
    const parts = (pending[stream] + buffer.subarray(offset + 8, offset + 8 + size).toString("utf8")).split("\n");
    pending[stream] = parts.pop() ?? "";
    for (const part of parts) lines.push({ stream, text: part.replace(/\r$/, "") });
    offset += 8 + size;
  }
  for (const stream of ["stdout", "stderr"] as const) {
    if (pending[stream]) lines.push({ stream, text: pending[stream].replace(/\r$/, "") });
  }
  return lines;
}

function splitLines(text: string, stream: LogLine["stream"]): LogLine[] {
  const parts = text.split("\n");
  if (parts.at(-1) === "") parts.pop();
  return parts.map((part) => ({ stream, text: part.replace(/\r$/, "") }));
}

/** A frame header has a stream type of 0–2 and three zero bytes; plain text practically never starts so. */
export function looksMultiplexed(buffer: Buffer): boolean {
  if (buffer.length === 0) return true;
  return buffer.length >= 8 && (buffer[0] ?? 9) <= 2 && buffer[1] === 0 && buffer[2] === 0 && buffer[3] === 0;
}
