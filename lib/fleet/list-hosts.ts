import "server-only";
import { loadFleet } from "@/lib/docker/load-fleet";
import { readHost } from "./read-host";
import type { HostsResponse } from "./types";

export async function listHosts(): Promise<HostsResponse> {
  const snapshots = await Promise.all(loadFleet().map(readHost));
  return { hosts: snapshots.map((snapshot) => snapshot.summary) };
}
