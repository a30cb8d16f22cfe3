"use client";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import type { ReactNode } from "react";
import { useNow } from "@/components/fleet/use-now";
import { Notice } from "@/components/ui/notice";
import { Spinner } from "@/components/ui/spinner";
import { pendingOnServer, useHydrated } from "@/components/ui/use-hydrated";
import type { IncidentFilter } from "@/lib/incidents/types";
import { useIncidents } from "@/lib/queries/use-incidents";
import { IncidentCard } from "./incident-card";

const ENDED_LIMIT = 100;

/** The incidents page: open ones on top (kept live by the event stream), then the latest ended ones. */
export function IncidentList() {
  const params = useSearchParams();
  const host = params.get("host") || null;
  const container = params.get("container") || null;
  const now = useNow();
  const openQuery = useIncidents(scoped({ open: true }, host, container));
  const endedQuery = useIncidents(scoped({ open: false, limit: ENDED_LIMIT }, host, container));
  // Until the list has hydrated, it renders what the server did: the stream may have filled the open list
  // already (components/ui/use-hydrated.ts).
  const hydrated = useHydrated();
  const open = hydrated ? openQuery : pendingOnServer;
  const ended = hydrated ? endedQuery : pendingOnServer;
  const nothing = open.data?.incidents.length === 0 && ended.data?.incidents.length === 0;

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">Incidents</h1>
        {(host || container) && (
          <p data-testid="incident-filter" className="text-sm text-slate-600 dark:text-slate-300">
            filtered by{" "}
            {host && (
              <>
                host <strong>{host}</strong>
              </>
            )}
            {host && container && ", "}
            {container && (
              <>
                container <strong>{container}</strong>
              </>
            )}{" "}
            (
            <Link href="/incidents" className="underline">
              clear
            </Link>
            )
          </p>
        )}
      </header>
      {nothing ? (
        <Notice title="No incidents — every container is behaving">
          {host || container
            ? "Nothing recorded for this filter."
            : "Crashes, OOM kills, restart loops and failing health checks show up here the moment they happen."}
        </Notice>
      ) : (
        <>
          <Section
            label="Open incidents"
            title={`Open (${open.data?.incidents.length ?? "…"})`}
            query={open}
            now={now}
            empty="Nothing is open right now."
            className={`rounded-lg border p-4 ${
              open.data?.incidents.length
                ? "border-red-200 bg-red-50/60 dark:border-red-900 dark:bg-red-950/30"
                : "border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
            }`}
          />
          <Section
            label="Ended incidents"
            title={`Recently ended${ended.data?.incidents.length === ENDED_LIMIT ? ` (latest ${ENDED_LIMIT})` : ""}`}
            query={ended}
            now={now}
            empty="No incident has ended yet."
          />
        </>
      )}
    </div>
  );
}

function Section({
  label,
  title,
  query,
  now,
  empty,
  className = "",
}: {
  label: string;
  title: ReactNode;
  query: ReturnType<typeof useIncidents> | typeof pendingOnServer;
  now: number;
  empty: string;
  className?: string;
}) {
  return (
    <section aria-label={label} className={`space-y-3 ${className}`}>
      <h2 className="text-lg font-semibold">{title}</h2>
      {query.isPending ? (
        <Spinner label="Loading incidents…" />
      ) : query.error ? (
        <Notice tone="error" title="Cannot load incidents">
          {query.error.message}
        </Notice>
      ) : query.data.incidents.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">{empty}</p>
      ) : (
        query.data.incidents.map((incident) => (
          <IncidentCard key={incident.id} incident={incident} now={now} />
        ))
      )}
    </section>
  );
}

// Keys left out rather than set to undefined: the live updater recognises the unfiltered open list by its exact key.
function scoped(filter: IncidentFilter, host: string | null, container: string | null): IncidentFilter {
  return { ...filter, ...(host ? { hostId: host } : {}), ...(container ? { containerName: container } : {}) };
}
