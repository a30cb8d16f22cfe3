import "server-only";
import { gzipSync } from "node:zlib";
import { PRECOMPRESSED_HEADER } from "@/lib/core/precompressed.mjs";
import { FULL_VIEW, findVisibleHost, visibleRows, type Visibility } from "./fleet-targets";
import { filterContainers, type ContainerFilter } from "./filter-containers";
import { getLiveFleet } from "./live/get-live-fleet";
import type { ContainersResponse, ListedContainer } from "./types";

/** Answers from the live state: no engine round-trip per request, whatever the fleet's size. */
export async function listContainers(
  filter: ContainerFilter,
  view: Visibility = FULL_VIEW,
): Promise<ContainersResponse> {
  const { store } = getLiveFleet();
  // Asking for unknown hosts is a mistake worth naming, not an empty list; one out of reach reads as unknown.
  const hostIds =
    filter.hosts && filter.hosts.length > 0
      ? filter.hosts.map((id) => findVisibleHost(id, view).id)
      : store.hostIds().filter(view.reaches);
  await store.ready(hostIds);
  const rows: ListedContainer[] = [];
  for (const hostId of hostIds) {
    const stale = store.status(hostId) === "down";
    for (const row of visibleRows(store.rows(hostId), view)) rows.push({ ...row, stale });
  }
  return {
    containers: filterContainers(rows, filter),
    hosts: hostIds.map((id) => store.availability(id)),
  };
}

type Cached = { seq: number; json: Uint8Array; gzip?: Uint8Array };
let cached: Cached | null = null;
const encoder = new TextEncoder();

/**
 * The unfiltered list as JSON, serialised (and, for clients that take gzip, compressed) once per change of the
 * fleet rather than once per request: the dashboard asks for exactly this on every page load, and at thousands
 * of containers serialising and compressing dominate. Next would drop a Content-Encoding header and compress
 * again: the body is marked precompressed instead (lib/core/precompressed.mjs). The bytes are kept encoded and
 * sent as they are: a body given as a string or a buffer is encoded or copied again for every request, megabytes
 * of garbage each time, and the collections that follow land on whichever request comes next.
 */
export async function containersResponse(
  filter: ContainerFilter,
  gzip = false,
  view: Visibility = FULL_VIEW,
): Promise<Response> {
  const unfiltered = view.all && !filter.hosts?.length && !filter.states?.length && !filter.q;
  const { store } = getLiveFleet();
  let entry: Cached;
  if (unfiltered && cached && cached.seq === store.currentSeq()) entry = cached;
  else {
    const seq = store.currentSeq();
    entry = { seq, json: encoder.encode(JSON.stringify(await listContainers(filter, view))) };
    if (unfiltered && store.currentSeq() === seq) cached = entry;
  }
  const json = { "content-type": "application/json", vary: "Accept-Encoding" };
  if (!gzip || !unfiltered) return sharedBodyResponse(entry.json, json);
  // Level 6 is gzip's default; paid once per change, it is worth its ratio.
  entry.gzip ??= gzipSync(entry.json);
  return sharedBodyResponse(entry.gzip, { ...json, [PRECOMPRESSED_HEADER]: "gzip" });
}

/**
 * The cached bytes go out as they are, one body for every request until the next change: `new Response(bytes)`
 * (or a string) would copy them into each answer, megabytes per request at thousands of containers.
 */
function sharedBodyResponse(bytes: Uint8Array, headers: Record<string, string>): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  return new Response(body, { headers: { ...headers, "content-length": String(bytes.byteLength) } });
}
