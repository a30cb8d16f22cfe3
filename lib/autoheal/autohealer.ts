import "server-only";
import { actionRunningOn } from "@/lib/actions/container-lock";
import type { FleetChange } from "@/lib/fleet/live/change-feed";
import type { FleetStore } from "@/lib/fleet/live/fleet-store";
import type { ContainerRow } from "@/lib/fleet/types";
import { getDatabase } from "@/lib/db/database";
import type { AutohealConfig } from "./autoheal-config";
import { nextTry, triesInWindow } from "./backoff";
import { listAutohealPolicies } from "./db/list-autoheal-policies";
import type { AutohealTables } from "./db/policy-table";
import { giveUp } from "./give-up";
import { healAction } from "./heal-action";
import { resolvePolicy } from "./resolve-policy";
import { tryHeal } from "./try-heal";
import {
  MAX_TRIES,
  type AutohealPolicy,
  type AutohealStatus,
  type HealAction,
  type PolicyInForce,
} from "./types";

/** What auto-heal remembers of one container, by host and name; forgotten when the container goes. */
type Watch = {
  tries: number[];
  timer: NodeJS.Timeout | null;
  nextAt: number | null;
  action: HealAction | null;
  gaveUpAt: number | null;
  /** The run a try (or a decision not to try) was about: until the row shows another run, it is stale. */
  handled: string | null;
  busy: boolean;
};

const runOf = (row: ContainerRow) => `${row.id}/${row.startedAt ?? ""}`;

/**
 * Heals opted-in containers from the fleet's change feed: every row change is judged afresh, a try is planned
 * on a per-container timer (grace period, then doubling), cancelled when the container recovers, is stopped,
 * removed, or a person acts on it. Pure decisions live in ./heal-action, ./resolve-policy and ./backoff.
 */
export class Autohealer {
  private readonly watches = new Map<string, Watch>();
  /**
   * The policies as last read: every row change is judged against them, and a host's first read brings
   * thousands. Null until read; reread when one changes (policiesChanged).
   */
  private policies: readonly AutohealPolicy[] | null = null;
  private firstRead: Promise<void> | null = null;
  private reads = 0;
  private appliedRead = 0;

  constructor(
    private readonly store: FleetStore,
    private readonly config: AutohealConfig,
  ) {}

  onChange(change: FleetChange): void {
    if (!this.config.enabled || change.kind !== "row") return;
    const { host, previous, next } = change;
    if (previous && previous.name !== next?.name) this.forget(host.id, previous.name);
    if (next) this.consider(next);
  }

  /** Resolves once the policies have been read (at start); a failed first read is tried again on the next call. */
  ready(): Promise<void> {
    this.firstRead ??= this.policiesChanged().catch((error: unknown) => {
      this.firstRead = null;
      throw error;
    });
    return this.firstRead;
  }

  /** After a policy changed: read them again, and judge every container they now cover (or no longer cover). */
  async policiesChanged(): Promise<void> {
    const read = ++this.reads;
    const policies = await listAutohealPolicies(await getDatabase<AutohealTables>());
    // Reads that overlap (two changes in a row) may answer out of order: the latest one started wins.
    if (read < this.appliedRead) return;
    this.appliedRead = read;
    this.policies = policies;
    this.reconsiderAll();
  }

  private reconsiderAll(): void {
    if (!this.config.enabled) return;
    for (const hostId of this.store.hostIds()) for (const row of this.store.rows(hostId)) this.consider(row);
  }

  policyFor(row: ContainerRow): PolicyInForce | null {
    return resolvePolicy(row, this.policies ?? [], this.config.graceMs);
  }

  status(row: ContainerRow, now = Date.now()): AutohealStatus {
    const policy = this.config.enabled ? this.policyFor(row) : null;
    const watch = this.watches.get(key(row.hostId, row.name));
    const tries = triesInWindow(watch?.tries ?? [], now);
    const gaveUp = watch?.gaveUpAt != null && tries.length >= MAX_TRIES;
    return {
      hostId: row.hostId,
      containerName: row.name,
      policy,
      state: !policy ? "off" : gaveUp ? "gave-up" : watch?.nextAt ? "waiting" : "watching",
      nextTryAt: policy && watch?.nextAt ? new Date(watch.nextAt).toISOString() : null,
      nextAction: policy && watch?.nextAt ? watch.action : null,
      tries: tries.map((at) => new Date(at).toISOString()),
      maxTries: MAX_TRIES,
      gaveUpAt: gaveUp ? new Date(watch!.gaveUpAt!).toISOString() : null,
    };
  }

  private consider(row: ContainerRow): void {
    const watch = this.watches.get(key(row.hostId, row.name));
    // A try of ours is running: it looks again when it ends, with the row its action produced.
    if (watch?.busy) return;
    // Not read yet: the first read judges every container once it answers.
    if (this.policies === null) return;
    const action = healAction(row);
    // Most rows need no healing and have nothing to cancel: no policy lookup for each of them, which a host's
    // first read of thousands of containers would pay thousands of times.
    if (!action && !watch) return;
    const policy = this.policyFor(row);
    const blocked =
      this.store.status(row.hostId) !== "up" || actionRunningOn(row.hostId, row.name) !== undefined;
    if (!policy || !action || blocked) {
      if (watch) this.cancel(watch);
      return;
    }
    if (watch?.handled === runOf(row) || watch?.timer) return;
    const current = watch ?? this.watch(row);
    const now = Date.now();
    current.tries = triesInWindow(current.tries, now);
    const plan = nextTry(current.tries, now, policy.graceMs);
    if (plan.giveUp) {
      if (current.gaveUpAt === null) {
        current.gaveUpAt = now;
        giveUp(row, action, plan.tries, now).catch((error: unknown) =>
          console.error(`[wharf] auto-heal giving up on ${row.name} on ${row.hostId} failed`, error),
        );
      }
      return;
    }
    current.gaveUpAt = null;
    current.action = action;
    current.nextAt = plan.at;
    current.timer = setTimeout(() => void this.fire(row.hostId, row.name), plan.at - now);
    current.timer.unref();
  }

  private async fire(hostId: string, name: string): Promise<void> {
    const watch = this.watches.get(key(hostId, name));
    if (!watch) return;
    this.cancel(watch);
    // Everything may have changed since the try was planned: judge the container as it is now.
    const row = this.store.findRowByName(hostId, name);
    const action = row && this.policyFor(row) ? healAction(row) : null;
    if (!row || !action || this.store.status(hostId) !== "up" || actionRunningOn(hostId, name)) return;
    watch.busy = true;
    try {
      const tried = await tryHeal(row, action, triesInWindow(watch.tries, Date.now()).length + 1);
      // The try's time is its history row's, so the container page and the history agree.
      if (tried.kind === "acted") watch.tries.push(Date.parse(tried.result.entry.at));
      // Until the row shows another run, it is the one just handled. A failed or refused try changed nothing,
      // so it is judged again at once (and planned after the backoff).
      const unchanged =
        tried.kind === "refused" || (tried.kind === "acted" && tried.result.outcome === "failed");
      watch.handled = unchanged ? null : runOf(row);
    } catch (error) {
      console.error(`[wharf] auto-heal of ${name} on ${hostId} failed`, error);
    } finally {
      watch.busy = false;
    }
    const latest = this.store.findRowByName(hostId, name);
    if (latest) this.consider(latest);
  }

  private watch(row: ContainerRow): Watch {
    const watch: Watch = {
      tries: [],
      timer: null,
      nextAt: null,
      action: null,
      gaveUpAt: null,
      handled: null,
      busy: false,
    };
    this.watches.set(key(row.hostId, row.name), watch);
    return watch;
  }

  private cancel(watch: Watch): void {
    if (watch.timer) clearTimeout(watch.timer);
    watch.timer = null;
    watch.nextAt = null;
  }

  private forget(hostId: string, name: string): void {
    const watch = this.watches.get(key(hostId, name));
    if (watch) this.cancel(watch);
    this.watches.delete(key(hostId, name));
  }
}

const key = (hostId: string, name: string) => `${hostId}/${name}`;
