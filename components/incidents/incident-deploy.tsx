import Link from "next/link";
import { Can } from "@/components/auth/can";
import { formatDuration } from "@/lib/fleet/format-age";
import type { Incident, IncidentDeploy as Deploy } from "@/lib/fleet/incident-types";
import { formatUtc, shortDigest } from "@/lib/history/format-history";
import { RollbackDeployButton } from "./rollback-deploy-button";
import { RollbackServiceDeployButton } from "./rollback-service-deploy-button";

const muted = "text-slate-500 dark:text-slate-400";

/**
 * The deploy of this container (or service) in the 30 minutes before the incident opened, its likely cause: who,
 * when, from → to. Operators can roll it back from here while it is still what a rollback would undo.
 */
export function IncidentDeploy({ incident, deploy }: { incident: Incident; deploy: Deploy }) {
  const before = Date.parse(incident.openedAt) - Date.parse(deploy.at);
  const who = deploy.source === "external" ? "outside Wharf" : `by ${deploy.actor}`;
  const service = incident.target === "service";
  // A service's history is on its card of the services page; a service's version is its spec's.
  const history = service
    ? `/services?service=${encodeURIComponent(incident.containerName)}`
    : `/history?host=${encodeURIComponent(incident.hostId)}&container=${encodeURIComponent(incident.containerName)}&deploys=only`;
  const version = (v: string | null) => (v && service ? `spec ${v}` : v);
  return (
    <section
      data-testid="incident-deploy"
      aria-label="The deploy before this incident"
      className="flex flex-wrap items-start justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-xs text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <div className="min-w-0 space-y-1">
        <p>
          <span className="font-semibold">
            Opened {before < 60_000 ? "less than a minute" : formatDuration(before)} after a {deploy.action}
          </span>{" "}
          {who},{" "}
          <time dateTime={deploy.at} className="font-mono">
            {formatUtc(deploy.at)}
          </time>{" "}
          (
          <Link href={history} className="underline">
            history
          </Link>
          )
        </p>
        <p data-testid="incident-deploy-change" className="font-mono">
          <Side
            reference={deploy.imageRefBefore}
            digest={deploy.digestBefore}
            version={version(deploy.versionBefore)}
          />
          <span className={muted}> → </span>
          <Side
            reference={deploy.imageRef}
            digest={deploy.digestAfter}
            version={version(deploy.versionAfter)}
          />
        </p>
      </div>
      {deploy.latest && (
        <Can role="operator">
          {service ? (
            <RollbackServiceDeployButton incident={incident} deploy={deploy} />
          ) : (
            <RollbackDeployButton incident={incident} deploy={deploy} />
          )}
        </Can>
      )}
    </section>
  );
}

function Side({
  reference,
  digest,
  version,
}: {
  reference: string | null;
  digest: string | null;
  version: string | null;
}) {
  return (
    <span className="break-all">
      {reference ?? <span className={`font-sans italic ${muted}`}>reference not recorded</span>}
      {digest && <span className={muted}> {shortDigest(digest)}</span>}
      {version && (
        <span className="ml-1 rounded bg-sky-100 px-1 text-sky-800 dark:bg-sky-950 dark:text-sky-300">
          {version}
        </span>
      )}
    </span>
  );
}
