import "server-only";
import { z } from "zod";
import { concerns, onAccessChange } from "./access-changes";
import { authDatabase } from "./auth-database";
import { recheckPrincipal } from "./recheck-principal";
import type { Target } from "@/lib/core/access-rule";
import type { AccessLostReason, Principal, Role } from "./types";

/**
 * Who reads an open stream, the role the stream needs, and what it is about when it is about one container
 * (a log, a container's stats): the stream ends once the caller's grants no longer reach it.
 */
export type StreamCaller = { principal: Principal; needs: Role; target?: Target };

// At most 15 s: an open stream must not outlive its caller's access by longer (issue 11). Lower for tests.
const envSchema = z.object({
  WHARF_STREAM_RECHECK_MS: z.coerce.number().int().min(50).max(15_000).default(15_000),
});

/** How often an open stream re-checks its caller, from WHARF_STREAM_RECHECK_MS. */
export function streamRecheckMs(env: Record<string, string | undefined> = process.env): number {
  const result = envSchema.safeParse({ WHARF_STREAM_RECHECK_MS: env.WHARF_STREAM_RECHECK_MS || undefined });
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`Invalid WHARF_STREAM_RECHECK_MS in the environment: ${issue?.message ?? "invalid"}`);
  }
  return result.data.WHARF_STREAM_RECHECK_MS;
}

/**
 * Calls `onLost` once, with the reason, when `caller` may no longer read: at once when Wharf itself revokes,
 * disables, signs out or changes a password in this process, else at the periodic re-check (expiry, or a
 * change made by another process such as the CLI). Returns a function that stops watching.
 */
export function watchPrincipal(caller: StreamCaller, onLost: (reason: AccessLostReason) => void): () => void {
  let watching = true;
  // One re-check at a time: a timer tick while an announced one still reads the database waits for it.
  let checking: Promise<void> = Promise.resolve();
  const check = (announced?: AccessLostReason) => {
    checking = checking.then(async () => {
      if (!watching) return;
      let reason: AccessLostReason | null;
      try {
        reason = await recheckPrincipal(
          await authDatabase(),
          caller.principal,
          caller.needs,
          Date.now,
          caller.target,
        );
      } catch (error) {
        console.error("[wharf] re-checking a stream's caller failed", error);
        return;
      }
      if (reason === null || !watching) return;
      stop();
      // The announcement knows what happened ("password changed"); the database only that the session is over.
      onLost(announced ?? reason);
    });
  };
  const timer = setInterval(check, streamRecheckMs());
  const unsubscribe = onAccessChange((change) => {
    if (concerns(change, caller.principal)) check(change.reason);
  });
  const stop = () => {
    watching = false;
    clearInterval(timer);
    unsubscribe();
  };
  return stop;
}
