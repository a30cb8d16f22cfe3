export const LOG_TAIL_LINES = 20;
export const LOG_TAIL_BYTES = 2048;
const LINE_CHARS = 300;

/**
 * The last lines of a log, small enough for a chat message or a pager: at most `lines` lines and `bytes`
 * bytes (UTF-8), the newest kept; an overlong line is cut with "…".
 */
export function trimLogTail(log: string[], lines = LOG_TAIL_LINES, bytes = LOG_TAIL_BYTES): string[] {
  const kept: string[] = [];
  let size = 0;
  for (let i = log.length - 1; i >= 0 && kept.length < lines; i--) {
    const raw = log[i] ?? "";
    const line = raw.length > LINE_CHARS ? `${raw.slice(0, LINE_CHARS)}…` : raw;
    const lineBytes = Buffer.byteLength(line, "utf8") + 1;
    if (size + lineBytes > bytes) break;
    kept.unshift(line);
    size += lineBytes;
  }
  return kept;
}
