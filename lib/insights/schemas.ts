import { z } from "zod";
import { isoInstant, optional } from "@/lib/history/schemas";
import { MAX_INSIGHTS_DAYS } from "./types";

const DAY_MS = 86_400_000;

/** `GET /api/insights`: a period (30 days to now by default) and an optional host and compose project. */
export const insightsQuerySchema = z
  .object({
    from: optional(isoInstant),
    to: optional(isoInstant),
    host: optional(z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,62})$/, "must be a host id (a slug)")),
    project: optional(
      z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,254}$/, "must be a compose project name"),
    ),
  })
  .strict()
  .superRefine((query, context) => {
    if (query.from === undefined || query.to === undefined) return;
    if (query.from >= query.to)
      context.addIssue({
        code: "custom",
        path: ["to"],
        message: "must be later than from (to is exclusive)",
      });
    else if (Date.parse(query.to) - Date.parse(query.from) > MAX_INSIGHTS_DAYS * DAY_MS)
      context.addIssue({
        code: "custom",
        path: ["from"],
        message: `the period may span ${MAX_INSIGHTS_DAYS} days at most`,
      });
  });
export type { InsightsQuery } from "./types";
