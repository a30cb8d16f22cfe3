import { z } from "zod";
import { hostIdSchema } from "@/lib/fleet/schemas";

export const hostParamsSchema = z.object({ hostId: hostIdSchema }).strict();
export type HostParams = z.infer<typeof hostParamsSchema>;

const imageIdSchema = z.string().regex(/^sha256:[0-9a-f]{64}$/, "must be a full image id (sha256:…)");

/**
 * POST …/images/prune: `dryRun` previews; otherwise `ids` names the images to remove, those of a preview (or a
 * part of them). Only those of them still unused and not kept for a rollback go: never more than was shown.
 */
export const pruneBodySchema = z.discriminatedUnion("dryRun", [
  z.object({ dryRun: z.literal(true) }).strict(),
  z
    .object({
      dryRun: z.literal(false),
      ids: z.array(imageIdSchema).min(1, "must list the previewed images to remove").max(10_000),
    })
    .strict(),
]);
export type PruneBody = z.infer<typeof pruneBodySchema>;
