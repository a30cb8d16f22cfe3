import { containerStates, type ContainerRow, type ContainerState, type Health } from "./types";

// Docker writes this instead of null for a container that never started or never stopped.
const ZERO_TIME = "0001-01-01T00:00:00Z";

/** What the engine says about a container, from an inspect or a list entry, in the engine's own spelling. */
export type EngineFacts = {
  id: string;
  /** With the engine's leading slash. */
  name: string;
  image: string;
  imageId: string;
  labels: Record<string, string> | null | undefined;
  status: string;
  health: string | undefined;
  exitCode: number;
  oomKilled: boolean;
  restartCount: number;
  createdAt: string;
  startedAt: string | undefined;
  finishedAt: string | undefined;
};

/**
 * A container's row from what the engine says, not yet judged: no last exit, no attention, no exit cause and no
 * provenance, which the callers add from what they know. Every field a row takes from the engine is read here
 * alone, so a row made from a list entry and one made from an inspect cannot drift apart.
 */
export function toBareRow(hostId: string, facts: EngineFacts): ContainerRow {
  const labels = facts.labels ?? {};
  const project = labels["com.docker.compose.project"];
  const service = labels["com.docker.compose.service"];
  return {
    hostId,
    id: facts.id,
    name: facts.name.replace(/^\//, ""),
    image: facts.image,
    imageId: facts.imageId,
    state: toState(facts.status),
    health: toHealth(facts.health),
    exitCode: facts.exitCode,
    oomKilled: facts.oomKilled,
    restartCount: facts.restartCount,
    createdAt: facts.createdAt,
    startedAt: toTime(facts.startedAt),
    finishedAt: toTime(facts.finishedAt),
    compose: project && service ? { project, service } : null,
    labels,
    exitCause: null,
    lastExit: null,
    attention: null,
    provenance: null,
  };
}

function toState(status: string): ContainerState {
  // An engine newer than the states we know still gets shown, as the closest honest state.
  return (containerStates as readonly string[]).includes(status) ? (status as ContainerState) : "dead";
}

function toHealth(status: string | undefined): Health {
  return status === "healthy" || status === "unhealthy" || status === "starting" ? status : null;
}

function toTime(value: string | undefined): string | null {
  return !value || value === ZERO_TIME ? null : value;
}
