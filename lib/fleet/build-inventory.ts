import { shortDigest } from "@/lib/core/image-provenance";
import type { ContainerRow, InventoryRow, InventoryVersion } from "./types";
import { isWharfTransient } from "./wharf-transient";

/** The repository of a reference: `127.0.0.1:5000/shop:v2` and `…/shop@sha256:…` are both `127.0.0.1:5000/shop`. */
export function repositoryOf(ref: string): string {
  return ref.replace(/@.*$/, "").replace(/:[^/:]+$/, "");
}

/**
 * What runs where: one row per compose service or (outside compose) image repository, one cell per host,
 * sorted with drifting rows first. Images are told apart by id: an image pulled from a registry has the same
 * id on every engine, so one that differs is another image, whatever its tag says.
 */
export function buildInventory(rows: ContainerRow[]): InventoryRow[] {
  const byKey = new Map<string, InventoryRow>();
  for (const row of rows) {
    if (isWharfTransient(row.name)) continue;
    const repository = repositoryOf(row.image);
    const kind = row.compose ? "service" : "image";
    const name = row.compose ? `${row.compose.project}/${row.compose.service}` : repository;
    const key = `${kind}:${name}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = { key, kind, name, repository, cells: {}, drift: false };
      byKey.set(key, entry);
    }
    const cell = (entry.cells[row.hostId] ??= []);
    let version = cell.find((v) => v.imageId === row.imageId);
    if (!version) {
      version = toVersion(row);
      cell.push(version);
    }
    version.count++;
    if (row.state === "running") version.running++;
  }
  const result = [...byKey.values()];
  for (const entry of result) {
    const cells = Object.values(entry.cells);
    for (const cell of cells) cell.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    entry.drift = new Set(cells.flat().map((v) => v.imageId)).size > 1;
  }
  return result.sort((a, b) => Number(b.drift) - Number(a.drift) || a.name.localeCompare(b.name));
}

function toVersion(row: ContainerRow): InventoryVersion {
  const p = row.provenance;
  return {
    label: p?.version ?? shortDigest(p?.digest ?? row.imageId),
    imageId: row.imageId,
    version: p?.version ?? null,
    revision: p?.revision ?? null,
    commitUrl: p?.commitUrl ?? null,
    digest: p?.digest ?? null,
    count: 0,
    running: 0,
  };
}
