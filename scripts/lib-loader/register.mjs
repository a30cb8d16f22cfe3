// Lets a plain Node script import Wharf's TypeScript from lib/ with no build step: `import
// "./lib-loader/register.mjs"` first, then `await import("../lib/….ts")`. Scripts that need Wharf's own code
// (db:copy runs the migrations; the bench's PostgreSQL run makes Wharf's schema) use it rather than a copy of it.
import { register } from "node:module";

register("./hooks.mjs", import.meta.url);
