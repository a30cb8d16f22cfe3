import type { ContainerRow, ContainerState } from "./types";

export type ContainerFilter = {
  hosts?: string[];
  states?: ContainerState[];
  q?: string;
  /** Only the rows the page flags; a row of a host that is down is not current, so never flagged. */
  attention?: boolean;
};

/** Every word of the text must match the name, image, host, compose project/service or id prefix. */
export function filterContainers<T extends ContainerRow>(rows: T[], filter: ContainerFilter): T[] {
  const hosts = filter.hosts && filter.hosts.length > 0 ? new Set(filter.hosts) : null;
  const states = filter.states && filter.states.length > 0 ? new Set(filter.states) : null;
  const words = (filter.q ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    if (hosts && !hosts.has(row.hostId)) return false;
    if (states && !states.has(row.state)) return false;
    if (filter.attention && (row.attention === null || ("stale" in row && row.stale === true))) return false;
    if (words.length === 0) return true;
    const haystack = [row.name, row.image, row.hostId, row.compose?.project ?? "", row.compose?.service ?? ""]
      .join(" ")
      .toLowerCase();
    return words.every((word) => haystack.includes(word) || row.id.startsWith(word));
  });
}
