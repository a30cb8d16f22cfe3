import Link from "next/link";
import { RestartCrashedButton } from "@/components/actions/restart-crashed-button";
import { Can } from "@/components/auth/can";
import { Badge } from "@/components/ui/badge";
import { defaultView, serializeFleetView, type FleetView } from "@/lib/fleet/fleet-search-params";
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
            <Count label="total" value={host.counts.total} href={tableOf(host.id, {})} />
            <Count
              label="running"
              value={host.counts.running}
              href={tableOf(host.id, { state: "running" })}
            />
            <Count label="exited" value={host.counts.exited} href={tableOf(host.id, { state: "exited" })} />
            <Count
              label="attention"
              value={problems}
              alert={problems > 0}
              href={tableOf(host.id, { attention: true })}
            />
          </dl>
          <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">
            Engine {host.engineVersion} · API {host.apiVersion} · {host.latencyMs} ms ·{" "}
            <Link href={`/hosts/${encodeURIComponent(host.id)}/images`} className="hover:underline">
              images
            </Link>
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

/** The fleet table narrowed to what a count counts, as the filters would write it in the URL. */
function tableOf(hostId: string, change: Partial<FleetView>): string {
  return `/?${serializeFleetView({ ...defaultView, host: hostId, ...change })}`;
}

function Count({
  label,
  value,
  href,
  alert = false,
}: {
  label: string;
  value: number;
  href: string;
  alert?: boolean;
}) {
  // The term is listed before its value, as <dl> wants; the grid shows the number on top.
  return (
    <div className="flex flex-col-reverse">
      <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className={`text-lg font-semibold tabular-nums ${alert ? "text-red-600 dark:text-red-400" : ""}`}>
        <Link
          href={href}
          data-testid={`count-${label}`}
          title={`Show ${label === "total" ? "all" : label} containers of this host`}
          className="rounded hover:underline"
        >
          {value}
        </Link>
      </dd>
    </div>
  );
}
