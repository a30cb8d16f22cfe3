import "server-only";
import type { Generated } from "kysely";
import { z } from "zod";
import { auditActionSchema } from "../schemas";
import type { AuditEntry } from "../types";

/** audit_log (migration 4): no CHECK on `action`, so a feature can add actions; the code validates them. */
export type AuditLogTable = {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  address: string | null;
  detail: string | null;
};

export const auditColumns = [
  "id",
  "at",
  "actor",
  "action",
  "target",
  "address",
  "detail",
] as const satisfies readonly (keyof AuditLogTable)[];

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
