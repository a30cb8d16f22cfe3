import "server-only";
import { acceptConsole } from "./accept-console";

// Where scripts/request-guard.mjs finds the console's upgrade handler: it wraps Next's server from outside the
// build, and this is the build's way to hand it compiled code (auth, the database, lib/docker).
const KEY = Symbol.for("wharf.console-upgrade");

/** Called once at server start (instrumentation.ts). */
export function registerConsole(): void {
  (globalThis as { [KEY]?: typeof acceptConsole })[KEY] = acceptConsole;
}
