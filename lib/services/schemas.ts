import { z } from "zod";
import { hostIdSchema } from "@/lib/fleet/schemas";

export const swarmQuerySchema = z
  .object({
    host: z
      .string()
      .transform((value) =>
        value
          .split(",")
          .map((part) => part.trim())
          .filter(Boolean),
      )
      .pipe(z.array(hostIdSchema))
      .optional(),
  })
  .strict();
export type SwarmQuery = z.infer<typeof swarmQuerySchema>;

export const serviceParamsSchema = z
  .object({
    hostId: hostIdSchema,
    // Swarm service names: letters, digits, "-", "_" and "." (a stack's services are STACK_NAME); ids are hex.
    name: z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/, "must be a service name or id"),
  })
  .strict();
export type ServiceParams = z.infer<typeof serviceParamsSchema>;

// Checked in full (and against the image rule) by lib/actions/image-rule.ts; this only bounds the text.
const imageRef = z.string().regex(/^[a-z0-9][\w.:\/@-]{0,254}$/i, "must be an image reference");

export const serviceRedeployBodySchema = z
  .object({
    // Another tag or digest to run (an admin may name another repository); absent: the service's own tag.
    image: imageRef.optional(),
    // How long to wait for the update to settle before answering with where it stands.
    timeoutSeconds: z.number().int().min(5).max(1800).default(300),
  })
  .strict();
export type ServiceRedeployBody = z.infer<typeof serviceRedeployBodySchema>;

export const serviceScaleBodySchema = z
  .object({
    replicas: z.number().int().min(0).max(1000),
    timeoutSeconds: z.number().int().min(5).max(1800).default(300),
  })
  .strict();
export const serviceWaitBodySchema = z
  .object({ timeoutSeconds: z.number().int().min(5).max(1800).default(300) })
  .strict();
