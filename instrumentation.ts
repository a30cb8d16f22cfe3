/** Runs once when a server process starts; the Node-only work lives in its own modules for the Edge bundle's sake. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `node server.js` (the standalone build, started without scripts/start*.mjs) is checked here.
  const { requireSupportedNode } = await import("./lib/core/node-version.mjs");
  requireSupportedNode();
  // A database that cannot be used stops start-up with one line, before anything reads from it.
  const { openDatabaseAtStartup } = await import("./lib/db/open-database-at-startup");
  await openDatabaseAtStartup();
  const { checkFleetAtStartup } = await import("./lib/docker/check-fleet-at-startup");
  checkFleetAtStartup();
  const { checkSsoAtStartup } = await import("./lib/auth/sso/check-sso-at-startup");
  checkSsoAtStartup();
  // Before anything records: with PostgreSQL this replica asks for the recorder's lease, listens to the others'
  // changes and locks actions across them; with SQLite it is the one server, and the recorder.
  // A replica that ends (even by kill -9) closes its connections, and PostgreSQL frees its lease with them.
  const { startCluster } = await import("./lib/cluster/cluster");
  startCluster();
  // Start reading the hosts first: the rest of start-up (and Next loading the first route) overlaps those reads,
  // and requests wait for this function, so every read begun later is time a first page view waits.
  const { startLiveFleet } = await import("./lib/startup/start-live-fleet");
  startLiveFleet();
  // The console's WebSocket upgrade is served outside Next's routes (scripts/request-guard.mjs finds it here).
  const { registerConsole } = await import("./lib/console/register-console");
  registerConsole();
  // First start: WHARF_ADMIN_PASSWORD creates the admin when no user exists. There is no default password.
  const { bootstrapAtStartup } = await import("./lib/auth/bootstrap-at-startup");
  await bootstrapAtStartup();
  // A redeploy the last process was killed in the middle of is finished or undone before anything else.
  const { recoverInterruptedDeploys } = await import("./lib/actions/recover-interrupted-deploys");
  void recoverInterruptedDeploys();
  // Most of the server's code is compiled by now: kept for the next start even if this one is killed.
  const { flushCompileCache } = await import("./lib/core/compile-cache.mjs");
  flushCompileCache();
}
