import "server-only";
import type { Incident, IncidentFilter } from "@/lib/incidents/types";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";
import { incidentColumns, toIncident } from "./incident-row";

export const DEFAULT_INCIDENT_LIMIT = 200;
export const MAX_INCIDENT_LIMIT = 1000;

/** Newest first; `open` true keeps only open incidents, false only ended ones, absent keeps both. */
export function listIncidents(db: Db, filter: IncidentFilter = {}): Incident[] {
  const conditions: string[] = [];
  const values: unknown[] = [];
  if (filter.open === true) conditions.push("ended_at IS NULL");
  if (filter.open === false) conditions.push("ended_at IS NOT NULL");
  if (filter.target !== undefined) {
    conditions.push("target = ?");
    values.push(filter.target);
  }
  if (filter.hostId !== undefined) {
    conditions.push("host_id = ?");
    values.push(filter.hostId);
  }
  if (filter.containerName !== undefined) {
    conditions.push("container_name = ?");
    values.push(filter.containerName);
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "";

  const rows = cachedStatement(
    db,
    `SELECT ${incidentColumns} FROM incidents ${where} ORDER BY opened_at DESC, id DESC LIMIT ?`,
  ).all(...values, clampLimit(filter.limit));
  return rows.map(toIncident);
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_INCIDENT_LIMIT;
  return Math.min(Math.max(Math.trunc(limit), 1), MAX_INCIDENT_LIMIT);
}
