const SUFFIX = "-wharf-old-";
const TRANSIENT = new RegExp(`${SUFFIX}\\d+$`);

/**
 * The name a redeploy or rollback gives the container it replaces while the new one starts: set aside, stopped,
 * then removed (or started again when the new one does not hold). It carries the action's history id so two
 * actions on the same name never collide. Made here rather than in lib/actions so that every floor that must
 * pass over such a container (inventory, incidents, auto-heal, external changes) reads the same rule.
 */
export function wharfAsideName(name: string, historyId: number): string {
  return `${name}${SUFFIX}${historyId}`;
}

/** A container Wharf set aside mid-redeploy: Wharf's own business, not part of what runs nor anyone's crash. */
export function isWharfTransient(name: string): boolean {
  return TRANSIENT.test(name);
}
