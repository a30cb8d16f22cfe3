import type { Incident } from "@/lib/fleet/incident-types";
import type { ContainerRow } from "@/lib/fleet/types";
import { describeDeploy } from "./describe-deploy";
import { trimLogTail } from "./trim-log-tail";
import type { AlertContainer, AlertMessage } from "./types";

export type IncidentPhase = "opened" | "updated" | "ended";

function what(incident: Incident): string {
  const exit = incident.exitCode !== null ? ` (exit ${incident.exitCode}${incident.oom ? ", OOM" : ""})` : "";
  switch (incident.kind) {
    case "exit":
      return `crashed${exit}`;
    case "oom":
      return "was killed for memory (OOM)";
    case "restart-loop":
      return `is in a restart loop: ${incident.count} deaths${exit}`;
    case "unhealthy":
      return "is unhealthy: its health check fails";
    case "dead":
      return "is dead";
    case "task-failed":
      return `has failing tasks: ${incident.count} failed${exit}`;
    case "short":
      return `is short of replicas${incident.error ? `: ${incident.error}` : ""}`;
  }
}

const endWords = { recovered: "recovered", removed: "was removed", replaced: "was replaced by a redeploy" };

function ended(incident: Incident, row: ContainerRow | undefined): string {
  if (incident.endReason) return endWords[incident.endReason];
  return incident.target === "service" || row ? "recovered" : "recovered: the container was removed";
}

export function containerOf(
  name: string,
  row: ContainerRow | undefined,
  image: string | null,
): AlertContainer {
  return {
    name,
    id: row?.id ?? null,
    image: row?.image ?? image,
    digest: row?.imageId ?? null,
    composeProject: row?.compose?.project ?? null,
    composeService: row?.compose?.service ?? null,
  };
}

export function containerUrl(baseUrl: string, hostId: string, name: string): string {
  return `${baseUrl}/containers/${encodeURIComponent(hostId)}/${encodeURIComponent(name)}`;
}

/** An incident's message: what happened, the evidence it has (exit code, OOM, stderr, health output, log). */
export function composeIncidentMessage(input: {
  phase: IncidentPhase;
  incident: Incident;
  row: ContainerRow | undefined;
  hostName: string;
  baseUrl: string;
  at: string;
}): AlertMessage {
  const { phase, incident, row, hostName } = input;
  const service = incident.target === "service";
  const subject = `${service ? "service " : ""}${incident.containerName} on ${hostName}`;
  const title =
    phase === "opened"
      ? `${subject} ${what(incident)}`
      : phase === "updated"
        ? `${subject} is now in a restart loop (${incident.count} deaths)`
        : `${subject} ${ended(incident, row)} (incident #${incident.id} ended)`;
  const details: string[] = [];
  const deploy = incident.deploy;
  // The likely cause first: whoever is paged wants to know what changed before what the log says.
  if (deploy && phase !== "ended") details.push(describeDeploy(deploy, incident.target));
  if (incident.exitCode !== null) details.push(`Exit code: ${incident.exitCode}`);
  if (incident.oom) details.push("Killed by the kernel for memory (OOM)");
  if (incident.lastStderr) details.push(`Last stderr line: ${incident.lastStderr}`);
  if (incident.error) details.push(`${service ? "Swarm says" : "Error"}: ${incident.error}`);
  if (incident.healthOutput)
    details.push(`Health check output: ${incident.healthOutput.trim().slice(0, 500)}`);
  if (incident.count > 1) details.push(`Deaths while open: ${incident.count}`);
  details.push(
    `Incident #${incident.id}, opened ${incident.openedAt}${incident.endedAt ? `, ended ${incident.endedAt}` : ""}`,
  );
  return {
    event: `incident.${phase}`,
    at: input.at,
    title,
    details,
    host: { id: incident.hostId, name: hostName },
    container: service ? null : containerOf(incident.containerName, row, incident.image || null),
    service: service ? { name: incident.containerName, id: incident.containerId } : null,
    incident: {
      id: incident.id,
      target: incident.target,
      kind: incident.kind,
      exitCode: incident.exitCode,
      oom: incident.oom,
      count: incident.count,
      lastStderr: incident.lastStderr,
      healthOutput: incident.healthOutput,
      openedAt: incident.openedAt,
      endedAt: incident.endedAt,
      endReason: incident.endReason,
      error: incident.error,
    },
    deploy: deploy
      ? {
          historyId: deploy.historyId,
          action: deploy.action,
          outcome: "succeeded",
          message: describeDeploy(deploy, incident.target),
        }
      : null,
    autoheal: null,
    logTail: phase === "ended" ? [] : trimLogTail(incident.logTail),
    held: [],
    url: service
      ? `${input.baseUrl}/services?service=${encodeURIComponent(incident.containerName)}`
      : containerUrl(input.baseUrl, incident.hostId, incident.containerName),
  };
}
