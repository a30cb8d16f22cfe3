"use client";
import { useEffect, useState } from "react";
import { mergeByTime, timeKey } from "@/lib/logs/merge-by-time";
import { stripAnsi } from "@/lib/logs/parse-ansi";
import type { ProjectContainersEvent, ProjectLinesEvent, ProjectLogEntry } from "@/lib/logs/types";
import { explainStreamFailure } from "./explain-stream-failure";

export type ProjectLine = ProjectLogEntry & { key: string; seq: number; plain: string };
export type ProjectLogState = {
  containers: ProjectContainersEvent["containers"];
  lines: ProjectLine[];
  status: "connecting" | "live" | "ended" | "error";
  error: string | null;
  /** Containers whose log could not be opened, with why. */
  failed: { name: string; message: string }[];
};

const CAPACITY = 10_000;
const initial: ProjectLogState = { containers: [], lines: [], status: "connecting", error: null, failed: [] };

/**
 * Follows a compose project's merged log: lines of all its containers in one list, in time order (each batch
 * is merged in; the server sends them as each engine writes them). Applied once per animation frame.
 */
export function useProjectLogStream(project: string): ProjectLogState {
  const [state, setState] = useState<{ project: string; value: ProjectLogState }>({
    project,
    value: initial,
  });

  useEffect(() => {
    const url = `/api/projects/${encodeURIComponent(project)}/logs`;
    let current = initial;
    let pending: ProjectLine[] = [];
    let frame = 0;
    let seq = 0;
    let disposed = false;
    const publish = (next: Partial<ProjectLogState>) => {
      current = { ...current, ...next };
      if (!disposed) setState({ project, value: current });
    };
    const flush = () => {
      frame = 0;
      const merged = mergeByTime(current.lines, pending);
      pending = [];
      publish({ lines: merged.length > CAPACITY ? merged.slice(merged.length - CAPACITY) : merged });
    };
    const source = new EventSource(url);
    source.addEventListener("containers", (event) => {
      // A reconnection sends every tail again: start over rather than show lines twice.
      current = { ...current, lines: [] };
      pending = [];
      const { containers } = JSON.parse((event as MessageEvent<string>).data) as ProjectContainersEvent;
      publish({ containers, status: "live", error: null });
    });
    source.addEventListener("lines", (event) => {
      const { lines } = JSON.parse((event as MessageEvent<string>).data) as ProjectLinesEvent;
      for (const line of lines)
        pending.push({ ...line, key: timeKey(line.ts), seq: seq++, plain: stripAnsi(line.text) });
      frame ||= requestAnimationFrame(flush);
    });
    source.addEventListener("failed", (event) => {
      const failure = JSON.parse((event as MessageEvent<string>).data) as { name: string; message: string };
      publish({ failed: [...current.failed, failure] });
    });
    source.addEventListener("end", () => {
      source.close();
      publish({ status: "ended" });
    });
    source.onerror = () => {
      if (source.readyState !== EventSource.CLOSED) return;
      void explainStreamFailure(url).then((message) => publish({ status: "error", error: message }));
    };
    return () => {
      disposed = true;
      cancelAnimationFrame(frame);
      source.close();
    };
  }, [project]);

  return state.project === project ? state.value : initial;
}
