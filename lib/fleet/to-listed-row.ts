import type { ContainerListItem } from "@/lib/docker/types";
import { toRowFromListing } from "./to-row-from-listing";
import type { ContainerRow } from "./types";

/**
 * A container's row from its list entry alone (GET /containers/json), when that entry says everything the row
 * shows: a container created and never started has no exit, no restarts, no start or finish time and no health
 * yet. Anything else returns null and needs an inspect: the list carries no exit code of its own, OOM kill,
 * restart count or exact times. This is what lets a host of thousands of idle containers be shown after one
 * request instead of one inspect each. The creation time is the list's (whole seconds); a start that failed
 * (the engine keeps such a container "created", with an exit code) is read once its events arrive.
 */
export function toListedRow(hostId: string, item: ContainerListItem): ContainerRow | null {
  if (item.State !== "created") return null;
  // The engine lists the image id instead of the reference once that reference names another image (a newer
  // pull under the same tag): the row shows the reference the container was created from, which only an inspect
  // still tells.
  if (item.Image === item.ImageID || item.Image.startsWith("sha256:")) return null;
  // Never judged: a container that never ran has no last exit and needs no one's attention.
  return toRowFromListing(hostId, item);
}
