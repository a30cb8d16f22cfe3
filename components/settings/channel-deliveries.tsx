"use client";
import { Badge } from "@/components/ui/badge";
import { Spinner } from "@/components/ui/spinner";
import { useChannelDeliveries } from "@/lib/queries/use-channel-deliveries";
import { Moment } from "@/components/ui/moment";

/** The channel's recent tries: when, which event, and the receiver's answer or the error. */
export function ChannelDeliveries({ channelId }: { channelId: number }) {
  const { data, error, isPending } = useChannelDeliveries(channelId, true);
  if (isPending) return <Spinner label="Loading deliveries…" />;
  if (error) return <p className="text-sm text-red-700 dark:text-red-400">{error.message}</p>;
  if (data.deliveries.length === 0)
    return <p className="text-sm text-slate-500 dark:text-slate-400">Nothing sent yet.</p>;
  return (
    <ul aria-label="Recent deliveries" className="space-y-1 text-sm">
      {data.deliveries.map((d) => (
        <li key={d.id} data-testid="delivery" className="flex flex-wrap items-center gap-2">
          <Moment iso={d.at} />
          <code className="font-mono text-xs">{d.event}</code>
          <Badge tone={d.ok ? "green" : "red"}>{d.ok ? "delivered" : "failed"}</Badge>
          {d.status !== null && <span className="tabular-nums">HTTP {d.status}</span>}
          {d.try > 1 && <span className="text-slate-500 dark:text-slate-400">try {d.try}</span>}
          {d.error && <span className="text-red-700 dark:text-red-400">{d.error}</span>}
        </li>
      ))}
    </ul>
  );
}
