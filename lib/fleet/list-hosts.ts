import "server-only";
import { getLiveFleet } from "./live/get-live-fleet";
import type { HostsResponse } from "./types";

export async function listHosts(): Promise<HostsResponse> {
  const { store } = getLiveFleet();
  await store.ready();
  return { hosts: store.hostIds().map((id) => store.summary(id)) };
}
