"use client";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/use-toast";
import { describeScope } from "@/lib/core/access-rule";
import { useGrants } from "@/lib/queries/use-grants";
import { useRemoveGrant } from "@/lib/queries/use-remove-grant";
import { DataTable } from "./data-table";
import { GrantForm } from "./grant-form";
import { SettingsPanel } from "./settings-panel";

/** Every grant: a role on the fleet or on a scope, held by a user, a team or an API token. */
export function GrantsPanel() {
  const { data, error, isPending } = useGrants();
  const remove = useRemoveGrant();
  const toast = useToast();
  return (
    <SettingsPanel
      title="Grants"
      description="A role on the whole fleet or on a scope: hosts, compose projects, container-name globs (shop-*) and swarm services; kinds combine with AND, values with OR. A scoped user or token has only its grants; anyone else keeps their role on the fleet as well."
    >
      <GrantForm />
      {isPending ? (
        <Spinner label="Loading grants…" />
      ) : error ? (
        <Notice tone="error" title="Cannot load grants">
          {error.message}
        </Notice>
      ) : data.grants.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">
          No grants yet: every role applies fleet-wide.
        </p>
      ) : (
        <DataTable label="Grants" columns={["Holder", "Role", "On", "Granted by", "Actions"]}>
          {data.grants.map((grant) => (
            <tr key={grant.id} data-testid="grant-row">
              <td className="px-2 py-2">
                {grant.holder.kind} <span className="font-medium">{grant.holder.name}</span>
              </td>
              <td className="px-2 py-2">{grant.role}</td>
              <td className="px-2 py-2">{describeScope(grant.scope)}</td>
              <td className="px-2 py-2">{grant.createdBy}</td>
              <td className="px-2 py-2 text-right">
                <Button
                  size="sm"
                  variant="danger"
                  disabled={remove.isPending}
                  onClick={() =>
                    remove.mutate(grant.id, {
                      onError: (failure) =>
                        toast({
                          tone: "error",
                          outcome: "error",
                          title: "Cannot remove the grant",
                          message: failure.message,
                        }),
                    })
                  }
                >
                  Remove
                </Button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </SettingsPanel>
  );
}
