import "server-only";
import { WharfError } from "@/lib/core/errors";
import { authDatabase } from "@/lib/auth/auth-database";
import { recordAudit } from "@/lib/auth/db/record-audit";
import type { Principal } from "@/lib/auth/types";
import { toWharfError } from "@/lib/docker/engine-error";
import { inspectContainer } from "@/lib/docker/inspect-container";
import { findHost } from "@/lib/docker/load-fleet";
import { withDeadline } from "@/lib/docker/with-deadline";

export type RevealedEnv = { key: string; value: string };

/**
 * One environment value, for an operator who asked for it by name. The audit log records who read which key
 * of which container (never the value), so a secret read off a shared screen can be traced.
 */
export async function revealEnvValue(
  hostId: string,
  nameOrId: string,
  key: string,
  principal: Principal,
  address: string,
): Promise<RevealedEnv> {
  const host = findHost(hostId);
  const inspected = await withDeadline(
    (signal) => inspectContainer(host, nameOrId, signal),
    host.timeoutMs,
  ).catch((error) => {
    throw toWharfError(error, host, nameOrId);
  });
  const name = inspected.Name.replace(/^\//, "");
  const entry = (inspected.Config.Env ?? []).find((item) => item.startsWith(`${key}=`));
  if (entry === undefined) {
    throw new WharfError(
      "NOT_FOUND",
      `Container "${name}" on host "${hostId}" has no environment variable "${key}"`,
    );
  }
  await recordAudit(await authDatabase(), {
    actor: principal.name,
    action: "env-revealed",
    target: `${hostId}/${name}`,
    address,
    detail: `key: ${key}`,
  });
  return { key, value: entry.slice(key.length + 1) };
}
