"use client";
import { usePathname } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import { isLoginPath } from "@/lib/auth/login-redirect";
import { useFleetEvents, type LiveStatus } from "@/lib/queries/use-fleet-events";
import { LiveStatusContext, useLiveStatus } from "@/lib/queries/use-live-status";
import { useNoEngineReached } from "@/lib/queries/use-no-engine-reached";

/**
 * Opens the one event stream of the page and shares its state with whoever shows it. Not on the sign-in page:
 * the server refuses the stream to nobody, and EventSource would keep asking. The stream is a sibling of the
 * page, so signing in or out never remounts the page itself.
 */
export function LiveFleetProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const signingIn = isLoginPath(usePathname());
  return (
    <LiveStatusContext.Provider value={status}>
      {!signingIn && <FleetStream onStatus={setStatus} />}
      {children}
    </LiveStatusContext.Provider>
  );
}

function FleetStream({ onStatus }: { onStatus: (status: LiveStatus) => void }) {
  const status = useFleetEvents();
  useEffect(() => onStatus(status), [status, onStatus]);
  return null;
}

const looks: Record<LiveStatus, { dot: string; label: string }> = {
  live: { dot: "bg-emerald-500", label: "live" },
  connecting: { dot: "bg-slate-400 animate-pulse", label: "connecting…" },
  reconnecting: { dot: "bg-amber-500 animate-pulse", label: "reconnecting…" },
  ended: { dot: "bg-slate-400", label: "stream ended" },
};

// Live, but every host is down: the stream delivers, and there is nothing it watches. Not green.
const watchingNothing = { dot: "bg-amber-500", label: "no engine reachable" };

export function LiveIndicator() {
  const status = useLiveStatus();
  const noEngine = useNoEngineReached();
  const look = status === "live" && noEngine ? watchingNothing : looks[status];
  return (
    <span
      data-testid="live-status"
      data-status={status}
      data-engines={noEngine ? "none" : "some"}
      className="ml-auto flex items-center gap-2 text-xs text-slate-500 dark:text-slate-400"
    >
      <span className={`h-2 w-2 rounded-full ${look.dot}`} aria-hidden />
      {look.label}
    </span>
  );
}
