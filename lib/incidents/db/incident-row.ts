import "server-only";
import type { Kysely } from "kysely";
import { z } from "zod";
import { WharfError } from "@/lib/core/errors";
import { incidentDeployColumn } from "@/lib/db/deploy-incident-link";
import { dialectOf } from "@/lib/db/dialect";
import { endReasons, incidentKinds, incidentTargets, type Incident } from "@/lib/fleet/incident-types";
import { incidentColumns, type IncidentTables } from "./incident-table";

export const MAX_LOG_TAIL_LINES = 50;

/** What every read of an incident selects (or returns): its columns, and the deploy it followed (history's). */
export function incidentSelection(db: Kysely<IncidentTables>) {
  return [...incidentColumns, incidentDeployColumn(dialectOf(db)).as("deploy")] as const;
}

const incidentRowSchema = z
  .object({
    id: z.number().int(),
    host_id: z.string(),
    container_name: z.string(),
    container_id: z.string(),
    image: z.string(),
    kind: z.enum(incidentKinds),
    exit_code: z.number().int().nullable(),
    opened_at: z.string(),
    last_at: z.string(),
    ended_at: z.string().nullable(),
    count: z.number().int(),
    log_tail: z.string(),
    health_output: z.string().nullable(),
    acknowledged_by: z.string().nullable(),
    acknowledged_at: z.string().nullable(),
    oom: z.number().int(),
    last_stderr: z.string().nullable(),
    log_read_at: z.string().nullable(),
    notes: z.string(),
    end_reason: z.enum(endReasons).nullable(),
    target: z.enum(incidentTargets),
    task_id: z.string().nullable(),
    node_id: z.string().nullable(),
    error: z.string().nullable(),
    deploy: z.string().nullable(),
  })
  .strict();

const logTailSchema = z.array(z.string());
const notesSchema = z.array(z.object({ at: z.string(), text: z.string() }).strict());
const deploySchema = z
  .object({
    historyId: z.number().int(),
    at: z.string(),
    actor: z.string(),
    source: z.string(),
    action: z.enum(["redeploy", "rollback"]),
    imageRefBefore: z.string().nullable(),
    imageRef: z.string().nullable(),
    digestBefore: z.string().nullable(),
    digestAfter: z.string().nullable(),
    versionBefore: z.string().nullable(),
    versionAfter: z.string().nullable(),
    // SQLite's json_object writes SQL's truth value as 0 or 1; PostgreSQL's as true or false.
    latest: z
      .union([z.literal(0), z.literal(1), z.boolean()])
      .transform((value) => value === 1 || value === true),
  })
  .strict();

/** The row as the database hands it back, checked rather than trusted (JSON text, 0/1 flags). */
export function toIncident(value: unknown): Incident {
  const row = incidentRowSchema.parse(value);
  return {
    id: row.id,
    target: row.target,
    hostId: row.host_id,
    containerName: row.container_name,
    containerId: row.container_id,
    image: row.image,
    kind: row.kind,
    exitCode: row.exit_code,
    openedAt: row.opened_at,
    lastAt: row.last_at,
    endedAt: row.ended_at,
    endReason: row.end_reason,
    count: row.count,
    logTail: logTailSchema.parse(JSON.parse(row.log_tail)),
    healthOutput: row.health_output,
    acknowledgedBy: row.acknowledged_by,
    acknowledgedAt: row.acknowledged_at,
    oom: row.oom === 1,
    lastStderr: row.last_stderr,
    logReadAt: row.log_read_at,
    taskId: row.task_id,
    nodeId: row.node_id,
    error: row.error,
    notes: notesSchema.parse(JSON.parse(row.notes)),
    deploy: row.deploy === null ? null : deploySchema.parse(JSON.parse(row.deploy)),
  };
}

/** Keeps the last lines, the ones nearest the crash, so a chatty container cannot bloat the table. */
export function toLogTailJson(lines: readonly string[]): string {
  return JSON.stringify(lines.slice(-MAX_LOG_TAIL_LINES));
}

export function incidentNotFound(id: number): WharfError {
  return new WharfError("NOT_FOUND", `Incident ${id} not found`);
}
