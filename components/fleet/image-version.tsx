import { shortRevision, type ImageProvenance } from "@/lib/core/image-provenance";

/**
 * An image's version label and short revision, the revision linking to its commit when the image's source is a
 * forge. Nothing when the image says neither. The labels are anyone's text: React escapes them, and only
 * http(s) commit links are ever built (lib/core/image-provenance.ts).
 */
export function ImageVersion({ provenance }: { provenance: ImageProvenance | null }) {
  if (!provenance || (!provenance.version && !provenance.revision)) return null;
  const { version, revision, commitUrl, source, created } = provenance;
  const title = [source && `source: ${source}`, created && `built: ${created}`].filter(Boolean).join("\n");
  return (
    <span className="ml-1 inline-flex gap-1 align-baseline font-mono text-xs" title={title || undefined}>
      {version && (
        <span
          data-testid="image-version"
          className="rounded bg-sky-100 px-1 text-sky-800 dark:bg-sky-950 dark:text-sky-300"
        >
          {version}
        </span>
      )}
      {revision &&
        (commitUrl ? (
          <a
            data-testid="image-revision"
            href={commitUrl}
            target="_blank"
            rel="noopener noreferrer"
            className="text-sky-700 hover:underline dark:text-sky-400"
          >
            @{shortRevision(revision)}
          </a>
        ) : (
          <span data-testid="image-revision" className="text-slate-500">
            @{shortRevision(revision)}
          </span>
        ))}
    </span>
  );
}
