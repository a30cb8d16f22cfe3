import type { SwarmNode } from "@/lib/docker/swarm-types";
import type { NodeRow } from "./types";

export function toNodeRow(hostId: string, node: SwarmNode, fleetHostId: string | null): NodeRow {
  return {
    hostId,
    id: node.ID,
    hostname: node.Description.Hostname,
    fleetHostId,
    role: node.Spec.Role,
    leader: node.ManagerStatus?.Leader === true,
    state: node.Status.State,
    availability: node.Spec.Availability,
    engineVersion: node.Description.Engine?.EngineVersion ?? null,
    address: node.Status.Addr ?? null,
  };
}
