import "server-only";

/**
 * The columns of `incidents` (lib/incidents owns the table) that history reads to show a deploy's incidents.
 * Read only: history never writes them, and lib/startup/database.ts composes the owner's declaration, not this one.
 */
export type LinkedIncidentTable = {
  id: number;
  target: string;
  host_id: string;
  container_name: string;
  opened_at: string;
};

export type IncidentReads = { incidents: LinkedIncidentTable };
