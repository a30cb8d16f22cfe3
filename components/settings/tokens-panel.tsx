"use client";
import { useState } from "react";
import { Notice } from "@/components/ui/notice";
import { Spinner } from "@/components/ui/spinner";
import type { CreatedToken } from "@/lib/queries/use-create-token";
import { useTokens } from "@/lib/queries/use-tokens";
import { DataTable } from "./data-table";
import { NewTokenBox } from "./new-token-box";
import { NewTokenForm } from "./new-token-form";
import { SettingsPanel } from "./settings-panel";
import { TokenRow } from "./token-row";

export function TokensPanel() {
  const { data, error, isPending } = useTokens();
  // Only in this component's state: leaving the page forgets the secret, as it should.
  const [created, setCreated] = useState<CreatedToken | null>(null);
  return (
    <SettingsPanel
      title="API tokens"
      description={
        <>
          For scripts and CI: send{" "}
          <code className="font-mono text-xs">Authorization: Bearer &lt;token&gt;</code>. A user token acts as
          the user who made it at most, stops while they are disabled and is revoked when they are deleted; a
          service token names the team or person who owns it and answers to no account.
        </>
      }
    >
      <NewTokenForm onCreated={setCreated} />
      {created && <NewTokenBox created={created} onDone={() => setCreated(null)} />}
      {isPending ? (
        <Spinner label="Loading tokens…" />
      ) : error ? (
        <Notice tone="error" title="Cannot load tokens">
          {error.message}
        </Notice>
      ) : data.tokens.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No API tokens yet.</p>
      ) : (
        <DataTable
          label="API tokens"
          columns={["Name", "Owner", "Role", "Created", "Last used", "Expires", "Status", "Actions"]}
        >
          {data.tokens.map((token) => (
            <TokenRow key={token.id} token={token} />
          ))}
        </DataTable>
      )}
    </SettingsPanel>
  );
}
