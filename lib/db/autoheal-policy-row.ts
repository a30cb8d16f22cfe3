import "server-only";
import { z } from "zod";
import type { AutohealPolicy } from "@/lib/autoheal/types";

export const autohealPolicyColumns = "id, host_id, project, grace_ms, created_by, created_at";

const policyRowSchema = z
  .object({
    id: z.number().int(),
    host_id: z.string().nullable(),
    project: z.string().nullable(),
    grace_ms: z.number().int().nullable(),
    created_by: z.string(),
    created_at: z.string(),
  })
  .strict();

export function toAutohealPolicy(value: unknown): AutohealPolicy {
  const row = policyRowSchema.parse(value);
  return {
    id: row.id,
    hostId: row.host_id,
    project: row.project,
    graceSeconds: row.grace_ms === null ? null : row.grace_ms / 1000,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}
