import "server-only";
import { z } from "zod";

// Minutes without a keystroke before a console closes; fractions let a test wait seconds, not minutes.
const envSchema = z.object({
  WHARF_CONSOLE_IDLE_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(15),
});

/** How long a console may go without input, from WHARF_CONSOLE_IDLE_MINUTES (default 15 minutes). */
export function consoleIdleMs(env: Record<string, string | undefined> = process.env): number {
  const result = envSchema.safeParse({
    WHARF_CONSOLE_IDLE_MINUTES: env.WHARF_CONSOLE_IDLE_MINUTES || undefined,
  });
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`Invalid WHARF_CONSOLE_IDLE_MINUTES in the environment: ${issue?.message ?? "invalid"}`);
  }
  return Math.round(result.data.WHARF_CONSOLE_IDLE_MINUTES * 60_000);
}
