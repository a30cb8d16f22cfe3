"use client";
import { Notice } from "@/components/ui/notice";
import { Spinner } from "@/components/ui/spinner";
import { pendingOnServer, useHydrated } from "@/components/ui/use-hydrated";
import { useHosts } from "@/lib/queries/use-hosts";
import { HostCard } from "./host-card";

export function HostCards({ crashedByHost }: { crashedByHost?: Map<string, number> }) {
  const hosts = useHosts();
  const { data, error, isPending } = useHydrated() ? hosts : pendingOnServer;
  if (isPending) return <Spinner label="Contacting hosts…" />;
  if (error)
    return (
      <Notice tone="error" title="Cannot load hosts">
        {error.message}
      </Notice>
    );
  return (
    <section aria-label="Hosts" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
      {data.hosts.map((host) => (
        <HostCard key={host.id} host={host} crashed={crashedByHost?.get(host.id)} />
      ))}
    </section>
  );
}
