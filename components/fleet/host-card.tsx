import Link from "next/link";
import { RestartCrashedButton } from "@/components/actions/restart-crashed-button";
import { Can } from "@/components/auth/can";
import { Badge } from "@/components/ui/badge";
import type { HostSummary } from "@/lib/fleet/types";

/** The counts follow the live rows (lib/queries/apply-fleet-message.ts); `crashed` is what "Restart crashed" would act on. */
export function HostCard({ host, crashed = 0 }: { host: HostSummary; crashed?: number }) {
  const up = host.status === "up";
  const problems = host.counts.attention;
  return (
    <article
      data-testid="host-card"
      data-host={host.id}
      data-status={host.status}
      className={`rounded-lg border p-4 ${
        up
          ? "border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
          : "border-red-300 bg-red-50 dark:border-red-900 dark:bg-red-950/60"
      }`}
    >
      <header className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <Link href={`/?host=${encodeURIComponent(host.id)}`} className="font-semibold hover:underline">
            {host.name}
          </Link>
          <p className="truncate text-xs text-slate-500 dark:text-slate-400" title={host.url}>
            {host.url}
          </p>
        </div>
        <Badge tone={up ? "green" : "red"}>
          <span data-testid="host-status">{up ? "up" : "down"}</span>
        </Badge>
      </header>
      {up ? (
        <>
          <dl className="mt-3 grid grid-cols-4 gap-2 text-center text-xs">
            <Count label="total" value={host.counts.total} />
            <Count label="running" value={host.counts.running} />
            <Count label="exited" value={host.counts.exited} />
            <Count label="attention" value={problems} alert={problems > 0} />
          </dl>
          <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">
            Engine {host.engineVersion} · API {host.apiVersion} · {host.latencyMs} ms
          </p>
          {crashed > 0 && (
            <Can role="operator">
              <div className="mt-3">
                <RestartCrashedButton hostId={host.id} count={crashed} />
              </div>
            </Can>
          )}
        </>
      ) : (
        <p data-testid="host-error" className="mt-3 break-words text-sm text-red-800 dark:text-red-300">
          {host.error ?? "unreachable"}
        </p>
      )}
    </article>
  );
}

function Count({ label, value, alert = false }: { label: string; value: number; alert?: boolean }) {
  return (
    <div>
      <dd className={`text-lg font-semibold tabular-nums ${alert ? "text-red-600 dark:text-red-400" : ""}`}>
        {value}
      </dd>
      <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
    </div>
  );
}
