"use client";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/use-toast";
import type { ChannelInfo } from "@/lib/alerts/types";
import { useDeleteChannel } from "@/lib/queries/use-delete-channel";
import { useTestChannel } from "@/lib/queries/use-test-channel";
import { useUpdateChannel } from "@/lib/queries/use-update-channel";
import { ChannelDeliveries } from "./channel-deliveries";

function target(channel: ChannelInfo): string {
  const s = channel.settings;
  if (channel.kind === "email")
    return `${String(s.host)}:${String(s.port)} → ${(s.to as string[]).join(", ")}`;
  return String(s.url);
}

function filters(channel: ChannelInfo): string {
  const r = channel.rules;
  const parts = [
    r.hostIds.length > 0 ? `hosts ${r.hostIds.join(", ")}` : null,
    r.composeProject ? `project ${r.composeProject}` : null,
    r.containerGlob ? `name ${r.containerGlob}` : null,
    r.label ? `label ${r.label}` : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(" · ") : "everywhere";
}

export function ChannelCard({ channel }: { channel: ChannelInfo }) {
  const update = useUpdateChannel();
  const remove = useDeleteChannel();
  const test = useTestChannel();
  const toast = useToast();
  const [showLog, setShowLog] = useState(false);
  const [asking, setAsking] = useState(false);
  const fail = (title: string) => (error: Error) =>
    toast({ tone: "error", outcome: "error", title, message: error.message });
  return (
    <li
      data-testid="channel"
      data-name={channel.name}
      className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-800"
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{channel.name}</span>
        <Badge tone="blue">{channel.kind}</Badge>
        <Badge tone={channel.enabled ? "green" : "gray"}>{channel.enabled ? "on" : "off"}</Badge>
        <code className="font-mono text-xs text-slate-600 dark:text-slate-300">{target(channel)}</code>
        <span className="ml-auto flex gap-2">
          <Button
            size="sm"
            disabled={test.isPending}
            onClick={() =>
              test.mutate(channel.id, {
                onSuccess: () =>
                  toast({ tone: "success", outcome: "succeeded", title: `Test sent to "${channel.name}"` }),
                onError: fail(`Test to "${channel.name}" failed`),
              })
            }
          >
            Send test
          </Button>
          <Button
            size="sm"
            disabled={update.isPending}
            onClick={() =>
              update.mutate(
                { id: channel.id, patch: { enabled: !channel.enabled } },
                { onError: fail(`Cannot change "${channel.name}"`) },
              )
            }
          >
            {channel.enabled ? "Turn off" : "Turn on"}
          </Button>
          <Button size="sm" onClick={() => setShowLog((v) => !v)} aria-expanded={showLog}>
            Deliveries
          </Button>
          <Button size="sm" variant="danger" disabled={remove.isPending} onClick={() => setAsking(true)}>
            Delete
          </Button>
        </span>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-300">
        {channel.rules.events.join(", ")} — {filters(channel)}
      </p>
      {showLog && <ChannelDeliveries channelId={channel.id} />}
      <ConfirmDialog
        open={asking}
        title={`Delete the channel "${channel.name}"?`}
        confirmLabel="Delete"
        onConfirm={() => {
          setAsking(false);
          remove.mutate(channel.id, { onError: fail(`Cannot delete "${channel.name}"`) });
        }}
        onCancel={() => setAsking(false)}
      >
        <p>Messages not yet delivered to it are dropped, with its delivery log.</p>
      </ConfirmDialog>
    </li>
  );
}
