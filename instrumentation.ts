/** Runs once when a server process starts; the Node-only work lives in its own modules for the Edge bundle's sake. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A database that cannot be used stops start-up with one line, before anything reads from it.
  const { openDatabaseAtStartup } = await import("./lib/db/open-database-at-startup");
  const database = await openDatabaseAtStartup();
  const { checkFleetAtStartup } = await import("./lib/docker/check-fleet-at-startup");
  checkFleetAtStartup();
  // First start: WHARF_ADMIN_PASSWORD creates the admin when no user exists. There is no default password.
  const bootstrapAdmin = () => import("./lib/auth/bootstrap-at-startup").then((m) => m.bootstrapAtStartup());
  if (database === "postgres") {
    await bootstrapAdmin();
    // History, incidents and alerts still live on the synchronous SQLite layer (issue 24): the live wiring would
    // fail on every event, and their routes answer 503 until those features are converted.
    console.log(
      "[wharf] PostgreSQL: only sign-in (users, sessions, API tokens, the audit log) and auto-heal policies are stored there so far; the rest answers 503",
    );
    return;
  }
  // Start reading the hosts first: the rest of start-up (and Next loading the first route) overlaps those reads,
  // and requests wait for this function, so every read begun later is time a first page view waits.
  const { startLiveFleet } = await import("./lib/live/start-live-fleet");
  startLiveFleet();
  // The console's WebSocket upgrade is served outside Next's routes (scripts/request-guard.mjs finds it here).
  const { registerConsole } = await import("./lib/console/register-console");
  registerConsole();
  await bootstrapAdmin();
  // A redeploy the last process was killed in the middle of is finished or undone before anything else.
  const { recoverInterruptedDeploys } = await import("./lib/actions/recover-interrupted-deploys");
  void recoverInterruptedDeploys();
}
