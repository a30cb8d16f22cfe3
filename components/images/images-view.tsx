"use client";
import Link from "next/link";
import { Can } from "@/components/auth/can";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { Spinner } from "@/components/ui/spinner";
import { formatBytes } from "@/lib/stats/format-usage";
import { useHostImages } from "@/lib/queries/use-host-images";
import { ImageTable } from "./image-table";
import { PruneButton } from "./prune-button";

/** /hosts/{id}/images: every image of one host, who uses it, and (for admins) a prune with its preview. */
export function ImagesView({ hostId }: { hostId: string }) {
  const { data, error, isPending, isFetching, refetch } = useHostImages(hostId);
  const unused = data?.images.filter((image) => image.unused).length ?? 0;
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/" className="text-slate-500 hover:underline dark:text-slate-400">
          ← Fleet
        </Link>
      </p>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">Images on {hostId}</h1>
        {data && (
          <span className="text-sm text-slate-500 dark:text-slate-400" data-testid="images-summary">
            {data.images.length} images · {formatBytes(data.totalSize)} · {unused} unused
          </span>
        )}
        <div className="ml-auto flex gap-2">
          <Button size="sm" disabled={isFetching} onClick={() => refetch()}>
            {isFetching ? "Refreshing…" : "Refresh"}
          </Button>
          <Can role="admin">
            <PruneButton hostId={hostId} />
          </Can>
        </div>
      </header>
      {isPending ? (
        <Spinner label={`Listing the images of ${hostId}…`} />
      ) : error ? (
        <Notice tone="error" title={`Cannot list the images of ${hostId}`}>
          {error.message}
        </Notice>
      ) : (
        <ImageTable images={data.images} />
      )}
    </div>
  );
}
