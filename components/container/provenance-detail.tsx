import { ImageVersion } from "@/components/fleet/image-version";
import type { ImageProvenance } from "@/lib/core/image-provenance";

/** The container page's line on its image: version and revision, where it was built from, and when. */
export function ProvenanceDetail({ provenance: p }: { provenance: ImageProvenance | null }) {
  if (!p || (!p.version && !p.revision && !p.source && !p.created))
    return <span className="text-slate-500">the image has no OCI labels</span>;
  return (
    <span data-testid="container-provenance">
      <ImageVersion provenance={p} />
      {p.source && <span className="ml-2 text-slate-500">from {p.source}</span>}
      {p.created && <span className="ml-2 text-slate-500">built {p.created}</span>}
    </span>
  );
}
