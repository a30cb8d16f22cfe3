import { shortRevision } from "@/lib/core/image-provenance";
import type { InventoryVersion } from "@/lib/fleet/types";

/** One host's versions of a row: label, revision (linked to its commit when known) and the container count. */
export function InventoryCell({ versions }: { versions: InventoryVersion[] }) {
  if (versions.length === 0) return <span className="text-slate-400">—</span>;
  return (
    <ul className="space-y-0.5">
      {versions.map((v) => (
        <li
          key={v.imageId}
          data-testid="inventory-version"
          data-image-id={v.imageId}
          className="font-mono text-xs"
          title={v.imageId}
        >
          <span data-testid="inventory-label">{v.label}</span>
          {v.revision &&
            (v.commitUrl ? (
              <a
                href={v.commitUrl}
                target="_blank"
                rel="noopener noreferrer"
                className="ml-1 text-sky-700 hover:underline dark:text-sky-400"
              >
                @{shortRevision(v.revision)}
              </a>
            ) : (
              <span className="ml-1 text-slate-500">@{shortRevision(v.revision)}</span>
            ))}
          <span data-testid="inventory-count" className="ml-1 text-slate-500" title={`${v.running} running`}>
            ×{v.count}
          </span>
        </li>
      ))}
    </ul>
  );
}
