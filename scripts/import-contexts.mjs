#!/usr/bin/env node
// `npm run fleet:import-contexts [-- --file fleet.json]`: writes the Docker CLI's contexts (`docker context ls`)
// into a fleet file as hosts, so `docker context create` is all a new host needs. The file is FLEET_CONFIG, or
// ./fleet.json, created when missing (.yaml/.yml files are written as YAML). Merging: a host whose id is a
// context's gets that context's endpoint and TLS files (its other fields stay); a context whose endpoint a host
// already has is left out; the others are added. DOCKER_CONFIG picks the Docker CLI's folder (~/.docker).
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { dockerConfigDir, readDockerContexts } from "../lib/docker/docker-contexts.mjs";

const args = process.argv.slice(2);
const at = args.indexOf("--file");
const file = path.resolve(
  at !== -1 && args[at + 1] ? args[at + 1] : process.env.FLEET_CONFIG || "fleet.json",
);
const yaml = /\.ya?ml$/i.test(file);

const { hosts: contexts, notes } = readDockerContexts(process.env);
for (const note of notes) console.warn(`skipped: ${note}`);
if (contexts.length === 0) {
  console.error(`No Docker context to import in ${dockerConfigDir(process.env)} (docker context ls)`);
  process.exit(1);
}

let fleet = { hosts: [] };
if (existsSync(file)) {
  const text = readFileSync(file, "utf8");
  try {
    fleet = yaml ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    console.error(`Cannot parse ${file}: ${error.message}`);
    process.exit(1);
  }
  if (!Array.isArray(fleet?.hosts)) {
    console.error(`${file} has no "hosts" list: not a fleet file`);
    process.exit(1);
  }
}

for (const context of contexts) {
  const same = fleet.hosts.find((host) => host.id === context.id);
  const sameUrl = fleet.hosts.find((host) => host.url === context.url);
  if (same) {
    same.url = context.url;
    same.name = context.name;
    if (context.tls) same.tls = context.tls;
    else delete same.tls;
    console.log(`updated ${context.id} (context "${context.name}", ${context.url})`);
  } else if (sameUrl) {
    console.log(`left out context "${context.name}": ${context.url} is host ${sameUrl.id} already`);
  } else {
    fleet.hosts.push(context);
    console.log(`added ${context.id} (context "${context.name}", ${context.url})`);
  }
}

// Written beside the file and renamed over it: an interrupted run never leaves half a fleet file. It may name
// private keys' paths: for its owner only.
const text = yaml ? stringifyYaml(fleet) : `${JSON.stringify(fleet, null, 2)}\n`;
writeFileSync(`${file}.tmp`, text, { mode: 0o600 });
renameSync(`${file}.tmp`, file);
console.log(`wrote ${file} (${fleet.hosts.length} hosts); start Wharf with FLEET_CONFIG=${file}`);
