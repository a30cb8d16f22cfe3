"use client";
import Link from "next/link";
import { IncidentCard } from "@/components/incidents/incident-card";
import { Notice } from "@/components/ui/notice";
import { Spinner } from "@/components/ui/spinner";
import { useIncidents } from "@/lib/queries/use-incidents";

/** This container's incidents, open and ended; the event stream invalidates the list when one changes. */
export function ContainerIncidents({ hostId, name, now }: { hostId: string; name: string; now: number }) {
  const { data, error, isPending } = useIncidents({ target: "container", hostId, containerName: name });
  const all = `/incidents?host=${encodeURIComponent(hostId)}&container=${encodeURIComponent(name)}`;
  return (
    <section aria-label="Incidents" className="space-y-3">
      <div className="flex items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">Incidents{data && ` (${data.incidents.length})`}</h2>
        <Link href={all} className="text-sm text-slate-500 hover:underline dark:text-slate-400">
          On the incidents page →
        </Link>
      </div>
      {isPending ? (
        <Spinner label="Loading incidents…" />
      ) : error ? (
        <Notice tone="error" title="Cannot load incidents">
          {error.message}
        </Notice>
      ) : data.incidents.length === 0 ? (
        <Notice title="No incidents — this container is behaving" />
      ) : (
        data.incidents.map((incident) => (
          <IncidentCard key={incident.id} incident={incident} now={now} compact />
        ))
      )}
    </section>
  );
}
