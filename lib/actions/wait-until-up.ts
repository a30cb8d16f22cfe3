import "server-only";
import { containerOps } from "@/lib/docker/container-ops";
import type { Host } from "@/lib/docker/host-config";

const CHECK_EVERY_MS = 200;
// A health check gets as long as its own settings allow before Wharf gives up on it, within reason.
const MAX_HEALTH_WAIT_MS = 120_000;

/**
 * The grace check after a new container starts: it must stay running for `graceMs` and, if it has a health
 * check, become healthy. Resolves with null when it holds, or with the reason it did not.
 */
export async function waitUntilUp(host: Host, id: string, graceMs: number): Promise<string | null> {
  const started = Date.now();
  for (;;) {
    const item = await containerOps.inspect(host, id);
    const state = item.State;
    if (!state.Running || state.Restarting) {
      return `the new container ${state.Restarting ? "is restarting" : "stopped"} (exit code ${state.ExitCode}${state.OOMKilled ? ", OOM-killed" : ""}${state.Error ? `: ${state.Error}` : ""})`;
    }
    const health = state.Health?.Status;
    if (health === "unhealthy")
      return `the new container is unhealthy: ${state.Health?.Log?.at(-1)?.Output.trim() ?? "no output"}`;
    const elapsed = Date.now() - started;
    const healthy = health === undefined || health === "healthy";
    if (healthy && elapsed >= graceMs) return null;
    if (!healthy && elapsed >= Math.max(graceMs, MAX_HEALTH_WAIT_MS))
      return `the new container did not become healthy within ${Math.round(elapsed / 1000)} s`;
    await new Promise((resolve) => setTimeout(resolve, CHECK_EVERY_MS));
  }
}
