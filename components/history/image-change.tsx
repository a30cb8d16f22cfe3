import { ImageVersion } from "@/components/fleet/image-version";
import { shortReference } from "@/lib/history/format-history";
import type { HistoryEntry } from "@/lib/history/types";

const muted = "text-slate-500 dark:text-slate-400";

/**
 * The image a row is about. A redeploy or rollback shows where it went from and to (reference and version;
 * the digests are in the next column); a rolled-back redeploy says what it tried. A reference the row never
 * recorded (a change seen only after it was made, outside Wharf) is said to be unknown, not guessed.
 */
export function ImageChange({ entry }: { entry: HistoryEntry }) {
  if (entry.action !== "redeploy" && entry.action !== "rollback") {
    return (
      <>
        <Reference value={entry.imageRef} />
        <ImageVersion provenance={entry.provenanceAfter ?? entry.provenanceBefore} />
      </>
    );
  }
  return (
    <div className="space-y-0.5">
      <div data-testid="image-from" className="flex items-baseline gap-1">
        <span className={`w-8 shrink-0 font-sans ${muted}`}>from</span>
        {entry.imageRefBefore === null ? (
          <span className={`font-sans italic ${muted}`}>reference not recorded</span>
        ) : (
          <Reference value={entry.imageRefBefore} short />
        )}
        <ImageVersion provenance={entry.provenanceBefore} />
      </div>
      <div data-testid="image-to" className="flex items-baseline gap-1">
        <span className={`w-8 shrink-0 font-sans ${muted}`}>
          {entry.outcome === "rolled-back" ? "tried" : "to"}
        </span>
        <Reference value={entry.imageRef} short />
        <ImageVersion provenance={entry.provenanceAfter} />
      </div>
    </div>
  );
}

function Reference({ value, short = false }: { value: string | null; short?: boolean }) {
  if (value === null) return <span className={muted}>—</span>;
  return (
    <span className="block max-w-56 truncate" title={value}>
      {short ? shortReference(value) : value}
    </span>
  );
}
