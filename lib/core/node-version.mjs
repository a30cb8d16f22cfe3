// Wharf's embedded database is Node's own SQLite (node:sqlite). Node 20 has none, and before 22.16 (23.11 on the
// odd line) a statement cannot tell whether it returns rows (columns()), which the query builder needs: an older
// Node is told so in one line at start, not with "No such built-in module" at the first query.
// The first minor of each line that will do; every line from 24 on has it from its start.
const FIRST_MINOR = new Map([
  [22, 16],
  [23, 11],
]);
export const MINIMUM_NODE = "22.16";

/**
 * The line an older Node stops on, or null when this one will do.
 * @param {string} version `process.versions.node`, e.g. "24.21.0"
 */
export function nodeVersionRefusal(version) {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  const supported = major >= 24 || minor >= (FIRST_MINOR.get(major) ?? Infinity);
  return supported ? null : `Wharf needs Node ${MINIMUM_NODE} or later; this is ${major}.${minor}`;
}

/** Ends the process, with that line, on a Node Wharf cannot run on. */
export function requireSupportedNode() {
  const refusal = nodeVersionRefusal(process.versions.node);
  if (!refusal) return;
  console.error(`[wharf] ${refusal}`);
  process.exit(1);
}
