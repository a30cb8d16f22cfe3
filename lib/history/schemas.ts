import { z } from "zod";
import { historyActions, historyOutcomes, MAX_TIMELINE_DAYS } from "./types";

// `?host=&container=` (a blank form field) means "no filter", not an invalid one.
export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const DATE = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const YEAR_10000 = Date.UTC(10000, 0, 1);

/** Milliseconds of an ISO 8601 date (midnight UTC) or date-time (UTC unless it names a zone); null if invalid. */
function parseInstant(text: string): number | null {
  const match = DATE.exec(text);
  if (!match) return null;
  const [, day, time, zone] = match;
  // Date.parse rolls 2025-02-30 over to March 2: a day that does not survive the round trip does not exist.
  if (Number.isNaN(Date.parse(day!)) || new Date(day!).toISOString().slice(0, 10) !== day) return null;
  if (zone && !time) return null;
  const ms = Date.parse(time && !zone ? `${text}Z` : text);
  return Number.isNaN(ms) || ms < 0 || ms >= YEAR_10000 ? null : ms;
}

/**
 * An instant, rewritten the way history rows store theirs (`toISOString()`), because SQLite compares them as
 * text: `10:00:00Z` would sort after `10:00:00.000Z`.
 */
export const isoInstant = z.string().transform((text, context) => {
  const ms = parseInstant(text.trim());
  if (ms === null) {
    context.addIssue({
      code: "custom",
      message: "must be an ISO 8601 date or time, e.g. 2025-03-01 or 2025-03-01T10:00:00Z",
    });
    return z.NEVER;
  }
  return new Date(ms).toISOString();
});

const filterFields = {
  host: optional(z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,62})$/, "must be a host id (a slug)")),
  container: optional(z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,254}$/, "must be a container name")),
  actor: optional(z.string().trim().min(1).max(200)),
  action: optional(z.enum(historyActions, { error: `must be one of ${historyActions.join(", ")}` })),
  outcome: optional(z.enum(historyOutcomes, { error: `must be one of ${historyOutcomes.join(", ")}` })),
  from: optional(isoInstant),
  to: optional(isoInstant),
  deploys: optional(z.enum(["only"], { error: "must be only (redeploys and rollbacks alone)" })),
  externalRemoves: optional(z.enum(["hide", "show"], { error: "must be hide or show" })),
};

const fromBeforeTo = (query: { from?: string; to?: string }, context: z.RefinementCtx) => {
  if (query.from !== undefined && query.to !== undefined && query.from >= query.to) {
    context.addIssue({ code: "custom", path: ["to"], message: "must be later than from (to is exclusive)" });
  }
};

/** `GET /api/history.csv`: the filters alone; every matching row is exported. */
export const historyFilterQuerySchema = z.object(filterFields).strict().superRefine(fromBeforeTo);
export type HistoryFilterQuery = z.infer<typeof historyFilterQuerySchema>;

/** `GET /api/history`: the filters plus one page's size and where it starts. */
export const historyListQuerySchema = z
  .object({
    ...filterFields,
    limit: optional(z.coerce.number().int().min(1).max(1000)),
    cursor: optional(
      z
        .string()
        .max(200)
        .regex(/^[A-Za-z0-9_-]+$/, "must be the nextCursor of an earlier page"),
    ),
  })
  .strict()
  .superRefine(fromBeforeTo);
export type HistoryListQuery = z.infer<typeof historyListQuerySchema>;

/** `GET /api/history/timeline`: the filters plus how many days the chart spans. */
export const historyTimelineQuerySchema = z
  .object({ ...filterFields, days: optional(z.coerce.number().int().min(1).max(MAX_TIMELINE_DAYS)) })
  .strict()
  .superRefine(fromBeforeTo);
export type HistoryTimelineQuery = z.infer<typeof historyTimelineQuerySchema>;
