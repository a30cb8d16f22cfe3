import "server-only";
import { z } from "zod";
import { DEFAULT_GRACE_MS } from "./types";

const envSchema = z.object({
  // A kill switch for the whole server, e.g. a second Wharf watching the same engines must not heal twice.
  WHARF_AUTOHEAL: z.enum(["on", "off"]).default("on"),
  WHARF_AUTOHEAL_GRACE_MS: z.coerce.number().int().min(0).max(3_600_000).default(DEFAULT_GRACE_MS),
});

export type AutohealConfig = { enabled: boolean; graceMs: number };

/** Read from the environment once; an invalid value stops with a message naming the variable. */
export function autohealConfig(env: NodeJS.ProcessEnv = process.env): AutohealConfig {
  const parsed = envSchema.safeParse({
    WHARF_AUTOHEAL: env.WHARF_AUTOHEAL || undefined,
    WHARF_AUTOHEAL_GRACE_MS: env.WHARF_AUTOHEAL_GRACE_MS || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Invalid ${issue.path.join(".")}: ${issue.message}`);
  }
  return {
    enabled: parsed.data.WHARF_AUTOHEAL === "on",
    graceMs: parsed.data.WHARF_AUTOHEAL_GRACE_MS,
  };
}
