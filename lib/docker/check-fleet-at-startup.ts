import "server-only";
import { loadFleet } from "./load-fleet";

/**
 * Reading the fleet file at start-up means a broken file stops the server with a message naming the file,
 * host and field, instead of surfacing later as a failing page.
 */
export function checkFleetAtStartup(): boolean {
  try {
    const hosts = loadFleet();
    console.log(`[wharf] fleet: ${hosts.map((host) => `${host.id} (${host.displayUrl})`).join(", ")}`);
    return true;
  } catch (error) {
    console.error(`[wharf] ${(error as Error).message}`);
    process.exit(1);
  }
}
