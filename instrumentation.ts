/** Runs once when a server process starts; the Node-only work lives in its own module for the Edge bundle's sake. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkFleetAtStartup } = await import("./lib/docker/check-fleet-at-startup");
  checkFleetAtStartup();
}
