import "server-only";
import type { Host } from "./host-config";
import { getClient } from "./get-client";

/** One entry of GET /images/json: what `docker image ls` shows (no intermediate build layers). */
export type ImageSummary = {
  id: string;
  repoTags: string[];
  repoDigests: string[];
  /** Seconds since the epoch, as the engine says. */
  created: number;
  size: number;
  labels: Record<string, string>;
};

/** Which image each container (running or not, as `docker ps -a`) was created from. */
export type ImageUse = { containerId: string; name: string; state: string; imageId: string };

export async function listImages(host: Host, signal?: AbortSignal): Promise<ImageSummary[]> {
  const list = await getClient(host).listImages({ abortSignal: signal } as { all?: boolean });
  return list.map((item) => ({
    id: item.Id,
    // An untagged image is listed with the placeholder "<none>:<none>" by older engines, with null by newer.
    repoTags: (item.RepoTags ?? []).filter((tag) => tag !== "<none>:<none>"),
    repoDigests: (item.RepoDigests ?? []).filter((digest) => digest !== "<none>@<none>"),
    created: item.Created,
    size: item.Size,
    labels: item.Labels ?? {},
  }));
}

export async function listImageUses(host: Host, signal?: AbortSignal): Promise<ImageUse[]> {
  const list = await getClient(host).listContainers({ all: true, abortSignal: signal });
  return list.map((item) => ({
    containerId: item.Id,
    name: (item.Names[0] ?? item.Id).replace(/^\//, ""),
    state: item.State,
    imageId: item.ImageID,
  }));
}

/**
 * Removes an image, never one a container uses: without force the engine refuses that (409). An image with
 * several tags cannot be removed by id without force either, so its tags go one by one; the last one takes the
 * image (and its untagged parent layers) with it.
 */
export async function removeImage(host: Host, id: string, repoTags: string[]): Promise<void> {
  const client = getClient(host);
  if (repoTags.length <= 1) {
    await client.getImage(id).remove({ force: false, noprune: false });
    return;
  }
  for (const tag of repoTags) await client.getImage(tag).remove({ force: false, noprune: false });
}
