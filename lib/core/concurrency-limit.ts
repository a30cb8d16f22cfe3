import { WharfError } from "./errors";

type Table = { total: number; byKey: Map<string, number> };

/**
 * At most `perKey` runs at once for one caller and `total` in all, the next refused at once with a 429 rather
 * than queued: a queue would hold the very memory and engine time the bound is for, and the caller can ask
 * again. The counts live on globalThis under `name`: Next can load a module twice in one process.
 */
export class ConcurrencyLimit {
  private readonly table: Table;

  constructor(
    name: string,
    private readonly limits: { perKey: number; total: number; what: string },
  ) {
    const holder = globalThis as { [key: symbol]: Table | undefined };
    this.table = holder[Symbol.for(`wharf.limit.${name}`)] ??= { total: 0, byKey: new Map() };
  }

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const { perKey, total, what } = this.limits;
    const mine = this.table.byKey.get(key) ?? 0;
    if (mine >= perKey)
      throw new WharfError(
        "RATE_LIMITED",
        `${what}: ${perKey} of yours are running already; ask again when one ends`,
      );
    if (this.table.total >= total)
      throw new WharfError("RATE_LIMITED", `${what}: ${total} are running already; ask again in a moment`);
    this.table.byKey.set(key, mine + 1);
    this.table.total += 1;
    try {
      return await work();
    } finally {
      this.table.total -= 1;
      const left = (this.table.byKey.get(key) ?? 1) - 1;
      if (left === 0) this.table.byKey.delete(key);
      else this.table.byKey.set(key, left);
    }
  }

  running(key?: string): number {
    return key === undefined ? this.table.total : (this.table.byKey.get(key) ?? 0);
  }
}
