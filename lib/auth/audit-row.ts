import "server-only";
import { z } from "zod";
import { auditActionSchema } from "./schemas";
import type { AuditEntry } from "./types";

export const auditColumns = "id, at, actor, action, target, address, detail";

const auditRowSchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    action: auditActionSchema,
    target: z.string().nullable(),
    address: z.string().nullable(),
    detail: z.string().nullable(),
  })
  .strict();

export function toAuditEntry(value: unknown): AuditEntry {
  return auditRowSchema.parse(value);
}
