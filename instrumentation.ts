/** Runs once when a server process starts; the Node-only work lives in its own modules for the Edge bundle's sake. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkFleetAtStartup } = await import("./lib/docker/check-fleet-at-startup");
  checkFleetAtStartup();
  // Start watching the hosts now, so the first page view already finds the fleet read and incidents recorded.
  const { getLiveFleet } = await import("./lib/fleet/live/get-live-fleet");
  getLiveFleet();
  // A redeploy the last process was killed in the middle of is finished or undone before anything else.
  const { recoverInterruptedDeploys } = await import("./lib/actions/recover-interrupted-deploys");
  void recoverInterruptedDeploys();
}
