// The dev fleet: started (or just checked) by the project's own script, so the bench measures the same three
// engines the tests use.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { engine } from "./engine-api.mjs";

// The dev fleet's two swarm nodes are left out: the bench's sizes are per host and its baselines are the three
// standalone engines, as in every earlier run of BENCHMARKS.md.
const SWARM_NODES = new Set(["sierra", "tango"]);

/** Starts (or checks) the dev fleet; returns a fleet file of its standalone engines, for the bench's Wharf. */
export function fleetUp(root) {
  const result = spawnSync("bash", [path.join(root, "scripts/fleet-up.sh")], { cwd: root, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`fleet-up failed:\n${result.stdout}\n${result.stderr}`);
  const fleet = JSON.parse(readFileSync(path.join(root, ".fleet/hosts.json"), "utf8"));
  const file = path.join(root, ".fleet/bench/hosts.json");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ hosts: fleet.hosts.filter((host) => !SWARM_NODES.has(host.id)) }));
  return file;
}

/** The engines named in the fleet file, each reached through its unix socket for setup and baselines. */
export function fleetEngines(hostsFile) {
  const { hosts } = JSON.parse(readFileSync(hostsFile, "utf8"));
  return hosts.map((host) => engine(host.id));
}
