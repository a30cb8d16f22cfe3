"use client";
import { useState } from "react";
import { fetchJson } from "@/lib/api/fetch-json";
import { toViewLines, type ViewLine } from "@/lib/logs/log-window";
import type { OlderLinesResponse } from "@/lib/logs/types";

export type OlderLines = {
  lines: ViewLine[];
  /** false once the log's first line is in view. */
  more: boolean;
  loading: boolean;
  error: string | null;
  /** Fetches the page before `first` (the oldest line shown); `held` is how many lines are shown after it. */
  load: (first: ViewLine, held: number) => void;
};

const PAGE = 500;

/**
 * Pages of a container's log older than the followed tail, fetched on demand (scroll-back). Kept in this hook,
 * not the query cache, with the log it belongs to: `runKey` changing (a new run) starts over. Older lines get
 * negative sequence numbers, so they never collide with the stream's.
 */
export function useOlderLogLines(hostId: string, name: string, runKey: string): OlderLines {
  const key = `${hostId}/${name}/${runKey}`;
  const empty = { key, lines: [] as ViewLine[], more: true, loading: false, error: null as string | null };
  const [state, setState] = useState(empty);
  const current = state.key === key ? state : empty;
  const load = (first: ViewLine, held: number) => {
    if (!first.ts || current.loading) return;
    setState({ ...current, loading: true, error: null });
    const query = new URLSearchParams({ before: first.ts, limit: String(PAGE), after: String(held) });
    fetchJson<OlderLinesResponse>(
      `/api/containers/${encodeURIComponent(hostId)}/${encodeURIComponent(name)}/logs/older?${query}`,
    ).then(
      (page) =>
        setState((old) => {
          // A page for a run no longer shown is dropped.
          if (old.key !== key) return old;
          const lines = toViewLines(page.lines, Math.min(0, first.seq) - page.lines.length);
          return { key, lines: lines.concat(old.lines), more: page.more, loading: false, error: null };
        }),
      (error: Error) =>
        setState((old) => (old.key === key ? { ...old, loading: false, error: error.message } : old)),
    );
  };
  return { ...current, load };
}
