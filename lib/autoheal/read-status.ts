import "server-only";
import { WharfError } from "@/lib/core/errors";
import { findHost } from "@/lib/docker/load-fleet";
import { getLiveFleet } from "@/lib/fleet/live/get-live-fleet";
import { getAutohealer } from "./get-autohealer";
import type { AutohealStatusResponse } from "./types";

/** The policy in force for a container and where its tries stand, for the container page. */
export async function readStatus(hostId: string, containerName: string): Promise<AutohealStatusResponse> {
  const host = findHost(hostId);
  const { store } = getLiveFleet();
  await store.ready([host.id]);
  const row = store.findRowByName(host.id, containerName);
  if (!row) throw new WharfError("NOT_FOUND", `Container "${containerName}" not found on host "${host.id}"`);
  const autohealer = getAutohealer();
  await autohealer.ready();
  return { status: autohealer.status(row) };
}
