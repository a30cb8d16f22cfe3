import { ImageVersion } from "@/components/fleet/image-version";
import type { ImageProvenance } from "@/lib/core/image-provenance";
import { formatOffset, formatUtc } from "@/lib/history/format-history";
import type { ConfigChange, HistoryEntry } from "@/lib/history/types";

const label = "text-xs font-semibold uppercase text-slate-500 dark:text-slate-400";

/** An opened history row: the whole error, the steps with their times, the images and the configuration diff. */
export function HistoryRowDetail({ entry }: { entry: HistoryEntry }) {
  return (
    <div data-testid="history-row-detail" className="grid gap-4 text-sm md:grid-cols-2">
      {entry.error && (
        <div className="md:col-span-2">
          <h3 className={label}>Error</h3>
          <pre
            data-testid="history-error"
            className="whitespace-pre-wrap break-words text-red-700 dark:text-red-400"
          >
            {entry.error}
          </pre>
        </div>
      )}
      <div>
        <h3 className={label}>Steps</h3>
        {entry.steps.length === 0 ? (
          <p className="text-slate-500">
            Not recorded (a change made outside Wharf, or a row from before steps were kept).
          </p>
        ) : (
          <ol data-testid="history-steps" className="space-y-0.5 font-mono text-xs">
            {entry.steps.map((step, i) => (
              <li key={i}>
                <time
                  dateTime={step.at}
                  title={formatUtc(step.at)}
                  className="inline-block w-20 text-slate-500"
                >
                  {formatOffset(entry.at, step.at)}
                </time>
                {step.phase}
              </li>
            ))}
          </ol>
        )}
      </div>
      <div className="space-y-1">
        <h3 className={label}>Images</h3>
        <ImageLine
          title="before"
          digest={entry.digestBefore}
          imageId={entry.imageIdBefore}
          provenance={entry.provenanceBefore}
        />
        <ImageLine
          title={entry.outcome === "rolled-back" ? "tried" : "after"}
          digest={entry.digestAfter}
          imageId={entry.outcome === "rolled-back" ? null : entry.imageIdAfter}
          provenance={entry.provenanceAfter}
        />
        {entry.outcome === "rolled-back" && (
          <p data-testid="history-stayed" className="text-xs">
            stayed on {entry.digestBefore ?? entry.imageIdBefore ?? "the image before"}
          </p>
        )}
        {entry.project && (
          <p className="text-xs text-slate-500">
            compose {entry.project} / {entry.service}
          </p>
        )}
      </div>
      <div className="md:col-span-2">
        <h3 className={label}>Configuration changes</h3>
        <ConfigDiff changes={entry.configDiff} />
      </div>
    </div>
  );
}

function ImageLine(props: {
  title: string;
  digest: string | null;
  imageId: string | null;
  provenance: ImageProvenance | null;
}) {
  if (!props.digest && !props.imageId && !props.provenance) return null;
  return (
    <p className="break-all font-mono text-xs">
      <span className="text-slate-500">{props.title}: </span>
      {props.digest ?? props.imageId}
      <ImageVersion provenance={props.provenance} />
    </p>
  );
}

function ConfigDiff({ changes }: { changes: ConfigChange[] }) {
  if (changes.length === 0) return <p className="text-slate-500">None recorded.</p>;
  return (
    <ul data-testid="history-config-diff" className="space-y-0.5 font-mono text-xs">
      {changes.map((change) => (
        <li key={change.field}>
          <span className="font-semibold">{change.field}</span>{" "}
          {"added" in change
            ? [
                change.added.length > 0 && `added ${change.added.join(", ")}`,
                change.removed.length > 0 && `removed ${change.removed.join(", ")}`,
                change.changed.length > 0 && `changed ${change.changed.join(", ")}`,
              ]
                .filter(Boolean)
                .join("; ")
            : `${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}`}
        </li>
      ))}
    </ul>
  );
}
