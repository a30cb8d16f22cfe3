/** One container event as the lifecycle history needs it (`at` in ms, the engine's clock). */
export type LifecycleEvent = { action: string; at: number; signal?: string; exitCode?: number };

export type LifecycleVerb = "start" | "stop" | "restart" | "kill" | "pause" | "unpause" | "remove";

/**
 * One command someone gave, as told by the run of events `from`…`to` (exclusive). `verb` null: Docker's own
 * doing (a crash, a restart by the policy, `docker run` creating the container) — no history row. `open`: the
 * last command, which later events may still complete (a `docker stop` waiting out its timeout).
 */
export type LifecycleSegment = {
  verb: LifecycleVerb | null;
  detail: string | null;
  at: number;
  from: number;
  to: number;
  /** Whether the container had died without being stopped before / after this command (a restart policy may act). */
  diedBefore: boolean;
  diedAfter: boolean;
  open: boolean;
};

export type LifecycleContext = {
  diedBefore: boolean;
  /** Whether the start at `at` was the restart policy's (Docker raises RestartCount; a person's start resets it). */
  isPolicyRestart: (at: number) => boolean;
};

// Steps of one command follow each other within milliseconds; a `docker stop` may wait its timeout (10 s by
// default) between the signal and the kill, but nothing else pauses in the middle of a command.
export const LINK_MS = 1_000;
export const STOP_TIMEOUT_MS = 5 * 60_000;
// A `docker run` creates, then starts: on a busy or freshly started engine the two can be seconds apart.
export const RUN_MS = 10_000;
// The steps of a `docker stop` that cannot belong to another command: the `die` after a SIGKILL (it cannot be
// caught), and the `stop` after a death its signals caused (a stop of a container not running sends no event).
// A loaded engine may send either seconds after the step before (seen in CI: a stop recorded as two kills and
// a stop), so they are linked within this much, and a burst that may still get one waits for it.
export const LATE_STEP_MS = 10_000;
// A `docker restart` stops, then starts: on a loaded engine the start can come seconds after the stop (seen in
// CI). Its `restart` event, right after the start, is what tells it from a `docker stop` then a `docker start`.
export const RESTART_MS = 10_000;

const SIGNALS: Record<string, string> = {
  "1": "SIGHUP",
  "2": "SIGINT",
  "3": "SIGQUIT",
  "6": "SIGABRT",
  "9": "SIGKILL",
  "10": "SIGUSR1",
  "12": "SIGUSR2",
  "15": "SIGTERM",
  "28": "SIGWINCH",
};

export function signalName(signal: string | undefined): string {
  if (!signal) return "a signal";
  if (SIGNALS[signal]) return SIGNALS[signal];
  return /^\d+$/.test(signal) ? `signal ${signal}` : signal.startsWith("SIG") ? signal : `SIG${signal}`;
}

const isKill = (signal: string | undefined) => signalName(signal) === "SIGKILL";
// The signals a `docker stop` sends first (an image's StopSignal); after one, the container may take its time.
const STOP_SIGNALS = new Set(["SIGTERM", "SIGINT", "SIGQUIT"]);
const mayStop = (signal: string | undefined) => STOP_SIGNALS.has(signalName(signal));

function describe(kills: LifecycleEvent[], die: LifecycleEvent | undefined): string | null {
  const parts: string[] = [];
  if (kills.length > 0) parts.push(kills.map((k) => signalName(k.signal)).join(", then "));
  if (die) parts.push(`exit code ${die.exitCode ?? "unknown"}`);
  return parts.length > 0 ? parts.join("; ") : null;
}

/**
 * Splits a container's events into the commands that caused them, as the engine sequences them:
 * `docker stop` kill(TERM) [kill(KILL) after the timeout] die stop; `docker restart` the same then start
 * restart; `docker kill` kill die; `docker rm -f` kill die destroy; `docker start` start; a restart policy
 * die … start (no stop, RestartCount up); `docker run` create start.
 */
export function segmentLifecycle(events: LifecycleEvent[], context: LifecycleContext): LifecycleSegment[] {
  const segments: LifecycleSegment[] = [];
  let died = context.diedBefore;
  let i = 0;
  const linked = (a: number, b: number, maxGap = LINK_MS) =>
    events[b] !== undefined && events[b]!.at - events[a]!.at <= maxGap;
  const is = (index: number, action: string) => events[index]?.action === action;
  const push = (verb: LifecycleVerb | null, detail: string | null, from: number, to: number) => {
    segments.push({
      verb,
      detail,
      at: events[from]!.at,
      from,
      to,
      diedBefore: died,
      diedAfter: died,
      open: false,
    });
  };

  while (i < events.length) {
    const event = events[i]!;
    switch (event.action) {
      case "kill": {
        // Signals sent one after another: all but the last are commands of their own (a `docker kill -s HUP`),
        // unless they are a stop's signal and the kill after its timeout.
        let j = i + 1;
        while (is(j, "kill") && linked(j - 1, j, isKill(events[j]!.signal) ? STOP_TIMEOUT_MS : LINK_MS)) j++;
        const signal = events[j - 1]!.signal;
        const dieAt =
          is(j, "die") &&
          linked(j - 1, j, mayStop(signal) ? STOP_TIMEOUT_MS : isKill(signal) ? LATE_STEP_MS : LINK_MS);
        const stopAt = dieAt && is(j + 1, "stop") && linked(j, j + 1, LATE_STEP_MS);
        let first = i;
        if (stopAt) {
          while (first < j - 1 && !isKill(events[first + 1]!.signal)) first++;
        } else first = j - 1;
        for (let k = i; k < first; k++) push("kill", describe([events[k]!], undefined), k, k + 1);
        const kills = events.slice(first, j);
        const die = dieAt ? events[j] : undefined;
        if (stopAt) {
          const restarted =
            is(j + 2, "start") &&
            linked(j + 1, j + 2, RESTART_MS) &&
            is(j + 3, "restart") &&
            linked(j + 2, j + 3);
          push(restarted ? "restart" : "stop", describe(kills, die), first, restarted ? j + 4 : j + 2);
          died = false;
          i = restarted ? j + 4 : j + 2;
        } else if (dieAt && is(j + 1, "destroy") && linked(j, j + 1)) {
          push("remove", describe(kills, die), first, j + 2);
          died = false;
          i = j + 2;
        } else {
          push("kill", describe(kills, die), first, dieAt ? j + 1 : j);
          if (dieAt) died = true;
          i = dieAt ? j + 1 : j;
        }
        break;
      }
      case "die": {
        // A death nobody asked for: the incidents' business. A stop right after it is a `docker stop` that
        // found the container dying (or waiting out its restart policy's delay).
        if (is(i + 1, "stop") && linked(i, i + 1)) {
          push("stop", describe([], event), i, i + 2);
          died = false;
          i += 2;
        } else {
          push(null, null, i, i + 1);
          died = true;
          i += 1;
        }
        break;
      }
      case "start": {
        if (is(i + 1, "restart") && linked(i, i + 1)) {
          push("restart", null, i, i + 2);
          i += 2;
        } else {
          push(died && context.isPolicyRestart(event.at) ? null : "start", null, i, i + 1);
          i += 1;
        }
        died = false;
        break;
      }
      case "create": {
        // A fresh engine can take seconds between a `docker run`'s create and its start.
        const run = is(i + 1, "start") && linked(i, i + 1, RUN_MS);
        push(null, null, i, run ? i + 2 : i + 1);
        died = false;
        i += run ? 2 : 1;
        break;
      }
      case "stop":
      case "destroy":
      case "pause":
      case "unpause": {
        const verbs = { stop: "stop", destroy: "remove", pause: "pause", unpause: "unpause" } as const;
        push(verbs[event.action], null, i, i + 1);
        if (event.action !== "pause" && event.action !== "unpause") died = false;
        i += 1;
        break;
      }
      default:
        push(null, null, i, i + 1);
        i += 1;
    }
  }
  // `died` is updated after each push: each segment's state after it is the next one's before.
  segments.forEach((segment, index) => (segment.diedAfter = segments[index + 1]?.diedBefore ?? died));
  const last = segments.at(-1);
  if (last) last.open = true;
  return segments;
}

/**
 * How long the last command may still grow once its burst went quiet: after a stop signal, a `docker stop` may
 * wait out its timeout, and after the death it caused its `stop` event may still come; after a stop, a `docker restart` starts it again (its `restart` event says so). Nothing
 * else: a `docker rm` after a `docker kill` is two commands, though `docker rm -f` sends the same events at once.
 */
export function openFor(events: LifecycleEvent[], segment: LifecycleSegment): number {
  const tail = events[segment.to - 1];
  if (tail?.action === "kill" && mayStop(tail.signal)) return STOP_TIMEOUT_MS;
  // A `docker stop` whose container exited on its signal: the engine sends the `stop` event after the `die`, and on
  // a loaded engine it can arrive a burst later (seen while 25 other containers were started on three engines).
  const signalled = events.slice(segment.from, segment.to - 1);
  if (tail?.action === "die" && signalled.some((e) => e.action === "kill" && mayStop(e.signal)))
    return LINK_MS;
  // A `docker run`'s start may come long after its create: it is no `docker start` of its own.
  if (tail?.action === "create") return RUN_MS;
  return tail?.action === "stop" ? RESTART_MS : 0;
}

/**
 * Whether the last command, a start right after a stop, may still turn out to be a `docker restart`: the engine
 * sends that command's `restart` event after its start, and under load the two can arrive a burst apart.
 */
export function mayBecomeRestart(events: LifecycleEvent[], segment: LifecycleSegment): boolean {
  return (
    segment.verb === "start" && segment.to === events.length && events[segment.from - 1]?.action === "stop"
  );
}

/**
 * Whether the last command may still get a step that tells what it was: the `die` of a SIGKILL (a `docker
 * stop` past its timeout, a `docker kill`, a `docker rm -f`), or the `stop` after a death that a stop signal
 * caused (a `docker stop`, or a `docker kill -s TERM` if none comes). Told before it, a stop is told as kills.
 */
export function awaitsStep(events: LifecycleEvent[], segment: LifecycleSegment): boolean {
  const tail = events[segment.to - 1];
  if (segment.to !== events.length || !tail) return false;
  if (tail.action === "kill") return isKill(tail.signal);
  if (tail.action !== "die") return false;
  for (let k = events.length - 2; k >= 0 && events[k]!.action === "kill"; k--)
    if (mayStop(events[k]!.signal)) return true;
  return false;
}

/** The lifecycle's own actions; everything else (rename, exec, health, …) says nothing about them. */
export const LIFECYCLE_ACTIONS = new Set([
  "create",
  "start",
  "restart",
  "kill",
  "die",
  "stop",
  "destroy",
  "pause",
  "unpause",
  "oom",
]);
