import { describe, expect, it } from "vitest";
import { createLogDemuxer } from "./log-demuxer";
import type { LogEntry } from "./types";

const TS = "2026-11-26T03:09:55.452189502Z";
const TS2 = "2026-11-26T03:09:56.000000001Z";

/** One frame of the engine's multiplexed stream: [type, 0, 0, 0, size (uint32 BE)] then the payload. */
function frame(stream: "stdout" | "stderr", text: string, ts?: string): Buffer {
  const payload = Buffer.from(ts ? `${ts} ${text}` : text, "utf8");
  const header = Buffer.alloc(8);
  header[0] = stream === "stdout" ? 1 : 2;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

/** Feeds `bytes` in chunks of `size` bytes, the way a socket may deliver them, and collects every line. */
function feed(bytes: Buffer, size: number, options = { tty: false, timestamps: true }): LogEntry[] {
  const demuxer = createLogDemuxer(options);
  const lines: LogEntry[] = [];
  for (let offset = 0; offset < bytes.length; offset += size)
    lines.push(...demuxer.push(bytes.subarray(offset, offset + size)));
  return [...lines, ...demuxer.end()];
}

const out = (text: string, ts: string | null = TS) => ({ stream: "stdout", text, ts });
const err = (text: string, ts: string | null = TS) => ({ stream: "stderr", text, ts });

describe("createLogDemuxer on a multiplexed stream", () => {
  const stream = Buffer.concat([
    frame("stdout", "listening on :8080\n", TS),
    frame("stderr", "error: database unreachable\n", TS),
    frame("stdout", "Grüße ✓ \x1b[32mok\x1b[0m\n", TS2),
  ]);
  const expected = [
    out("listening on :8080"),
    err("error: database unreachable"),
    out("Grüße ✓ \x1b[32mok\x1b[0m", TS2),
  ];

  it("tells stdout from stderr, in order, and takes the timestamp off each line", () => {
    expect(feed(stream, stream.length)).toEqual(expected);
  });

  it("gives the same lines however the socket cuts the bytes (inside headers, frames and characters)", () => {
    for (const size of [1, 2, 3, 5, 7, 8, 9, 13, 31, 64]) expect(feed(stream, size)).toEqual(expected);
  });

  it("returns each line as soon as its frame is complete, not at the end", () => {
    const demuxer = createLogDemuxer({ tty: false, timestamps: true });
    const first = frame("stdout", "one\n", TS);
    expect(demuxer.push(first.subarray(0, 10))).toEqual([]);
    expect(
      demuxer.push(Buffer.concat([first.subarray(10), frame("stderr", "two\n", TS).subarray(0, 4)])),
    ).toEqual([out("one")]);
  });

  it("joins a long line the engine split into several messages, keeping the first message's timestamp", () => {
    const long = "x".repeat(16_384);
    const bytes = Buffer.concat([
      frame("stdout", long, TS),
      frame("stdout", "y\n", TS2),
      frame("stderr", "err\n", TS2),
    ]);
    expect(feed(bytes, 1000)).toEqual([out(`${long}y`), err("err", TS2)]);
  });

  it("keeps a multi-byte character the engine split across two messages", () => {
    const bytes = Buffer.from("é\n", "utf8");
    const header = (payload: Buffer) => {
      const h = Buffer.alloc(8);
      h[0] = 1;
      h.writeUInt32BE(payload.length, 4);
      return Buffer.concat([h, payload]);
    };
    const a = Buffer.concat([Buffer.from(`${TS} a`), bytes.subarray(0, 1)]);
    const b = Buffer.concat([Buffer.from(`${TS2} `), bytes.subarray(1)]);
    expect(feed(Buffer.concat([header(a), header(b)]), 3)).toEqual([out("aé")]);
  });

  it("keeps blank lines, drops \\r of \\r\\n and keeps a last line without a newline", () => {
    const bytes = Buffer.concat([
      frame("stdout", "\n", TS),
      frame("stdout", "GET / 200\r\n", TS),
      frame("stderr", "Killed", TS),
    ]);
    expect(feed(bytes, 4)).toEqual([out(""), out("GET / 200"), err("Killed")]);
  });

  it("reads lines without timestamps when none were asked for", () => {
    const bytes = Buffer.concat([frame("stdout", "2026 is not a timestamp\n"), frame("stderr", "b\n")]);
    expect(feed(bytes, 5, { tty: false, timestamps: false })).toEqual([
      out("2026 is not a timestamp", null),
      err("b", null),
    ]);
  });

  it("cuts a line that never ends into pieces instead of growing without bound", () => {
    const lines = feed(
      Buffer.concat(Array.from({ length: 10 }, () => frame("stdout", "z".repeat(16_000), TS))),
      4096,
    );
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((line) => line.text.length <= 80_000)).toBe(true);
    expect(lines.map((line) => line.text).join("")).toBe("z".repeat(160_000));
  });
});

describe("createLogDemuxer on a TTY container's plain text", () => {
  it("reads every line as stdout and takes the timestamps off, however the bytes are cut", () => {
    const bytes = Buffer.from(`${TS} Server started\r\n${TS2} ready ✓\r\n${TS2} bye`, "utf8");
    const expected = [out("Server started"), out("ready ✓", TS2), out("bye", TS2)];
    for (const size of [1, 4, 17, bytes.length])
      expect(feed(bytes, size, { tty: true, timestamps: true })).toEqual(expected);
  });

  it("keeps blank lines in the middle", () => {
    expect(feed(Buffer.from("a\n\nb\n"), 2, { tty: true, timestamps: false })).toEqual([
      out("a", null),
      out("", null),
      out("b", null),
    ]);
  });
});
