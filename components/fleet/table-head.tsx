import type { SortDirection, SortKey } from "@/lib/fleet/sort-containers";
import { rowGrid } from "./container-row";

const columns: { key: SortKey; label: string; className?: string }[] = [
  { key: "host", label: "Host" },
  { key: "name", label: "Name" },
  { key: "project", label: "Project / service" },
  { key: "image", label: "Image" },
  { key: "state", label: "State" },
  { key: "exitCode", label: "Exit", className: "text-right" },
  { key: "oom", label: "OOM" },
  { key: "restartCount", label: "Restarts", className: "text-right" },
  { key: "age", label: "Age" },
];

export function TableHead({
  sort,
  dir,
  onSort,
  selectAll,
}: {
  sort: SortKey;
  dir: SortDirection;
  onSort: (key: SortKey) => void;
  /** The select-all checkbox, for operators. */
  selectAll: { all: boolean; some: boolean; toggle: () => void } | null;
}) {
  return (
    <div
      role="row"
      className={`${rowGrid} items-center border-b border-slate-200 py-2 text-xs font-medium uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400`}
    >
      <div role="columnheader" className="flex items-center">
        {selectAll && (
          <input
            type="checkbox"
            aria-label="Select all shown containers"
            checked={selectAll.all}
            // "Some selected" is a third state browsers only take as a property.
            ref={(box) => {
              if (box) box.indeterminate = selectAll.some;
            }}
            onChange={selectAll.toggle}
            className="h-4 w-4 accent-sky-700"
          />
        )}
      </div>
      {columns.map((column) => (
        <div
          role="columnheader"
          key={column.key}
          className={column.className}
          aria-sort={sort === column.key ? (dir === "asc" ? "ascending" : "descending") : "none"}
        >
          <button
            type="button"
            className="uppercase hover:text-slate-900 dark:hover:text-white"
            onClick={() => onSort(column.key)}
          >
            {column.label}
            {sort === column.key ? (dir === "asc" ? " ▲" : " ▼") : ""}
          </button>
        </div>
      ))}
      <div role="columnheader">
        <span className="sr-only">Actions</span>
      </div>
    </div>
  );
}
