import "server-only";
import { findHost } from "@/lib/docker/load-fleet";
import { filterContainers, type ContainerFilter } from "./filter-containers";
import { getLiveFleet } from "./live/get-live-fleet";
import type { ContainersResponse, ListedContainer } from "./types";

/** Answers from the live state: no engine round-trip per request, whatever the fleet's size. */
export async function listContainers(filter: ContainerFilter): Promise<ContainersResponse> {
  const { store } = getLiveFleet();
  // Asking for unknown hosts is a mistake worth naming, not an empty list.
  const hostIds =
    filter.hosts && filter.hosts.length > 0 ? filter.hosts.map((id) => findHost(id).id) : store.hostIds();
  await store.ready(hostIds);
  const rows: ListedContainer[] = [];
  for (const hostId of hostIds) {
    const stale = store.status(hostId) === "down";
    for (const row of store.rows(hostId)) rows.push({ ...row, stale });
  }
  return {
    containers: filterContainers(rows, filter),
    hosts: hostIds.map((id) => store.availability(id)),
  };
}

let cached: { seq: number; json: string } | null = null;

/**
 * The unfiltered list as JSON, serialised once per change of the fleet rather than once per request: the
 * dashboard asks for exactly this on every page load, and at thousands of containers serialising dominates.
 */
export async function containersResponse(filter: ContainerFilter): Promise<Response> {
  const unfiltered = !filter.hosts?.length && !filter.states?.length && !filter.q;
  const { store } = getLiveFleet();
  if (unfiltered && cached && cached.seq === store.currentSeq()) return jsonResponse(cached.json);
  const seq = store.currentSeq();
  const json = JSON.stringify(await listContainers(filter));
  if (unfiltered && store.currentSeq() === seq) cached = { seq, json };
  return jsonResponse(json);
}

function jsonResponse(json: string): Response {
  return new Response(json, { headers: { "content-type": "application/json" } });
}
