"use client";
import { useSearchParams } from "next/navigation";
import { Spinner } from "@/components/ui/spinner";
import { useServices } from "@/lib/queries/use-services";
import type { ServiceRow } from "@/lib/services/types";
import { ServiceCard } from "./service-card";

/** Every swarm manager's services, grouped by stack; `?service=NAME` opens that one (a task container's link). */
export function ServicesView() {
  const { data, error, isPending } = useServices();
  const wanted = useSearchParams().get("service");
  if (isPending) return <Spinner label="Loading services…" />;
  if (error) return <p role="alert">Cannot show services: {error.message}</p>;
  const stacks = new Map<string, ServiceRow[]>();
  for (const service of data.services) {
    const key = service.stack ?? "";
    stacks.set(key, [...(stacks.get(key) ?? []), service]);
  }
  const managers = data.hosts.filter((host) => host.manager);
  return (
    <div className="space-y-6">
      <header className="flex items-baseline gap-3">
        <h1 className="text-xl font-semibold">Services</h1>
        <span className="text-sm text-slate-500">
          {managers.length === 0
            ? "No host of the fleet is a swarm manager"
            : `${data.services.length} services on ${managers.map((host) => host.id).join(", ")}`}
        </span>
      </header>
      {data.hosts
        .filter((host) => host.manager && host.error)
        .map((host) => (
          <p key={host.id} role="alert" className="text-sm text-red-700">
            {host.id}: {host.error}
          </p>
        ))}
      {[...stacks.entries()].map(([stack, services]) => (
        <section
          key={stack}
          aria-label={stack ? `Stack ${stack}` : "Services outside a stack"}
          className="space-y-2"
        >
          <h2 className="text-sm font-semibold uppercase text-slate-500">
            {stack ? `Stack ${stack}` : "No stack"}
          </h2>
          {services.map((service) => (
            <ServiceCard
              key={`${service.hostId}/${service.id}`}
              service={service}
              incidents={data.incidents.filter(
                (incident) => incident.hostId === service.hostId && incident.containerName === service.name,
              )}
              initiallyOpen={wanted === service.name}
            />
          ))}
        </section>
      ))}
    </div>
  );
}
