import { z } from "zod";

export const idParamsSchema = z
  .object({ id: z.coerce.number().int().positive("must be a numeric id") })
  .strict();
export const auditQuerySchema = z
  .object({ limit: z.coerce.number().int().min(1).max(1000).optional() })
  .strict();
