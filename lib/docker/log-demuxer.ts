import { StringDecoder } from "node:string_decoder";
import type { LogEntry } from "./types";

// A line that never ends (a progress bar redrawn with \r, a binary dump) must not grow without bound.
const MAX_LINE_CHARS = 64 * 1024;
// RFC3339Nano as the engine writes it with timestamps=1, followed by one space.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

type Stream = LogEntry["stream"];
export type LogDemuxer = {
  /** Feeds one chunk as it came off the socket; returns the lines it completed, in order. */
  push(chunk: Buffer): LogEntry[];
  /** The stream ended: returns what was left without a trailing newline. */
  end(): LogEntry[];
};

/**
 * Reads a followed log (and, through demuxBuffer, a tail read at once). Socket chunks cut anywhere — inside a frame
 * header, a frame, a line or a UTF-8 character — so frames are reassembled before they are read. Each frame
 * is one log message; with `timestamps` the engine puts the message's timestamp first, which is taken off
 * here (at the byte level, before decoding, so a character split across frames stays intact).
 */
export function createLogDemuxer(options: { tty: boolean; timestamps: boolean }): LogDemuxer {
  return options.tty ? ttyDemuxer(options.timestamps) : framedDemuxer(options.timestamps);
}

function framedDemuxer(timestamps: boolean): LogDemuxer {
  let buffered: Buffer = Buffer.alloc(0);
  const lines = lineAssembler();
  const decoders = { stdout: new StringDecoder("utf8"), stderr: new StringDecoder("utf8") };
  return {
    push(chunk) {
      buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
      const out: LogEntry[] = [];
      let offset = 0;
      while (offset + 8 <= buffered.length) {
        const size = buffered.readUInt32BE(offset + 4);
        if (offset + 8 + size > buffered.length) break;
        const stream: Stream = buffered[offset] === 2 ? "stderr" : "stdout";
        let payload: Buffer = buffered.subarray(offset + 8, offset + 8 + size);
        let ts: string | null = null;
        if (timestamps) [ts, payload] = splitTimestamp(payload);
        lines.add(out, stream, decoders[stream].write(payload), ts);
        offset += 8 + size;
      }
      // Copy the unread tail so the whole socket chunk is not kept alive by a few bytes of it.
      buffered = offset === 0 ? buffered : Buffer.from(buffered.subarray(offset));
      return out;
    },
    end() {
      const out: LogEntry[] = [];
      for (const stream of ["stdout", "stderr"] as const)
        lines.add(out, stream, decoders[stream].end(), null);
      return [...out, ...lines.flush()];
    },
  };
}

/** A TTY container's log is plain text, every message (line) starting with its timestamp. */
function ttyDemuxer(timestamps: boolean): LogDemuxer {
  const decoder = new StringDecoder("utf8");
  let pending = "";
  const take = (text: string, out: LogEntry[], final: boolean) => {
    pending += text;
    const parts = pending.split("\n");
    pending = parts.pop() ?? "";
    if (final || pending.length > MAX_LINE_CHARS) {
      if (pending) parts.push(pending);
      pending = "";
    }
    for (const part of parts) {
      let text = part.replace(/\r$/, "");
      let ts: string | null = null;
      if (timestamps) {
        const space = text.indexOf(" ");
        if (space > 0 && TIMESTAMP.test(text.slice(0, space))) {
          ts = text.slice(0, space);
          text = text.slice(space + 1);
        }
      }
      out.push({ stream: "stdout", text, ts });
    }
  };
  return {
    push(chunk) {
      const out: LogEntry[] = [];
      take(decoder.write(chunk), out, false);
      return out;
    },
    end() {
      const out: LogEntry[] = [];
      take(decoder.end(), out, true);
      return out;
    },
  };
}

/** Joins messages into lines per stream: the engine splits lines over 16 KB into several messages. */
function lineAssembler() {
  const pending = { stdout: "", stderr: "" };
  const firstTs: Record<Stream, string | null> = { stdout: null, stderr: null };
  return {
    add(out: LogEntry[], stream: Stream, text: string, ts: string | null) {
      if (text === "") return;
      if (pending[stream] === "") firstTs[stream] = ts;
      const parts = (pending[stream] + text).split("\n");
      pending[stream] = parts.pop() ?? "";
      for (const part of parts) {
        out.push({ stream, text: part.replace(/\r$/, ""), ts: firstTs[stream] ?? ts });
        firstTs[stream] = ts;
      }
      if (pending[stream] === "") firstTs[stream] = null;
      if (pending[stream].length > MAX_LINE_CHARS) {
        out.push({ stream, text: pending[stream], ts: firstTs[stream] });
        pending[stream] = "";
        firstTs[stream] = null;
      }
    },
    flush(): LogEntry[] {
      const out: LogEntry[] = [];
      for (const stream of ["stdout", "stderr"] as const) {
        if (pending[stream])
          out.push({ stream, text: pending[stream].replace(/\r$/, ""), ts: firstTs[stream] });
        pending[stream] = "";
      }
      return out;
    },
  };
}

function splitTimestamp(payload: Buffer): [string | null, Buffer] {
  // "2006-01-02T15:04:05.999999999+07:00 " is at most 36 bytes.
  const space = payload.subarray(0, 40).indexOf(0x20);
  if (space <= 0) return [null, payload];
  const candidate = payload.subarray(0, space).toString("latin1");
  return TIMESTAMP.test(candidate) ? [candidate, payload.subarray(space + 1)] : [null, payload];
}

/** A whole log read at once (a tail, not followed): its lines, TTY or not, told by the bytes themselves. */
export function demuxBuffer(buffer: Buffer, tty = !looksMultiplexed(buffer)): LogEntry[] {
  const demuxer = createLogDemuxer({ tty, timestamps: false });
  return [...demuxer.push(buffer), ...demuxer.end()];
}

/** A frame header has a stream type of 0–2 and three zero bytes; plain text practically never starts so. */
export function looksMultiplexed(buffer: Buffer): boolean {
  if (buffer.length === 0) return true;
  return buffer.length >= 8 && (buffer[0] ?? 9) <= 2 && buffer[1] === 0 && buffer[2] === 0 && buffer[3] === 0;
}
