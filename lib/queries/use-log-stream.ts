"use client";
import { useEffect, useRef, useState } from "react";
import { appendCapped, takeTail, toViewLines, type ViewLine } from "@/lib/logs/log-window";
import type { EndEvent, LinesEvent, SkippedEvent } from "@/lib/logs/types";
import { explainStreamFailure } from "./explain-stream-failure";

export type LogStreamStatus = "connecting" | "live" | "reconnecting" | "stopped" | "error";
export type LogStreamState = {
  lines: ViewLine[];
  status: LogStreamStatus;
  /** Lines skipped to keep up: by the server (this page was not reading) or here (more arrived than fit). */
  skipped: number;
  /** Lines that arrived while paused, shown on resume. */
  waiting: number;
  error: string | null;
};

const initial: LogStreamState = { lines: [], status: "connecting", skipped: 0, waiting: 0, error: null };
const RETRY_MS = 3_000;

/**
 * Follows a container's log over server-sent events. Lines are kept here rather than in the query cache: the
 * cache's structural sharing would compare up to 10,000 lines on every frame, and no other component reads them.
 * Arriving lines wait for the next animation frame and are applied together, so a container printing 1,000
 * lines a second costs one render per frame. `runKey` changes when the container starts again: the stream of
 * its previous run has ended, so a new one is opened.
 */
export function useLogStream(
  hostId: string,
  name: string,
  options: { paused: boolean; runKey: string },
): LogStreamState {
  // State is tagged with the stream it belongs to, so a new stream starts from `initial` without a reset render.
  const key = `${hostId}/${name}/${options.runKey}`;
  const [state, setState] = useState<{ key: string; value: LogStreamState }>({ key, value: initial });
  const pausedRef = useRef(options.paused);
  const kickRef = useRef<() => void>(() => {});

  useEffect(() => {
    pausedRef.current = options.paused;
    kickRef.current();
  }, [options.paused]);

  useEffect(() => {
    const url = `/api/containers/${encodeURIComponent(hostId)}/${encodeURIComponent(name)}/logs?tail=500&timestamps=1`;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let scheduled: { cancel: () => void } | null = null;
    let disposed = false;
    let current: LogStreamState = initial;
    let pending: ViewLine[] = [];
    // The server sends the tail again on every (re)connection: its first lines replace what is shown.
    let replace = true;
    let seq = 0;
    let skipped = 0;
    let status: LogStreamStatus = "connecting";
    let error: string | null = null;

    const publish = (next: Partial<LogStreamState>) => {
      current = { ...current, ...next };
      if (!disposed) setState({ key, value: current });
    };
    const flush = () => {
      scheduled?.cancel();
      scheduled = null;
      const tail = takeTail(pending);
      skipped += tail.skipped;
      if (pausedRef.current) {
        pending = tail.kept;
        publish({ waiting: pending.length, skipped, status, error });
        return;
      }
      pending = [];
      const next = appendCapped(replace ? [] : current.lines, tail.kept);
      replace = false;
      publish({ lines: next.lines, waiting: 0, skipped, status, error });
    };
    const schedule = () => {
      if (scheduled || disposed) return;
      // Animation frames pace the work while the tab is visible. A hidden tab gets none (even for a frame
      // requested just before it was hidden), so a timer takes over and keeps the buffer bounded meanwhile.
      const frame = requestAnimationFrame(flush);
      const timer = setTimeout(flush, document.hidden ? 250 : 1_000);
      scheduled = {
        cancel: () => {
          cancelAnimationFrame(frame);
          clearTimeout(timer);
        },
      };
    };
    kickRef.current = schedule;

    const connect = () => {
      source = new EventSource(url);
      source.onopen = () => {
        pending = [];
        replace = true;
        status = "live";
        error = null;
        schedule();
      };
      source.addEventListener("lines", (event) => {
        const { lines } = JSON.parse((event as MessageEvent<string>).data) as LinesEvent;
        for (const line of toViewLines(lines, seq)) pending.push(line);
        seq += lines.length;
        schedule();
      });
      source.addEventListener("skipped", (event) => {
        skipped += (JSON.parse((event as MessageEvent<string>).data) as SkippedEvent).count;
        schedule();
      });
      source.addEventListener("end", (event) => {
        const end = JSON.parse((event as MessageEvent<string>).data) as EndEvent;
        source?.close();
        if (end.reason === "stopped") {
          status = "stopped";
        } else {
          status = "error";
          error = end.message ?? "The log stream failed";
          retry = setTimeout(connect, RETRY_MS);
        }
        schedule();
      });
      source.onerror = () => {
        if (source?.readyState !== EventSource.CLOSED) {
          status = "reconnecting";
          schedule();
          return;
        }
        // The server refused (not an event stream): find out why, then try again later.
        void explainStreamFailure(url).then((message) => {
          if (disposed) return;
          status = "error";
          error = message;
          schedule();
          retry = setTimeout(connect, RETRY_MS);
        });
      };
    };
    connect();
    return () => {
      disposed = true;
      kickRef.current = () => {};
      scheduled?.cancel();
      clearTimeout(retry);
      source?.close();
    };
  }, [hostId, name, key]);

  return state.key === key ? state.value : initial;
}
