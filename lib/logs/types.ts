/** One log line as the logs stream sends it: which stream it came from, its text, the engine's timestamp. */
export type LogEntry = { stream: "stdout" | "stderr"; text: string; ts: string | null };

/** Data of the `lines` event of GET /api/containers/{hostId}/{nameOrId}/logs. */
export type LinesEvent = { lines: LogEntry[] };
/** Data of the `skipped` event: lines the server dropped because the client was not reading fast enough. */
export type SkippedEvent = { count: number };
/**
 * Data of the `end` event: `stopped` when the engine ended the stream (the container stopped or was removed),
 * `error` when the engine connection failed; the message then says why.
 */
export type EndEvent = { reason: "stopped" | "error"; message?: string };
