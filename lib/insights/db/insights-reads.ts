import "server-only";

/**
 * The columns insights reads, of tables other features own (deploy_history: lib/history; incidents:
 * lib/incidents). Read only: insights writes nothing, and lib/startup/database.ts composes the owners' declarations.
 */
export type DeployFactTable = {
  id: number;
  at: string;
  action: string;
  host_id: string;
  container_name: string;
  project: string | null;
  service: string | null;
  outcome: string | null;
  crashed_after: number | null;
  provenance_after: string | null;
};

export type RestoreFactTable = {
  id: number;
  opened_at: string;
  ended_at: string | null;
  host_id: string;
  container_name: string;
  end_reason: string | null;
};

export type InsightsReads = { deploy_history: DeployFactTable; incidents: RestoreFactTable };

/** The range insights asks about: [from, to), on one host and one compose project if given. */
export type FactsRange = { from: string; to: string; hostId?: string; project?: string };
