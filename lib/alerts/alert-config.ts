import "server-only";
import { z } from "zod";
import type { RateLimit } from "./db/outbox-table";
import { RETRY_DELAYS_MS } from "./backoff";
import { parseAllowList, type AllowList } from "./destination-rule";

const envSchema = z.object({
  WHARF_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // "messages/seconds" per channel; over it, messages wait for a digest.
  WHARF_ALERT_RATE_LIMIT: z
    .string()
    .regex(/^\d+\/\d+$/, "must be MESSAGES/SECONDS, e.g. 20/600")
    .default("20/600"),
  // Comma-separated seconds between tries; for tests that cannot wait minutes.
  WHARF_ALERT_RETRY_SECONDS: z
    .string()
    .regex(/^\d+(\.\d+)?(,\d+(\.\d+)?)*$/, "must be comma-separated seconds, e.g. 10,30,60,180,360")
    .optional(),
});

export type AlertConfig = {
  publicUrl: string;
  rateLimit: RateLimit;
  retryDelaysMs: readonly number[];
  /** WHARF_ALERT_ALLOW_HOSTS: the internal addresses channels may send to (lib/alerts/destination-rule.ts). */
  allowHosts: AllowList;
};

let cached: AlertConfig | undefined;

/** Read once: a bad value names the variable in the error the server logs at start. */
export function alertConfig(): AlertConfig {
  if (cached) return cached;
  const result = envSchema.safeParse({
    WHARF_PUBLIC_URL: process.env.WHARF_PUBLIC_URL || undefined,
    PORT: process.env.PORT || undefined,
    WHARF_ALERT_RATE_LIMIT: process.env.WHARF_ALERT_RATE_LIMIT || undefined,
    WHARF_ALERT_RETRY_SECONDS: process.env.WHARF_ALERT_RETRY_SECONDS || undefined,
  });
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`Invalid ${String(issue?.path[0])}: ${issue?.message}`);
  }
  const env = result.data;
  const [max = 20, seconds = 600] = env.WHARF_ALERT_RATE_LIMIT.split("/").map(Number);
  cached = {
    publicUrl: (env.WHARF_PUBLIC_URL ?? `http://127.0.0.1:${env.PORT}`).replace(/\/+$/, ""),
    rateLimit: { max, windowMs: seconds * 1000 },
    retryDelaysMs: env.WHARF_ALERT_RETRY_SECONDS
      ? env.WHARF_ALERT_RETRY_SECONDS.split(",").map((s) => Number(s) * 1000)
      : RETRY_DELAYS_MS,
    allowHosts: parseAllowList(process.env.WHARF_ALERT_ALLOW_HOSTS),
  };
  return cached;
}
