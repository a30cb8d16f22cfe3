import "server-only";
import { z } from "zod";
import { actionSteps, type ActionProgress } from "@/lib/fleet/live/messages";
import { actionNames, historyOutcomes } from "@/lib/history/types";

const text = (max: number) => z.string().max(max);
const instant = text(40);
const step = z.enum(actionSteps);

/**
 * An action's progress as another replica tells it over the change bus: anyone who can NOTIFY on the database can
 * send one, so it is checked field by field before any page sees it.
 */
export const actionProgressSchema = z
  .object({
    historyId: z.number().int().positive(),
    hostId: text(200),
    containerName: text(300),
    action: z.enum(actionNames),
    phase: text(200),
    progress: z.number().min(0).max(1).nullable(),
    done: z.boolean(),
    outcome: z.enum(historyOutcomes).exclude(["running"]).optional(),
    message: text(2_000).optional(),
    durationMs: z.number().nonnegative().optional(),
    startedAt: instant.optional(),
    endedAt: instant.optional(),
    plan: z.array(step).max(actionSteps.length).optional(),
    steps: z
      .array(z.object({ id: step, at: instant, until: instant.optional() }).strict())
      .max(20)
      .optional(),
    pulled: z
      .object({ current: z.number().nonnegative(), total: z.number().nonnegative() })
      .strict()
      .nullable()
      .optional(),
  })
  .strict() satisfies z.ZodType<ActionProgress>;
