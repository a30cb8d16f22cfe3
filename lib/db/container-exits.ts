import "server-only";
import { z } from "zod";
import type { LastExit } from "@/lib/fleet/types";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";

const exitRowSchema = z
  .object({
    container_id: z.string(),
    code: z.number().int(),
    oom: z.number().int(),
    cause: z.enum(["crash", "oom", "stopped", "killed", "clean"]).nullable(),
    at: z.string(),
  })
  .strict();

/** The last death Wharf saw of each container of a host, by container id, as earlier runs of Wharf left them. */
export function readContainerExits(db: Db, hostId: string): Map<string, LastExit> {
  const rows = cachedStatement(
    db,
    "SELECT container_id, code, oom, cause, at FROM container_exits WHERE host_id = ?",
  ).all(hostId);
  return new Map(
    rows.map((raw) => {
      const row = exitRowSchema.parse(raw);
      return [row.container_id, { code: row.code, oom: row.oom === 1, cause: row.cause, at: row.at }];
    }),
  );
}

export function saveContainerExit(db: Db, hostId: string, containerId: string, exit: LastExit): void {
  cachedStatement(
    db,
    `INSERT INTO container_exits (host_id, container_id, code, oom, cause, at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (host_id, container_id) DO UPDATE SET code = excluded.code, oom = excluded.oom,
       cause = excluded.cause, at = excluded.at`,
  ).run(hostId, containerId, exit.code, exit.oom ? 1 : 0, exit.cause, exit.at);
}

export function forgetContainerExit(db: Db, hostId: string, containerId: string): void {
  cachedStatement(db, "DELETE FROM container_exits WHERE host_id = ? AND container_id = ?").run(
    hostId,
    containerId,
  );
}
