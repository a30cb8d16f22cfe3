"use client";
import { useEffect, useState } from "react";
import type { EndEvent } from "@/lib/logs/types";
import type { UsageSample } from "@/lib/stats/types";
import { explainStreamFailure } from "./explain-stream-failure";

export const STATS_WINDOW_MS = 5 * 60_000;
const RETRY_MS = 3_000;

export type StatsStreamStatus = "off" | "connecting" | "live" | "idle" | "error";
export type StatsStreamState = { samples: UsageSample[]; status: StatsStreamStatus; error: string | null };

const connecting: StatsStreamState = { samples: [], status: "connecting", error: null };
const off: StatsStreamState = { samples: [], status: "off", error: null };

/**
 * A container's resource usage over the last 5 minutes, from the server's stats stream. The stream is open only
 * while this hook is mounted and `enabled` (the container runs): the engine samples for as long as someone
 * reads, so nobody watching means no sampling. Samples are kept here, not in the query cache: they belong to
 * this one open stream and nothing else reads them.
 */
export function useStatsStream(
  hostId: string,
  name: string,
  options: { enabled: boolean },
): StatsStreamState {
  // State is tagged with the container it belongs to, so another container starts empty without a reset render.
  const key = `${hostId}/${name}`;
  const [state, setState] = useState<{ key: string; value: StatsStreamState }>({ key, value: connecting });

  useEffect(() => {
    if (!options.enabled) return;
    const url = `/api/containers/${encodeURIComponent(hostId)}/${encodeURIComponent(name)}/stats`;
    const update = (change: (previous: StatsStreamState) => StatsStreamState) =>
      setState((previous) => ({ key, value: change(previous.key === key ? previous.value : connecting) }));
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let disposed = false;

    const connect = () => {
      source = new EventSource(url);
      source.addEventListener("sample", (event) => {
        const sample = JSON.parse((event as MessageEvent<string>).data) as UsageSample;
        const since = Date.parse(sample.at) - STATS_WINDOW_MS;
        update((previous) => ({
          samples: [...previous.samples.filter((s) => Date.parse(s.at) >= since), sample],
          status: "live",
          error: null,
        }));
      });
      source.addEventListener("idle", () => update((previous) => ({ ...previous, status: "idle" })));
      source.addEventListener("end", (event) => {
        const end = JSON.parse((event as MessageEvent<string>).data) as EndEvent;
        source?.close();
        update((previous) => ({
          ...previous,
          status: end.reason === "stopped" ? "idle" : "error",
          error: end.message ?? null,
        }));
        if (end.reason === "error") retry = setTimeout(connect, RETRY_MS);
      });
      source.onerror = () => {
        // Still CONNECTING: the browser retries by itself. CLOSED: the server refused; ask why, retry later.
        if (source?.readyState !== EventSource.CLOSED) return;
        void explainStreamFailure(url).then((message) => {
          if (disposed) return;
          update((previous) => ({ ...previous, status: "error", error: message }));
          retry = setTimeout(connect, RETRY_MS);
        });
      };
    };
    connect();
    return () => {
      disposed = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [hostId, name, key, options.enabled]);

  if (!options.enabled) return off;
  return state.key === key ? state.value : connecting;
}
