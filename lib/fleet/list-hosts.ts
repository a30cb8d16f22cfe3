import "server-only";
import { countStates } from "./count-states";
import { FULL_VIEW, visibleRows, type Visibility } from "./fleet-targets";
import { getLiveFleet } from "./live/get-live-fleet";
import type { HostsResponse } from "./types";

/** The hosts the caller reaches; a scoped caller's counts are of the containers it sees, never the host's all. */
export async function listHosts(view: Visibility = FULL_VIEW): Promise<HostsResponse> {
  const { store } = getLiveFleet();
  await store.ready();
  const hosts = store
    .hostIds()
    .filter(view.reaches)
    .map((id) => {
      const summary = store.summary(id);
      if (view.all || summary.status !== "up") return summary;
      return { ...summary, counts: countStates(visibleRows(store.rows(id), view)) };
    });
  return { hosts };
}
