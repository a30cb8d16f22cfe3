import { describe, expect, it } from "vitest";
import { demuxBuffer, looksMultiplexed } from "./log-demuxer";

/** Lines as stream and text: these tests are about splitting, not timestamps. */
const demuxLog = (buffer: Buffer, tty?: boolean) =>
  demuxBuffer(buffer, tty).map(({ stream, text }) => ({ stream, text }));

/** One frame of the engine's multiplexed stream: [type, 0, 0, 0, size (uint32 BE)] then the payload. */
function frame(stream: "stdout" | "stderr", text: string): Buffer {
  const payload = Buffer.from(text, "utf8");
  const header = Buffer.alloc(8);
  header[0] = stream === "stdout" ? 1 : 2;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

const out = (text: string) => ({ stream: "stdout", text });
const err = (text: string) => ({ stream: "stderr", text });

describe("demuxLog on a multiplexed stream", () => {
  it("reads several frames in order, telling stdout from stderr", () => {
    const buffer = Buffer.concat([
      frame("stdout", "listening on :8080\n"),
      frame("stderr", "error: database unreachable\n"),
      frame("stdout", "retrying in 5s\n"),
    ]);
    expect(looksMultiplexed(buffer)).toBe(true);
    expect(demuxLog(buffer)).toEqual([
      out("listening on :8080"),
      err("error: database unreachable"),
      out("retrying in 5s"),
    ]);
  });

  it("splits a frame holding two lines", () => {
    const buffer = Buffer.concat([
      frame("stderr", "panic: boom\ngoroutine 1 [running]:\n"),
      frame("stdout", "bye\n"),
    ]);
    expect(demuxLog(buffer)).toEqual([err("panic: boom"), err("goroutine 1 [running]:"), out("bye")]);
  });

  it("keeps a last line that has no trailing newline", () => {
    const buffer = Buffer.concat([frame("stdout", "starting\n"), frame("stderr", "Killed")]);
    expect(demuxLog(buffer)).toEqual([out("starting"), err("Killed")]);
  });

  it("drops the carriage return of \\r\\n line endings", () => {
    expect(demuxLog(frame("stdout", "GET / 200\r\nGET /health 200\r\n"))).toEqual([
      out("GET / 200"),
      out("GET /health 200"),
    ]);
  });

  it("keeps blank lines inside the output", () => {
    expect(demuxLog(frame("stdout", "a\n\nb\n"))).toEqual([out("a"), out(""), out("b")]);
  });

  it("reads multi-byte UTF-8 whose length is counted in bytes", () => {
    const buffer = Buffer.concat([frame("stdout", "Grüße ✓\n"), frame("stderr", "fin\n")]);
    expect(demuxLog(buffer)).toEqual([out("Grüße ✓"), err("fin")]);
  });

  it("returns no lines for an empty log", () => {
    expect(demuxLog(Buffer.alloc(0))).toEqual([]);
  });
});

describe("demuxLog on a TTY container's plain text", () => {
  it("recognises plain text and reads it all as stdout", () => {
    const buffer = Buffer.from("Server started\r\nready to accept connections\r\n");
    expect(looksMultiplexed(buffer)).toBe(false);
    expect(demuxLog(buffer)).toEqual([out("Server started"), out("ready to accept connections")]);
  });

  it("reads a short text without a newline", () => {
    expect(looksMultiplexed(Buffer.from("ok"))).toBe(false);
    expect(demuxLog(Buffer.from("ok"))).toEqual([out("ok")]);
  });

  it("reads text as stdout when told the container has a TTY, even if it starts like a frame", () => {
    const buffer = frame("stderr", "x\n");
    expect(demuxLog(buffer, true)).toEqual([out(buffer.toString("utf8").replace(/\n$/, ""))]);
  });
});

describe("long lines", () => {
  it("joins a line the engine split across two frames of the same stream", () => {
    const long = "x".repeat(16_384);
    const lines = demuxLog(
      Buffer.concat([frame("stdout", long), frame("stdout", "y\n"), frame("stderr", "err\n")]),
    );
    expect(lines).toEqual([
      { stream: "stdout", text: `${long}y` },
      { stream: "stderr", text: "err" },
    ]);
  });
});
