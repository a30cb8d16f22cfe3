import "server-only";
import type { FleetStore } from "@/lib/fleet/live/fleet-store";
import { NO_ENGINE_HELP } from "@/lib/fleet/no-engine-help";

/**
 * Once, when the first read of every host is over: if not one engine answered, the console says which it tried
 * and what to do. A first start on a machine without Docker otherwise only shows an empty page.
 */
export async function sayWhenNoEngine(
  store: FleetStore,
  log: (line: string) => void = console.warn,
): Promise<void> {
  await store.ready();
  const ids = store.hostIds();
  if (ids.length === 0 || ids.some((id) => store.status(id) === "up")) return;
  const tried = ids.map((id) => {
    const host = store.summary(id);
    return `${host.id} (${host.url}): ${host.error ?? "unreachable"}`;
  });
  log(`[wharf] no Docker engine answers: ${tried.join("; ")}. ${NO_ENGINE_HELP}.`);
}
