import "server-only";
import type { Host } from "@/lib/docker/host-config";
import { readPastEvents } from "@/lib/docker/read-past-events";
import type { EngineEvent } from "@/lib/docker/stream-events";
import { withDeadline } from "@/lib/docker/with-deadline";
import { classifyDie, freshRun, rememberEvent, STOP_WINDOW_MS, type RunMemory } from "../classify-exit";
import type { ExitCause } from "../types";
import type { FleetChange } from "./change-feed";
import { eventMs, type EventCursor } from "./event-cursor";
import type { ExitMemory } from "./exit-memory";

// Events that never change what `docker inspect` says (health checks alone fire exec_* every interval).
export const IGNORED = /^(exec_|attach|detach|resize|top|export|commit|copy|archive-path|extract-to-dir)/;

// A `docker run`'s start can come seconds after its create on a busy engine (lib/actions/classify-lifecycle.ts,
// RUN_MS): the catch-up reads that far back before the cursor to find the create of a start after it.
const RUN_LEAD_MS = 10_000;

export type Replayed = { event: EngineEvent; exitCause?: ExitCause };

// What a death needs from before it: the signals sent to its run (a `docker stop` may wait minutes between its
// TERM and the death) and the start that began the run.
const RUN_ACTIONS = ["start", "kill", "oom"];

/**
 * The starts, signals and OOM kills of the minutes before `beforeSeconds`, oldest first: a cursor saved between
 * a kill and the death it caused must not make the death, read back alone, a crash.
 */
async function readRunEventsBefore(
  host: Host,
  beforeSeconds: number,
  timeoutMs: number,
  abort?: AbortSignal,
): Promise<EngineEvent[]> {
  const since = beforeSeconds - Math.ceil(STOP_WINDOW_MS / 1000);
  const events = await withDeadline(
    (signal) =>
      readPastEvents(
        host,
        since,
        beforeSeconds,
        abort ? AbortSignal.any([signal, abort]) : signal,
        RUN_ACTIONS,
      ),
    timeoutMs,
  );
  return events.filter((event) => eventMs(event) < beforeSeconds * 1000);
}

/**
 * On a process's first connection to a host, reads what the engine did since the last event an earlier Wharf
 * applied, and folds it into the exit memory before the first state is shown: a container `docker kill`ed
 * while Wharf was down is then "killed", not a crash. Returns the events that are news, to be told to the feed
 * after the first read, so a crash that happened meanwhile still opens its incident.
 */
export async function catchUp(
  host: Host,
  storedMs: number,
  cursor: EventCursor,
  exits: ExitMemory,
  timeoutMs: number,
  abort: AbortSignal,
): Promise<Replayed[]> {
  const since = Math.floor(storedMs / 1000);
  const until = Math.floor(Date.now() / 1000);
  const [before, events] = await Promise.all([
    readRunEventsBefore(host, since, timeoutMs, abort),
    withDeadline((signal) => readPastEvents(host, since, until, AbortSignal.any([signal, abort])), timeoutMs),
  ]);
  for (const event of before)
    exits.recall(event.Actor.ID, event.Action, event.Actor.Attributes ?? {}, eventMs(event));
  const news: Replayed[] = [];
  for (const event of events) {
    const sighting = cursor.sight(event);
    if (sighting === "repeat" || IGNORED.test(event.Action)) continue;
    const attributes = event.Actor.Attributes ?? {};
    // The Wharf before this one applied it, and remembered any death it told: read again alone (the cursor
    // between a kill and its death), a death would lose its kill and overwrite "killed" with "crash".
    if (sighting === "known") {
      exits.recall(event.Actor.ID, event.Action, attributes, eventMs(event));
      continue;
    }
    news.push({ event, exitCause: exits.onEvent(event.Actor.ID, event.Action, attributes, eventMs(event)) });
  }
  cursor.reachedSecond(until);
  return news;
}

/**
 * What an engine did after `storedMs` (the cursor the last recorder reached), as the change feed tells it, for a
 * replica that has just become the recorder: it watched those events as a follower but recorded none. Each death
 * is classified from the events read here alone, like a start-up's catch-up; nothing is remembered by reading.
 */
export async function readNewsSince(host: Host, storedMs: number, timeoutMs: number): Promise<FleetChange[]> {
  const since = Math.floor((storedMs - RUN_LEAD_MS) / 1000);
  const until = Math.floor(Date.now() / 1000) + 1;
  const [before, events] = await Promise.all([
    readRunEventsBefore(host, since, timeoutMs),
    withDeadline((signal) => readPastEvents(host, since, until, signal), timeoutMs),
  ]);
  const runs = new Map<string, RunMemory>();
  for (const event of before) {
    const id = event.Actor.ID;
    runs.set(
      id,
      rememberEvent(runs.get(id) ?? freshRun(), event.Action, event.Actor.Attributes ?? {}, eventMs(event)),
    );
  }
  // Creates the last recorder reached whose start it did not, by container.
  const creates = new Map<string, FleetChange>();
  const news: FleetChange[] = [];
  for (const event of events) {
    if (event.Type !== "container" || IGNORED.test(event.Action)) continue;
    const id = event.Actor?.ID ?? event.id;
    if (!id) continue;
    const at = eventMs(event);
    const attributes = event.Actor.Attributes ?? {};
    const run = runs.get(id) ?? freshRun();
    const exitCause =
      event.Action === "die" ? classifyDie(run, Number(attributes.exitCode ?? 0), at) : undefined;
    runs.set(id, rememberEvent(run, event.Action, attributes, at));
    const change: FleetChange = { kind: "event", host, event, exitCause, replayed: true };
    if (at <= storedMs) {
      if (event.Action === "create") creates.set(id, change);
      else if (event.Action === "start") creates.delete(id);
      continue;
    }
    // A `docker run` the last recorder died in the middle of (its create reached, its start not): told alone,
    // the start would be recorded as a `docker start` someone made.
    const create = event.Action === "start" ? creates.get(id) : undefined;
    if (create) news.push(create);
    creates.delete(id);
    news.push(change);
  }
  return news;
}
