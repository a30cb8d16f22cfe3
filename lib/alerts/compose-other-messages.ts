import type { ActionProgress } from "@/lib/fleet/live/messages";
import type { ContainerRow, HostSummary } from "@/lib/fleet/types";
import type { HeldAlert } from "./db/digest-held-alerts";
import { containerOf, containerUrl } from "./compose-incident-message";
import type { AlertMessage, AutohealNotice } from "./types";

const empty = {
  details: [],
  host: null,
  container: null,
  service: null,
  incident: null,
  deploy: null,
  autoheal: null,
  logTail: [],
  held: [],
};

export function composeHostMessage(host: HostSummary, baseUrl: string, at: string): AlertMessage {
  const down = host.status === "down";
  return {
    ...empty,
    event: down ? "host.down" : "host.up",
    at,
    title: down ? `Host ${host.name} is down` : `Host ${host.name} is back up`,
    details: down ? [`Error: ${host.error ?? "unknown"}`] : [`Engine ${host.engineVersion ?? "?"}`],
    host: { id: host.id, name: host.name },
    url: `${baseUrl}/?host=${encodeURIComponent(host.id)}`,
  };
}

/** A redeploy or rollback that ended: succeeded, or failed / rolled back (both are `deploy.failed`). */
export function composeDeployMessage(
  progress: ActionProgress,
  row: ContainerRow | undefined,
  hostName: string,
  baseUrl: string,
  at: string,
): AlertMessage {
  const ok = progress.outcome === "succeeded";
  const verb = progress.outcome === "rolled-back" ? "was rolled back" : ok ? "succeeded" : "failed";
  return {
    ...empty,
    event: ok ? "deploy.succeeded" : "deploy.failed",
    at,
    title: `${progress.action} of ${progress.containerName} on ${hostName} ${verb}`,
    details: progress.message ? [progress.message] : [],
    host: { id: progress.hostId, name: hostName },
    container: containerOf(progress.containerName, row, null),
    service: null,
    deploy: {
      historyId: progress.historyId,
      action: progress.action,
      outcome: progress.outcome ?? null,
      message: progress.message ?? null,
    },
    url: containerUrl(baseUrl, progress.hostId, progress.containerName),
  };
}

export function composeAutohealMessage(
  notice: AutohealNotice,
  row: ContainerRow | undefined,
  hostName: string,
  baseUrl: string,
): AlertMessage {
  const subject = `${notice.containerName} on ${hostName}`;
  const title =
    notice.event === "autoheal.gave-up"
      ? `Auto-heal gave up on ${subject} after ${notice.attempt} tries`
      : `Auto-heal ${notice.action === "restart" ? "restarted" : "started"} ${subject} (try ${notice.attempt})`;
  const details = [`Why: ${notice.reason}`];
  if (notice.succeeded !== null) details.push(notice.succeeded ? "The try worked" : "The try failed");
  if (notice.error) details.push(`Error: ${notice.error}`);
  if (notice.nextTryAt) details.push(`Next try: ${notice.nextTryAt}`);
  return {
    ...empty,
    event: notice.event,
    at: notice.at,
    title,
    details,
    host: { id: notice.hostId, name: hostName },
    container: containerOf(notice.containerName, row, null),
    service: null,
    autoheal: notice,
    url: containerUrl(baseUrl, notice.hostId, notice.containerName),
  };
}

/** What a rate limit held back, in one message. */
export function composeDigest(held: HeldAlert[], baseUrl: string, at: string): AlertMessage {
  return {
    ...empty,
    event: "digest",
    at,
    title: `${held.length} alert${held.length === 1 ? " was" : "s were"} held back by the rate limit`,
    details: [`From ${held[0]?.at ?? at} to ${held.at(-1)?.at ?? at}`],
    held: held.slice(-50),
    url: `${baseUrl}/incidents`,
  };
}
