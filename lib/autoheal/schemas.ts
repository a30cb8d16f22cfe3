import { z } from "zod";
import { hostIdSchema } from "@/lib/fleet/schemas";

const projectSchema = z
  .string()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/, "must be a compose project name");

export const policyBodySchema = z
  .object({
    hostId: hostIdSchema.nullable().default(null),
    project: projectSchema.nullable().default(null),
    graceSeconds: z.number().min(0).max(3600, "must be at most 3600 (an hour)").nullable().default(null),
  })
  .strict()
  .refine((body) => body.hostId !== null || body.project !== null, {
    message: "give a hostId, a project, or both",
    path: ["hostId"],
  });
export type PolicyBody = z.infer<typeof policyBodySchema>;

export const policyParamsSchema = z
  .object({ id: z.coerce.number().int().positive("must be a numeric id") })
  .strict();

export const statusQuerySchema = z
  .object({
    host: hostIdSchema,
    container: z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,254}$/, "must be a container name"),
  })
  .strict();
