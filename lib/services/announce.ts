import "server-only";
import { getLiveFleet } from "@/lib/fleet/live/get-live-fleet";

/** Tells live clients that a manager's services changed, so open services pages read them again. */
export function announceServices(hostId: string, name: string | null): void {
  getLiveFleet().store.publish({ type: "service", hostId, name });
}
