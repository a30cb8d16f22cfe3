"use client";
import { useMediaQuery } from "@/components/ui/use-media-query";
import type { OpenIncidents } from "@/lib/incidents/group-open-incidents";
import type { ListedContainer } from "@/lib/fleet/types";
import { ContainerCard } from "./container-card";
import { ContainerRow } from "./container-row";

const SHOWN = 30;

/**
 * The first screen of rows, shown as they are while the table's own code (virtualizer, actions) still loads:
 * the rows paint with the data, not after one more round trip. Same heights as the table's, so nothing moves
 * when it takes over; no actions until then.
 */
export function FirstRows({
  rows,
  openIncidents,
}: {
  rows: ListedContainer[];
  openIncidents: OpenIncidents;
}) {
  const phone = useMediaQuery("(max-width: 767px)");
  const Item = phone ? ContainerCard : ContainerRow;
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className={phone ? "" : "min-w-[68rem]"}>
        {!phone && <div className="h-[33px] border-b border-slate-200 dark:border-slate-800" />}
        {rows.slice(0, SHOWN).map((row) => (
          <Item
            key={`${row.hostId}/${row.id}`}
            row={row}
            incidents={openIncidents.get(`${row.hostId}/${row.name}`)}
            busy={undefined}
            canOperate={false}
            selected={false}
            onSelect={() => {}}
            onRestart={() => {}}
          />
        ))}
      </div>
    </div>
  );
}
