"use client";
import { useState } from "react";
import { Can } from "@/components/auth/can";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useServiceAction } from "@/lib/queries/use-service-action";
import type { ServiceActionName, ServiceIncident, ServiceRow } from "@/lib/services/types";
import { ReplicaBar } from "./replica-bar";
import { ServiceTasks } from "./service-tasks";

/** One service: replicas, update state live, failing tasks flagged, its actions, and its tasks when opened. */
export function ServiceCard({
  service,
  incidents,
  initiallyOpen,
}: {
  service: ServiceRow;
  incidents: ServiceIncident[];
  initiallyOpen: boolean;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [replicas, setReplicas] = useState(String(service.replicas.desired));
  const action = useServiceAction((result) =>
    setOutcome(
      result instanceof Error
        ? { ok: false, text: result.message }
        : { ok: result.outcome === "succeeded" || result.outcome === "no-change", text: result.message },
    ),
  );
  const run = (name: ServiceActionName) => {
    setOutcome(null);
    action.mutate({ hostId: service.hostId, name: service.name, action: name, replicas: Number(replicas) });
  };
  const state = service.updateStatus?.state ?? null;
  const failing = service.failingTasks > 0 || incidents.length > 0;
  return (
    <article
      data-testid="service-card"
      data-service={service.name}
      data-host={service.hostId}
      data-running={service.replicas.running}
      data-desired={service.replicas.desired}
      data-update-state={state ?? ""}
      data-converging={service.converging ? "1" : "0"}
      data-failing={failing ? "1" : "0"}
      className={`rounded-lg border p-3 ${failing ? "border-red-400 dark:border-red-700" : "border-slate-200 dark:border-slate-800"}`}
    >
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={() => setOpen(!open)}
          aria-expanded={open}
          className="font-semibold hover:underline"
        >
          {service.name}
        </button>
        <span className="text-xs text-slate-500">on {service.hostId}</span>
        <span className="font-mono text-xs" title={service.digest ?? ""}>
          {service.image}
          {service.digest && <span className="text-slate-400">@{service.digest.slice(7, 19)}</span>}
        </span>
        <Badge tone="gray">{service.mode}</Badge>
        <ReplicaBar running={service.replicas.running} desired={service.replicas.desired} />
        {state && (
          <Badge tone={state === "completed" ? "green" : state.startsWith("rollback") ? "orange" : "blue"}>
            <span data-testid="update-state">{state.replace("_", " ")}</span>
          </Badge>
        )}
        {service.converging && <Badge tone="amber">converging</Badge>}
        {service.failingTasks > 0 && (
          <Badge tone="red">
            ⚠ {service.failingTasks} failing task{service.failingTasks > 1 ? "s" : ""}
          </Badge>
        )}
        {incidents.map((incident) => (
          <Badge key={incident.id} tone="red" title={incident.error ?? ""}>
            {incident.kind === "short" ? "short of replicas" : `task failed ×${incident.count}`}
          </Badge>
        ))}
        <Can role="operator">
          <div className="ml-auto flex items-center gap-1">
            <Button size="sm" disabled={action.isPending} onClick={() => run("redeploy")}>
              Redeploy
            </Button>
            <Button size="sm" disabled={action.isPending} onClick={() => run("restart")}>
              Restart
            </Button>
            <Button size="sm" disabled={action.isPending} onClick={() => run("rollback")}>
              Roll back
            </Button>
            {service.mode === "replicated" && (
              <>
                <input
                  aria-label={`Replicas of ${service.name}`}
                  type="number"
                  min={0}
                  value={replicas}
                  onChange={(event) => setReplicas(event.target.value)}
                  className="w-14 rounded-md border border-slate-300 px-1 py-0.5 text-xs dark:border-slate-700 dark:bg-slate-900"
                />
                <Button size="sm" disabled={action.isPending} onClick={() => run("scale")}>
                  Scale
                </Button>
              </>
            )}
          </div>
        </Can>
      </div>
      {service.updateStatus?.message && (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400" data-testid="update-message">
          {service.updateStatus.message}
        </p>
      )}
      {action.isPending && <p className="mt-1 text-xs text-sky-700">Working…</p>}
      {outcome && (
        <p role="status" className={`mt-1 text-xs ${outcome.ok ? "text-emerald-700" : "text-red-700"}`}>
          {outcome.text}
        </p>
      )}
      {open && <ServiceTasks hostId={service.hostId} name={service.name} />}
    </article>
  );
}
