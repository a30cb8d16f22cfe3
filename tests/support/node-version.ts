import { readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./fleet";

/**
 * The Node `npm ci` puts in node_modules/.bin (package.json's "node" dependency), e.g. "24.21.0": every npm
 * script runs on it, whatever Node the machine has, and so does every Wharf a test starts.
 */
export const provisionedNode = (
  JSON.parse(readFileSync(path.join(repoRoot, "node_modules/node/package.json"), "utf8")) as {
    version: string;
  }
).version;
