import "server-only";
import { randomBytes } from "node:crypto";
import os from "node:os";

export type ReplicaIdentity = { id: string; name: string };

/**
 * Who this server is among the replicas: `name` for people (WHARF_REPLICA_NAME, or the machine and port), `id`
 * unique per process, so a replica restarted under the same name is still told apart from its earlier self.
 */
export function replicaIdentity(env: Record<string, string | undefined> = process.env): ReplicaIdentity {
  const given = env.WHARF_REPLICA_NAME?.trim();
  const name = given || `${os.hostname()}:${env.PORT ?? "3000"}`;
  return { id: `${name}#${process.pid}.${randomBytes(3).toString("hex")}`, name };
}
