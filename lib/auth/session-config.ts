import "server-only";
import { z } from "zod";

const envSchema = z.object({
  WHARF_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(525_600).default(480),
  WHARF_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(8_760).default(168),
});

export type SessionConfig = { idleMs: number; maxMs: number };

/** Read on every call, so a test (or an operator restarting with new env) never sees a stale value. */
export function sessionConfig(env: Record<string, string | undefined> = process.env): SessionConfig {
  const result = envSchema.safeParse({
    WHARF_SESSION_IDLE_MINUTES: env.WHARF_SESSION_IDLE_MINUTES || undefined,
    WHARF_SESSION_MAX_HOURS: env.WHARF_SESSION_MAX_HOURS || undefined,
  });
  if (!result.success) {
    const fields = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ");
    throw new Error(`Invalid session settings in the environment: ${fields}`);
  }
  return {
    idleMs: result.data.WHARF_SESSION_IDLE_MINUTES * 60_000,
    maxMs: result.data.WHARF_SESSION_MAX_HOURS * 3_600_000,
  };
}
