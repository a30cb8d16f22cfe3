"use client";
import Link from "next/link";
import { StateBadge } from "@/components/fleet/state-badge";
import { useTick } from "@/components/fleet/use-tick";
import { Spinner } from "@/components/ui/spinner";
import { pendingOnServer, useHydrated } from "@/components/ui/use-hydrated";
import { formatUtcClock } from "@/lib/core/format-utc";
import { describeAttention } from "@/lib/fleet/needs-attention";
import { useContainers } from "@/lib/queries/use-containers";
import { useHosts } from "@/lib/queries/use-hosts";
import { useLiveStatus } from "@/lib/queries/use-live-status";
import { rankHosts, type WallTile } from "./rank-hosts";

const SHOWN = 6;

/**
 * `/?view=wall`: the fleet for a screen across the room. Hosts as tiles, trouble first, large type, nothing to
 * click. It covers the page's chrome and lives on the event stream, which reconnects by itself after a network
 * cut or a Wharf restart (and then sends a fresh snapshot), so it needs no one to reload it.
 */
export function WallView() {
  // Until the wall has hydrated, it renders what the server did: the stream may have filled the cache already.
  const hydrated = useHydrated();
  const hostsQuery = useHosts();
  const containersQuery = useContainers();
  const hosts = hydrated ? hostsQuery : pendingOnServer;
  const containers = hydrated ? containersQuery : pendingOnServer;
  const status = useLiveStatus();
  const now = useTick();
  const tiles = rankHosts(hosts.data?.hosts ?? [], containers.data?.containers ?? []);
  const problems = tiles.reduce((sum, tile) => sum + tile.flagged.length, 0);
  const down = tiles.filter((tile) => tile.host.status === "down").length;
  // A live stream watching no engine at all is not a live fleet.
  const live = status === "live" && (tiles.length === 0 || down < tiles.length);
  return (
    <div
      data-testid="wall"
      data-live={status}
      className="fixed inset-0 z-40 overflow-auto bg-slate-950 p-4 text-slate-100 sm:p-6"
    >
      <header className="mb-6 flex flex-wrap items-baseline gap-x-6 gap-y-2">
        <h1 className="text-3xl font-semibold">⚓ Fleet</h1>
        <p
          data-testid="wall-summary"
          className={`text-2xl font-semibold ${problems + down > 0 ? "text-red-400" : "text-emerald-400"}`}
        >
          {problems + down === 0
            ? "All clear"
            : [
                down > 0 && `${down} host${down > 1 ? "s" : ""} down`,
                problems > 0 && `${problems} need attention`,
              ]
                .filter(Boolean)
                .join(" · ")}
        </p>
        <p className="ml-auto flex items-center gap-3 text-lg text-slate-400">
          <span
            data-testid="wall-live"
            className={live ? "text-emerald-400" : "animate-pulse text-amber-400"}
          >
            {live
              ? "● live"
              : status === "live"
                ? "○ no engine reachable"
                : status === "ended"
                  ? "○ stream ended"
                  : "○ reconnecting…"}
          </span>
          <time suppressHydrationWarning>{formatUtcClock(new Date(now).toISOString())} UTC</time>
          <Link href="/" className="text-sm underline opacity-60 hover:opacity-100">
            exit wall
          </Link>
        </p>
      </header>
      {hosts.isPending ? (
        <Spinner label="Waiting for the fleet…" />
      ) : (
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {tiles.map((tile) => (
            <Tile key={tile.host.id} tile={tile} />
          ))}
        </ul>
      )}
    </div>
  );
}

function Tile({ tile: { host, flagged } }: { tile: WallTile }) {
  const down = host.status === "down";
  const tone = down
    ? "border-red-500 bg-red-950"
    : flagged.length > 0
      ? "border-red-500/70 bg-red-950/50"
      : "border-emerald-700/60 bg-slate-900";
  return (
    <li
      data-testid="wall-tile"
      data-host={host.id}
      data-status={host.status}
      data-attention={flagged.length}
      className={`rounded-xl border-2 p-5 ${tone}`}
    >
      <div className="flex items-baseline justify-between gap-3">
        <h2 className="min-w-0 text-3xl font-bold [overflow-wrap:anywhere] sm:text-4xl">{host.name}</h2>
        <span className={`text-2xl font-semibold ${down ? "text-red-400" : "text-emerald-400"}`}>
          {down ? "DOWN" : "up"}
        </span>
      </div>
      {down ? (
        <p className="mt-3 break-words text-xl text-red-200">{host.error ?? "unreachable"}</p>
      ) : (
        <>
          <p className="mt-3 text-2xl tabular-nums text-slate-300">
            <strong className="text-5xl text-slate-50">{host.counts.running}</strong> / {host.counts.total}{" "}
            running
            {flagged.length > 0 && (
              <strong data-testid="wall-attention" className="ml-3 text-red-400">
                {flagged.length} ⚠
              </strong>
            )}
          </p>
          <ul className="mt-3 space-y-1.5">
            {flagged.slice(0, SHOWN).map((row) => (
              <li
                key={row.id}
                data-testid="wall-problem"
                data-name={row.name}
                className="flex min-w-0 flex-wrap items-center gap-x-3 text-lg sm:text-xl"
              >
                <StateBadge row={row} />
                <span className="min-w-0 font-semibold [overflow-wrap:anywhere]">{row.name}</span>
                <span className="min-w-0 text-red-300 [overflow-wrap:anywhere]">
                  {describeAttention(row.attention!, row)}
                </span>
              </li>
            ))}
            {flagged.length > SHOWN && (
              <li className="text-lg text-red-300">…and {flagged.length - SHOWN} more</li>
            )}
          </ul>
        </>
      )}
    </li>
  );
}
