import { Badge } from "@/components/ui/badge";
import { Moment } from "@/components/ui/moment";
import type { ImageRow } from "@/lib/images/types";
import { formatBytes } from "@/lib/stats/format-usage";

const head = "px-2 py-2 font-medium";
const cell = "px-2 py-2 align-top";

/** The images as `docker image ls` lists them, with the containers using each (`docker ps -a`). */
export function ImageTable({ images }: { images: ImageRow[] }) {
  if (images.length === 0) return <p className="text-sm text-slate-500">No images on this host.</p>;
  return (
    <div className="overflow-x-auto">
      <table aria-label="Images" className="cards-on-phone w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
          <tr>
            {["Repository:tag", "Id", "Version", "Size", "Created", "Used by"].map((column) => (
              <th key={column} scope="col" className={head}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {images.map((image) => (
            <tr key={image.id} data-testid="image-row" data-id={image.id}>
              <td className={`${cell} break-all font-mono text-xs`}>
                {image.repoTags.length ? image.repoTags.join(", ") : "<none>"}
                <div className="mt-1 flex flex-wrap gap-1">
                  {image.dangling && <Badge tone="amber">dangling</Badge>}
                  {image.unused && <Badge tone="gray">unused</Badge>}
                  {image.rollbackFor.length > 0 && (
                    <Badge tone="blue">kept for the rollback of {image.rollbackFor.join(", ")}</Badge>
                  )}
                </div>
              </td>
              <td className={`${cell} font-mono text-xs`} title={image.id}>
                {image.id.slice(7, 19)}
              </td>
              <td className={cell}>{image.version ?? "—"}</td>
              <td className={`${cell} whitespace-nowrap`}>{formatBytes(image.size)}</td>
              <td className={`${cell} whitespace-nowrap`}>
                <Moment iso={image.created} ago />
              </td>
              <td className={cell}>
                {image.containers.length === 0
                  ? "—"
                  : image.containers.map((c) => `${c.name} (${c.state})`).join(", ")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
