import "server-only";
import type { ExitCause } from "../../types";

/**
 * container_exits (migration 15): the last death the fleet's watchers saw of each container, kept across restarts
 * of Wharf (the engine forgets a kill from a crash). The live fleet's own memory, so it lives with the watchers.
 */
export type ContainerExitTable = {
  host_id: string;
  container_id: string;
  code: number;
  oom: number;
  cause: ExitCause | null;
  at: string;
};

/** The tables the live fleet owns; lib/startup/database.ts composes every feature's into the whole database. */
export type FleetTables = { container_exits: ContainerExitTable };
