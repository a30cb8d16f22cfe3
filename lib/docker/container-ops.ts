import "server-only";
import type Docker from "dockerode";
import type { Host } from "./host-config";
import { getClient, getStreamClient } from "./get-client";
import type { ImageInspect, RawContainerInspect } from "./types";

// Stopping waits for the container's own stop timeout, and pulling or creating can take long: these calls use
// the client without the short idle timeout meant for reads.
const slow = (host: Host) => getStreamClient(host);

/** The fixed set of container operations Wharf performs; nothing else reaches an engine's write API. */
export const containerOps = {
  inspect: async (host: Host, id: string) =>
    (await getClient(host).getContainer(id).inspect()) as unknown as RawContainerInspect,
  start: (host: Host, id: string) => slow(host).getContainer(id).start(),
  stop: (host: Host, id: string, seconds?: number) =>
    slow(host)
      .getContainer(id)
      .stop(seconds === undefined ? {} : { t: seconds }),
  restart: (host: Host, id: string) => slow(host).getContainer(id).restart(),
  rename: (host: Host, id: string, name: string) => slow(host).getContainer(id).rename({ name }),
  remove: (host: Host, id: string) => slow(host).getContainer(id).remove({ force: true, v: false }),
  create: async (host: Host, options: Docker.ContainerCreateOptions) =>
    (await slow(host).createContainer(options)).id,
  connectNetwork: (host: Host, network: string, id: string, endpointConfig: Record<string, unknown>) =>
    slow(host).getNetwork(network).connect({ Container: id, EndpointConfig: endpointConfig }),
};

export const imageOps = {
  inspect: async (host: Host, ref: string) =>
    (await getClient(host).getImage(ref).inspect()) as unknown as ImageInspect,
  tag: (host: Host, id: string, repo: string, tag: string) => slow(host).getImage(id).tag({ repo, tag }),
};
