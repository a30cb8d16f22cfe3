import "server-only";
import type { Host } from "@/lib/docker/host-config";
import { inspectImage } from "@/lib/docker/inspect-image";
import { withDeadline } from "@/lib/docker/with-deadline";
import { provenanceOf, type ImageProvenance } from "@/lib/core/image-provenance";

// Image ids are content hashes: what an id's labels say never changes, so an entry never goes stale. The bound
// only keeps a host that churns through thousands of images from growing the map without end.
const MAX_IMAGES = 2_000;

/**
 * One host's image provenance, read once per image id (one `docker image inspect`), never per row or request.
 * An image that could not be read (a slow engine, an image removed meanwhile) is asked again by the next row.
 */
export class ProvenanceCache {
  private readonly known = new Map<string, ImageProvenance>();
  private readonly reading = new Map<string, Promise<ImageProvenance | null>>();

  constructor(private readonly host: Host) {}

  /** The provenance if read; undefined when not yet (then `load` it). */
  get(imageId: string): ImageProvenance | undefined {
    return this.known.get(imageId);
  }

  /** Reads the image once however many rows ask at once; `onLoaded` runs only for the first asker. */
  load(imageId: string, ref: string, onLoaded: (provenance: ImageProvenance) => void): void {
    if (this.known.has(imageId) || this.reading.has(imageId)) return;
    void this.read(imageId, ref).then((provenance) => provenance && onLoaded(provenance));
  }

  /** Reads every image (id → reference) not known yet, at once; settles when each has answered or failed. */
  async preload(images: Map<string, string>): Promise<void> {
    const unknown = [...images].filter(([imageId]) => !this.known.has(imageId));
    await Promise.all(unknown.map(([imageId, ref]) => this.read(imageId, ref)));
  }

  private read(imageId: string, ref: string): Promise<ImageProvenance | null> {
    let reading = this.reading.get(imageId);
    if (!reading) {
      reading = withDeadline((signal) => inspectImage(this.host, imageId, signal), this.host.timeoutMs)
        .then((image) => {
          const provenance = provenanceOf(image, ref);
          if (this.known.size >= MAX_IMAGES) this.known.delete(this.known.keys().next().value!);
          this.known.set(imageId, provenance);
          return provenance;
        })
        .catch(() => null)
        .finally(() => this.reading.delete(imageId));
      this.reading.set(imageId, reading);
    }
    return reading;
  }
}
