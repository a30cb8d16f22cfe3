import type { AccessEndEvent } from "@/lib/auth/types";
import type { LogEntry } from "@/lib/docker/types";

/** Data of the `lines` event of GET /api/containers/{hostId}/{nameOrId}/logs. */
export type LinesEvent = { lines: LogEntry[] };
/** Data of the `skipped` event: lines the server dropped because the client was not reading fast enough. */
export type SkippedEvent = { count: number };
/**
 * Data of the `end` event of the engine's own end: `stopped` when the engine ended the stream (the container
 * stopped or was removed), `error` when the engine connection failed; the message then says why.
 */
export type EngineEndEvent = { reason: "stopped" | "error"; message?: string };
/** Data of the `end` event: the engine's end, or the caller's access ending (a revoked token, a sign-out…). */
export type EndEvent = EngineEndEvent | AccessEndEvent;

/** GET /api/containers/{hostId}/{nameOrId}/logs/older: a page of earlier lines, oldest first. */
export type OlderLinesResponse = { lines: LogEntry[]; more: boolean };

/** A line of a compose project's merged log: which container wrote it. */
export type ProjectLogEntry = LogEntry & { hostId: string; container: string };
/** Data of the `containers` event of GET /api/projects/{project}/logs: the containers merged, in colour order. */
export type ProjectContainersEvent = { containers: { hostId: string; name: string; state: string }[] };
/** Data of its `lines` event. */
export type ProjectLinesEvent = { lines: ProjectLogEntry[] };
