// What the figures were measured on: they mean little without the machine and the versions next to them.
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { engineVersion } from "./engine-api.mjs";

export async function describeMachine({ root, engines, browser }) {
  const cpuModel =
    readFileSync("/proc/cpuinfo", "utf8").match(/^model name\s*:\s*(.+)$/m)?.[1] ??
    os.cpus()[0]?.model ??
    "unknown";
  const versions = await Promise.all(
    engines.map(async (eng) => `${eng.id} ${(await engineVersion(eng)).Version}`),
  );
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    cores: os.cpus().length,
    memoryGb: os.totalmem() / 1024 ** 3,
    cpuModel,
    os: readFileSync("/etc/os-release", "utf8").match(/^PRETTY_NAME="?([^"\n]+)/m)?.[1] ?? os.type(),
    node: process.version,
    next: JSON.parse(readFileSync(path.join(root, "node_modules/next/package.json"), "utf8")).version,
    docker: [...new Set(versions.map((v) => v.split(" ")[1]))].join(", "),
    dockerByHost: versions.join(", "),
    chromium: browser?.version() ?? null,
    playwright: JSON.parse(
      readFileSync(path.join(root, "node_modules/@playwright/test/package.json"), "utf8"),
    ).version,
  };
}
