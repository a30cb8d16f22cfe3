"use client";
import { Notice } from "@/components/ui/notice";
import { Spinner } from "@/components/ui/spinner";
import { useChannels } from "@/lib/queries/use-channels";
import { ChannelCard } from "./channel-card";
import { NewChannelForm } from "./new-channel-form";
import { SettingsPanel } from "./settings-panel";

/** Where alerts go: webhooks (signed), Slack or Mattermost, email; with each channel's recent deliveries. */
export function AlertsPanel() {
  const { data, error, isPending } = useChannels();
  return (
    <SettingsPanel
      title="Alerts"
      description="Wharf tells these channels when a container crashes, a deploy fails, a host goes down or auto-heal acts — once per incident, with one update at most. URLs, secrets and passwords are write-only."
    >
      <NewChannelForm />
      {isPending ? (
        <Spinner label="Loading channels…" />
      ) : error ? (
        <Notice tone="error" title="Cannot load alert channels">
          {error.message}
        </Notice>
      ) : data.channels.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">
          No channels yet: nobody is told anything.
        </p>
      ) : (
        <ul aria-label="Alert channels" className="space-y-2">
          {data.channels.map((channel) => (
            <ChannelCard key={channel.id} channel={channel} />
          ))}
        </ul>
      )}
    </SettingsPanel>
  );
}
