import { z } from "zod";
import { incidentTargets } from "@/lib/fleet/incident-types";

export const incidentsQuerySchema = z
  .object({
    open: z.enum(["0", "1"]).optional(),
    target: z.enum(incidentTargets).optional(),
    host: z
      .string()
      .regex(/^[a-z0-9](?:[a-z0-9-]{0,62})$/, "must be a host id (a slug)")
      .optional(),
    container: z
      .string()
      .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,254}$/, "must be a container or service name")
      .optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
  })
  .strict();
export type IncidentsQuery = z.infer<typeof incidentsQuerySchema>;

export const incidentParamsSchema = z
  .object({ id: z.coerce.number().int().positive("must be an incident id") })
  .strict();
