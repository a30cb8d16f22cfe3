// The dev fleet: started (or just checked) by the project's own script, so the bench measures the same three
// engines the tests use.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { engine } from "./engine-api.mjs";

export function fleetUp(root) {
  const result = spawnSync("bash", [path.join(root, "scripts/fleet-up.sh")], { cwd: root, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`fleet-up failed:\n${result.stdout}\n${result.stderr}`);
  return path.join(root, ".fleet/hosts.json");
}

/** The engines named in the fleet file, each reached through its unix socket for setup and baselines. */
export function fleetEngines(hostsFile) {
  const { hosts } = JSON.parse(readFileSync(hostsFile, "utf8"));
  return hosts.map((host) => engine(host.id));
}
