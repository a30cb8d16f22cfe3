"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import { formatBytes } from "@/lib/stats/format-usage";
import { usePruneImages, usePrunePreview } from "@/lib/queries/use-prune-images";

/**
 * Prune, in two steps: the dry run shows what would go and the space it takes, and confirming removes exactly
 * those images (any of them used again meanwhile stays). Images a rollback needs are never in the list.
 */
export function PruneButton({ hostId }: { hostId: string }) {
  const preview = usePrunePreview(hostId);
  const prune = usePruneImages(hostId);
  const [open, setOpen] = useState(false);
  const going = preview.data?.images ?? [];
  const result = prune.data;
  return (
    <>
      <Button
        size="sm"
        variant="danger"
        data-testid="prune-preview"
        disabled={preview.isPending}
        onClick={() => {
          prune.reset();
          preview.mutate(undefined, { onSuccess: () => setOpen(true) });
        }}
      >
        {preview.isPending ? "Looking…" : "Prune unused images…"}
      </Button>
      {preview.error && <span className="text-sm text-red-700">{preview.error.message}</span>}
      <ConfirmDialog
        open={open}
        title={going.length ? `Remove ${going.length} unused images from ${hostId}?` : "Nothing to prune"}
        confirmLabel={prune.isPending ? "Removing…" : `Remove ${going.length} images`}
        confirmDisabled={going.length === 0 || prune.isPending}
        onCancel={() => setOpen(false)}
        onConfirm={() =>
          prune.mutate(
            going.map((image) => image.id),
            { onSettled: () => setOpen(false) },
          )
        }
      >
        <p className="text-sm" data-testid="prune-bytes">
          {going.length
            ? `Frees up to ${formatBytes(preview.data?.bytes ?? 0)}.`
            : "Every image is in use or kept for a rollback."}
        </p>
        <ul className="mt-2 max-h-64 overflow-y-auto font-mono text-xs" data-testid="prune-list">
          {going.map((image) => (
            <li key={image.id} data-id={image.id}>
              {image.repoTags.length ? image.repoTags.join(", ") : `<none> ${image.id.slice(7, 19)}`} ·{" "}
              {formatBytes(image.size)}
            </li>
          ))}
        </ul>
      </ConfirmDialog>
      {(result || prune.error) && (
        <div className="basis-full" data-testid="prune-result">
          {prune.error ? (
            <Notice tone="error" title="The prune failed">
              {prune.error.message}
            </Notice>
          ) : (
            result && (
              <Notice
                tone="info"
                title={`Removed ${result.images.length} images (${formatBytes(result.bytes)})`}
              >
                {result.skipped.length > 0 &&
                  `Kept: ${result.skipped.map((s) => `${s.repoTags.join(", ") || s.id.slice(7, 19)} (${s.reason})`).join("; ")}`}
              </Notice>
            )
          )}
        </div>
      )}
    </>
  );
}
