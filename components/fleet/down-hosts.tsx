import { Notice } from "@/components/ui/notice";
import { NO_ENGINE_HELP } from "@/lib/fleet/no-engine-help";
import type { HostAvailability, ListedContainer } from "@/lib/fleet/types";

/**
 * The hosts that are down, and what the table shows of them: their last known containers when Wharf saw some
 * (stale rows), nothing otherwise. A host never reached has no last known state to speak of.
 */
export function DownHosts({ hosts, rows }: { hosts: HostAvailability[]; rows: ListedContainer[] }) {
  const stale = new Map<string, number>();
  for (const row of rows) if (row.stale) stale.set(row.hostId, (stale.get(row.hostId) ?? 0) + 1);
  const shown = hosts.filter((host) => stale.has(host.id)).length;
  const title = `${hosts.length} host${hosts.length > 1 ? "s" : ""} down${
    shown === 0
      ? ""
      : shown === hosts.length
        ? `: ${hosts.length > 1 ? "their" : "its"} containers show their last known state`
        : ": the containers of those Wharf saw before show their last known state"
  }`;
  return (
    <Notice tone="warning" title={title}>
      <ul data-testid="down-hosts">
        {hosts.map((host) => (
          <li key={host.id} className="break-words">
            <strong>{host.id}</strong>: {host.error}
          </li>
        ))}
      </ul>
    </Notice>
  );
}

/** Not one engine answers, and none ever did: say what to do, on the page and not only in the server's log. */
export function NoEngine({ hosts }: { hosts: HostAvailability[] }) {
  return (
    <div data-testid="no-engine">
      <Notice tone="warning" title="Wharf cannot reach any Docker engine">
        <ul>
          {hosts.map((host) => (
            <li key={host.id} className="break-words">
              <strong>{host.id}</strong>: {host.error}
            </li>
          ))}
        </ul>
        <p className="mt-2">{NO_ENGINE_HELP}.</p>
      </Notice>
    </div>
  );
}
