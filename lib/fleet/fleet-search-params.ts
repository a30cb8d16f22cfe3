import { containerStates, type ContainerState } from "./types";
import { sortKeys, type SortDirection, type SortKey } from "./sort-containers";

export type FleetView = {
  host: string | null;
  state: ContainerState | null;
  q: string;
  sort: SortKey;
  dir: SortDirection;
  /** Only the rows the page flags (`attention` set, host up). */
  attention: boolean;
  /** Rows grouped under their compose project. */
  group: "project" | null;
  /** The wall screen: host tiles only, no chrome. */
  wall: boolean;
};

export const defaultView: FleetView = {
  host: null,
  state: null,
  q: "",
  sort: "state",
  dir: "asc",
  attention: false,
  group: null,
  wall: false,
};

/** Reads the table's filters from the URL; anything unrecognised falls back to the default, never throws. */
export function parseFleetView(params: URLSearchParams): FleetView {
  const state = params.get("state");
  const sort = params.get("sort");
  return {
    host: params.get("host") || null,
    state: state && (containerStates as readonly string[]).includes(state) ? (state as ContainerState) : null,
    q: params.get("q") ?? "",
    sort: sort && (sortKeys as readonly string[]).includes(sort) ? (sort as SortKey) : defaultView.sort,
    dir: params.get("dir") === "desc" ? "desc" : "asc",
    attention: params.get("attention") === "1",
    group: params.get("group") === "project" ? "project" : null,
    wall: params.get("view") === "wall",
  };
}

/** Writes only what differs from the default, so a shared link stays short. */
export function serializeFleetView(view: FleetView): string {
  const params = new URLSearchParams();
  if (view.host) params.set("host", view.host);
  if (view.state) params.set("state", view.state);
  if (view.q) params.set("q", view.q);
  if (view.sort !== defaultView.sort) params.set("sort", view.sort);
  if (view.dir !== defaultView.dir) params.set("dir", view.dir);
  if (view.attention) params.set("attention", "1");
  if (view.group) params.set("group", view.group);
  if (view.wall) params.set("view", "wall");
  return params.toString();
}
