"use client";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { Spinner } from "@/components/ui/spinner";
import type { AuditAction } from "@/lib/auth/types";
import { useAudit } from "@/lib/queries/use-audit";
import { DataTable } from "./data-table";
import { SettingsPanel } from "./settings-panel";
import { Moment } from "@/components/ui/moment";

const LIMIT = 200;

// Refused sign-ins stand out: a run of them is someone guessing.
const tones: Partial<Record<AuditAction, BadgeTone>> = {
  "login-failed": "red",
  "login-throttled": "orange",
  "user-deleted": "amber",
  "token-revoked": "amber",
  "env-revealed": "amber",
  "console-opened": "amber",
};

export function AuditPanel() {
  const { data, error, isPending, isFetching, refetch } = useAudit(LIMIT);
  return (
    <SettingsPanel
      title="Audit log"
      description={`Sign-ins, changes to users and tokens, and revealed secrets, newest first (the latest ${LIMIT}).`}
      actions={
        <Button size="sm" disabled={isFetching} onClick={() => refetch()}>
          {isFetching ? "Refreshing…" : "Refresh"}
        </Button>
      }
    >
      {isPending ? (
        <Spinner label="Loading the audit log…" />
      ) : error ? (
        <Notice tone="error" title="Cannot load the audit log">
          {error.message}
        </Notice>
      ) : data.entries.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">Nothing recorded yet.</p>
      ) : (
        <DataTable label="Audit log" columns={["Time", "Actor", "Action", "Target", "Address", "Detail"]}>
          {data.entries.map((entry) => (
            <tr key={entry.id} data-testid="audit-row" data-action={entry.action}>
              <td className="px-2 py-1.5">
                <Moment iso={entry.at} />
              </td>
              <td className="px-2 py-1.5 font-medium">{entry.actor}</td>
              <td data-label="action" className="px-2 py-1.5">
                <Badge tone={tones[entry.action] ?? "gray"}>{entry.action}</Badge>
              </td>
              <td data-label="target" className="px-2 py-1.5">
                {entry.target ?? "—"}
              </td>
              <td data-label="from" className="px-2 py-1.5 font-mono text-xs">
                {entry.address ?? "—"}
              </td>
              <td className="max-w-md break-words px-2 py-1.5 text-slate-600 dark:text-slate-300">
                {entry.detail ?? ""}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </SettingsPanel>
  );
}
