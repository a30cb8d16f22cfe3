import "server-only";
import { z } from "zod";
import { errorCodes } from "@/lib/core/errors";

/** The one error shape (lib/core/errors.ts), as the description states it. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string().meta({ description: "What went wrong, naming the host, container or field" }),
      details: z.record(z.string(), z.unknown()).optional().meta({
        description: "e.g. `issues: [{field, message}]` for VALIDATION, `retryAfterSeconds` for RATE_LIMITED",
      }),
    }),
  })
  .meta({
    description:
      "Every failure. An action that ran and failed or rolled back also carries `historyId`, `outcome`, `message` and `entry` beside `error`; a bulk action its `results`.",
  });
