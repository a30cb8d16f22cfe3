import "server-only";
import { getClient, getStreamClient } from "./get-client";
import type { Host } from "./host-config";
import type { ServiceSpec, SwarmMembership, SwarmNode, SwarmService, SwarmTask } from "./swarm-types";

type Modem = {
  dial: (options: Record<string, unknown>, callback: (error: Error | null, data: unknown) => void) => void;
};

function dial<T>(host: Host, options: Record<string, unknown>): Promise<T> {
  const modem = (getStreamClient(host) as unknown as { modem: Modem }).modem;
  return new Promise((resolve, reject) =>
    modem.dial(options, (error, data) => (error ? reject(error) : resolve(data as T))),
  );
}

/**
 * The fixed set of swarm operations Wharf performs on a manager. Updates carry the version index the spec was
 * read at, so the engine refuses (409-like "update out of sequence") an update built on a spec someone else
 * changed in between, instead of silently undoing their change.
 */
export const swarmOps = {
  membership: async (host: Host): Promise<SwarmMembership> => {
    const info = (await getClient(host).info()) as {
      Swarm?: { NodeID?: string; LocalNodeState?: string; ControlAvailable?: boolean };
    };
    return {
      nodeId: info.Swarm?.NodeID ?? "",
      state: info.Swarm?.LocalNodeState ?? "inactive",
      manager: info.Swarm?.ControlAvailable === true,
    };
  },
  services: async (host: Host) =>
    (await getClient(host).listServices({ status: true } as object)) as unknown as SwarmService[],
  service: async (host: Host, nameOrId: string) =>
    (await getClient(host).getService(nameOrId).inspect()) as unknown as SwarmService,
  tasks: async (host: Host, serviceId?: string) =>
    (await getClient(host).listTasks(
      serviceId ? { filters: JSON.stringify({ service: [serviceId] }) } : {},
    )) as unknown as SwarmTask[],
  nodes: async (host: Host) => (await getClient(host).listNodes()) as unknown as SwarmNode[],
  /** The registry's digest for a reference, as the manager resolves it (what `docker service update` pins). */
  resolveDigest: async (host: Host, ref: string): Promise<string> => {
    const answer = (await getStreamClient(host).getImage(ref).distribution()) as {
      Descriptor?: { digest?: string };
    };
    if (!answer.Descriptor?.digest) throw new Error(`the registry gave no digest for ${ref}`);
    return answer.Descriptor.digest;
  },
  update: (
    host: Host,
    id: string,
    version: number,
    spec: ServiceSpec,
    options: { rollback?: boolean } = {},
  ) =>
    dial<{ Warnings?: string[] | null }>(host, {
      path: `/services/${encodeURIComponent(id)}/update?`,
      method: "POST",
      statusCodes: {
        200: true,
        400: "bad parameter",
        404: "no such service",
        500: "server error",
        503: "node is not part of a swarm",
      },
      options: {
        _query: { version, ...(options.rollback ? { rollback: "previous" } : {}) },
        _body: spec,
      },
    }),
};
